import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { exportSignatureCopy } from '../../src/main/export/signatureCopy';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { openDatabase } from '../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../src/main/store/meetings';
import { runCli } from '../../src/main/cli/run';
import { signPdf } from '../../src/main/signoff/sign';
import { openSigningCredentials } from '../../src/main/signoff/credentials';
import { storeRecordSource, verifyCopy } from '../../src/main/copies/verifyCopy';
import { PdfFile } from '../../src/main/signoff/pdf/file';
import { pageOrder } from '../../src/main/signoff/pdf/fields';
import { PdfRef, isDict } from '../../src/main/signoff/pdf/syntax';
import { buildUpdate, streamBody } from '../../src/main/signoff/pdf/update';
import { shortFingerprint } from '../../src/shared/format';
import { loadFixture, tempDir } from '../support/temp';
import { tool } from '../support/exportText';
import { createTestPki } from '../support/pki';

/**
 * Clean signature copies (issue 13, points 4–5), made from a real SQLite store and printed by
 * Chromium, checked with the reader's tools (pdftotext, pdfsig, pdfdetach, qpdf) and verified
 * against the record — also after one byte of their page content, embedded record or printed
 * fingerprint was changed.
 */

let tmp: ReturnType<typeof tempDir>;
let db: ReturnType<typeof openDatabase>;
let store: MeetingStore;
let id2019: string;
let id2018: string;
let rev2019: number;
const AUDIT = { hash: 'a1'.repeat(32), length: 12 };
const files: Record<'pdf' | 'docx' | 'pdf2018', string> = { pdf: '', docx: '', pdf2018: '' };

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const source = () => storeRecordSource(store, (id) => (id === id2019 ? 'sealed' : 'approved'));

async function minuta(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', join(tmp.dir, 'minuta.sqlite'), ...args], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** qpdf's JSON of a file: objects by "obj:N 0 R", and the trailer. */
function qpdfJson(path: string): { objects: Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }>; trailer: Record<string, unknown> } {
  const r = tool('qpdf', 'qpdf', ['--json=2', '--json-key=qpdf', path]);
  const q = (JSON.parse(r.stdout) as { qpdf: [unknown, Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }>] }).qpdf[1];
  return { objects: q, trailer: (q['trailer'] as { value: Record<string, unknown> }).value };
}

/** Appends one revision that redefines object `num` (another program's incremental update). */
function appendRevision(bytes: Uint8Array, num: number, body: string): Uint8Array {
  const file = PdfFile.read(bytes);
  const update = buildUpdate(file, [{ num, body }], file.trailer.get('Size') as number);
  return new Uint8Array(Buffer.concat([Buffer.from(bytes), Buffer.from(update.text, 'latin1')]));
}

beforeAll(async () => {
  tmp = tempDir('minuta-copies-');
  db = openDatabase(join(tmp.dir, 'minuta.sqlite'));
  store = createMeetingStore(db);
  id2019 = store.create(loadFixture(2019), 'Ana').id;
  id2018 = store.create(loadFixture(2018), 'Ana').id;
  rev2019 = store.nameVersion(id2019, 'Final', 'Ana');
  const rev2018 = store.nameVersion(id2018, 'Final', 'Ana');
  const printer = new PlaywrightPrinter();
  try {
    const m = store.revision(id2019, rev2019)!;
    files.pdf = join(tmp.dir, 'copy-2019.pdf');
    writeFileSync(files.pdf, await exportSignatureCopy(m, { revisionId: rev2019, versionName: 'Final', state: 'sealed', auditHead: AUDIT }, { format: 'pdf', printer }));
    files.docx = join(tmp.dir, 'copy-2019.docx');
    writeFileSync(files.docx, await exportSignatureCopy(m, { revisionId: rev2019, versionName: 'Final', state: 'sealed', auditHead: AUDIT }, { format: 'docx' }));
    files.pdf2018 = join(tmp.dir, 'copy-2018.pdf');
    writeFileSync(files.pdf2018, await exportSignatureCopy(store.revision(id2018, rev2018)!, { revisionId: rev2018, versionName: 'Final', state: 'approved' }, { format: 'pdf', printer }));
  } finally {
    await printer.close();
  }
}, 120_000);

