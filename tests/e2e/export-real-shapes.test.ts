import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { parseInterchange, type Meeting } from '../../src/shared/minutes';
import { readFixture, words } from '../unit/minutes/helpers';
import { compareWords, comparableWords, pdftotext, tool } from '../support/exportText';
import { tempDir } from '../support/temp';
import { exportFixture, type FixtureExports } from '../support/fixtureExports';
import { docxFootnotes, meetingNotes, withoutNotes, type Note } from '../support/footnoteText';

/**
 * Real, public records of the common shapes of issue 15, encoded in the model (version 3) and exported
 * to PDF and DOCX, read back as their readers would (pdftotext; the DOCX through LibreOffice):
 * - colombo-1951: the report of a regional consultative meeting (the Colombo Plan's Consultative
 *   Committee, 1951): dateline, classification, paragraphs 1–21 numbered across ten unnumbered
 *   headings, an agenda (a)–(g), recommendations (1)–(3), five footnotes;
 * - notes-1974: an exchange of notes (United Kingdom–Netherlands, 1974): two notes with reference,
 *   date, addressee, salutation, a quoted note, close and signer; proposals 1., 2. with (a), (i);
 * - cer-1982: bilateral agreed minutes (Australia–New Zealand, 1982): unnumbered headings, bullets,
 *   a numbered list, two footnotes (one on the dateline).
 * Sources and what each maps to: tests/fixtures/<name>/SOURCE.md. Page images for a look go to
 * test-results/<name>/.
 *
 * Each export gives the source's words in the source's order, except what the layout does to them,
 * which each comparison states: page furniture (draft mark, page numbers, fingerprint, and a
 * classification marking printed on every page) and footnotes (their marks and texts, checked apart).
 */

const load = (fixture: string): Meeting => {
  const r = parseInterchange(readFixture(fixture));
  if (!r.ok) throw new Error(`${fixture}: ${r.errors.join('; ')}`);
  return r.meeting;
};

/**
 * The printed words of an export without its furniture and notes (whose absence is reported). Besides
 * the draft mark, page numbers and fingerprint (comparableWords), a page's classification `marking`:
 * a line made only of the marking and the draft mark ("CONFIDENTIAL DRAFT" is one line in Chromium's
 * PDF, two in LibreOffice's) is furniture.
 */
function printedWords(text: string, notes: readonly Note[], marking?: string): { words: string[]; problems: string[] } {
  const furniture = new Set(['DRAFT', ...(marking ? words(marking) : [])]);
  const kept = text
    .split(/\r?\n|\f/)
    .filter((l) => !(marking && words(l).length > 0 && words(l).every((w) => furniture.has(w))))
    .join('\n');
  return withoutNotes(comparableWords(kept), notes);
}

/** The lines of a PDF page by page, in reading order (pdftotext's default mode: a page's top first, its foot last). */
function pages(file: string): string[][] {
  const r = tool('pdftotext', 'poppler-utils', ['-enc', 'UTF-8', file, '-']);
  if (r.code !== 0) throw new Error(`pdftotext failed on ${file}: ${r.stderr}`);
  return r.stdout
    .split('\f')
    .map((p) => p.split('\n').map((l) => l.trim()).filter((l) => l !== ''))
    .filter((p) => p.length > 0);
}

/** The lines of a text that begin with a list or paragraph label, as printed ("14.", "(a)", "(iii)"). */
const labelled = (text: string, re: RegExp) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => re.test(l));

interface Case {
  name: string;
  fixture: string;
  source: string;
}

function exportsOf(c: Case) {
  let tmp: ReturnType<typeof tempDir>;
  const state: { files?: FixtureExports } = {};
  beforeAll(async () => {
    tmp = tempDir(`minuta-${c.name}-`);
    state.files = await exportFixture(c.fixture, c.name, tmp.dir, resolve(`test-results/${c.name}`));
  }, 300_000);
  afterAll(() => tmp?.cleanup());
  return () => state.files!;
}

// ------------------------------------------------------------------ the report of a regional meeting

