import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readFixture, words } from '../unit/minutes/helpers';
import { compareWords, comparableWords, pdftotext, tool } from '../support/exportText';
import { normalise } from '../support/printedStrings';
import { tempDir } from '../support/temp';
import { exportFixture, type FixtureExports } from '../support/fixtureExports';

/**
 * A complete real record of a meeting that decided by a recorded vote — the Node.js Foundation
 * Technical Steering Committee's meeting of 20 December 2017 (tests/fixtures/nodejs-tsc/SOURCE.md) —
 * exported to PDF and DOCX and read back as their readers would: pdftotext, and LibreOffice for the
 * DOCX. Every word comes out in the source's order, and the roll call prints as the original prints
 * it, one paragraph made from the register-linked lists: "Yes: Michaël, Myles, …, Nikita Abstain:
 * Matteo, Sakthi, Colin". Page images for a human look go to test-results/nodejs-tsc/.
 */

const LOOK = resolve('test-results/nodejs-tsc');
const SOURCE = readFixture('nodejs-tsc/tsc-2017-12-20.txt');
/** The roll call exactly as the original prints it. */
const VOTE_LINE = SOURCE.split('\n').find((l) => l.startsWith('Yes: '))!;

let tmp: ReturnType<typeof tempDir>;
let files: FixtureExports;
const pdf = () => files.pdf;
const docxPdf = () => files.docxPdf;

/**
 * The source's words, normalised as the export's are (comparableWords): a dash standing alone
 * ("Strategic Initiatives - Tracking Issue") reads as a list marker on both sides alike.
 */
const SOURCE_WORDS = comparableWords(SOURCE);
/** The source's URLs: the words a line of the export may break inside. */
const URLS = new Set(words(SOURCE).filter((w) => w.startsWith('https://')));

/**
 * The export's words. A line may break after the hyphen of "2017-12-20" (comparableWords rejoins only
 * letters), and inside a URL longer than what is left of its line (the Google Docs address breaks
 * after "…FcChhbmE8", no hyphen): the pieces of a source URL are joined again, nothing else is.
 */
function exportWords(text: string): string[] {
  const out: string[] = [];
  for (const w of comparableWords(text.replace(/(\d)-\n\s*(?=\d)/g, '$1-'))) {
    const last = out.at(-1);
    if (last?.startsWith('https://') && !URLS.has(last) && [...URLS].some((u) => u.startsWith(last + w))) out[out.length - 1] = last + w;
    else out.push(w);
  }
  return out;
}

/**
 * LibreOffice draws the Cyrillic name with a fallback font (the DOCX embeds Noto Serif's Latin subset
 * only) and writes those glyphs after the rest of their line in the PDF; read in the page's order
 * (-layout), as a reader sees it, not in the order of drawing.
 */
const pdftextLayout = (file: string) => {
  const r = tool('pdftotext', 'poppler-utils', ['-layout', '-enc', 'UTF-8', file, '-']);
  if (r.code !== 0) throw new Error(`pdftotext failed on ${file}: ${r.stderr}`);
  return r.stdout;
};

beforeAll(async () => {
  tmp = tempDir('minuta-nodejs-tsc-');
  files = await exportFixture('nodejs-tsc-2017-12-20.minuta.json', 'nodejs-tsc', tmp.dir, LOOK);
}, 240_000);

afterAll(() => tmp?.cleanup());

describe('the Node.js TSC meeting of 20 December 2017 exported', () => {
  it('to PDF: pdftotext gives the source’s words in the source’s order', () => {
    const diff = compareWords(SOURCE_WORDS, exportWords(pdftotext(pdf())));
    if (diff) expect.fail(`PDF text differs from the source:\n${diff}`);
  });

  it('to DOCX: the text LibreOffice prints is the source’s words in the source’s order', () => {
    const diff = compareWords(SOURCE_WORDS, exportWords(pdftextLayout(docxPdf())));
    if (diff) expect.fail(`DOCX text (via LibreOffice) differs from the source:\n${diff}`);
  });

  it('the roll call prints as in the original: one paragraph "Yes: A, B, …, H Abstain: I, J, K", no serial "and", no empty list', () => {
    expect(VOTE_LINE).toBe('Yes: Michaël, Myles, Franzi, Ali, Jeremiah, Rich, Trevor, Nikita Abstain: Matteo, Sakthi, Colin');
    for (const file of [pdf(), docxPdf()]) {
      const text = pdftotext(file);
      expect(normalise(text), file).toContain(normalise(VOTE_LINE));
      // One paragraph: "Abstain:" runs on after the last "Yes" name, it does not start a line of its own.
      expect(text.split('\n').filter((l) => l.trim().startsWith('Yes: Michaël'))).toHaveLength(1);
      expect(text.split('\n').some((l) => l.trim().startsWith('Abstain:')), file).toBe(false);
      // Nothing for the lists nobody is in, and none of the FOMC's words.
      expect(text).not.toMatch(/\bNo:|Absent|Voting for this action|Adopted/);
    }
  });
});
