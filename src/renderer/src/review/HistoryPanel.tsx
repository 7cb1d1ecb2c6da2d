import { useEffect, useState } from 'react';
import { useAppStore } from '../state/store';
import type { HistoryEntry } from '../state/reviewSlice';
import { shortcutHint } from '../commands/registry';

/** "30 Nov 2026, 14:02" in the user's time zone. */
const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The id of the name field, so that the "Name this version…" command can put the cursor there. */
export const NAME_INPUT_ID = 'history-name-input';

/**
 * The history of the open meeting, newest first: who saved each revision and when, the blocks it
 * changed (by their words), the names pinning it; open one read-only, restore it or one of its
 * blocks (a new revision; nothing is destroyed), name it, or compare it with another.
 */
export function HistoryPanel() {
  const entries = useAppStore((s) => s.historyEntries);
  const error = useAppStore((s) => s.reviewError);
  const busy = useAppStore((s) => s.reviewBusy);
  const compareFrom = useAppStore((s) => s.compareFrom);
  const close = useAppStore((s) => s.toggleHistory);
  const nameVersion = useAppStore((s) => s.nameVersion);
  const [name, setName] = useState('');
  const newestFirst = entries ? [...entries].reverse() : null;
  // Follows the editing: once a save lands (and the typing pauses), the newest revision is re-read.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.saveState === 'saved' && previous.saveState !== 'saved') {
        clearTimeout(timer);
        timer = setTimeout(() => void useAppStore.getState().refreshHistory(), 1_500);
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, []);
  return (
    <aside className="history-panel" aria-label="History" data-testid="history-panel">
      <header className="history-head">
        <h2>History</h2>
        <button type="button" onClick={() => void close(false)} {...shortcutHint('review.history', 'Close the history')}>Close</button>
      </header>
      <form
        className="history-name"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void nameVersion(name.trim()).then((ok) => ok && setName(''));
        }}
      >
        <label htmlFor={NAME_INPUT_ID}>Name the current version</label>
        <div>
          <input id={NAME_INPUT_ID} value={name} maxLength={200} placeholder="Draft 1 circulated 12 June 2019" onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim()}>Name</button>
        </div>
      </form>
      {compareFrom !== null && (
        <p className="history-hint" role="status">
          Choose the version to compare with {/^\d+$/.test(compareFrom) ? `revision ${compareFrom}` : `“${compareFrom}”`}.{' '}
          <button type="button" className="link" onClick={() => useAppStore.getState().startCompare(null)}>Cancel</button>
        </p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {!newestFirst ? (
        <p className="empty">Loading the history…</p>
      ) : (
        <ol className="history-list" aria-busy={busy}>
          {newestFirst.map((r, i) => (
            <RevisionItem key={r.id} entry={r} latest={i === 0} />
          ))}
        </ol>
      )}
    </aside>
  );
}

function RevisionItem({ entry: r, latest }: { entry: HistoryEntry; latest: boolean }) {
  const view = useAppStore((s) => s.reviewView);
  const compareFrom = useAppStore((s) => s.compareFrom);
  const busy = useAppStore((s) => s.reviewBusy);
  const { viewRevision, restore, startCompare, compare, nameVersion } = useAppStore.getState();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const ref = r.names[0] ?? String(r.id);
  const viewing = view.kind === 'revision' && view.revisionId === r.id;
  const shown = open ? r.blocks : r.blocks.slice(0, 4);
  return (
    <li className={`history-item${viewing ? ' viewing' : ''}`} data-revision={r.id}>
      <div className="history-line">
        <strong>Revision {r.id}</strong>
        <span className="history-author">{r.author}</span>
        <time dateTime={r.savedAt}>{when(r.savedAt)}</time>
        {latest && <span className="history-badge">current</span>}
      </div>
      {r.names.map((n) => (
        <span key={n} className="history-name-tag" title="A named version: pinned, never changes">{n}</span>
      ))}
      <p className="history-what">
        {r.origin === 'create' ? 'Created' : r.origin === 'recover' ? 'Recovered' : r.saves > 1 ? `${r.saves} saves` : '1 save'}
        {' · '}
        {r.blocks.length === 1 ? '1 block changed' : `${r.blocks.length} blocks changed`}
        {r.acceptedBy && ` · ${r.acceptedBy.suggestions} suggestion${r.acceptedBy.suggestions === 1 ? '' : 's'} accepted by ${r.acceptedBy.by}`}
      </p>
      {r.blocks.length > 0 && r.origin !== 'create' && (
        <ul className="history-blocks">
          {shown.map((b) => (
            <li key={b.id}>
              <span className="history-block-label">{b.label}</span>
              {!latest && (
                <button type="button" className="link" disabled={busy} onClick={() => void restore(r.id, b.id)}
                  title="Put this block back as it was in this revision (a new revision)">Restore block</button>
              )}
            </li>
          ))}
          {r.blocks.length > shown.length && (
            <li><button type="button" className="link" onClick={() => setOpen(true)}>and {r.blocks.length - shown.length} more…</button></li>
          )}
        </ul>
      )}
      <div className="history-actions">
        {compareFrom !== null ? (
          compareFrom !== ref && <button type="button" className="primary" onClick={() => void compare(compareFrom, ref)}>Compare with this</button>
        ) : (
          <>
            <button type="button" onClick={() => void viewRevision(r.id)} aria-pressed={viewing}>Open</button>
            <button type="button" onClick={() => startCompare(ref)}>Compare with…</button>
            {!latest && <button type="button" disabled={busy} onClick={() => void restore(r.id)}>Restore this revision</button>}
            <button type="button" onClick={() => setNaming(!naming)}>Name…</button>
          </>
        )}
      </div>
      {naming && (
        <form
          className="history-name inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void nameVersion(name.trim(), r.id).then((ok) => ok && setNaming(false));
          }}
        >
          <input aria-label={`Name revision ${r.id}`} value={name} maxLength={200} autoFocus placeholder="Draft 1 circulated 12 June 2019" onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim()}>Name</button>
        </form>
      )}
    </li>
  );
}
