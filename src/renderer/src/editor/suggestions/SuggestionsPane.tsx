import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { SuggestionView } from '../../../../shared/ipc/contract';
import { plain, richTextToString, type RichText } from '../../../../shared/minutes';
import type { ReviewChange } from '../../../../shared/minutes/reviewSuggestions';
import { overlaps } from '../../../../shared/review/acceptSuggestion';
import { diffRichText, type Segment } from '../../../../shared/review/words';
import { useAppStore } from '../../state/store';
import { REVIEW_INPUT_ID } from './pick';
import './suggestions.css';

/**
 * Review suggestions beside the editor (next to the comments): grouped by delegation or by block, each
 * shown inline as a redline (the compare module's word segments) with the current text around it;
 * suggestions of several delegations on the same words side by side; conflicting ones flagged with
 * why. Accept or reject one, a selection, or all from one reviewer; which delegations have answered;
 * "Import reviewed copy…". Every control is a button, checkbox or file input: reachable by Tab.
 */

const undecided = (s: SuggestionView) => s.status === 'open' || s.status === 'conflicting';

/** Scrolls the editor to the block a suggestion is on and puts the cursor there. */
function revealBlock(blockId: string) {
  document.querySelector(`[data-block-id="${CSS.escape(blockId)}"]`)?.scrollIntoView({ block: 'center' });
  useAppStore.getState().setFocus(null, blockId);
}

/** The words a change takes out and puts in, as segments of one redline. */
function segmentsOf(c: ReviewChange): Segment[] {
  const seg = (kind: 'inserted' | 'deleted' | 'equal', text: string, bold = false, italic = false): Segment => ({ kind, text, marks: { bold, italic } });
  const itemText = (v: unknown): string => (Array.isArray(v) ? richTextToString(v as RichText) : v && typeof v === 'object' && Array.isArray((v as { text?: unknown }).text) ? richTextToString((v as { text: RichText }).text) : '');
  switch (c.kind) {
    case 'text':
      return diffRichText(plain(c.quote), c.insert);
    case 'format':
      return [{ kind: 'formatChanged', text: c.quote, marks: { bold: c.bold ?? false, italic: c.italic ?? false }, before: { bold: !(c.bold ?? true), italic: !(c.italic ?? true) } }];
    case 'insert-item':
      return [seg('inserted', itemText(c.value))];
    case 'remove-item':
    case 'remove-block':
      return [seg('deleted', c.quote)];
    case 'insert-block':
      return [seg('inserted', Object.values(c.block).flatMap((v) => (Array.isArray(v) ? [itemText(v)] : [])).join(' ') || `(${c.block.type})`)];
    case 'unplaced':
      return [...(c.deleted ? [seg('deleted', c.deleted)] : []), ...(c.inserted ? [seg('inserted', c.inserted)] : [])];
  }
}

const KIND_LABEL: Record<ReviewChange['kind'], string> = {
  text: 'Text',
  format: 'Formatting',
  'insert-item': 'New item',
  'remove-item': 'Item removed',
  'insert-block': 'New paragraph',
  'remove-block': 'Block removed',
  unplaced: 'Unplaced',
};

function Redline({ s }: { s: SuggestionView }) {
  const segments = useMemo(() => segmentsOf(s.change), [s.change]);
  return (
    <p className="sg-redline" lang="und">
      {s.context?.before && <span className="sg-context">…{s.context.before}</span>}
      {segments.map((g, i) => {
        const style = { fontWeight: g.marks.bold ? 700 : undefined, fontStyle: g.marks.italic ? 'italic' : undefined } as const;
        if (g.kind === 'inserted') return <ins key={i} style={style}>{g.text}</ins>;
        if (g.kind === 'deleted') return <del key={i} style={style}>{g.text}</del>;
        if (g.kind === 'formatChanged') return <span key={i} className="sg-fmt" style={style} title="formatting changed">{g.text}</span>;
        return <span key={i} style={style}>{g.text}</span>;
      })}
      {s.context?.after && <span className="sg-context">{s.context.after}…</span>}
    </p>
  );
}

