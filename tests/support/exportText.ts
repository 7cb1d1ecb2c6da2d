import { spawnSync } from 'node:child_process';
import { SCAN_NOTES, describeDifference, firstDifference, words } from '../unit/minutes/helpers';

/**
 * Comparing the text of an exported file with the seed it came from.
 *
 * The export prints what the seed prints — including the format's own words ("A. PARTICIPANTS …",
 * "Session 1: ", "Question (UN Women)", "Submitted to …"), so unlike the model test nothing of the
 * format is removed here. Normalised on both sides alike: whitespace (line and page breaks), bullet
 * glyphs and list numbers ("1)", "2."), a hyphen followed by a line break ("Anti-⏎Trafficking"), bold
 * markers of the seed. Removed: the scan notes of the seed, and the page furniture of the export (draft
 * mark, "Page X of Y", fingerprint), which the seed does not have.
 */

const FURNITURE: RegExp[] = [/^DRAFT$/, /^Page \d+ of \d+$/, /^Fingerprint(?: [0-9a-f]{4}){4}$/];
/** LibreOffice prints the footer's fingerprint and page label on one line. */
const FURNITURE_IN_LINE = /Fingerprint(?: [0-9a-f]{4}){4}\s+Page \d+ of \d+/g;
const MARKER = /^(?:[-•–◦▪·]|\d{1,2}[.)])$/;

/**
 * The text with the page furniture removed (draft mark, "Page X of Y", fingerprint, and the meeting's
 * classification `marking` when it has one, at the top and foot of every page), which interrupts text
 * at page breaks.
 */
export function withoutFurniture(text: string, marking = ''): string {
  return text
    .replace(FURNITURE_IN_LINE, '')
    // A long marking beside it in the footer can wrap the fingerprint onto two lines.
    .replace(/Fingerprint(?:\s+[0-9a-f]{4}){4}(?=\s)/g, '')
    .split(/\r?\n|\f/)
    .filter((line) => {
      // The marking shares a line with the draft mark or the page number ("CONFIDENTIAL DRAFT").
      const bare = marking.trim() ? line.split(marking).join(' ').replace(/\s+/g, ' ').trim() : line.trim();
      if (bare === '' && line.trim() !== '') return false;
      return !FURNITURE.some((re) => re.test(bare));
    })
    .join('\n');
}

/**
 * The text without a page marking (the classification printed at the top and foot of every page), which
 * interrupts text at page breaks like the rest of the furniture. Matched with any white space inside
 * (pdftotext breaks and spaces complex scripts), wherever it stands (beside the draft mark on a line).
 */
export function withoutMarking(text: string, marking: string | undefined): string {
  const chars = [...(marking ?? '').replace(/\s+/g, '')];
  if (chars.length === 0) return text;
  const pattern = chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
  return text.replace(new RegExp(pattern, 'gu'), '\n');
}

export function comparableWords(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.replace(FURNITURE_IN_LINE, '').split(/\r?\n|\f/)) {
    const line = raw.trim();
    if (SCAN_NOTES.some((re) => re.test(line)) || FURNITURE.some((re) => re.test(line))) continue;
    lines.push(line);
  }
  const joined = lines.join('\n').replaceAll('**', '').replace(/(\p{L})-\s+(?=\p{L})/gu, '$1-');
  return words(joined).filter((w) => !MARKER.test(w));
}

/** undefined when equal; otherwise the first difference, with context, and the lengths. */
export function compareWords(expected: readonly string[], actual: readonly string[]): string | undefined {
  const at = firstDifference(expected, actual);
  return at === -1 ? undefined : describeDifference(expected, actual, at).replaceAll('fixture', 'export');
}

/** Runs a tool that the export tests need; fails loudly, naming the Debian package, when it is missing. */
export function tool(name: string, debianPackage: string, args: readonly string[], options: { timeout?: number; env?: Record<string, string> } = {}) {
  const r = spawnSync(name, args, {
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${name} is not installed: the export tests need it (Debian/Ubuntu: apt-get install ${debianPackage})`);
  }
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const pdftotext = (file: string) => {
  const r = tool('pdftotext', 'poppler-utils', ['-raw', '-enc', 'UTF-8', file, '-']);
  if (r.code !== 0) throw new Error(`pdftotext failed on ${file}: ${r.stderr}`);
  return r.stdout;
};