afterAll(() => {
  db?.close();
  tmp?.cleanup();
});

describe('a signature copy', () => {
  it('is made only of an approved or sealed version', async () => {
    const m = store.revision(id2019, rev2019)!;
    for (const state of ['draft', 'in-review', '']) {
      await expect(exportSignatureCopy(m, { revisionId: rev2019, versionName: 'Final', state }, { format: 'docx' })).rejects.toMatchObject({
        code: 'invalid',
        message: expect.stringContaining('only of an approved or sealed version'),
      });
    }
    // The CLI reads the state from the workflow; without one nothing is approved.
    const r = await minuta(['export', id2019, '--version', 'Final', '--format', 'docx', '--out', join(tmp.dir, 'refused.docx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/only of an approved or sealed version/);
  });

  it('is clean, prints the version fingerprint on every page and carries its record (pdfdetach)', () => {
    const text = tool('pdftotext', 'poppler-utils', [files.pdf, '-']).stdout;
    expect(text).not.toMatch(/\bDRAFT\b/);
    tool('pdfdetach', 'poppler-utils', ['-saveall', '-o', tmp.dir, files.pdf]);
    expect(tool('pdfdetach', 'poppler-utils', ['-list', files.pdf]).stdout).toMatch(/1: minutes\.minuta\.json/);
    const record = readFileSync(join(tmp.dir, 'minutes.minuta.json'));
    const fp = sha(record);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain(`Fingerprint ${shortFingerprint(fp)} · Version “Final” (sealed)`);
    // In full, in the closing note and the metadata; and the record is the stored revision's minutes file.
    expect(text.replace(/\s+/g, '')).toContain(fp);
    expect(text.replace(/\s+/g, '')).toContain(`Auditloghead:${AUDIT.hash}(12entries)`);
    expect(tool('pdfinfo', 'poppler-utils', [files.pdf]).stdout).toContain(`fingerprint:${fp}`);
    expect(JSON.parse(record.toString('utf8')).meeting.id).toBe(id2019);
  });

  it('has a field per head of delegation (2019) and per routing signer (2018), listed by pdfsig', () => {
    const fields = (path: string) => [...tool('pdfsig', 'poppler-utils', [path]).stdout.matchAll(/Signature Field Name: (.*)/g)].map((m) => m[1]);
    expect(fields(files.pdf)).toEqual(['Head of Cambodia Delegation', 'Head of Lao Delegation', 'Head of Myanmar Delegation']);
    expect(fields(files.pdf2018)).toEqual(['Routing 1: Minute taker', 'Routing 2: Permanent Vice Chair of NCCT']);
  });

  it('meets the PDF/A-3b requirements it relies on (qpdf --check and --json)', () => {
    for (const path of [files.pdf, files.pdf2018]) {
      const check = tool('qpdf', 'qpdf', ['--check', path]);
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect(check.stdout).toMatch(/No syntax or stream encoding errors/);
      const { objects, trailer } = qpdfJson(path);
      const get = (ref: unknown) => {
        const o = objects[`obj:${String(ref)}`];
        return (o?.value ?? o?.stream?.dict) as Record<string, unknown>;
      };
      expect(trailer['/Encrypt']).toBeUndefined();
      expect(Array.isArray(trailer['/ID']) && (trailer['/ID'] as unknown[]).length).toBe(2);
      const catalog = get(trailer['/Root']);
      expect(catalog['/AA']).toBeUndefined();
      expect(catalog['/OpenAction']).toBeUndefined();
      // XMP: unfiltered, PDF/A-3B, matching the Info dictionary.
      const metaRef = catalog['/Metadata'];
      const meta = objects[`obj:${String(metaRef)}`]!.stream!.dict;
      expect(meta['/Filter']).toBeUndefined();
      expect(meta['/Subtype']).toBe('/XML');
      const xmp = tool('pdfinfo', 'poppler-utils', ['-meta', path]).stdout;
      expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
      expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      expect(xmp).not.toMatch(/<\?xpacket[^>]*(bytes|encoding)=/);
      const info = tool('pdfinfo', 'poppler-utils', ['-isodates', path]).stdout;
      const title = /^Title:\s+(.*)$/m.exec(info)![1]!;
      expect(xmp).toContain(`<rdf:li xml:lang="x-default">${title.replace(/&/g, '&amp;')}</rdf:li>`);
      const created = /^CreationDate:\s+(\S+)$/m.exec(info)![1]!.replace(/Z$/, '+00:00');
      expect(xmp).toContain(`<xmp:CreateDate>${created}</xmp:CreateDate>`);
      expect(xmp).toContain(`<xmp:ModifyDate>${/^ModDate:\s+(\S+)$/m.exec(info)![1]!.replace(/Z$/, '+00:00')}</xmp:ModifyDate>`);
      // Output intent with an RGB ICC profile.
      const intents = catalog['/OutputIntents'] as unknown[];
      expect(intents).toHaveLength(1);
      const intent = get(intents[0]);
      expect(intent['/S']).toBe('/GTS_PDFA1');
      expect(objects[`obj:${String(intent['/DestOutputProfile'])}`]!.stream!.dict['/N']).toBe(3);
      // The record as an associated file.
      const af = catalog['/AF'] as unknown[];
      expect(af).toHaveLength(1);
      const spec = get(af[0]);
      expect(spec['/AFRelationship']).toBe('/Source');
      expect(spec['/UF']).toBeDefined();
      const ef = objects[`obj:${String((spec['/EF'] as Record<string, unknown>)['/F'])}`]!.stream!.dict;
      expect(ef['/Subtype']).toBe('/application/json');
      expect((ef['/Params'] as Record<string, unknown>)['/Size']).toBeGreaterThan(1000);
      expect((ef['/Params'] as Record<string, unknown>)['/ModDate']).toBeDefined();
      // Every font embedded; no LZW; no JavaScript; every annotation printable, every widget with an appearance.
      for (const [key, o] of Object.entries(objects)) {
        const d = (o.value ?? o.stream?.dict) as Record<string, unknown> | undefined;
        if (!d || typeof d !== 'object') continue;
        if (d['/Type'] === '/FontDescriptor') expect(d['/FontFile'] ?? d['/FontFile2'] ?? d['/FontFile3'], key).toBeDefined();
        if (d['/Type'] === '/Font') expect(['/Type0', '/CIDFontType2', '/TrueType', '/CIDFontType0', '/Type1'], key).toContain(d['/Subtype']);
        expect(JSON.stringify(d['/Filter'] ?? '')).not.toMatch(/LZW/);
        expect(d['/S'], key).not.toBe('/JavaScript');
        if (d['/Type'] === '/Annot' || d['/Subtype'] === '/Widget' || d['/Subtype'] === '/Link') {
          expect((d['/F'] as number) & 4, key).toBe(4);
          if (d['/Subtype'] === '/Widget') expect(d['/AP'], key).toBeDefined();
        }
        // Transparency groups and soft masks are allowed in PDF/A-2/3 (with the output intent); blend modes must be standard.
        if (d['/BM'] !== undefined) expect(['/Normal', '/Compatible', '/Multiply', '/Screen']).toContain(d['/BM']);
      }
    }
  });

  it('signs with the signing core, and the signature is valid (pdfsig)', async () => {
    const pki = createTestPki(tmp.dir);
    const signer = pki.issue({ name: 'kh', subject: '/C=KH/O=Ministry of Interior/CN=H.E. Mrs. Chou Bun Eng', key: 'rsa' });
    const credentials = await openSigningCredentials(new Uint8Array(readFileSync(signer.p12)), signer.password, new Date());
    const signed = signPdf(new Uint8Array(readFileSync(files.pdf)), { field: 'Head of Cambodia Delegation', credentials });
    const path = join(tmp.dir, 'signed.pdf');
    writeFileSync(path, signed.bytes);
    expect(tool('pdfsig', 'poppler-utils', [path]).stdout).toMatch(/Signature Validation: Signature is Valid/);
    expect(tool('qpdf', 'qpdf', ['--check', path]).code).toBe(0);
    const report = await verifyCopy(signed.bytes, source());
    expect(report.differences).toEqual([]);
    expect(report.matches).toBe(true);
    expect(report.signatures.filter((s) => s.signed).map((s) => [s.field, s.valid])).toEqual([['Head of Cambodia Delegation', true]]);
  });
});

describe('verify', () => {
  it('says which meeting and version a clean copy is, that it matches, and that the record is sealed (exit 0)', async () => {
    const report = await verifyCopy(new Uint8Array(readFileSync(files.pdf)), source());
    expect(report).toMatchObject({ kind: 'pdf', meetingId: id2019, versionName: 'Final', revisionId: rev2019, matches: true, record: { found: true, newerRevisions: 0, sealed: true } });
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['embedded record', true],
      ['fingerprint', true],
      ['printed fingerprint', true],
      ['page content', true],
      ['stored record', true],
      ['signatures', true],
    ]);
    const r = await minuta(['verify', files.pdf, files.docx, files.pdf2018]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${files.pdf}: matches the record`);
    expect(r.stdout).toContain(`${files.docx}: matches the record`);
    expect(r.stdout).toMatch(/not sealed/); // the CLI has no workflow state yet
  });

  it('reports a record changed since (newer revisions) while the copy still matches its own revision', async () => {
    const m = store.get(id2018)!;
    store.saveDocument(id2018, { ...m.meeting, venue: { ...m.meeting.venue, city: `${m.meeting.venue.city ?? ''} (changed)` } }, 'Bo');
    const report = await verifyCopy(new Uint8Array(readFileSync(files.pdf2018)), source());
    expect(report.matches).toBe(true);
    expect(report.record.newerRevisions).toBe(1);
  });

  it('says no match when one byte of page content is changed in an incremental update, naming the page', async () => {
    const bytes = new Uint8Array(readFileSync(files.pdf));
    const file = PdfFile.read(bytes);
    const page = file.dict(new PdfRef(pageOrder(file)[1]!, 0))!;
    const ref = page.get('Contents') as PdfRef;
    const o = file.object(ref.num)!;
    expect(isDict(o.value)).toBe(true);
    const content = Buffer.from(inflateSync(Buffer.from(o.stream!, 'latin1')));
    // One byte of a drawing operand: a number in the content (a position), 1 → 2 or the like.
    const at = content.indexOf(Buffer.from(' cm'));
    content[at - 1] = content[at - 1] === 0x31 ? 0x32 : 0x31;
    const data = deflateSync(content).toString('hex');
    const tampered = appendRevision(bytes, ref.num, streamBody('/Filter [/ASCIIHexDecode /FlateDecode]', `${data}>`));
    const report = await verifyCopy(tampered, source());
    expect(report.matches).toBe(false);
    expect(report.differences).toEqual([expect.stringMatching(/^the content of page 2 was changed after the copy was made/)]);
    const path = join(tmp.dir, 'tampered-page.pdf');
    writeFileSync(path, tampered);
    const r = await minuta(['verify', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/DOES NOT MATCH[\s\S]*FAIL page content: the content of page 2/);
  });

  it('says no match when one byte of the embedded record is changed, naming the fingerprint and the record', async () => {
    const bytes = new Uint8Array(readFileSync(files.pdf));
    const file = PdfFile.read(bytes);
    const catalog = file.dict(file.trailer.get('Root'))!;
    const spec = file.dict(((file.dict(file.dict(catalog.get('Names'))!.get('EmbeddedFiles'))!.get('Names')) as unknown[])[1] as PdfRef)!;
    const efRef = file.dict(spec.get('EF'))!.get('F') as PdfRef;
    const ef = file.object(efRef.num)!;
    const record = Buffer.from(readFileSync(join(tmp.dir, 'minutes.minuta.json')));
    const at = record.indexOf(Buffer.from('Siem Reap'));
    record[at] = 'Z'.charCodeAt(0); // "Ziem Reap"
    const dict = new Map(ef.value as Map<string, never>);
    dict.delete('Length');
    dict.delete('Filter');
    const { serialize } = await import('../../src/main/signoff/pdf/syntax');
    const body = streamBody(`${serialize(dict).slice(2, -2)} /Filter [/ASCIIHexDecode /FlateDecode]`, `${deflateSync(record).toString('hex')}>`);
    const report = await verifyCopy(appendRevision(bytes, efRef.num, body), source());
    expect(report.matches).toBe(false);
    expect(report.differences.join('\n')).toMatch(/the embedded record's SHA-256 .* is not the copy's fingerprint/);
    expect(report.differences.join('\n')).toMatch(/the printed fingerprint is not the record's/);
    expect(report.differences.join('\n')).toMatch(/the embedded record differs from revision \d+ as stored, first at meeting\./);
  });

  it("says no match when one byte of a page's printed fingerprint is changed, naming the printed fingerprint", async () => {
    const bytes = new Uint8Array(readFileSync(files.pdf));
    const file = PdfFile.read(bytes);
    const ref = file.dict(new PdfRef(pageOrder(file)[0]!, 0))!.get('Contents') as PdfRef;
    const content = Buffer.from(inflateSync(Buffer.from(file.object(ref.num)!.stream!, 'latin1')));
    // Chromium draws Latin text glyph by glyph (`<GGGG> Tj`), and Noto's glyph ids for ASCII are the
    // code minus 29: find "Fingerprint " in the drawn glyphs and change the first digit printed after it.
    const text = content.toString('latin1');
    const shows = [...text.matchAll(/<([0-9A-Fa-f]{4})>\s*Tj/g)];
    const drawn = shows.map((m) => String.fromCharCode(parseInt(m[1]!, 16) + 29)).join('');
    const at = drawn.indexOf('Fingerprint ') + 'Fingerprint '.length;
    const glyph = shows[at]!;
    const digit = drawn[at] === '0' ? '1' : '0';
    content.write((digit.charCodeAt(0) - 29).toString(16).padStart(4, '0'), glyph.index! + 1, 'latin1');
    const changed = drawn.indexOf('Fingerprint ') >= 0;
    expect(changed).toBe(true);
    const tampered = appendRevision(bytes, ref.num, streamBody('/Filter [/ASCIIHexDecode /FlateDecode]', `${deflateSync(content).toString('hex')}>`));
    const report = await verifyCopy(tampered, source());
    expect(report.matches).toBe(false);
    expect(report.differences.join('\n')).toMatch(/the printed fingerprint is not the record's \([0-9a-f ]+\): page 1 prints (fingerprint [0-9a-f ]+|no fingerprint)/);
  });

  it('DOCX: meeting id, version and fingerprint in custom properties; altered text or fingerprint is no match', async () => {
    const zip = unzipSync(new Uint8Array(readFileSync(files.docx)));
    const custom = strFromU8(zip['docProps/custom.xml']!);
    expect(custom).toContain(id2019);
    expect(custom).toMatch(/name="MinutaVersion"[^>]*><vt:lpwstr>Final</);
    const ok = await verifyCopy(new Uint8Array(readFileSync(files.docx)), source());
    expect(ok).toMatchObject({ kind: 'docx', matches: true, meetingId: id2019, revisionId: rev2019 });
    expect(custom).toContain(ok.fingerprint!);
    const doc = strFromU8(zip['word/document.xml']!);
    const altered = zipSync({ ...zip, 'word/document.xml': strToU8(doc.replace('Siem Reap', 'Ziem Reap')) });
    const report = await verifyCopy(altered, source());
    expect(report.matches).toBe(false);
    expect(report.differences).toEqual([expect.stringMatching(/^the text differs from what the stored revision prints, first in paragraph \d+: ".*Ziem Reap/)]);
    const fp = ok.fingerprint!;
    const otherFp = zipSync({ ...zip, 'docProps/custom.xml': strToU8(custom.replace(fp, fp.replace(/^./, (c) => (c === '0' ? '1' : '0')))) });
    expect((await verifyCopy(otherFp, source())).differences.join('\n')).toMatch(/the footer prints fingerprint .*, the document's properties name|is not the stored revision's/);
  });

  it('exits 2 on a file it cannot read, 1 on a file that is not a copy of ours', async () => {
    const junk = join(tmp.dir, 'junk.bin');
    writeFileSync(junk, 'hello');
    const r = await minuta(['verify', junk]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be read: This is neither a PDF nor a Word document/);
    const broken = join(tmp.dir, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    expect((await minuta(['verify', broken])).code).toBe(2);
    expect((await minuta(['verify', join(tmp.dir, 'missing.pdf')])).code).toBe(2);
  });
});
