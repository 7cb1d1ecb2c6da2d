import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readFixture, words } from '../unit/minutes/helpers';
import { compareWords, comparableWords, pdftotext } from '../support/exportText';
import { normalise } from '../support/printedStrings';
import { tempDir } from '../support/temp';
import { exportFixture, type FixtureExports } from '../support/fixtureExports';

/**
 * A complete real record of a recorded vote — the Bevy Foundation board's decision of 9 September 2024
 * (tests/fixtures/bevy/SOURCE.md) — exported to PDF and DOCX and read back as their readers would:
 * pdftotext, and LibreOffice for the DOCX. Every word comes out in the source's order, and the vote
 * prints as the original prints it, one line: "Votes: Yes by …. No vote by James Liu." Page images
 * for a human look go to test-results/bevy-vote/.
 */

const LOOK = resolve('test-results/bevy-vote');
const SOURCE = readFixture('bevy/recording-votes-2024-09-09.txt');
/** The vote line exactly as the original prints it. */
const VOTE_LINE = SOURCE.split('\n').find((l) => l.startsWith('Votes: '))!;

let tmp: ReturnType<typeof tempDir>;
let files: FixtureExports;
const pdf = () => files.pdf;
const docxPdf = () => files.docxPdf;

/** The export's words without the title block's date line (the date is data, the format writes it) and its page furniture. */
const exportWords = (text: string) =>
  comparableWords(
    text
      .split('\n')
      .filter((l) => l.trim() !== '9 September 2024')
      .join('\n'),
  );

beforeAll(async () => {
  tmp = tempDir('minuta-bevy-');
  files = await exportFixture('bevy-2024-09-09.minuta.json', 'bevy', tmp.dir, LOOK);
}, 240_000);

afterAll(() => tmp?.cleanup());

describe('the Bevy Foundation board’s recorded vote of 9 September 2024 exported', () => {
  it('to PDF: pdftotext gives the source’s words in the source’s order', () => {
    const diff = compareWords(words(SOURCE), exportWords(pdftotext(pdf())));
    if (diff) expect.fail(`PDF text differs from the source:\n${diff}`);
  });

  it('to DOCX: the text LibreOffice prints is the source’s words in the source’s order', () => {
    const diff = compareWords(words(SOURCE), exportWords(pdftotext(docxPdf())));
    if (diff) expect.fail(`DOCX text (via LibreOffice) differs from the source:\n${diff}`);
  });

  it('the vote prints as in the original: one paragraph "Votes: Yes by A, B, C and D. No vote by E."', () => {
    expect(VOTE_LINE).toBe('Votes: Yes by Carter Anderson, Alice I. Cecile, Rob Swain and François Mockers. No vote by James Liu.');
    for (const file of [pdf(), docxPdf()]) {
      const text = pdftotext(file);
      expect(normalise(text), file).toContain(normalise(VOTE_LINE));
      // One paragraph: "No vote by" follows the names on the same paragraph, not a line of its own.
      expect(text.split('\n').filter((l) => l.trim().startsWith('Votes: Yes by'))).toHaveLength(1);
      expect(text.split('\n').some((l) => l.trim().startsWith('No vote by')), file).toBe(false);
      expect(text).not.toMatch(/Voting for this action|Abstain|Absent/);
    }
  });
});
