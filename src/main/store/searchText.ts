import { BlockRecordSchema, MeetingHeadSchema, type BlockRecord, type MeetingHead } from '../../shared/minutes';
import { compileProse, type Extractor } from '../../shared/minutes/prose';

/**
 * What search indexes is decided by the model's schema, not here: only strings it declares prose
 * (rich text runs, names, labels, places) are read; ids, enumerations (numbering, role, kind,
 * occasion…), ISO dates and any field not declared prose never are (src/shared/minutes/prose.ts).
 * Compiled once per process, on first use.
 */
let extractors: { record: Extractor | null; head: Extractor | null } | undefined;
const prose = () => (extractors ??= { record: compileProse(BlockRecordSchema), head: compileProse(MeetingHeadSchema) });

const joined = (extract: Extractor | null, value: unknown): string => {
  const out: string[] = [];
  extract?.(value, out);
  return out.join(' ');
};

/** The pseudo-block id under which the title block, venue and register are indexed (and own their ids). */
export const HEAD_BLOCK_ID = '~head';

/**
 * The words of one block record: a leaf's text, a container's heading or title only (its children
 * have their own rows). An edit therefore re-indexes the one record it changed.
 */
export function recordText(record: BlockRecord): string {
  // A container's record lists its children by id (not prose): its own heading or title is what is left.
  return joined(prose().record, record);
}

export function headText(head: MeetingHead): string {
  return joined(prose().head, head);
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
