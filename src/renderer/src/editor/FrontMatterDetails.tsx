import { memo } from 'react';
import { type AgendaItem, type FrontMatter, type Meeting, type RichText, newId } from '../../../shared/minutes';
import { useAppStore } from '../state/store';
import { RichField } from './richtext/RichField';
import { TextInput, withOptional } from './fields/TextInput';
import { asRich } from './blocks/common';

const HEAD = 'meeting';

/** The field key of an agenda item's part: what the agenda commands read to know which item has the cursor. */
export const agendaField = (itemId: string, part: string) => `${HEAD}.agenda.${itemId}.${part}`;
/** The agenda item whose field has the cursor, if any. */
export function focusedAgendaItem(focusedField: string | null): string | undefined {
  const m = focusedField ? /^meeting\.agenda\.([^.]+)\./.exec(focusedField) : null;
  return m?.[1];
}

/** The meeting with its front matter changed: an emptied field is removed, and an emptied front matter too. */
export function withFrontMatter(m: Meeting, fn: (f: FrontMatter) => FrontMatter): Meeting {
  const next = fn(m.frontMatter ?? {});
  const { frontMatter: _old, ...rest } = m;
  return Object.keys(next).length > 0 ? { ...rest, frontMatter: next } : rest;
}

/** The meeting with an agenda item changed. */
export function withAgendaItem(m: Meeting, id: string, fn: (a: AgendaItem) => AgendaItem): Meeting {
  return { ...m, agenda: (m.agenda ?? []).map((a) => (a.id === id ? fn(a) : a)) };
}

/** A new agenda item after the last, numbered one more than the count; the cursor goes to its number. */
export function addAgendaItem(s: { edit: ReturnType<typeof useAppStore.getState>['edit'] }): void {
  const id = newId('ag');
  s.edit((m) => ({ ...m, agenda: [...(m.agenda ?? []), { id, number: String((m.agenda?.length ?? 0) + 1), title: [], documents: [] }] }), { focus: agendaField(id, 'title') });
}

/** Removes an agenda item; headings that printed it keep their own text and lose the link (no dangling reference). */
export function removeAgendaItem(s: { edit: ReturnType<typeof useAppStore.getState>['edit'] }, id: string): void {
  s.edit((m) => ({ ...m, agenda: (m.agenda ?? []).filter((a) => a.id !== id), body: unlinkHeadings(m.body, id) }));
}

function unlinkHeadings(body: Meeting['body'], id: string): Meeting['body'] {
  const leaf = <B extends { type: string }>(b: B): B => {
    if (b.type !== 'heading' || (b as { agendaItemId?: string }).agendaItemId !== id) return b;
    const { agendaItemId: _gone, ...rest } = b as B & { agendaItemId?: string };
    return rest as B;
  };
  return body.map((b) =>
    b.type === 'section'
      ? { ...b, blocks: b.blocks.map((c) => (c.type === 'session' ? { ...c, items: c.items.map(leaf) } : leaf(c))) }
      : b.type === 'session'
        ? { ...b, items: b.items.map(leaf) }
        : leaf(b),
  );
}

/** A document symbol added to an agenda item; the cursor goes to it. */
export function addAgendaDocument(s: { edit: ReturnType<typeof useAppStore.getState>['edit'] }, id: string): void {
  const count = useAppStore.getState().doc?.meeting.agenda?.find((a) => a.id === id)?.documents.length ?? 0;
  s.edit((m) => withAgendaItem(m, id, (a) => ({ ...a, documents: [...a.documents, ''] })), { focus: agendaField(id, `documents.${count}`) });
}

/**
 * The front matter (masthead facts, the meeting's time, the classification, a dateline) and the
 * meeting's agenda, beside the title: what the format prints in the masthead and where an agenda block
 * or an agenda item's heading stands. Every field is reached by Tab; adding and removing agenda items
 * and documents are also commands (Ctrl+K: "Add an agenda item", …) as buttons are not in the Tab walk.
 */