function Card({ s, delegation }: { s: SuggestionView; delegation: string | undefined }) {
  const selected = useAppStore((st) => st.suggestionSelection.includes(s.id));
  const toggle = useAppStore((st) => st.toggleSuggestion);
  const accept = useAppStore((st) => st.acceptSuggestions);
  const reject = useAppStore((st) => st.rejectSuggestions);
  const busy = useAppStore((st) => st.suggestions.busy);
  const open = undecided(s);
  const problem = s.status === 'conflicting' ? (s.conflict ?? s.place.reason) : open && !s.place.ok ? s.place.reason : undefined;
  return (
    <article className={`sg-card sg-${s.status}${open && !s.place.ok ? ' sg-blocked' : ''}`} data-testid="suggestion" data-suggestion-id={s.id} data-status={s.status} aria-label={`${KIND_LABEL[s.change.kind]} suggested by ${s.author}`}>
      <header className="sg-meta">
        {open && (
          <input type="checkbox" checked={selected} aria-label={`Select the suggestion of ${s.author}`} onChange={(e) => toggle(s.id, e.target.checked)} />
        )}
        <span className="sg-author">{s.author}</span>
        {delegation && <span className="sg-delegation">{delegation}</span>}
        <span className="sg-kind">{KIND_LABEL[s.change.kind]}{s.tracked ? '' : ' (untracked)'}</span>
        {s.status !== 'open' && <span className={`sg-badge sg-badge-${s.status}`}>{s.status}</span>}
      </header>
      <Redline s={s} />
      {problem && (
        <p className="sg-problem" role="note">
          ⚠ {problem}
        </p>
      )}
      {s.decision && (
        <p className="sg-decision">
          {s.status === 'accepted' ? 'Accepted' : 'Rejected'} by {s.decision.by} {s.decision.at.slice(0, 16).replace('T', ' ')} UTC
          {s.decision.revisionId !== undefined ? ` (revision ${s.decision.revisionId})` : ''}
          {s.decision.reason ? ` — ${s.decision.reason}` : ''}
        </p>
      )}
      {open && (
        <div className="sg-actions">
          {s.blockId && (
            <button type="button" className="link" onClick={() => revealBlock(s.blockId!)}>
              Show
            </button>
          )}
          <button type="button" className="primary" disabled={busy || !s.place.ok} onClick={() => void accept([s.id])}>
            Accept
          </button>
          <button type="button" disabled={busy} onClick={() => void reject([s.id])}>
            Reject
          </button>
        </div>
      )}
    </article>
  );
}

/** Suggestions on the same words (overlapping changes of one field), side by side; the rest one by one. */
function rivalGroups(list: readonly SuggestionView[]): SuggestionView[][] {
  const groups: SuggestionView[][] = [];
  for (const s of list) {
    const g = groups.find((grp) => grp.some((o) => o.importId !== s.importId && overlaps(o.change, s.change)));
    if (g) g.push(s);
    else groups.push([s]);
  }
  return groups;
}

