import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { layoutMeeting } from '../../src/shared/format';
import type { Meeting } from '../../src/shared/minutes';
import { exportMeeting } from '../../src/main/export';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { loadFixture, tempDir } from '../support/temp';
import { pdftotext, tool } from '../support/exportText';

/**
 * Nothing is clipped: unbreakable tokens (a 135-character hash, a 2,000-character word) in running text,
 * a bullet, the title block and the signature grid wrap inside the text area of the PDF and of the DOCX
 * (as LibreOffice lays it out). Each token must extract whole and in order once the lines it was wrapped
 * onto are joined, as often as the document prints it, and no glyph may sit outside the page's text area.
 */

/**
 * Deterministic tokens, a different one per place, and without repeats (SHA-256 chains), so that each
 * place is checked on its own and a piece of one token can never pass for another.
 */
function stream(seed: string, length: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; parts.length * 32 < length; i++) parts.push(createHash('sha256').update(`${seed}:${i}`).digest());
  return Buffer.concat(parts).subarray(0, length);
}
const hex = (seed: number) => stream(`hash ${seed}`, 68).toString('hex').slice(0, 135);
const word = (seed: number) => [...stream(`word ${seed}`, 2000)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
const PLACES = { paragraph: 1, bullet: 2, signatory: 3, title: 4 } as const;
/** `column`: where the signature grid prints it (first and second signatory). */
const TOKENS: { name: string; text: string; column?: number }[] = Object.entries(PLACES).flatMap(([place, seed]) => [
  { name: `135-character hash in the ${place}`, text: hex(seed), ...(place === 'signatory' ? { column: 1 } : {}) },
  { name: `2,000-character word in the ${place}`, text: word(seed), ...(place === 'signatory' ? { column: 0 } : {}) },
]);

function withLongTokens(): Meeting {
  const m = structuredClone(loadFixture(2019));
  m.titleBlock.title.push({ text: ` ${hex(PLACES.title)}` });
  m.titleBlock.theme = [...(m.titleBlock.theme ?? []), { text: ` ${word(PLACES.title)}` }];
  const body = m.body;
  const paragraph = body.find((b) => b.id === 'b_19008');
  if (paragraph?.type !== 'paragraph') throw new Error('b_19008 is not a paragraph');
  paragraph.text.push({ text: ` Reference ${hex(PLACES.paragraph)}; the word ${word(PLACES.paragraph)} ends here.` });
  const list = body.find((b) => b.id === 'b_19010');
  if (list?.type !== 'list') throw new Error('b_19010 is not a list');
  list.items[0]!.text.push({ text: ` ${word(PLACES.bullet)} and ${hex(PLACES.bullet)}` });
  // Two signatories of the grid, named only there: the first by the 2,000-character word (the longest
  // name the model takes), the second by a name that carries the hash.
  const grid = body.find((b) => b.type === 'signatories');
  if (grid?.type !== 'signatories') throw new Error('no signatories block');
  const [first, second] = grid.signatories;
  delete first!.personId;
  first!.name = word(PLACES.signatory);
  delete second!.personId;
  second!.name = `Dr. ${hex(PLACES.signatory)}`;
  return m;
}

let tmp: ReturnType<typeof tempDir>;
let meeting: Meeting;
/** How often the format prints each token (a signatory's name is also in the delegations list). */
let printed: Map<string, number>;
let marginsPt: [number, number, number, number];
const pdfPath = () => join(tmp.dir, 'long.pdf');
const docxPath = () => join(tmp.dir, 'long.docx');
const docxPdfPath = () => join(tmp.dir, 'lo', 'long.pdf');
const LOOK = resolve('test-results/export');

const squash = (s: string) => s.replace(/\s+/g, '');
/** The page furniture a token crossing a page break is interrupted by (LibreOffice prints the footer on one line). */
const FURNITURE = [/^DRAFT$/, /^Page \d+ of \d+$/, /^Fingerprint(?: [0-9a-f]{4}){4}(?:\s+Page \d+ of \d+)?$/];
const withoutFurniture = (text: string) =>
  text
    .split(/\n|\f/)
    .filter((line) => !FURNITURE.some((re) => re.test(line.trim())))
    .join('\n');

/**
 * The text as pdftotext -raw reads it, furniture removed and whitespace (the line breaks of a wrapped
 * token) squashed. `column`: only that third of the text area (the signature grid's columns), so that
 * a name wrapped over many lines is not interleaved with its neighbours' text.
 */
function extracted(pdf: string, column?: number): string {
  if (column === undefined) return squash(withoutFurniture(pdftotext(pdf)));
  const [, right, , left] = marginsPt;
  const third = (595.28 - left - right) / 3;
  const crop = ['-x', String(Math.floor(left + column * third)), '-y', '0', '-W', String(Math.ceil(third)), '-H', '842'];
  return squash(withoutFurniture(tool('pdftotext', 'poppler-utils', ['-raw', '-enc', 'UTF-8', ...crop, pdf, '-']).stdout));
}
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

beforeAll(async () => {
  tmp = tempDir('minuta-long-');
  meeting = withLongTokens();
  const layout = await layoutMeeting(meeting);
  const all = JSON.stringify(layout.blocks);
  printed = new Map(TOKENS.map((t) => [t.text, count(all, t.text)]));
  marginsPt = layout.furniture.page.marginsMm.map((mm) => (mm * 72) / 25.4) as [number, number, number, number];
  const printer = new PlaywrightPrinter();
  try {
    writeFileSync(pdfPath(), await exportMeeting(meeting, 'pdf', { printer }));
  } finally {
    await printer.close();
  }
  writeFileSync(docxPath(), await exportMeeting(meeting, 'docx'));
  tool('soffice', 'libreoffice-writer-nogui', [`-env:UserInstallation=file://${join(tmp.dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(tmp.dir, 'lo'), docxPath()], { timeout: 180_000 });
  expect(existsSync(docxPdfPath()), 'soffice did not convert long.docx').toBe(true);
  mkdirSync(LOOK, { recursive: true });
  tool('pdftoppm', 'poppler-utils', ['-r', '50', '-png', pdfPath(), join(LOOK, 'long-tokens-pdf')]);
  tool('pdftoppm', 'poppler-utils', ['-r', '50', '-png', docxPdfPath(), join(LOOK, 'long-tokens-docx')]);
}, 240_000);

afterAll(() => tmp?.cleanup());

/** Where the longest extracted run of the token stops, and what follows it there: the diagnosis of a failure. */
function lostAt(extracted: string, token: string): string {
  let lo = 0;
  let hi = token.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (extracted.includes(token.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const at = extracted.indexOf(token.slice(0, lo));
  return `the first ${lo} of ${token.length} characters extract in order; then "${extracted.slice(at + lo, at + lo + 40)}" instead of "${token.slice(lo, lo + 40)}"`;
}

/** Every word box of every page, from `pdftotext -bbox`, in points. */
function wordBoxes(pdf: string) {
  const html = tool('pdftotext', 'poppler-utils', ['-bbox', pdf, '-']).stdout;
  const pages: { width: number; height: number; words: { x0: number; y0: number; x1: number; y1: number; text: string }[] }[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3]!.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((w) => ({
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
      text: w[5]!,
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

describe.each([
  ['PDF', pdfPath],
  ['DOCX (as LibreOffice lays it out)', docxPdfPath],
])('%s: long unbreakable tokens', (_, path) => {
  it.each(TOKENS)('the $name extracts whole, every time it is printed', ({ text, column }) => {
    const got = extracted(path(), column);
    expect(count(got, text), lostAt(got, text)).toBe(printed.get(text));
  });

  it('no glyph outside the text area: every word lies between the left and right margins, on the page', () => {
    const [, right, , left] = marginsPt;
    const outside: string[] = [];
    for (const [i, page] of wordBoxes(path()).entries()) {
      for (const w of page.words) {
        if (w.x0 < left - 1 || w.x1 > page.width - right + 1 || w.y0 < 0 || w.y1 > page.height) {
          outside.push(`page ${i + 1}: "${w.text.slice(0, 30)}${w.text.length > 30 ? '…' : ''}" at x ${w.x0.toFixed(1)}–${w.x1.toFixed(1)} (text area ${left.toFixed(1)}–${(page.width - right).toFixed(1)})`);
        }
      }
    }
    expect(outside.slice(0, 10)).toEqual([]);
  });
});

describe('the tokens are real', () => {
  it('each is printed at least once, and unbroken in the source', () => {
    for (const t of TOKENS) {
      expect(printed.get(t.text), t.name).toBeGreaterThanOrEqual(1);
      expect(t.text).not.toMatch(/\s/);
    }
    expect(readFileSync(pdfPath()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