describe('colombo-1951: the report of the Colombo Plan Consultative Committee (February 1951) exported', () => {
  const c: Case = { name: 'colombo-1951', fixture: 'colombo-1951.minuta.json', source: 'colombo-1951/colombo-1951-02-20.txt' };
  const files = exportsOf(c);
  const meeting = () => load(c.fixture);
  const MARKING = 'CONFIDENTIAL';
  /** The source's words without its notes (listed at its end) and the marking (printed on every page by the format). */
  const sourceWords = () => {
    const lines = readFixture(c.source).split('\n').filter((l) => l.trim() !== '' && l.trim() !== MARKING && !/^\d (?:Not published\.|Permanent Secretary|See appendix)/.test(l));
    return comparableWords(lines.join('\n'));
  };

  for (const [kind, file] of [
    ['PDF', () => files().pdf],
    ['DOCX (via LibreOffice)', () => files().docxPdf],
  ] as const) {
    it(`${kind}: the source’s words in the source’s order (marking and notes apart)`, () => {
      const { words: printed, problems } = printedWords(pdftotext(file()), meetingNotes(meeting()), MARKING);
      expect(problems).toEqual([]);
      const diff = compareWords(sourceWords(), printed);
      if (diff) expect.fail(`${kind} text differs from the source:\n${diff}`);
    });

    it(`${kind}: paragraphs numbered 1–21 across the headings, the headings and paragraph 14's continuations unnumbered`, () => {
      const text = pdftotext(file());
      const numbered = labelled(text, /^\d{1,2}\.\s/);
      expect(numbered.map((l) => Number(/^(\d+)\./.exec(l)![1]))).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      // Each number starts the paragraph the source numbers so (its first words).
      const source = readFixture(c.source).split('\n').filter((l) => /^\d{1,2}\. /.test(l));
      numbered.forEach((l, i) => expect(words(l).slice(0, 3), l).toEqual(words(source[i]!).slice(0, 3)));
      for (const heading of ['Agenda', 'Statements of action taken', 'Conclusion', 'A ‘Colombo Plan’ Exhibition']) {
        expect(text.split('\n').map((l) => l.trim()), heading).toContain(heading);
      }
      for (const start of ['Referring to the above-mentioned letter', 'The Bank has already negotiated', 'The representative of the International Bank for']) {
        expect(text.split('\n').some((l) => l.trim().startsWith(start)), start).toBe(true);
      }
    });

    it(`${kind}: the agenda items (a)–(g) and the recommendations (1)–(3) labelled as in the original`, () => {
      const text = pdftotext(file());
      expect(labelled(text, /^\([a-g]\)\s/).map((l) => l.slice(0, 3))).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)']);
      expect(labelled(text, /^\([1-3]\)\s/).map((l) => l.slice(0, 3))).toEqual(['(1)', '(2)', '(3)']);
      expect(labelled(text, /^\(a\)\s/)[0]).toMatch(/^\(a\)\s+Statements of action taken in the various/);
    });

    it(`${kind}: the dateline above the title, "CONFIDENTIAL" at the top and the foot of every page`, () => {
      const ps = pages(file());
      expect(ps[0]!.indexOf('Colombo, 20 February 1951')).toBeGreaterThanOrEqual(0);
      expect(ps[0]!.indexOf('Colombo, 20 February 1951')).toBeLessThan(ps[0]!.findIndex((l) => l.startsWith('Report of Meeting of Consultative Committee')));
      expect(ps.length).toBeGreaterThan(1);
      for (const [i, p] of ps.entries()) {
        expect(words(p[0]!), `page ${i + 1}: its first line`).toContain(MARKING);
        expect(p.slice(-3).some((l) => words(l).includes(MARKING)), `page ${i + 1}: its foot`).toBe(true);
      }
      // The title says where and when: the format prints no date or place line of its own.
      expect(pdftotext(file())).not.toMatch(/13-20 February 1951|Colombo, Ceylon/);
    });
  }

  it('DOCX: the five notes are real Word footnotes', () => {
    const { texts, references } = docxFootnotes(files().docx);
    expect(references).toBe(5);
    expect(texts).toEqual(meetingNotes(meeting()).map((n) => n.text.join(' ')));
  });
});

// ------------------------------------------------------------------ an exchange of notes