export const FrontMatterDetails = memo(function FrontMatterDetails({ frontMatter, agenda }: Pick<Meeting, 'frontMatter' | 'agenda'>) {
  const edit = useAppStore((s) => s.edit);
  const fm = frontMatter ?? {};
  const type = (field: string, fn: (m: Meeting) => Meeting) => edit(fn, { field, typing: true });
  const short = (key: 'symbol' | 'distribution' | 'originalLanguage' | 'classification' | 'meetingTime', label: string, placeholder: string) => (
    <TextInput field={`${HEAD}.frontMatter.${key}`} label={label} value={fm[key] ?? ''} placeholder={placeholder}
      onChange={(v) => type(`${HEAD}.frontMatter.${key}`, (m) => withFrontMatter(m, (f) => withOptional(f, key, v)))} />
  );
  const rich = (key: 'issuingBody' | 'dateline', label: string, placeholder: string) => (
    <RichField field={`${HEAD}.frontMatter.${key}`} blockId={HEAD} kind="inline" className={`front-${key}`} value={fm[key] ?? []}
      label={label} placeholder={placeholder}
      onChange={(v) =>
        type(`${HEAD}.frontMatter.${key}`, (m) =>
          withFrontMatter(m, (f) => {
            const rt = asRich(v);
            const { [key]: _old, ...rest } = f;
            return rt.length > 0 ? { ...rest, [key]: rt } : rest;
          }),
        )
      } />
  );
  return (
    <section className="details front-matter blk" data-block-id={HEAD} aria-label="Front matter and agenda">
      <div className="blk-bar">
        <span className="blk-caption">Front matter and agenda</span>
      </div>
      {rich('issuingBody', 'Issuing body', 'Issuing body (e.g. Economic and Social Council) — optional')}
      <div className="row">
        {short('symbol', 'Document symbol', 'E/CN.6/2024/SR.3')}
        {short('distribution', 'Distribution', 'General')}
        <TextInput field={`${HEAD}.frontMatter.dateOfIssue`} label="Date of issue" type="date" value={fm.dateOfIssue ?? ''}
          onChange={(v) => type(`${HEAD}.frontMatter.dateOfIssue`, (m) => withFrontMatter(m, (f) => withOptional(f, 'dateOfIssue', v)))} />
        {short('originalLanguage', 'Original language', 'English')}
      </div>
      <div className="row">
        {short('meetingTime', 'Time', '10 a.m.')}
        {short('classification', 'Classification (every page)', 'CONFIDENTIAL')}
      </div>
      {rich('dateline', 'Dateline', 'Dateline above the title (e.g. Bangkok, 12 March 2024) — optional')}
      <p className="muted">Agenda (printed where an Agenda block stands; a Heading can print an item)</p>
      <ol className="agenda-items">
        {(agenda ?? []).map((item) => (
          <AgendaItemRow key={item.id} item={item} />
        ))}
      </ol>
      <button type="button" className="link" onClick={() => addAgendaItem({ edit })}>
        Add an agenda item
      </button>
    </section>
  );
});

const AgendaItemRow = memo(function AgendaItemRow({ item }: { item: AgendaItem }) {
  const edit = useAppStore((s) => s.edit);
  const set = (part: string, fn: (a: AgendaItem) => AgendaItem) => edit((m) => withAgendaItem(m, item.id, fn), { field: agendaField(item.id, part), typing: true });
  return (
    <li className="agenda-item" data-agenda-item={item.id}>
      <div className="row">
        <TextInput field={agendaField(item.id, 'number')} label="Number" value={item.number} placeholder="3 (a)"
          onChange={(v) => set('number', (a) => ({ ...a, number: v }))} />
        <RichField field={agendaField(item.id, 'title')} blockId={HEAD} kind="inline" value={item.title} label="Agenda item title"
          placeholder="Title of the agenda item" onChange={(v) => set('title', (a) => ({ ...a, title: asRich(v) as RichText }))} />
      </div>
      {item.documents.map((d, i) => (
        <div className="row" key={i}>
          <TextInput field={agendaField(item.id, `documents.${i}`)} label={`Document ${i + 1}`} value={d} placeholder="E/CN.6/2024/1"
            onChange={(v) => set(`documents.${i}`, (a) => ({ ...a, documents: a.documents.map((x, k) => (k === i ? v : x)) }))} />
          <button type="button" className="link" aria-label={`Remove document ${i + 1}`}
            onClick={() => edit((m) => withAgendaItem(m, item.id, (a) => ({ ...a, documents: a.documents.filter((_, k) => k !== i) })))}>
            Remove
          </button>
        </div>
      ))}
      <div className="row row-tools">
        <button type="button" className="link" onClick={() => addAgendaDocument({ edit }, item.id)}>
          Add a document
        </button>
        <button type="button" className="link" onClick={() => removeAgendaItem({ edit }, item.id)}>
          Remove this item
        </button>
      </div>
    </li>
  );
});
