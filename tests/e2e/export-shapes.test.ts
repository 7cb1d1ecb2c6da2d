import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { exportMeeting } from '../../src/main/export';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import type { Meeting } from '../../src/shared/minutes';
import { pdftotext, tool, withoutFurniture } from '../support/exportText';
import { noSystemNotoEnv } from '../support/noSystemFonts';
import { expectedStrings, missingInOrder, squash } from '../support/printedStrings';
import { shapesMeeting } from '../support/shapesMeeting';
import { tempDir } from '../support/temp';

/**
 * The shapes of issue 15 that engineer C added — an attendance table, an exchange of notes, annexes —
 * exported for real and read back as their readers' tools see them: pdftotext of the PDF Chromium
 * printed, LibreOffice's text (and PDF) of the DOCX, and the DOCX's own XML for the Word structure.
 * Pages for a human look go to test-results/export-shapes/.
 */

const LOOK = resolve('test-results/export-shapes');
let tmp: ReturnType<typeof tempDir>;
let meeting: Meeting;
let docxXml: string;
const pdfPath = () => join(tmp.dir, 'shapes.pdf');
const docxPath = () => join(tmp.dir, 'shapes.docx');
const docxPdfPath = () => join(tmp.dir, 'lo', 'shapes.pdf');
const docxTextPath = () => join(tmp.dir, 'lo', 'shapes.txt');
/** pdftotext -layout: columns kept side by side, as a reader sees the table. */
const layoutText = (file: string) => tool('pdftotext', 'poppler-utils', ['-layout', '-enc', 'UTF-8', file, '-']).stdout;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  tmp = tempDir('minuta-shapes-');
  meeting = shapesMeeting();
  const printer = new PlaywrightPrinter({ env: noSystemNotoEnv(tmp.dir) });
  try {
    writeFileSync(pdfPath(), await exportMeeting(meeting, 'pdf', { printer }));
  } finally {
    await printer.close();
  }
  const docx = await exportMeeting(meeting, 'docx');
  writeFileSync(docxPath(), docx);
  docxXml = strFromU8(unzipSync(docx)['word/document.xml']!);
  const profile = `-env:UserInstallation=file://${join(tmp.dir, 'lo-profile')}`;
  for (const to of ['pdf', 'txt:Text (encoded):UTF8']) {
    const lo = tool('soffice', 'libreoffice-writer-nogui', [profile, '--headless', '--convert-to', to, '--outdir', join(tmp.dir, 'lo'), docxPath()], {
      timeout: 180_000,
      env: noSystemNotoEnv(tmp.dir),
    });
    expect(lo.code, lo.stderr).toBe(0);
  }
  expect(existsSync(docxPdfPath()) && existsSync(docxTextPath())).toBe(true);
  mkdirSync(LOOK, { recursive: true });
  tool('pdftoppm', 'poppler-utils', ['-r', '60', '-png', pdfPath(), join(LOOK, 'pdf')]);
  tool('pdftoppm', 'poppler-utils', ['-r', '60', '-png', docxPdfPath(), join(LOOK, 'docx')]);
}, 300_000);

afterAll(() => tmp?.cleanup());

describe('every stored string reaches the page, in order', () => {
  it('in the PDF (pdftotext)', () => {
    const missing = missingInOrder(expectedStrings(meeting), pdftotext(pdfPath()), squash);
    expect(missing.map((e) => `${e.site}: ${e.text}`)).toEqual([]);
  });

  it('in the DOCX (LibreOffice’s text)', () => {
    const missing = missingInOrder(expectedStrings(meeting), readFileSync(docxTextPath(), 'utf8'), squash);
    expect(missing.map((e) => `${e.site}: ${e.text}`)).toEqual([]);
  });
});

