import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportMeeting } from '../../src/main/export';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import type { Meeting } from '../../src/shared/minutes';
import { templateFor } from '../../src/shared/format';
import { pdftotext, tool, withoutFurniture, withoutMarking } from '../support/exportText';
import { generateMeeting, propertyRuns } from '../support/generateMeeting';
import { noSystemNotoEnv } from '../support/noSystemFonts';
import { type Expected, expectedStrings, missingInOrder, normalise, squash } from '../support/printedStrings';
import { tempDir } from '../support/temp';

/**
 * Nothing stored is lost on the way to paper: random valid meetings (tests/support/generateMeeting.ts)
 * exported for real, every stored string looked for, in document order, in the text a reader's tools
 * get: pdftotext of the PDF Chromium printed (one warm browser for all), and LibreOffice's text of the
 * DOCX (one soffice call converting all). Whitespace is ignored: pdftotext puts spaces inside Khmer,
 * Lao and Burmese, and line breaks fall anywhere. `MINUTA_SOAK=1` prints more meetings.
 */

const COUNT = propertyRuns(50, 300);
/** Seeds apart from the layout test's first ones, so that the two tests see different meetings. */
const seeds = Array.from({ length: COUNT }, (_, i) => 10_001 + i);
const LOOK = resolve('test-results/export-generated');

let tmp: ReturnType<typeof tempDir>;
const meetings = new Map<number, Meeting>();
const timing = { pdf: 0, docx: 0, soffice: 0 };
const pdfPath = (seed: number) => join(tmp.dir, `m${seed}.pdf`);
const docxPath = (seed: number) => join(tmp.dir, `m${seed}.docx`);
const docxTextPath = (seed: number) => join(tmp.dir, 'txt', `m${seed}.txt`);

beforeAll(async () => {
  tmp = tempDir('minuta-generated-');
  const printer = new PlaywrightPrinter({ env: noSystemNotoEnv(tmp.dir) });
  try {
    for (const seed of seeds) {
      const meeting = generateMeeting(seed);
      meetings.set(seed, meeting);
      let t = performance.now();
      writeFileSync(pdfPath(seed), await exportMeeting(meeting, 'pdf', { printer }));
      timing.pdf += performance.now() - t;
      t = performance.now();
      writeFileSync(docxPath(seed), await exportMeeting(meeting, 'docx'));
      timing.docx += performance.now() - t;
    }
  } finally {
    await printer.close();
  }
  // One soffice call per 50 files (all of them in CI): a single LibreOffice process converting
  // hundreds of files in a row was seen to stop part-way on this machine (soak runs).
  const t = performance.now();
  for (let i = 0; i < seeds.length; i += 50) {
    const chunk = seeds.slice(i, i + 50);
    const lo = tool(
      'soffice',
      'libreoffice-writer-nogui',
      [
        `-env:UserInstallation=file://${join(tmp.dir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        join(tmp.dir, 'txt'),
        ...chunk.map(docxPath),
      ],
      { timeout: 600_000 },
    );
    const missing = chunk.filter((seed) => !existsSync(docxTextPath(seed)));
    expect(missing, `soffice (exit ${lo.code}) did not convert ${missing.length} files: ${lo.stderr.slice(-300)}`).toEqual([]);
  }
  timing.soffice = performance.now() - t;

  // For a human look: the pages of the first meeting.
  mkdirSync(LOOK, { recursive: true });
  tool('pdftoppm', 'poppler-utils', ['-r', '50', '-png', pdfPath(seeds[0]!), join(LOOK, `pdf-m${seeds[0]}`)]);
  console.log(
    `generated exports: ${COUNT} meetings; PDF ${(timing.pdf / 1000).toFixed(1)} s, DOCX ${(timing.docx / 1000).toFixed(1)} s, ` +
      `LibreOffice (one call per 50 files) ${(timing.soffice / 1000).toFixed(1)} s`,
  );
}, 1_200_000);

afterAll(() => tmp?.cleanup());

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** The text of a DOCX's footnotes (word/footnotes.xml), one line per note. */
function docxFootnotes(file: string): string {
  const xml = tool('unzip', 'unzip', ['-p', file, 'word/footnotes.xml']).stdout;
  return [...xml.matchAll(/<w:footnote\b[^>]*>([^]*?)<\/w:footnote>/g)]
    .map((m) => [...m[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&(\w+);/g, (e, n: string) => XML_ENTITIES[n] ?? e)).join(''))
    .join('\n');
}

/** Each meeting's expected strings, checked against one text per meeting; a failure names the seed and the first strings missed. */
function checkAll(textOf: (seed: number) => string, label: string): void {
  const failures: string[] = [];
  let checked = 0;
  for (const seed of seeds) {
    const expected: Expected[] = expectedStrings(meetings.get(seed)!);
    checked += expected.length;
    const meeting = meetings.get(seed)!;
    // The classification (or the template's marking) on every page is furniture, as the page number is.
    const marking = meeting.frontMatter?.classification?.trim() || templateFor(meeting.format).furniture.marking;
    const missing = missingInOrder(expected, withoutFurniture(withoutMarking(textOf(seed), marking)), squash);
    if (missing.length) failures.push(`seed ${seed}: ${missing.length} missing or out of order, first ${JSON.stringify(missing.slice(0, 2))}`);
  }
  console.log(`${label}: ${checked} stored strings checked over ${COUNT} meetings`);
  expect(failures.slice(0, 5), `${label}: ${failures.length} meetings lose text`).toEqual([]);
  expect(checked).toBeGreaterThan(COUNT * 20);
}

describe(`${COUNT} random meetings exported`, () => {
  it('PDF: pdftotext has every stored string, in document order', () => {
    checkAll((seed) => pdftotext(pdfPath(seed)), 'PDF');
  });

  it('DOCX: the text LibreOffice reads has every stored string, in document order', () => {
    // LibreOffice's text export leaves Word footnotes out: their text is read from the file's footnotes
    // part (tests/e2e/export-speech.test.ts sees them printed at the page foot by LibreOffice).
    checkAll((seed) => `${readFileSync(docxTextPath(seed), 'utf8')}\n${docxFootnotes(docxPath(seed))}`, 'DOCX');
  });

  it('neither prints empty brackets, "Submitted to ," or a stray comma', () => {
    for (const seed of seeds) {
      for (const [kind, raw] of [
        ['PDF', pdftotext(pdfPath(seed))],
        ['DOCX', readFileSync(docxTextPath(seed), 'utf8')],
      ] as const) {
        const t = normalise(raw);
        const bad = /\(\s*\)|\bto\s*,|\s,\s|,\s*,/.exec(t);
        expect(bad && t.slice(Math.max(0, bad.index - 40), bad.index + 40), `seed ${seed} ${kind}`).toBeNull();
      }
    }
  });
});
