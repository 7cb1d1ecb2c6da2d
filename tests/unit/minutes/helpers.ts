import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Meeting, parseInterchange } from '../../../src/shared/minutes';

export const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
export const readFixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
/** A fixture's minutes (`tests/fixtures/<name>`), read as an import reads them. */
export function meetingFixture(name: string): Meeting {
  const r = parseInterchange(readFixture(name));
  if (!r.ok) throw new Error(`${name}: ${r.errors.join('; ')}`);
  return r.meeting;
}

export const SEEDS = [
  { year: 2018, fixture: 'minutes-2018.minuta.json', seed: 'seeds/minutes-2018-technical-consultation.txt' },
  { year: 2019, fixture: 'minutes-2019.minuta.json', seed: 'seeds/minutes-2019-second-technical-consultation.txt' },
] as const;

/**
 * Notes of the person who transcribed the scans; not minutes text. The
 * signature note became signature data, "lettes" is OCR of a signature mark.
 */
export const SCAN_NOTES: RegExp[] = [/^Handwritten signature in blue ink and a red official stamp in Khmer script\.$/, /^lettes$/];

/**
 * Wording the agreed format generates from data, and therefore absent from
 * meetingPlainText (see text.ts). Applied to single lines, after list markers
 * are removed. Each pattern is the format rule it stands for.
 */
const LINE_FORMAT: [RegExp, string][] = [
  [/^[A-D]\. (?=[A-Z][A-Z ]+$)/, ''], // section letter: "A. PARTICIPANTS OF THE MEETING"
  [/^Session \d+: /, ''], // "Session 1: " + session title
  [/^Group \d+: /, ''], // "Group 1: " + group theme
  [/^(?:Question|Answer) \(([^)]+)\) ?/, '$1 '], // "Question (UN Women)" around the attribution label
  [/^\(([^)]+)\) /, '$1 '], // a suggestion: "(UN-ACT) We also …"
  [/^\*\*([A-Z][a-z]+):\*\* /, '$1 '], // a per-country remark: bold "Lao:"
  [/^\d{1,2}-\d{1,2} [A-Z][a-z]+ \d{4}$/, ''], // the meeting's date range (ISO dates in the model)
  [/^(Phnom Penh), \d{1,2} [A-Z][a-z]+ \d{4}$/, '$1'], // a routing step's place and date
  [/^(Siem Reap), ((?:The )?Kingdom of Cambodia)$/, '$1 $2'], // the title block's "city, country"
];

/** On the whole text: the routing lines span a line break. */
const TEXT_FORMAT: [RegExp, string][] = [
  [/\*\*(?:Submitted to|Seen, and submitted to) ([^*]+?), (for\s[^*]+?)\*\*/g, '$1 $2'],
];

/**
 * The seed as a word sequence of content: scan notes dropped, list markers
 * and format wording removed, bold markers dropped, whitespace (including
 * page breaks that split sentences) collapsed.
 * `speakerLabels`: remark labels, printed by the format followed by ":".
 */
export function seedWords(seedText: string, speakerLabels: readonly string[]): string[] {
  const lines: string[] = [];
  for (const raw of seedText.split('\n')) {
    let line = raw.trim();
    if (SCAN_NOTES.some((re) => re.test(line))) continue;
    const bulleted = /^-\s+/.test(line);
    line = line.replace(/^-\s+/, '');
    if (bulleted) line = line.replace(/^\d+[.)]\s+/, ''); // "1)", "2." list numbers
    for (const [re, to] of LINE_FORMAT) line = line.replace(re, to);
    for (const label of speakerLabels) {
      if (line.startsWith(`${label}: `)) line = `${label} ${line.slice(label.length + 2)}`;
    }
    lines.push(line);
  }
  let text = lines.join('\n');
  for (const [re, to] of TEXT_FORMAT) text = text.replace(re, to);
  return words(text.replaceAll('**', ''));
}

export const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');

/** Index of the first difference of two word sequences, or -1. */
export function firstDifference(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

export function describeDifference(expected: readonly string[], actual: readonly string[], at: number): string {
  const ctx = (ws: readonly string[]) => `${ws.slice(Math.max(0, at - 12), at).join(' ')} ⟦${ws[at] ?? '(end)'}⟧ ${ws.slice(at + 1, at + 8).join(' ')}`;
  return `first difference at word ${at} of ${expected.length} (fixture has ${actual.length})\n  seed:    …${ctx(expected)}…\n  fixture: …${ctx(actual)}…`;
}