describe.each([
  ['PDF', pdfPath],
  ['DOCX (LibreOffice)', docxPdfPath],
] as const)('the %s', (_name, path) => {
  it('sets the attendance list as a table: each name beside its country or organisation, the function after the name', () => {
    const lines = layoutText(path()).split('\n');
    // Two cells of one row: on one line, apart by a column gap (not run together in one cell).
    const row = (a: string, b: string) =>
      lines.some((l) => {
        const end = l.indexOf(a) + a.length;
        const gap = l.slice(end, l.indexOf(b, end));
        return l.includes(a) && l.indexOf(b, end) > end && /^\s{2,}$/.test(gap);
      });
    expect(row('H.E. Somchai Jaidee (Chair)', 'Thailand'), 'the chair’s row').toBe(true);
    expect(row('Mr. Vong Latsamy (Rapporteur)', 'Lao People'), 'the rapporteur’s row').toBe(true);
    expect(row('Ms. Anna Berg', 'IOM'), 'a register organisation').toBe(true);
    expect(lines.some((l) => l.includes('Ms. Keo Sophal (Meeting Secretary)')), 'a function as worded').toBe(true);
    expect(row('Name', 'Country or organisation'), 'the heading row').toBe(true);
    const text = oneLine(layoutText(path()));
    expect(text.indexOf('Country or organisation')).toBeLessThan(text.indexOf('Members'));
    expect(text.indexOf('Members')).toBeLessThan(text.indexOf('Observers'));
    expect(text.indexOf('Observers')).toBeLessThan(text.indexOf('Secretariat'));
  });

  it('prints each annex from the top of a new page, after the signatures, with paragraph numbers of its own', () => {
    const pages = pdftotext(path()).split('\f').filter((p) => p.trim() !== '');
    // The first line of the page's text, the furniture (draft mark, page number, fingerprint) left out.
    const firstLine = (p: string) => withoutFurniture(p).split('\n').map((l) => l.trim()).find((l) => l !== '');
    const annexPages = pages.map((p, i) => [firstLine(p), i] as const).filter(([l]) => /^Annex /.test(l ?? ''));
    expect(annexPages.map(([l]) => l)).toEqual(['Annex I', 'Annex II']);
    const signedOn = pages.findIndex((p) => p.includes('Chair of the Meeting'));
    expect(annexPages[0]![1]).toBeGreaterThan(signedOn);
    expect(annexPages[1]![1]).toBeGreaterThan(annexPages[0]![1]);
    const text = oneLine(pdftotext(path()));
    expect(text).toContain('1. The meeting was opened');
    expect(text).toContain('2. The meeting adopted its report');
    expect(text).toContain('1. Member States agreed to share data');
    expect(text).toContain('2. Member States agreed to meet again');
  });

  it('sets a note out: reference, the dateline at the right, the quoted text indented, the signer under “For …”', () => {
    const lines = layoutText(path()).split('\n');
    const indent = (s: string) => {
      const l = lines.find((x) => x.includes(s));
      expect(l, s).toBeDefined();
      return l!.search(/\S/);
    };
    expect(indent('Bangkok, 14 March 2024')).toBeGreaterThan(indent('No. 0815/2024') + 30);
    expect(indent('The Parties shall cooperate')).toBeGreaterThan(indent('I have the honour to refer'));
    const text = oneLine(layoutText(path()));
    // The report template's party line: "For {party}".
    expect(text).toMatch(/For the Kingdom of Thailand Minister of Foreign Affairs .*Mr\. Prasert Wong/);
    // The note's paragraphs are its own: not numbered into the annex or the report.
    expect(text).not.toMatch(/\d\. I have the honour/);
  });
});

describe('the DOCX as Word sees it', () => {
  it('writes the attendance list as a Word table with group rows across both columns, and each annex with a page break before it', () => {
    expect(docxXml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(docxXml.match(/<w:gridSpan w:val="2"\/>/g)).toHaveLength(3);
    expect(docxXml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    // The heading row repeats on each page the table runs onto.
    expect(docxXml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });
});
