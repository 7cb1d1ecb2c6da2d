import { memo, useDeferredValue, useEffect, useRef, type ReactNode } from 'react';
import type { Bullet, Meeting, RichText, Statement } from '../../../shared/minutes';
import { personDisplayName } from '../../../shared/minutes';
import type { AnyBlock } from '../model/tree';
import { childrenOf } from '../model/tree';
import { formatDate } from '../format/dates';
import { useAppStore } from '../state/store';

/**
 * INTERIM preview, until the agreed-format module and its paged preview land from the export branch
 * (src/shared/format, src/renderer/src/preview/PagedPreview.tsx): then this pane mounts theirs, fed the
 * same document and focused block. It shows a window of blocks around the cursor, so that its cost per
 * keystroke does not grow with the document.
 */
const WINDOW = 24;

interface Item {
  block: AnyBlock;
  depth: number;
  letter?: string;
}

function flatten(body: readonly AnyBlock[]): Item[] {
  const out: Item[] = [];
  let section = 0;
  const walk = (list: readonly AnyBlock[], depth: number) => {
    for (const b of list) {
      out.push({ block: b, depth, ...(b.type === 'section' ? { letter: String.fromCharCode(65 + section++) } : {}) });
      const kids = childrenOf(b);
      if (kids) walk(kids, depth + 1);
    }
  };
  walk(body, 0);
  return out;
}

function Runs({ rt }: { rt: RichText | undefined }): ReactNode {
  return (rt ?? []).map((r, i) => {
    let n: ReactNode = r.text;
    if (r.italic) n = <em>{n}</em>;
    if (r.bold) n = <strong>{n}</strong>;
    return <span key={i}>{n}</span>;
  });
}

function Bullets({ items, numbering = 'bullet' }: { items: readonly Bullet[]; numbering?: string }): ReactNode {
  if (items.length === 0) return null;
  const Tag = numbering === 'decimal' || numbering === 'decimal-paren' ? 'ol' : 'ul';
  return (
    <Tag className={`pv-list pv-${numbering}`}>
      {items.map((b) => (
        <li key={b.id}>
          {b.country && <strong>{b.country}: </strong>}
          <Runs rt={b.text} />
          {b.children && <Bullets items={b.children} />}
        </li>
      ))}
    </Tag>
  );
}

function Said({ s, role }: { s: Statement; role: string }) {
  return (
    <>
      <p className="pv-said"><strong>{role}{s.by.label ? ` (${s.by.label})` : ''}</strong></p>
      {s.paragraphs.map((p, i) => <p key={i}><Runs rt={p} /></p>)}
    </>
  );
}

