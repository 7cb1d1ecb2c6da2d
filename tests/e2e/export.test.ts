import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { exportMeeting, printableHtml } from '../../src/main/export';
import { layoutMeeting } from '../../src/shared/format';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/main/export/pdf/chromium';
import { PRINT_OPTIONS } from '../../src/main/export/pdf/printer';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { SEEDS, meetingFixture, readFixture } from '../unit/minutes/helpers';
import { compareWords, comparableWords, pdftotext, tool } from '../support/exportText';
import { tempDir } from '../support/temp';
import { noSystemNotoEnv } from '../support/noSystemFonts';

/**
 * The exports checked as files, with the tools a reader of them would use: pdftotext, pdfsig, qpdf,
 * pdffonts (poppler-utils, qpdf) and LibreOffice for the DOCX. One browser prints every PDF; one
 * soffice call converts every DOCX. A missing tool fails the test and names its Debian package.
 * Page images for a human look go to test-results/export/.
 */

const KM = 'កិច្ចប្រជុំពិគ្រោះយោបល់បច្ចេកទេស';
const LO = 'ກອງປະຊຸມປຶກສາຫາລືດ້ານວິຊາການ';
const MY = 'နည်းပညာဆိုင်ရာ အတိုင်ပင်ခံ အစည်းအဝေး';
const TH = 'การประชุมปรึกษาหารือทางวิชาการ ณ กรุงเทพมหานคร ประเทศไทย';
const LOOK = resolve('test-results/export');
/** pdftotext puts spaces between some clusters of complex scripts: compare without any. */
const squash = (s: string) => s.replace(/\s+/g, '');

const DOCS = { 2018: 'minutes-2018.minuta.json', 2019: 'minutes-2019.minuta.json', scripts: 'scripts.minuta.json' } as const;
type Doc = keyof typeof DOCS;

let tmp: ReturnType<typeof tempDir>;
const pdfPath = (d: Doc) => join(tmp.dir, `${d}.pdf`);
const docxPath = (d: Doc) => join(tmp.dir, `${d}.docx`);
/** The DOCX as LibreOffice lays it out and prints it. */
const docxPdfPath = (d: Doc) => join(tmp.dir, 'lo', `${d}.pdf`);

