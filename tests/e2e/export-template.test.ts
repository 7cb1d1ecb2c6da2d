import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRef } from 'pdf-lib';
import { type LayoutDocument, type Run, layoutMeeting } from '../../src/shared/format';
import type { Meeting } from '../../src/shared/minutes';
import { pdftotext, tool } from '../support/exportText';
import { exportForReaders } from '../support/fixtureExports';
import { tempDir } from '../support/temp';
import { templateMeeting } from '../support/templateMeeting';

/**
 * A format template's choices, seen in the files as their readers see them: the same data as the 2019
 * seed (in two sections, signing for governments), printed with the bilateral template — sections
 * "I.", "II.", paragraphs numbered continuously, numbered lists labelled (i) and (a), two signatures
 * per row each with a party, place and date, CONFIDENTIAL on every page — in the PDF (pdftotext,
 * pdf-lib) and in the DOCX (as LibreOffice prints it). Pages for a human look go to
 * test-results/export-template/.
 */

const LOOK = resolve('test-results/export-template');
const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

let tmp: ReturnType<typeof tempDir>;
let meeting: Meeting;
let layout: LayoutDocument;
const pdfPath = () => join(tmp.dir, 'template.pdf');
const docxPdfPath = () => join(tmp.dir, 'lo', 'template.pdf');
const FILES = { PDF: pdfPath, 'DOCX (LibreOffice)': docxPdfPath } as const;
const layoutText = (file: string) => tool('pdftotext', 'poppler-utils', ['-layout', '-enc', 'UTF-8', file, '-']).stdout;

beforeAll(async () => {
  tmp = tempDir('minuta-template-');
  meeting = templateMeeting();
  layout = await layoutMeeting(meeting);
  await exportForReaders(meeting, 'template', tmp.dir, LOOK);
}, 240_000);

afterAll(() => tmp?.cleanup());

describe.each(Object.entries(FILES))('the bilateral template in the %s', (_name, path) => {
  it('prints CONFIDENTIAL at the top and foot of every page', () => {
    const pages = pdftotext(path()).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) expect(page.match(/CONFIDENTIAL/g)?.length, `page ${i + 1}`).toBe(2);
  });

  it('numbers the sections I. and II. and the running paragraphs 1, 2, 3 … across them', () => {
    const text = oneLine(pdftotext(path()));
    expect(text).toContain('I. INTRODUCTION');
    expect(text).toContain('II. PROCEEDINGS');
    expect(text.indexOf('I. INTRODUCTION')).toBeLessThan(text.indexOf('II. PROCEEDINGS'));
    // Each numbered paragraph of the layout, as its number and first words, in order.
    const numbered = layout.blocks.flatMap((b) => (b.kind === 'paragraph' && b.number !== undefined ? [`${b.number} ${oneLine(str(b.runs)).trim().split(' ').slice(0, 3).join(' ')}`] : []));
    expect(numbered.length).toBeGreaterThan(8);
    expect(numbered[0]).toMatch(/^1\. /);
    let at = 0;
    for (const n of numbered) {
      const found = text.indexOf(n, at);
      expect(found, `"${n}" after offset ${at}`).toBeGreaterThanOrEqual(0);
      at = found + n.length;
    }
  });

  it('labels the objectives (i), (ii) and the challenges (a), (b)', () => {
    const text = oneLine(pdftotext(path()));
    const first = (numbering: string) => {
      const list = layout.blocks.find((b) => b.kind === 'list' && b.numbering === numbering);
      return list?.kind === 'list' ? oneLine(str(list.items[0]!.runs)).split(' ').slice(0, 3).join(' ') : '';
    };
    expect(text).toContain(`(i) ${first('decimal-paren')}`);
    expect(text).toContain(`(a) ${first('decimal')}`);
  });

  it('sets two signatures per row, each "For the Government of …" with its own place and date', () => {
    const lines = layoutText(path()).split('\n');
    const row = (a: string, b: string) => lines.some((l) => l.includes(a) && l.includes(b));
    expect(row('Head of Cambodia Delegation', 'Head of Lao Delegation'), 'first row').toBe(true);
    expect(row('Head of Myanmar Delegation', 'Minister of Home Affairs'), 'second row').toBe(true);
    expect(row('Head of Lao Delegation', 'Head of Myanmar Delegation'), 'no third in the first row').toBe(false);
    const text = oneLine(layoutText(path()));
    expect(text.match(/For the Government of/g)).toHaveLength(3);
    for (const placeDate of ['Siem Reap, 31 October 2019', 'Vientiane, 4 November 2019', 'Nay Pyi Taw, 8 November 2019']) expect(text).toContain(placeDate);
  });
});

describe('the bilateral template, PDF signature fields', () => {
  it('puts the first two boxes side by side and the next two on the row below', async () => {
    const pdf = await PDFDocument.load(readFileSync(pdfPath()));
    const fields = pdf.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
    const pages = pdf.getPages();
    const boxes = fields.asArray().map((ref) => {
      const widget = pdf.context.lookup(ref as PDFRef, PDFDict);
      const [x1, y1] = widget.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(n.toString()));
      const page = pages.findIndex((p) => p.ref === widget.get(PDFName.of('P')));
      return { x: x1!, y: y1!, page };
    });
    expect(boxes).toHaveLength(4);
    const [a, b, c, d] = boxes as [(typeof boxes)[0], (typeof boxes)[0], (typeof boxes)[0], (typeof boxes)[0]];
    expect(a.page).toBe(b.page);
    expect(Math.abs(a.y - b.y)).toBeLessThan(1);
    expect(b.x).toBeGreaterThan(a.x);
    // The second row starts at the left again, below the first (or on the next page).
    expect(Math.abs(c.x - a.x)).toBeLessThan(1);
    expect(c.page > a.page || c.y < a.y - 50).toBe(true);
    expect(Math.abs(c.y - d.y)).toBeLessThan(1);
  });
});
