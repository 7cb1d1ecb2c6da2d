import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { parseInterchange, serializeInterchange, type Meeting } from '../../src/shared/minutes';
import { readFixture } from '../unit/minutes/helpers';
import { compareWords, comparableWords, pdftotext, withoutFurniture } from '../support/exportText';
import { tempDir } from '../support/temp';
import { exportFixture, type FixtureExports } from '../support/fixtureExports';

/**
 * A real UN summary record — the Economic and Social Council's E/2024/SR.5, the 5th meeting of its
 * 2024 session (coordination segment), complete (tests/fixtures/ecosoc-2024-sr5/SOURCE.md) — exported
 * to PDF and DOCX and read back as their readers would: pdftotext, and LibreOffice for the DOCX. The
 * words come out in the source's order; the masthead prints its labels as the original does; the 91
 * paragraphs are numbered continuously across the agenda item and its three sub-headings, the
 * procedural lines ("The meeting was called to order at …") unnumbered; statements print as reported
 * speech ("Mr. Rae (Canada) said that …"). Page images for a human look go to test-results/ecosoc-sr/.
 */

const LOOK = resolve('test-results/ecosoc-sr');
const SOURCE = readFixture('ecosoc-2024-sr5/E_2024_SR.5_en.txt');
const FIXTURE = 'ecosoc-2024-sr5.minuta.json';

let tmp: ReturnType<typeof tempDir>;
let files: FixtureExports;
const FILES = { PDF: () => files.pdf, 'DOCX (LibreOffice)': () => files.docxPdf } as const;

const load = (): Meeting => {
  const r = parseInterchange(readFixture(FIXTURE));
  if (!r.ok) throw new Error(`${FIXTURE}: ${r.errors.join('; ')}`);
  return r.meeting;
};

/** Both sides alike: whitespace, paragraph numbers ("12.") and furniture removed (comparableWords). */
const sourceWords = () => comparableWords(SOURCE);
/** The lines of the printed text without its page furniture (draft mark, page numbers, fingerprint), trimmed, without blank ones. */
const lines = (text: string) => withoutFurniture(text).split('\n').map((l) => l.trim()).filter((l) => l !== '');

beforeAll(async () => {
  tmp = tempDir('minuta-ecosoc-sr-');
  files = await exportFixture(FIXTURE, 'ecosoc-sr', tmp.dir, LOOK);
}, 300_000);

afterAll(() => tmp?.cleanup());

describe('the fixture', () => {
  it('is a valid version-3 file in canonical form', () => {
    expect(JSON.parse(readFixture(FIXTURE)).version).toBe(3);
    expect(serializeInterchange(load())).toBe(readFixture(FIXTURE));
  });

  it('holds the shape as data: masthead facts, the agenda item, statements with speakers, no typed paragraph numbers', () => {
    const m = load();
    expect(m.frontMatter).toMatchObject({ symbol: 'E/2024/SR.5', distribution: 'General', dateOfIssue: '2024-02-02', originalLanguage: 'English' });
    expect(m.agenda?.map((a) => a.number)).toEqual(['8']);
    const statements = m.body.filter((b) => b.type === 'statement');
    expect(statements).toHaveLength(32);
    expect(statements.reduce((n, s) => n + s.paragraphs.length, 0)).toBe(91);
    const typed = JSON.stringify(m.body).match(/"text":"\d{1,2}\. /g);
    expect(typed).toBeNull();
  });
});

describe.each(Object.entries(FILES))('E/2024/SR.5 exported, in the %s', (_name, path) => {
  it('gives the source’s words in the source’s order', () => {
    const diff = compareWords(sourceWords(), comparableWords(pdftotext(path())));
    if (diff) expect.fail(`text differs from the source:\n${diff}`);
  });

  it('prints the masthead’s labels as the original: the symbol, "Distr.: General", the date of issue, "Original: English", then the title lines', () => {
    const printed = lines(pdftotext(path()));
    const masthead = [
      'United Nations Economic and Social Council',
      'E/2024/SR.5',
      'Distr.: General',
      '2 February 2024',
      'Original: English',
      '2024 session',
      '27 July 2023–24 July 2024',
      'Coordination segment',
      'Summary record of the 5th meeting',
      'Held at Headquarters, New York, on Wednesday, 31 January 2024, at 10 a.m.',
    ];
    expect(printed.slice(0, masthead.length)).toEqual(masthead);
    // The title line already says when and where: no date or place line of the format's, no time line.
    expect(printed).not.toContain('31 January 2024');
    expect(printed).not.toContain('New York, United States');
    expect(printed).not.toContain('10 a.m.');
  });

  it('numbers the paragraphs 1–91 continuously across the headings, as the original; the procedural lines take no number', () => {
    const text = pdftotext(path());
    const numbers = lines(text)
      .map((l) => /^(\d{1,2})\.\s/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    expect(numbers).toEqual(Array.from({ length: 91 }, (_, i) => i + 1));
    const flat = text.replace(/\s+/g, ' ');
    // Each numbered paragraph begins as the original's does, the speaker printed as reported speech.
    for (const para of SOURCE.split('\n').filter((l) => /^\d+\. /.test(l))) {
      const opening = para.split(' ').slice(0, 8).join(' ');
      expect(flat, `paragraph "${opening}"`).toContain(opening);
    }
    expect(flat).toContain('The meeting was called to order at 10.10 a.m. Agenda item 8: Coordination segment Opening of the segment 1. The President, opening');
    expect(flat).toMatch(/91\. Mr\. Torero \(Chief Economist, Food and Agriculture Organization of the United Nations \(FAO\)\) said that .* in energy systems\. The meeting rose at noon\./);
    expect(flat).not.toMatch(/\d+\. The meeting (?:was called|rose)/);
  });

  it('prints the presiding officer as the original: "President:", the name and function, the country in brackets', () => {
    expect(pdftotext(path()).replace(/\s+/g, ' ')).toContain('President: Mr. Rakhmetullin (Vice-President) (Kazakhstan)');
  });
});
