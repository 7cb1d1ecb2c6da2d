import type { Meeting } from '../minutes';

/**
 * Find and replace over a whole meeting, as pure functions: the editor's find bar, the highlights in
 * the editor and the preview, and "replace all" all use these, so what is counted is what is replaced.
 *
 * - Match case off folds each character on its own (so offsets stay those of the original text).
 * - Whole word uses Intl.Segmenter's word boundaries: Khmer, Lao, Burmese and Thai write words
 *   without spaces, and ICU's dictionaries find their boundaries where \b would see one long "word".
 * - A rich-text field (a list of runs) is searched as its plain text, so a match may span a bold and a
 *   plain run; a replacement takes the formatting of the run where the match starts.
 */
export interface FindOptions {
  matchCase: boolean;
  wholeWord: boolean;
}

export interface TextRange {
  start: number;
  end: number;
}

/** Where a match is: the JSON path of its field in the meeting, and its offsets in the field's text. */
export interface Match extends TextRange {
  path: readonly (string | number)[];
}

/** A query longer than this is refused by the find bar (nothing anyone types; bounds the work). */
export const MAX_QUERY_LENGTH = 500;

/** Keys whose strings are identifiers, enumerations or dates: never text to find or replace. */
const NOT_TEXT = new Set([
  'id', 'type', 'kind', 'role', 'language', 'numbering', 'occasion', 'date', 'start', 'end', 'format', 'version',
  // A decision's enumerations: "Replace all" of "vote" must not turn the method "vote" into "ballot".
  'outcome', 'method', 'votePrint',
]);
const notText = (key: string) => NOT_TEXT.has(key) || key.endsWith('Id') || key.endsWith('Ids');

/** One character folded for a case-insensitive match, kept to its own length (offsets must not move). */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

const segmenters = new Map<string, Intl.Segmenter>();
function wordBoundaries(text: string, locale?: string): Set<number> {
  const key = locale ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) segmenters.set(key, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  const boundaries = new Set<number>([0, text.length]);
  for (const s of segmenter.segment(text)) {
    boundaries.add(s.index);
    boundaries.add(s.index + s.segment.length);
  }
  return boundaries;
}

/** Every non-overlapping match of `query` in `text`, left to right. */
export function matchesInText(text: string, query: string, options: FindOptions, locale?: string): TextRange[] {
  if (query === '' || text.length < query.length) return [];
  const haystack = options.matchCase ? text : fold(text);
  const needle = options.matchCase ? query : fold(query);
  // Segmenting is the costly part: only a text that holds the query at all is segmented.
  let boundaries: Set<number> | undefined;
  const out: TextRange[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; ) {
    const end = at + needle.length;
    if (options.wholeWord) boundaries ??= wordBoundaries(text, locale);
    if (!boundaries || (boundaries.has(at) && boundaries.has(end))) {
      out.push({ start: at, end });
      at = haystack.indexOf(needle, end);
    } else at = haystack.indexOf(needle, at + 1);
  }
  return out;
}

type Run = { text: string; bold?: boolean; italic?: boolean; footnote?: unknown; xref?: string };
const isRuns = (value: unknown): value is Run[] =>
  Array.isArray(value) && value.length > 0 && value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r) && typeof (r as Run).text === 'string');

export interface TextField {
  path: (string | number)[];
  text: string;
}

/**
 * Every text field of a meeting, in the order the editor shows them: the title block, dates, venue and
 * the body first, the register (people, organisations) last. Generic over the model, like search:
 * a new block type's text is found without touching this.
 */
export function textFields(meeting: Meeting, options: { footnotes?: boolean } = {}): TextField[] {
  const out: TextField[] = [];
  const order = ['titleBlock', 'venue', 'body', 'people', 'organisations'];
  const rest = Object.keys(meeting).filter((k) => !order.includes(k) && !notText(k));
  // Iterative: bullets nest up to the depth limit.
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [...order, ...rest]
    .reverse()
    .map((key) => ({ value: (meeting as unknown as Record<string, unknown>)[key], path: [key] }));
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value !== '') out.push({ path, text: value });
    } else if (isRuns(value)) {
      out.push({ path, text: value.map((r) => r.text).join('') });
      // A footnote's text prints too (the glyph check needs it); the editor finds in the text it shows.
      if (options.footnotes) {
        value.forEach((r, i) => {
          if (isRuns(r.footnote)) out.push({ path: [...path, i, 'footnote'], text: r.footnote.map((x) => x.text).join('') });
        });
      }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !notText(k));
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
    }
  }
  return out;
}

/** Every match in the meeting, in the editor's order. */
export function findInMeeting(meeting: Meeting, query: string, options: FindOptions): Match[] {
  if (query === '') return [];
  const locale = meeting.language;
  return textFields(meeting).flatMap((field) => matchesInText(field.text, query, options, locale).map((r) => ({ path: field.path, ...r })));
}

/** The runs with [start, end) of their joined text replaced by `replacement` (formatted as the run where it starts). */
export function replaceInRuns(runs: readonly Run[], range: TextRange, replacement: string): Run[] {
  const out: Run[] = [];
  let offset = 0;
  let placed = false;
  for (const run of runs) {
    const from = offset;
    const to = offset + run.text.length;
    offset = to;
    if (to <= range.start || from >= range.end) {
      out.push(run);
      continue;
    }
    const before = run.text.slice(0, Math.max(0, range.start - from));
    const after = run.text.slice(Math.max(0, range.end - from));
    const text = placed ? before + after : before + replacement + after;
    placed = true;
    // A run emptied by the replacement goes, unless a footnote or a cross-reference hangs on it.
    if (text !== '' || run.footnote !== undefined || run.xref !== undefined) out.push({ ...run, text });
  }
  return out;
}

function replaceAt(value: unknown, path: readonly (string | number)[], fn: (field: unknown) => unknown): unknown {
  if (path.length === 0) return fn(value);
  const [head, ...tail] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = replaceAt(value[head as number], tail, fn);
    return copy;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: replaceAt(record[head!], tail, fn) };
}

/** Replaces the given matches (of one query over the same meeting) by `replacement`; returns the new meeting. */
export function replaceMatches(meeting: Meeting, matches: readonly Match[], replacement: string): Meeting {
  // Per field, from the last match to the first, so earlier offsets stay valid.
  const byField = new Map<string, Match[]>();
  for (const m of matches) {
    const key = JSON.stringify(m.path);
    byField.set(key, [...(byField.get(key) ?? []), m]);
  }
  let next: unknown = meeting;
  for (const list of byField.values()) {
    const sorted = [...list].sort((a, b) => b.start - a.start);
    next = replaceAt(next, sorted[0]!.path, (field) => {
      if (typeof field === 'string') return sorted.reduce((text, m) => text.slice(0, m.start) + replacement + text.slice(m.end), field);
      if (isRuns(field)) return sorted.reduce((runs: Run[], m) => replaceInRuns(runs, m, replacement), field);
      return field;
    });
  }
  return next as Meeting;
}

/** Replaces every match; `count` says how many (0: the meeting is returned unchanged, the same object). */
export function replaceAll(meeting: Meeting, query: string, replacement: string, options: FindOptions): { meeting: Meeting; count: number } {
  const matches = findInMeeting(meeting, query, options);
  if (matches.length === 0) return { meeting, count: 0 };
  return { meeting: replaceMatches(meeting, matches, replacement), count: matches.length };
}
