import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { pdftotext, tool } from '../support/exportText';
import { frontMatterMeeting } from '../support/frontMatterMeeting';
import { exportForReaders } from '../support/fixtureExports';
import { tempDir } from '../support/temp';

/**
 * Front matter, the agenda and headings as their readers see them: a small summary record
 * (tests/support/frontMatterMeeting.ts) exported to PDF (pdftotext) and DOCX (converted by LibreOffice,
 * then pdftotext): the masthead with its labels and the symbol set to the right, the dateline above
 * the title, the meeting's time and no date or place line of the format's, the agenda with its
 * numbers and documents, agenda item headings from the data numbered I., II., paragraphs numbered
 * through the record, CONFIDENTIAL at the top and foot of every page. Pages for a human look go to
 * test-results/export-front-matter/.
 */

const LOOK = resolve('test-results/export-front-matter');
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

let tmp: ReturnType<typeof tempDir>;
const pdfPath = () => join(tmp.dir, 'record.pdf');
const docxPdfPath = () => join(tmp.dir, 'lo', 'record.pdf');
const FILES = { PDF: pdfPath, 'DOCX (LibreOffice)': docxPdfPath } as const;
const layoutText = (file: string) => tool('pdftotext', 'poppler-utils', ['-layout', '-enc', 'UTF-8', file, '-']).stdout;

beforeAll(async () => {
  tmp = tempDir('minuta-front-matter-');
  await exportForReaders(frontMatterMeeting(), 'record', tmp.dir, LOOK);
}, 240_000);

afterAll(() => tmp?.cleanup());

/** The strings of `text` found in this order; the first one missing or out of order fails. */
function inOrder(text: string, expected: readonly string[]): void {
  let at = 0;
  for (const s of expected) {
    const found = text.indexOf(s, at);
    expect(found, `"${s}" after offset ${at} in: ${text.slice(at, at + 300)}`).toBeGreaterThanOrEqual(0);
    at = found + s.length;
  }
}

describe.each(Object.entries(FILES))('a summary record with front matter, agenda and headings, in the %s', (_name, path) => {
  it('prints the masthead, then the dateline above the title, then the meeting’s time, and no date or place line', () => {
    const text = oneLine(pdftotext(path()));
    inOrder(text, [
      'Economic and Social Council',
      'E/CN.6/2024/SR.3',
      'Distr.: General',
      '20 March 2024',
      'Original: English',
      'New York, 12 March 2024',
      'Summary record of the 3rd meeting',
      'Held at Headquarters, New York, on Tuesday, 12 March 2024',
      '10 a.m.',
      'Agenda',
    ]);
    // The summary record's title says when and where: the format adds no date or place line of its own.
    expect(text).not.toContain('30-31 October 2019');
    expect(text).not.toContain('Kingdom of Cambodia');
  });

  it('sets the masthead’s symbol and its facts to the right, its issuing body to the left', () => {
    const lines = layoutText(path()).split('\n');
    const indent = (needle: string) => {
      const line = lines.find((l) => l.includes(needle));
      expect(line, needle).toBeDefined();
      return line!.indexOf(needle);
    };
    expect(indent('Economic and Social Council')).toBeLessThan(10);
    for (const right of ['E/CN.6/2024/SR.3', 'Distr.: General', 'Original: English']) expect(indent(right), right).toBeGreaterThan(40);
  });

  it('prints the agenda with the items’ numbers and documents, and the agenda item headings numbered I., II.', () => {
    const text = oneLine(pdftotext(path()));
    inOrder(text, [
      'Agenda',
      '1. Election of officers',
      '2. Adoption of the agenda',
      'Documents: E/CN.6/2024/1, E/CN.6/2024/1/Add.1',
      '3 (a). Priority theme: poverty and gender',
      'Documents: E/CN.6/2024/3',
      'I. Agenda item 2: Adoption of the agenda',
      '1. The agenda was adopted.',
      'II. Agenda item 3 (a): Priority theme: poverty and gender',
      'General discussion',
      '2. Speaker 1 said that',
      '15. Speaker 14 said that',
      'Closing of the meeting',
      '16. The meeting rose at 1 p.m.',
    ]);
    // Headings of levels 2 and 3 are not numbered by this template.
    expect(text).not.toMatch(/[IV]+\. General discussion|[IV]+\. Closing/);
  });

  it('prints the classification at the top and foot of every page', () => {
    const pages = pdftotext(path()).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) expect(page.match(/CONFIDENTIAL/g)?.length, `page ${i + 1}`).toBe(2);
  });
});
