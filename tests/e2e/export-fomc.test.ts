import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readFixture, words } from '../unit/minutes/helpers';
import { compareWords, comparableWords, pdftotext } from '../support/exportText';
import { normalise } from '../support/printedStrings';
import { tempDir } from '../support/temp';
import { exportFixture, type FixtureExports } from '../support/fixtureExports';

/**
 * A real record of a recorded vote — the FOMC's minutes of 17–18 December 2013, two complete parts
 * (tests/fixtures/fomc/SOURCE.md) — exported to PDF and DOCX and read back as their readers would:
 * pdftotext, and LibreOffice for the DOCX. The words come out in the source's order, and the roll call
 * prints as the original prints it. Page images for a human look go to test-results/fomc/.
 */

const LOOK = resolve('test-results/fomc');
const SOURCE = readFixture('fomc/fomc-2013-12.txt');
/** The vote lines exactly as the original prints them. */
const VOTE_LINES = SOURCE.split('\n').filter((l) => l.startsWith('Voting '));

let tmp: ReturnType<typeof tempDir>;
let files: FixtureExports;
const pdf = () => files.pdf;
const docxPdf = () => files.docxPdf;

/**
 * The source's words, without the marker of the gap between its parts and the date line under its
 * title; the export's, without its page furniture and the title block's date and place lines. Both
 * date lines say the meeting's dates, which the model holds as data and the format writes its way
 * ("17-18 December 2013"); the place line is the format's too (the original says it in prose).
 */
const sourceWords = () => words(SOURCE.split('\n').filter((l) => !['[…]', 'December 17–18, 2013'].includes(l.trim())).join('\n'));
const exportWords = (text: string) =>
  comparableWords(
    text
      .split('\n')
      .filter((l) => !['17-18 December 2013', 'Washington, D.C., United States'].includes(l.trim()))
      .join('\n')
      // A line may break after the hyphen of "29-30" (comparableWords rejoins only letters).
      .replace(/(\d)-\n\s*(?=\d)/g, '$1-'),
  );

beforeAll(async () => {
  tmp = tempDir('minuta-fomc-');
  files = await exportFixture('fomc-2013-12.minuta.json', 'fomc', tmp.dir, LOOK);
}, 240_000);

afterAll(() => tmp?.cleanup());

describe('the FOMC minutes of December 2013 exported', () => {
  it('to PDF: pdftotext gives the source’s words in the source’s order', () => {
    const diff = compareWords(sourceWords(), exportWords(pdftotext(pdf())));
    if (diff) expect.fail(`PDF text differs from the source:\n${diff}`);
  });

  it('to DOCX: the text LibreOffice prints is the source’s words in the source’s order', () => {
    const diff = compareWords(sourceWords(), exportWords(pdftotext(docxPdf())));
    if (diff) expect.fail(`DOCX text (via LibreOffice) differs from the source:\n${diff}`);
  });

  it('the roll call prints as in the original: "Voting for this action: …" and "Voting against this action: …", each a paragraph of its own', () => {
    expect(VOTE_LINES).toHaveLength(2);
    for (const file of [pdf(), docxPdf()]) {
      const text = pdftotext(file);
      const paragraphs = normalise(text);
      for (const line of VOTE_LINES) expect(paragraphs, file).toContain(normalise(line));
      // Each line starts a line of its own in the printed text, and nothing is printed for the empty lists.
      expect(text.split('\n').filter((l) => /^Voting (for|against) this action:/.test(l.trim()))).toHaveLength(2);
      expect(text).not.toMatch(/Abstaining|Absent|none/);
    }
  });
});
