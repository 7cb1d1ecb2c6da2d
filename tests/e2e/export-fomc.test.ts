import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseInterchange, type Meeting } from '../../src/shared/minutes';
import { exportMeeting } from '../../src/main/export';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { readFixture, words } from '../unit/minutes/helpers';
import { compareWords, comparableWords, pdftotext, tool } from '../support/exportText';
import { normalise } from '../support/printedStrings';
import { tempDir } from '../support/temp';
import { noSystemNotoEnv } from '../support/noSystemFonts';

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
const pdf = () => join(tmp.dir, 'fomc.pdf');
const docx = () => join(tmp.dir, 'fomc.docx');
const docxPdf = () => join(tmp.dir, 'lo', 'fomc.pdf');

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
  const r = parseInterchange(readFixture('fomc-2013-12.minuta.json'));
  if (!r.ok) throw new Error(r.errors.join('; '));
  const meeting: Meeting = r.meeting;
  const printer = new PlaywrightPrinter({ env: noSystemNotoEnv(tmp.dir) });
  try {
    writeFileSync(pdf(), await exportMeeting(meeting, 'pdf', { printer }));
    writeFileSync(docx(), await exportMeeting(meeting, 'docx'));
  } finally {
    await printer.close();
  }
  const lo = tool(
    'soffice',
    'libreoffice-writer-nogui',
    [`-env:UserInstallation=file://${join(tmp.dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(tmp.dir, 'lo'), docx()],
    { timeout: 180_000, env: noSystemNotoEnv(tmp.dir) },
  );
  expect(existsSync(docxPdf()), `soffice did not convert fomc.docx: ${lo.stderr}`).toBe(true);
  mkdirSync(LOOK, { recursive: true });
  tool('pdftoppm', 'poppler-utils', ['-r', '60', '-png', pdf(), join(LOOK, 'pdf')]);
  tool('pdftoppm', 'poppler-utils', ['-r', '60', '-png', docxPdf(), join(LOOK, 'docx')]);
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
