import { MinutaError, excerpt, listProblems } from '../errors';
import type { Meeting } from '../minutes';
import { textFields } from '../find/find';
import { ALL_SCRIPTS, SCRIPTS } from './scripts';

/**
 * Which characters the fonts Minuta ships can draw, and the check run before every export: a
 * character no shipped font covers would print as an empty box (or in whatever font the machine
 * happens to have), so it is reported, with where it is, before a PDF or DOCX is made.
 *
 * Coverage is read from the shipped files' unicode ranges (scripts.ts takes them from each fontsource
 * package's unicode.json), not from a hand list: shipping a font for a new script widens it.
 *
 * Emoji: no colour emoji font is shipped and none is drawn in a monochrome one. An emoji is reported
 * like any other uncovered character: official minutes do not need them, a face with thousands of
 * glyphs would more than double the fonts embedded in every PDF, and a silent substitute would print
 * something other than what the editor showed.
 */

/** Sorted, merged [first, last] code point intervals. */
type Intervals = readonly (readonly [number, number])[];

/** Parses a CSS unicode-range ("U+0000-00FF,U+0131,U+4??"). */
export function parseUnicodeRange(range: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of range.split(',')) {
    const m = /^\s*U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?\s*$/i.exec(part);
    if (!m) throw new Error(`not a unicode-range: ${part}`);
    const [, from, to] = m;
    if (from!.includes('?')) out.push([parseInt(from!.replace(/\?/g, '0'), 16), parseInt(from!.replace(/\?/g, 'F'), 16)]);
    else out.push([parseInt(from!, 16), parseInt(to ?? from!, 16)]);
  }
  return out;
}

function merge(intervals: [number, number][]): Intervals {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Every code point some shipped file draws. */
export const SHIPPED_COVERAGE: Intervals = merge(ALL_SCRIPTS.flatMap((s) => SCRIPTS[s].files.flatMap((f) => parseUnicodeRange(f.unicodeRange))));

/**
 * Characters that draw nothing and need no glyph: variation selectors, joiners, bidi controls and
 * the like (Unicode's Default_Ignorable_Code_Point), and line breaks and tabs.
 */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\t\n\r]$/u;

/** Whether a shipped font draws `cp` (or it needs no glyph). */
export function isCovered(cp: number, coverage: Intervals = SHIPPED_COVERAGE): boolean {
  let lo = 0;
  let hi = coverage.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = coverage[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return INVISIBLE.test(String.fromCodePoint(cp));
}

/** Where a character is: the innermost id of the document holding it and the field under it. */
export interface GlyphPlace {
  /** A block, bullet, turn or signatory id; `~head` for the title block, venue and register. */
  blockId: string;
  /** The field's path below that id, as comments name it ("text", "items.2.text", "titleBlock.title"). */
  field: string;
}

export interface UncoveredCharacter {
  char: string;
  /** "U+1F600". */
  codePoint: string;
  /** Every place it occurs, in document order (the first MAX_PLACES). */
  places: GlyphPlace[];
  /** How many times it occurs in all. */
  count: number;
}

const MAX_PLACES = 20;

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The innermost object with an id along a field's JSON path, and the rest of the path below it. */
function placeOf(meeting: Meeting, path: readonly (string | number)[]): GlyphPlace {
  if (path[0] !== 'body' && path[0] !== 'annexes') return { blockId: '~head', field: path.join('.') };
  let node: unknown = meeting;
  let place: GlyphPlace = { blockId: '~head', field: path.join('.') };
  for (let i = 0; i < path.length; i++) {
    node = (node as Record<string | number, unknown>)[path[i]!];
    const id = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as { id?: unknown }).id : undefined;
    if (typeof id === 'string') place = { blockId: id, field: path.slice(i + 1).join('.') };
  }
  return place;
}

/**
 * Every character of the meeting that no shipped font draws, in order of first occurrence, with
 * where it occurs. Pure: the editor's preview, the app's export and the CLI all call it.
 */
export function uncoveredCharacters(meeting: Meeting, coverage: Intervals = SHIPPED_COVERAGE): UncoveredCharacter[] {
  const found = new Map<number, UncoveredCharacter>();
  for (const field of textFields(meeting, { footnotes: true })) {
    let place: GlyphPlace | undefined;
    for (const ch of field.text) {
      const cp = ch.codePointAt(0)!;
      // Most text is Latin, Khmer, Lao, Burmese or Thai: one interval test each.
      if (cp < 0x250 || isCovered(cp, coverage)) continue;
      place ??= placeOf(meeting, field.path);
      let entry = found.get(cp);
      if (!entry) found.set(cp, (entry = { char: ch, codePoint: hex(cp), places: [], count: 0 }));
      entry.count++;
      const last = entry.places[entry.places.length - 1];
      if (entry.places.length < MAX_PLACES && (last?.blockId !== place.blockId || last.field !== place.field)) entry.places.push(place);
    }
  }
  return [...found.values()];
}

/** "U+1F600 😀 in b_12 (text) and 2 more places". */
export function describeUncovered(c: UncoveredCharacter): string {
  const [first] = c.places;
  const where = first ? ` in ${excerpt(first.blockId, 40)}${first.field ? ` (${excerpt(first.field, 60)})` : ''}` : '';
  const more = c.places.length > 1 ? ` and ${c.places.length - 1}${c.places.length === MAX_PLACES ? '+' : ''} more place${c.places.length > 2 ? 's' : ''}` : '';
  return `${c.codePoint} ${c.char}${where}${more}`;
}

/**
 * Refuses an export whose text holds characters no shipped font draws (`invalid`, naming them and
 * where they are), unless the user chose to print them anyway.
 */
export function assertPrintable(meeting: Meeting, options: { allowMissingGlyphs?: boolean } = {}): void {
  if (options.allowMissingGlyphs) return;
  const missing = uncoveredCharacters(meeting);
  if (missing.length === 0) return;
  const first = missing[0]!;
  throw new MinutaError(
    'invalid',
    `No font shipped with Minuta draws ${missing.length === 1 ? 'this character' : `these ${missing.length} characters`}, so ${missing.length === 1 ? 'it' : 'they'} would print as empty boxes: ` +
      `${listProblems(missing.map(describeUncovered))}. Replace or remove ${missing.length === 1 ? 'it' : 'them'}, or export anyway (in the app: confirm; on the command line: --allow-missing-glyphs).`,
    first.places[0] ? (first.places[0].blockId === '~head' ? first.places[0].field : `${first.places[0].blockId}${first.places[0].field ? `.${first.places[0].field}` : ''}`) : undefined,
  );
}