function PreviewBlock({ item, meeting }: { item: Item; meeting: Meeting }): ReactNode {
  const b = item.block;
  switch (b.type) {
    case 'section':
      return <h2>{item.letter}. <Runs rt={b.heading} /></h2>;
    case 'session':
      return <h3>Session {b.number}: <Runs rt={b.title} /></h3>;
    case 'paragraph':
    case 'disclaimer':
    case 'next-meeting':
    case 'observers':
      return <p><Runs rt={b.text} /></p>;
    case 'signing':
      return <p className="pv-signing"><Runs rt={b.text} /></p>;
    case 'list':
      return <>{b.heading && <p><strong><Runs rt={b.heading} /></strong></p>}<Bullets items={b.items} numbering={b.numbering} /></>;
    case 'delegations':
      return <>{b.delegations.map((d) => (d.description ?? [[{ text: `${d.country}: ${d.institutions.join('; ')}` }]]).map((p, i) => <p key={`${d.id}${i}`}><Runs rt={p} /></p>))}</>;
    case 'presiding':
      return <>{b.paragraphs.map((p, i) => <p key={i}><Runs rt={p} /></p>)}</>;
    case 'remark':
      return <>{b.paragraphs.map((p, i) => <p key={i}>{i === 0 && b.speakerLabel && <><strong><Runs rt={b.speakerLabel} /></strong>: </>}<Runs rt={p} /></p>)}</>;
    case 'presentation':
      return <><p><strong><Runs rt={b.heading} /></strong></p><Bullets items={b.bullets} />{b.recommendations && <><p><strong><Runs rt={b.recommendations.heading} /></strong></p><Bullets items={b.recommendations.items} /></>}</>;
    case 'qa':
      return <>{b.turns.map((t) => <div key={t.id}><Said s={t.question} role="Question" />{t.answers.map((a) => <Said key={a.id} s={a} role="Answer" />)}</div>)}</>;
    case 'suggestions':
      return <>{b.items.map((s) => <Said key={s.id} s={s} role="Suggestion" />)}</>;
    case 'group':
      return <><p><strong>Group {b.number}: <Runs rt={b.theme} /></strong></p>{b.parts.map((p) => <div key={p.id}>{p.heading && <p><strong><Runs rt={p.heading} /></strong></p>}<Bullets items={p.items} /></div>)}</>;
    case 'signatories':
      return (
        <div className="pv-signatures">
          {b.signatories.map((s) => {
            const p = s.personId ? meeting.people.find((x) => x.id === s.personId) : undefined;
            return (
              <div key={s.id} className="pv-signature">
                <p>{s.role}</p>
                <div className="pv-sigline" />
                <p><strong>{p ? personDisplayName(p) : s.name}</strong></p>
                {s.titleLines.map((t, i) => <p key={i} className="pv-small">{t}</p>)}
              </div>
            );
          })}
        </div>
      );
    case 'routing':
      return <>{b.steps.map((s) => <p key={s.id}>{s.kind === 'submitted' ? 'Submitted to' : 'Seen, and submitted to'} {s.recipient}, {s.purpose}. {s.place}, {formatDate(s.date)} — {s.signerRole}</p>)}</>;
  }
}

export const InterimPreview = memo(function InterimPreview() {
  const meeting = useDeferredValue(useAppStore((s) => s.doc?.meeting));
  const focused = useDeferredValue(useAppStore((s) => s.focusedBlock));
  const scroller = useRef<HTMLDivElement>(null);
  const items = meeting ? flatten(meeting.body as AnyBlock[]) : [];
  let at = focused ? items.findIndex((it) => it.block.id === focused) : 0;
  if (at < 0) at = 0;
  const from = Math.max(0, at - Math.floor(WINDOW / 2));
  const shown = items.slice(from, from + WINDOW);

  useEffect(() => {
    const el = focused ? scroller.current?.querySelector(`[data-preview-block="${CSS.escape(focused)}"]`) : null;
    el?.scrollIntoView({ block: 'nearest' });
  }, [focused, meeting]);

  if (!meeting) return null;
  const { titleBlock, dates, venue } = meeting;
  return (
    <aside className="preview" aria-label="Preview">
      <div className="preview-bar">
        Preview <span className="preview-note" title="The paged preview from the agreed format replaces this view when it lands">interim layout</span>
      </div>
      <div className="preview-scroll" ref={scroller}>
        <article className="sheet">
          {from === 0 && (
            <header className="pv-title">
              {titleBlock.label && <p className="pv-label"><Runs rt={titleBlock.label} /></p>}
              <h1><Runs rt={titleBlock.title} /></h1>
              {titleBlock.joiner && <p><Runs rt={titleBlock.joiner} /></p>}
              {titleBlock.theme && <h1><Runs rt={titleBlock.theme} /></h1>}
              <p>{formatDate(dates.start)}{dates.end !== dates.start ? ` – ${formatDate(dates.end)}` : ''}</p>
              <p>{[venue.name, venue.city, venue.country].filter(Boolean).join(', ')}</p>
            </header>
          )}
          {shown.map((it) => (
            <div key={it.block.id} data-preview-block={it.block.id} className={it.block.id === focused ? 'pv-focused' : undefined}>
              <PreviewBlock item={it} meeting={meeting} />
            </div>
          ))}
        </article>
      </div>
    </aside>
  );
});