beforeAll(async () => {
  tmp = tempDir('minuta-export-');
  // Printed on a browser that sees none of the machine's Noto fonts: every Noto font in these PDFs
  // is one the app ships (see noSystemFonts.ts).
  const printer = new PlaywrightPrinter({ env: noSystemNotoEnv(tmp.dir) });
  try {
    for (const d of Object.keys(DOCS) as Doc[]) {
      const meeting = meetingFixture(DOCS[d]);
      writeFileSync(pdfPath(d), await exportMeeting(meeting, 'pdf', { printer }));
      writeFileSync(docxPath(d), await exportMeeting(meeting, 'docx'));
    }
    // The pdf-lib path of the finisher (used when a printed file is not laid out as Skia writes it).
    writeFileSync(join(tmp.dir, 'rewrite-2019.pdf'), await exportMeeting(meetingFixture(DOCS[2019]), 'pdf', { printer, finish: 'rewrite' }));
  } finally {
    await printer.close();
  }
  const lo = tool(
    'soffice',
    'libreoffice-writer-nogui',
    [`-env:UserInstallation=file://${join(tmp.dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(tmp.dir, 'lo'), ...(Object.keys(DOCS) as Doc[]).map(docxPath)],
    // LibreOffice too sees none of the machine's Noto fonts: the DOCX must bring its own (embedded).
    { timeout: 180_000, env: noSystemNotoEnv(tmp.dir) },
  );
  for (const d of Object.keys(DOCS) as Doc[]) expect(existsSync(docxPdfPath(d)), `soffice did not convert ${d}.docx: ${lo.stderr}`).toBe(true);

  // For the human look: every page of both seeds, PDF and DOCX (as LibreOffice renders it), and the scripts page.
  mkdirSync(LOOK, { recursive: true });
  for (const year of [2018, 2019] as const) {
    tool('pdftoppm', 'poppler-utils', ['-r', '50', '-png', pdfPath(year), join(LOOK, `pdf-${year}`)]);
    tool('pdftoppm', 'poppler-utils', ['-r', '50', '-png', docxPdfPath(year), join(LOOK, `docx-${year}`)]);
  }
  tool('pdftoppm', 'poppler-utils', ['-r', '110', '-png', '-f', '1', '-l', '1', pdfPath('scripts'), join(LOOK, 'pdf-scripts')]);
  tool('pdftoppm', 'poppler-utils', ['-r', '110', '-png', '-f', '1', '-l', '1', docxPdfPath('scripts'), join(LOOK, 'docx-scripts')]);
}, 240_000);

afterAll(() => tmp?.cleanup());

describe.each(SEEDS)('the $year seed exported', ({ year, seed }) => {
  const expected = () => comparableWords(readFixture(seed));

  it('to PDF: pdftotext -raw gives the seed text in the seed order', () => {
    const actual = comparableWords(pdftotext(pdfPath(year)));
    const diff = compareWords(expected(), actual);
    if (diff) expect.fail(`PDF text differs from the seed:\n${diff}`);
    expect(actual.length).toBeGreaterThan(700);
  });

  it('to DOCX: the text LibreOffice prints is the seed text in the seed order', () => {
    const actual = comparableWords(pdftotext(docxPdfPath(year)));
    const diff = compareWords(expected(), actual);
    if (diff) expect.fail(`DOCX text (via LibreOffice) differs from the seed:\n${diff}`);
    expect(actual.length).toBeGreaterThan(700);
  });

  it('PDF: qpdf --check finds no error, every font is embedded and is one of ours, every page is A4 with footer and draft mark', () => {
    const check = tool('qpdf', 'qpdf', ['--check', pdfPath(year)]);
    expect(check.stdout + check.stderr).toContain('No syntax or stream encoding errors found');
    expect(check.code).toBe(0);

    const fonts = tool('pdffonts', 'poppler-utils', [pdfPath(year)]).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) {
      const cols = row.trim().split(/\s+/);
      const [emb] = cols.slice(-5);
      expect(emb, `font not embedded: ${row}`).toBe('yes');
      // Only the fonts the app ships: the PDF does not depend on what the machine has.
      expect(cols[0], row).toMatch(/^[A-Z]{6}\+NotoSerif(?:Khmer|Lao|Myanmar|Thai)?-(?:Regular|Bold|Italic|BoldItalic)$/);
    }

    const info = tool('pdfinfo', 'poppler-utils', [pdfPath(year)]).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(info).toMatch(/^Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/m);
    const text = pdftotext(pdfPath(year)).split('\f');
    for (let p = 1; p <= pages; p++) {
      expect(text[p - 1], `page ${p}`).toContain(`Page ${p} of ${pages}`);
      expect(text[p - 1], `page ${p}`).toMatch(/^DRAFT$/m);
      expect(text[p - 1], `page ${p}`).toMatch(/^Fingerprint [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/m);
    }
  });
});

describe('PDF finishing', () => {
  it('2019: pdfsig lists 3 unsigned signature fields named for the delegations, each on the page of its box', async () => {
    const r = tool('pdfsig', 'poppler-utils', [pdfPath(2019)]);
    const names = [...r.stdout.matchAll(/Signature Field Name: (.+)/g)].map((m) => m[1]!.trim());
    expect(names).toEqual(['Head of Cambodia Delegation', 'Head of Lao Delegation', 'Head of Myanmar Delegation']);
    expect(r.stdout.match(/The signature form field is not signed\./g)).toHaveLength(3);

    // Each widget sits in the /Annots of a page whose printed text holds its signatory's role and name.
    const pdf = await PDFDocument.load(readFileSync(pdfPath(2019)));
    const pageText = pdftotext(pdfPath(2019)).split('\f');
    const fields = pdf.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
    const pages = pdf.getPages();
    const found: string[] = [];
    for (let i = 0; i < fields.size(); i++) {
      const ref = fields.get(i) as PDFRef;
      const widget = pdf.context.lookup(ref, PDFDict);
      expect(widget.get(PDFName.of('FT'))).toBe(PDFName.of('Sig'));
      expect(widget.get(PDFName.of('Subtype'))).toBe(PDFName.of('Widget'));
      const pageIndex = pages.findIndex((p) => {
        const annots = p.node.lookup(PDFName.of('Annots'));
        return annots instanceof PDFArray && annots.asArray().some((a) => a === ref);
      });
      expect(pageIndex, `field ${i} is on no page`).toBeGreaterThanOrEqual(0);
      expect(widget.get(PDFName.of('P'))).toBe(pages[pageIndex]!.ref);
      const role = names[i]!.split(' ');
      const text = pageText[pageIndex]!.replace(/\s+/g, ' ');
      expect(text, `page ${pageIndex + 1} should print the box of ${names[i]}`).toContain(role.slice(0, 2).join(' '));
      found.push(`${names[i]} p${pageIndex + 1}`);
    }
    expect(found).toHaveLength(3);
    expect(pdf.catalog.lookup(PDFName.of('AcroForm'), PDFDict).get(PDFName.of('SigFlags'))?.toString()).toBe('1');
  });

  it('2019 finished by the pdf-lib path instead of the incremental update: same fields, valid file', () => {
    const path = join(tmp.dir, 'rewrite-2019.pdf');
    const r = tool('pdfsig', 'poppler-utils', [path]);
    expect([...r.stdout.matchAll(/Signature Field Name: (.+)/g)].map((m) => m[1]!.trim())).toEqual([
      'Head of Cambodia Delegation',
      'Head of Lao Delegation',
      'Head of Myanmar Delegation',
    ]);
    expect(tool('qpdf', 'qpdf', ['--check', path]).code).toBe(0);
    expect(tool('pdfinfo', 'poppler-utils', [path]).stdout).toMatch(/^Keywords:\s+minutes; .*fingerprint:[0-9a-f]{64}/m);
  });

  it('2019: the printed bytes are kept, the finishing is an incremental update', () => {
    const bytes = readFileSync(pdfPath(2019));
    const text = bytes.toString('latin1');
    expect(text.match(/%%EOF/g)).toHaveLength(2);
    expect(text).toMatch(/\/Prev \d+>>\s*startxref\s*\d+\s*%%EOF\s*$/);
  });

  it('2019: metadata (title, subject, author, keywords, dates, fingerprint)', () => {
    const info = tool('pdfinfo', 'poppler-utils', [pdfPath(2019)]).stdout;
    expect(info).toMatch(/^Title:\s+Minutes of the Second Technical Consultative Meeting/m);
    expect(info).toMatch(/^Subject:\s+Strengthening Protection of Migrants/m);
    expect(info).toMatch(/^Author:\s+Minuta/m);
    expect(info).toMatch(/^Keywords:\s+minutes; Kingdom of Cambodia; .*fingerprint:[0-9a-f]{64}/m);
    expect(info).toMatch(/^CreationDate:\s+\S/m);
    expect(info).toMatch(/^Custom Metadata:\s+yes/m);
  });

  it('2018: the two routing blocks, each with its recipient and purpose, place and date, signer', () => {
    const text = pdftotext(pdfPath(2018)).replace(/\s+/g, ' ');
    const first = text.indexOf('Submitted to Her Excellency Permanent Vice Chair, for information Phnom Penh, 28 May 2018 Minute taker');
    const second = text.indexOf('Seen, and submitted to Samdech Kralahom, for information and advices Phnom Penh, 31 May 2018 Permanent Vice Chair of NCCT');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    // No signatories in 2018: no signature fields.
    expect(tool('pdfsig', 'poppler-utils', [pdfPath(2018)]).stdout).not.toContain('Signature Field Name');
  });
});

describe('Khmer, Lao, Burmese and Thai', () => {
  it.each([
    ['PDF', () => pdfPath('scripts')],
    ['DOCX via LibreOffice', () => docxPdfPath('scripts')],
  ])('%s: pdftotext -raw returns each string exactly (spaces between clusters removed)', (_, path) => {
    const text = squash(pdftotext(path()));
    for (const s of [KM, LO, MY, TH]) expect(text).toContain(squash(s));
    // The signatories' names and titles in their scripts too.
    for (const s of ['ឯកឧត្តមជូប៊ុនអេង', 'ພົງສະຫວັນທິບພະວົງໄຊ', 'ပြည်ထဲရေးဝန်ကြီးဌာနဒုတိယဝန်ကြီး']) expect(text).toContain(s);
  });

  it('DOCX: carries the fonts of its scripts, which LibreOffice uses on a machine without them', () => {
    const parts = tool('unzip', 'unzip', ['-l', docxPath('scripts')]).stdout;
    expect(parts.match(/word\/fonts\/font\d+\.odttf/g)?.length).toBe(12); // Latin ×4, Khmer, Lao, Myanmar, Thai ×2
    const table = tool('unzip', 'unzip', ['-p', docxPath('scripts'), 'word/fontTable.xml']).stdout;
    for (const family of ['Noto Serif', 'Noto Serif Khmer', 'Noto Serif Lao', 'Noto Serif Myanmar', 'Noto Serif Thai']) {
      expect(table).toMatch(new RegExp(`<w:font w:name="${family}">.*?<w:embedRegular `));
    }
    expect(tool('unzip', 'unzip', ['-p', docxPath('scripts'), 'word/settings.xml']).stdout).toContain('<w:embedTrueTypeFonts/>');
    // LibreOffice, seeing only DejaVu, drew every script with the embedded Noto fonts.
    const fonts = tool('pdffonts', 'poppler-utils', [docxPdfPath('scripts')]).stdout;
    for (const f of ['NotoSerif-Regular', 'NotoSerifKhmer-Regular', 'NotoSerifLao-Regular', 'NotoSerifMyanmar-Regular', 'NotoSerifThai-Regular', 'NotoSerifThai-Bold']) expect(fonts).toContain(f);
    expect(fonts).not.toContain('DejaVu');
  });

  it('PDF: the Khmer, Lao, Myanmar and Thai fonts shipped with the app are embedded (a browser seeing only DejaVu)', () => {
    const fonts = tool('pdffonts', 'poppler-utils', [pdfPath('scripts')]).stdout;
    for (const f of ['NotoSerifKhmer-Regular', 'NotoSerifKhmer-Bold', 'NotoSerifLao-Regular', 'NotoSerifMyanmar-Regular', 'NotoSerifThai-Regular', 'NotoSerifThai-Bold']) expect(fonts).toContain(f);
    expect(fonts).not.toMatch(/DejaVu/);
  });

  it('PDF: the Thai paragraph extracts exactly with pdftotext (as typed, spaces included)', () => {
    // Thai is written with spaces between phrases only; pdftotext keeps the shaped text's order.
    expect(pdftotext(pdfPath('scripts'))).toContain(TH);
  });
});

describe('printed as the app prints (Electron\'s hidden window: no script, the file loaded, then printed), on a machine without Noto fonts', () => {
  // The Electron printer cannot run here (no Electron binary), and with scripts off it cannot wait on
  // document.fonts as the Playwright printer does: it relies on Chromium having loaded the inlined
  // (data: URL) fonts by the load event. The same Chromium, driven the same way, shows that it has.
  it('embeds every font and extracts Khmer, Lao and Burmese exactly', async () => {
    const htmlPath = join(tmp.dir, 'as-app.html');
    const pdf = join(tmp.dir, 'as-app.pdf');
    writeFileSync(htmlPath, printableHtml(await layoutMeeting(meetingFixture(DOCS.scripts))));
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, env: { ...process.env, ...noSystemNotoEnv(tmp.dir) } });
    try {
      const page = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 794, height: 1123 } })).newPage();
      await page.goto(`file://${htmlPath}`, { waitUntil: 'load' });
      writeFileSync(pdf, await page.pdf({ ...PRINT_OPTIONS }));
    } finally {
      await browser.close();
    }
    const fonts = tool('pdffonts', 'poppler-utils', [pdf]).stdout;
    for (const f of ['NotoSerif-Regular', 'NotoSerif-Bold', 'NotoSerifKhmer-Regular', 'NotoSerifLao-Regular', 'NotoSerifMyanmar-Regular', 'NotoSerifThai-Regular']) expect(fonts).toContain(f);
    expect(fonts).not.toMatch(/DejaVu/);
    const text = squash(pdftotext(pdf));
    for (const s of [KM, LO, MY, TH]) expect(text).toContain(squash(s));
  });
});