function ImportReviewed({ meetingId }: { meetingId: string }) {
  const importReviewedCopy = useAppStore((s) => s.importReviewedCopy);
  const delegations = useAppStore((s) => s.suggestions.delegations);
  const [delegationId, setDelegationId] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const picked = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) await importReviewedCopy(meetingId, file, delegationId || undefined);
  };
  return (
    <div className="sg-import">
      <label>
        Answers for{' '}
        <select value={delegationId} onChange={(e) => setDelegationId(e.target.value)} aria-label="Delegation the reviewed copy answers for">
          <option value="">(from the reviewer’s name)</option>
          {delegations.map((d) => (
            <option key={d.id} value={d.id}>
              {d.country}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => input.current?.click()}>
        Import reviewed copy…
      </button>
      <input ref={input} id={REVIEW_INPUT_ID} type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" hidden data-testid="review-input" onChange={(e) => void picked(e)} />
    </div>
  );
}

export function SuggestionsPane({ meetingId }: { meetingId: string }) {
  const state = useAppStore((s) => s.suggestions);
  const selection = useAppStore((s) => s.suggestionSelection);
  const load = useAppStore((s) => s.loadSuggestions);
  const accept = useAppStore((s) => s.acceptSuggestions);
  const acceptAllFrom = useAppStore((s) => s.acceptAllFrom);
  const reject = useAppStore((s) => s.rejectSuggestions);
  const close = useAppStore((s) => s.setSuggestionsPaneOpen);
  const saveState = useAppStore((s) => s.saveState);
  const [by, setBy] = useState<'delegation' | 'block'>('delegation');
  const [showDecided, setShowDecided] = useState(false);

  // Whether a suggestion still applies depends on the stored text: list again once the meeting is saved.
  useEffect(() => {
    if (saveState === 'saved') void load(meetingId);
  }, [meetingId, saveState, load]);

  const names = useMemo(() => new Map(state.delegations.map((d) => [d.id, d.country])), [state.delegations]);
  const shown = state.list.filter((s) => showDecided || undecided(s));
  const groups = useMemo(() => {
    // Keyed by id (two blocks may read alike), titled for the reader.
    const out = new Map<string, { title: string; list: SuggestionView[] }>();
    for (const s of shown) {
      const key = by === 'delegation' ? (s.delegationId ?? `~${s.author}`) : (s.blockId ?? '~unplaced');
      const title = by === 'delegation' ? (s.delegationId ? (names.get(s.delegationId) ?? s.delegationId) : `Reviewer ${s.author}`) : (s.blockLabel ?? s.blockId ?? 'Unplaced');
      const group = out.get(key) ?? { title, list: [] };
      group.list.push(s);
      out.set(key, group);
    }
    return [...out];
  }, [shown, by, names]);
  const open = state.list.filter(undecided);
  const conflicting = open.filter((s) => s.status === 'conflicting').length;
  const answered = state.delegations.filter((d) => d.answered).length;

  return (
    <aside className="suggestions-pane" aria-label="Suggestions" data-testid="suggestions-pane">
      <header className="sg-head">
        <h2>Suggestions</h2>
        <span className="sg-count">
          {open.length} open{conflicting ? `, ${conflicting} conflicting` : ''}
        </span>
        <button type="button" className="link" aria-label="Close suggestions" onClick={() => close(false)}>
          ×
        </button>
      </header>
      <p className="sg-answered" data-testid="review-status">
        {state.delegations.length === 0
          ? 'The meeting lists no delegations.'
          : `${answered} of ${state.delegations.length} delegations answered: `}
        {state.delegations.map((d) => (
          <span key={d.id} className={d.answered ? 'sg-answer yes' : 'sg-answer no'} title={d.answered ? `by ${d.reviewers.join(', ')}` : 'no reviewed copy yet'}>
            {d.answered ? '✓' : '…'} {d.country}
          </span>
        ))}
      </p>
      <ImportReviewed meetingId={meetingId} />
      <div aria-live="polite" className="sg-live">
        {state.error && (
          <p role="alert" className="sg-error">
            {state.error}
          </p>
        )}
        {state.notice && <p className="sg-notice">{state.notice}</p>}
      </div>
      <div className="sg-tools" role="group" aria-label="Suggestion tools">
        <label>
          Group by{' '}
          <select value={by} onChange={(e) => setBy(e.target.value as 'delegation' | 'block')}>
            <option value="delegation">delegation</option>
            <option value="block">block</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={showDecided} onChange={(e) => setShowDecided(e.target.checked)} /> decided too
        </label>
        <button type="button" className="primary" disabled={selection.length === 0 || state.busy} onClick={() => void accept(selection)}>
          Accept selected ({selection.length})
        </button>
        <button type="button" disabled={selection.length === 0 || state.busy} onClick={() => void reject(selection)}>
          Reject selected
        </button>
      </div>
      {shown.length === 0 && <p className="sg-empty">{state.list.length === 0 ? 'No reviewed copy has been imported yet.' : 'Every suggestion has been decided.'}</p>}
      {groups.map(([key, { title, list }]) => {
        const reviewers = [...new Set(list.filter(undecided).map((s) => s.author))];
        return (
          <section key={key} className="sg-group" aria-label={by === 'delegation' ? `Delegation ${title}` : `Block ${title}`}>
            <h3>
              {title} <span className="sg-group-count">({list.length})</span>
            </h3>
            {by === 'delegation' &&
              reviewers.map((r) => (
                <button key={r} type="button" className="sg-all" disabled={state.busy} onClick={() => void acceptAllFrom(r)}>
                  Accept all from {r}
                </button>
              ))}
            {rivalGroups(list).map((g) =>
              g.length === 1 ? (
                <Card key={g[0]!.id} s={g[0]!} delegation={by === 'block' && g[0]!.delegationId ? names.get(g[0]!.delegationId) : undefined} />
              ) : (
                <div key={g[0]!.id} className="sg-rivals" role="group" aria-label="Suggestions on the same words" style={{ gridTemplateColumns: `repeat(${g.length}, minmax(0, 1fr))` }}>
                  {g.map((s) => (
                    <Card key={s.id} s={s} delegation={s.delegationId ? names.get(s.delegationId) : undefined} />
                  ))}
                </div>
              ),
            )}
          </section>
        );
      })}
    </aside>
  );
}
