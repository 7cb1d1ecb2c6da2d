import type { BlockRecord, MeetingHead } from '../../shared/minutes';

/** Keys whose string values are identifiers or enumerations, never words a person would search for. */
const NOT_TEXT = new Set(['id', 'type', 'kind', 'role', 'personId', 'organisationId', 'delegationId', 'language']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The searchable words of one value (a block, or the title block): every string in it except ids,
 * enumerations and dates. Generic on purpose: a new block type is searchable without touching this.
 * Iterative, since bullets nest.
 */
export function searchableText(value: unknown): string {
  const parts: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v !== null && typeof v === 'object') {
      // In key order, as the stored (canonical) record has them: the index is a function of what is
      // stored, whatever order the caller's object had, so `minuta check` can compare it exactly.
      const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (NOT_TEXT.has(key) || key.endsWith('Id') || key.endsWith('Ids')) continue;
        if (typeof child === 'string') {
          if (!ISO_DATE.test(child) && child.trim()) stack.push(child);
        } else stack.push(child);
      }
    } else if (typeof v === 'string') {
      parts.push(v);
    }
  }
  return parts.join(' ');
}

/** The pseudo-block id under which the title block, venue and register are indexed (and own their ids). */
export const HEAD_BLOCK_ID = '~head';

/**
 * The words of one block record: a leaf's text, a container's heading or title only (its children
 * have their own rows). An edit therefore re-indexes the one record it changed.
 */
export function recordText(record: BlockRecord): string {
  if (record.type === 'section') return searchableText(record.heading);
  if (record.type === 'session') return searchableText(record.title);
  return searchableText(record);
}

export function headText(head: MeetingHead): string {
  return searchableText([head.titleBlock, head.venue, head.people, head.organisations]);
}

/** One entry per block record, plus the head: what the search index holds for a meeting. */
export function indexEntries(head: MeetingHead, records: Iterable<BlockRecord>): Map<string, string> {
  const entries = new Map<string, string>([[HEAD_BLOCK_ID, headText(head)]]);
  for (const record of records) entries.set(record.id, recordText(record));
  return entries;
}

/**
 * Turns what a person typed into a safe FTS5 query: every word or "quoted phrase" becomes a quoted
 * phrase, all of them required. FTS5's own syntax (AND, NEAR, *, column filters) is never exposed, so
 * no input can make the query fail.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (const m of input.matchAll(re)) {
    const raw = (m[1] ?? m[2] ?? '').replace(/"/g, ' ').trim();
    if (raw) terms.push(`"${raw}"`);
  }
  return terms.length > 0 ? terms.join(' ') : null;
}