describe('DOCX structure', () => {
  const part = (d: Doc, name: string) => tool('unzip', 'unzip', ['-p', docxPath(d), name]).stdout;

  it('Word numbering for lists, PAGE/NUMPAGES in the footer, the fingerprint, document properties', () => {
    const document = part(2019, 'word/document.xml');
    expect(document).toContain('<w:numPr>');
    expect(part(2019, 'word/numbering.xml')).toContain('w:val="%1)"');
    // Running text and list items name paragraph styles (justified, spaced) that a Word user can change at once.
    expect(document).toContain('<w:pStyle w:val="MinutaBody"/>');
    expect(document).toContain('<w:pStyle w:val="MinutaListItem"/>');
    const styles = part(2019, 'word/styles.xml');
    expect(styles).toMatch(/w:styleId="MinutaBody">.*?<w:jc w:val="both"\/>/);
    const footers = part(2019, 'word/footer*.xml');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    expect(footers).toMatch(/Fingerprint [0-9a-f]{4} [0-9a-f]{4}/);
    const core = part(2019, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Minutes of the Second Technical Consultative Meeting');
    expect(part(2019, 'docProps/custom.xml')).toMatch(/MinutaFingerprint[\s\S]*[0-9a-f]{64}/);
  });

  it('signature grid: a borderless table with fixed-height boxes, one per signatory', () => {
    const document = part(2019, 'word/document.xml');
    expect(document.match(/<w:trHeight [^>]*w:hRule="exact"/g)).toHaveLength(3);
  });

  it('complex-script fonts and languages on Khmer, Lao, Burmese and Thai runs', () => {
    const document = part('scripts', 'word/document.xml');
    expect(document).toMatch(/w:cs="Noto Serif Khmer"/);
    expect(document).toMatch(/w:cs="Noto Serif Lao"/);
    expect(document).toMatch(/w:cs="Noto Serif Myanmar"/);
    expect(document).toMatch(/w:bidi="km-KH"/);
    // The Thai run: its font in every slot (cs is the one Word uses for Thai) and its language for complex scripts.
    const thaiRun = /<w:r>(?:(?!<\/w:r>).)*?การประชุมปรึกษาหารือ/s.exec(document)?.[0] ?? '';
    expect(thaiRun).toMatch(/<w:rFonts [^>]*w:cs="Noto Serif Thai"/);
    expect(thaiRun).toMatch(/<w:lang [^>]*w:bidi="th-TH"/);
  });
});