describe('notes-1974: the exchange of notes of 19 December 1974 (United Kingdom–Netherlands) exported', () => {
  const c: Case = { name: 'notes-1974', fixture: 'notes-1974.minuta.json', source: 'notes-1974/notes-1974-12-19.txt' };
  const files = exportsOf(c);
  const ADDRESSEE_1 = ['His Excellency', 'Mr. Max van der Stoel'];
  const ADDRESSEE_2 = ['To His Excellency Sir John Barnes', 'Ambassador of the United Kingdom of', 'Great Britain and Northern Ireland', 'at The Hague'];
  /**
   * The source's words as a note prints in the model: the addressee, which the original prints at the
   * foot of the note (British practice), stands above the salutation, and note I's date is the
   * format's way of writing the date ("19 December 1974"; the original: "December 19th, 1974").
   */
  const sourceWords = () => {
    const lines = readFixture(c.source).split('\n').filter((l) => l.trim() !== '');
    const without = lines.filter((l) => !ADDRESSEE_1.includes(l) && !ADDRESSEE_2.includes(l));
    const out: string[] = [];
    for (const l of without) {
      if (l === 'December 19th, 1974') out.push('19 December 1974', ...ADDRESSEE_1);
      else if (l === 'The Hague, 19 December 1974') out.push(l, ...ADDRESSEE_2);
      else out.push(l);
    }
    return comparableWords(out.join('\n'));
  };

  for (const [kind, file] of [
    ['PDF', () => files().pdf],
    ['DOCX (via LibreOffice)', () => files().docxPdf],
  ] as const) {
    it(`${kind}: the source’s words in the source’s order (addressee above the salutation)`, () => {
      const { words: printed, problems } = printedWords(pdftotext(file()), []);
      expect(problems).toEqual([]);
      const diff = compareWords(sourceWords(), printed);
      if (diff) expect.fail(`${kind} text differs from the source:\n${diff}`);
    });

    it(`${kind}: proposals 1. and 2., sub-paragraphs (a), (b) and (i)–(iii) labelled as in the original, no number on the headings`, () => {
      const text = pdftotext(file());
      expect(labelled(text, /^1\.\s/)[0]).toMatch(/^1\.\s+The operation of the Convention/);
      // "(a)" follows "2." on its line (Chromium) or starts the next (LibreOffice): the item has no text of its own.
      expect(labelled(text, /^(?:2\.\s+)?\([ab]\)\s/).map((l) => /\(([ab])\)/.exec(l)![1])).toEqual(['a', 'b']);
      expect(labelled(text, /^\(i{1,3}\)\s/).map((l) => /^\((i+)\)/.exec(l)![1])).toEqual(['i', 'ii', 'iii', 'i', 'ii', 'iii']);
      // "2." has no text of its own: its label stands before "(a)" (on the line, or alone above it).
      expect(text).toMatch(/(?:^|\n)\s*2\.\s+(?:\(a\)|\n\s*\(a\))/);
      const lines = text.split('\n').map((l) => l.trim());
      for (const h of ['Nr. I', 'Nr. II', 'BRITISH EMBASSY', 'MINISTRY OF FOREIGN AFFAIRS']) expect(lines, h).toContain(h);
    });

    it(`${kind}: each note's reference, dateline and salutation in the original's order; the quoted note; the signers`, () => {
      const lines = pdftotext(file()).split('\n').map((l) => l.trim()).filter((l) => l !== '');
      /** Each line found after the one before it. */
      const inOrder = (...ls: string[]) => {
        let at = -1;
        for (const l of ls) {
          at = lines.indexOf(l, at + 1);
          expect(at, `${l} (after ${ls.join(' | ')})`).toBeGreaterThanOrEqual(0);
        }
      };
      inOrder('Nr. I', '14/12', '19 December 1974', 'His Excellency', 'Your Excellency,');
      inOrder('Nr. II', 'DVE/VV - 297588', 'The Hague, 19 December 1974', 'To His Excellency Sir John Barnes', 'Your Excellency,');
      expect(lines).toContain('(zoals in Nr. I)');
      expect(lines.some((l) => l.includes('(sd.) E. J. W. BARNES.'))).toBe(true);
      expect(lines.some((l) => l.includes('(sd.) M. VAN DER STOEL.'))).toBe(true);
      // The title already names the notes: no date or place line of the format's.
      expect(lines).not.toContain('The Hague, Netherlands');
    });
  }
});

// ------------------------------------------------------------------ bilateral agreed minutes

describe('cer-1982: the agreed minutes of the Australian and New Zealand Permanent Heads (April 1982) exported', () => {
  const c: Case = { name: 'cer-1982', fixture: 'cer-1982.minuta.json', source: 'cer-1982/cer-1982-04-22.txt' };
  const files = exportsOf(c);
  const meeting = () => load(c.fixture);
  const sourceWords = () => {
    const lines = readFixture(c.source).split('\n').filter((l) => l.trim() !== '' && !/^\d (?:The file copy|Not identified\.)/.test(l));
    return comparableWords(lines.join('\n'));
  };

  for (const [kind, file] of [
    ['PDF', () => files().pdf],
    ['DOCX (via LibreOffice)', () => files().docxPdf],
  ] as const) {
    it(`${kind}: the source’s words in the source’s order (notes apart)`, () => {
      const { words: printed, problems } = printedWords(pdftotext(file()), meetingNotes(meeting()));
      expect(problems).toEqual([]);
      const diff = compareWords(sourceWords(), printed);
      if (diff) expect.fail(`${kind} text differs from the source:\n${diff}`);
    });

    it(`${kind}: the headings unnumbered, the bullets and the list 1., 2. as in the original`, () => {
      const text = pdftotext(file());
      const lines = text.split('\n').map((l) => l.trim());
      for (const h of ['Export Incentives', 'Forest Products', 'Quality of Access', 'carpet']) expect(lines, h).toContain(h);
      expect(labelled(text, /^1\.\s/)[0]).toMatch(/^1\.\s+Access:/);
      expect(labelled(text, /^2\.\s/)[0]).toMatch(/^2\.\s+Tariffs:/);
      expect(lines.findIndex((l) => l.startsWith('[22 April 1982]'))).toBeLessThan(lines.findIndex((l) => l.startsWith('Agreed Minutes of Meetings')));
    });
  }

  it('DOCX: the two notes are real Word footnotes', () => {
    const { texts, references } = docxFootnotes(files().docx);
    expect(references).toBe(2);
    expect(texts).toEqual(meetingNotes(meeting()).map((n) => n.text.join(' ')));
  });
});
