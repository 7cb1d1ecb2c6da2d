import { MinutaError } from '../../shared/errors';
import { isoDateProblem, Meeting, newId, type Block, type Bullet, type LeafBlock } from '../../shared/minutes';

export interface NextMeetingOptions {
  /** The new meeting's title; the previous title when absent. */
  title?: string | undefined;
  startsOn: string;
  newId?: (prefix: string) => string;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * The start of the next meeting in a series, from a past one: the same structure (sections, sessions,
 * the kinds of blocks in their order, headings), the same register and delegations, and the standing
 * wording (disclaimer, observers, signatories' titles) — with the discussion cleared: paragraphs,
 * bullets, questions and answers, suggestions, group findings and signing statements are emptied,
 * signatures reset, every block/bullet/turn gets a new id, and the dates move to the new meeting.
 */
export function nextMeetingFrom(previous: Meeting, options: NextMeetingOptions): Meeting {
  const id = options.newId ?? newId;
  const start = options.startsOn;
  const end = addDays(start, Math.max(0, daysBetween(previous.dates.start, previous.dates.end)));
  // A start near 9999-12-31 would push the end past what a date can be (found by the IPC fuzz).
  if (isoDateProblem(end)) throw new MinutaError('invalid', `startsOn: a meeting starting ${start} would end after 9999-12-31`, 'startsOn');
  const remap = new Map<string, string>();
  const fresh = (old: string) => {
    const prefix = old.slice(0, old.indexOf('_'));
    const next = id(prefix || 'b');
    remap.set(old, next);
    return next;
  };
  const empty = { kind: 'none' as const };

  const leaf = (b: LeafBlock): LeafBlock => {
    const base = { id: fresh(b.id) };
    switch (b.type) {
      case 'paragraph':
        return { ...b, ...base, text: [] };
      case 'list':
        return { ...b, ...base, items: [] };
      case 'delegations':
        return { ...b, ...base, delegations: b.delegations.map((d) => ({ ...d, id: fresh(d.id) })) };
      case 'observers':
      case 'disclaimer':
        return { ...b, ...base };
      case 'presiding':
      case 'remark':
        return { ...b, ...base, paragraphs: [[]] };
      case 'presentation': {
        const { title: _title, recommendations, ...rest } = b;
        return {
          ...rest,
          ...base,
          heading: [],
          bullets: [],
          ...(recommendations ? { recommendations: { ...recommendations, items: [] as Bullet[] } } : {}),
        };
      }
      case 'qa':
        return {
          ...b,
          ...base,
          turns: [{ id: id('t'), question: { id: id('s'), by: { label: '' }, paragraphs: [[]] }, answers: [{ id: id('s'), by: { label: '' }, paragraphs: [[]] }] }],
        };
      case 'suggestions':
        return { ...b, ...base, items: [] };
      case 'group':
        return { ...b, ...base, theme: [], parts: b.parts.map((p) => ({ ...p, id: fresh(p.id), items: [] })) };
      case 'next-meeting':
        return { id: base.id, type: 'next-meeting', text: [] };
      case 'signing':
        return { ...b, ...base, text: [], date: end };
      case 'signatories':
        return { ...b, ...base, signatories: b.signatories.map((s) => ({ ...s, id: fresh(s.id), signature: empty })) };
      case 'routing':
        return { ...b, ...base, steps: b.steps.map((s) => ({ ...s, id: fresh(s.id), date: end, signature: empty })) };
      case 'heading':
      case 'agenda':
        // The structure carries over, as a section's heading does (the agenda is the meeting's, copied with it).
        return { ...b, ...base };
      case 'decision': {
        // The next meeting decides anew: the body and how it prints stay; number, date, text and votes do not.
        const { number: _n, date: _d, vote: _v, heading: _h, ...rest } = b;
        return { ...rest, ...base, text: [] };
      }
      case 'participants':
        // The attendance list carries over (the same members meet again), each row anew.
        return { ...b, ...base, groups: b.groups.map((g) => ({ ...g, id: fresh(g.id), rows: g.rows.map((r) => ({ ...r, id: fresh(r.id) })) })) };
      case 'letter': {
        // A note is the meeting's own: its form (kind, addressee, salutation, close, signer) stays, its text and date do not.
        const { reference: _r, date: _d, ...rest } = b;
        return { ...rest, ...base, paragraphs: [], ...(b.signer ? { signer: { ...b.signer, id: fresh(b.signer.id), signature: empty } } : {}) };
      }
      case 'statement':
        return { ...b, ...base, paragraphs: [[]] };
    }
  };

  const block = (b: Block): Block => {
    if (b.type === 'section') return { ...b, id: fresh(b.id), blocks: b.blocks.map((x) => block(x) as typeof x) };
    if (b.type === 'session') return { ...b, id: fresh(b.id), title: [], items: b.items.map(leaf) };
    return leaf(b);
  };

  const title = options.title?.trim();
  // Annexes are the previous meeting's own documents: the next meeting starts without them.
  const { annexes: _annexes, ...kept } = previous;
  // The agenda carries over with its ids: references to its items stay.
  for (const item of previous.agenda ?? []) remap.set(item.id, item.id);
  return Meeting.parse(
    retarget(
      // A copy: the carried-over text is the previous meeting's objects, which must not change.
      structuredClone({
        ...kept,
        id: id('m'),
        titleBlock: { ...previous.titleBlock, ...(title ? { title: [{ text: title }] } : {}) },
        // A new document is issued anew: its date of issue is not the previous one's.
        ...(previous.frontMatter ? { frontMatter: (({ dateOfIssue: _d, ...rest }) => rest)(previous.frontMatter) } : {}),
        dates: { start, end },
        body: previous.body.map(block),
      }),
      remap,
    ),
  );
}

/**
 * References to what got a new id follow it: cross-references in the text carried over, and a
 * statement's speaker linked to a delegation. One whose target did not come along is dropped (a
 * cross-reference becomes plain text, its last-known rendering; a speaker keeps the label).
 */
function retarget<T>(value: T, remap: ReadonlyMap<string, string>): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const key of ['xref', 'delegationId']) {
        if (typeof o[key] !== 'string') continue;
        const next = remap.get(o[key]);
        if (next === undefined) delete o[key];
        else o[key] = next;
      }
      for (const child of Object.values(o)) if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return value;
}
