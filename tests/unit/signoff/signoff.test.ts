import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MinutaError } from '../../../src/shared/errors';
import type { PdfString} from '../../../src/main/signoff/pdf/syntax';
import { Lexer, PdfName, PdfRef, serialize } from '../../../src/main/signoff/pdf/syntax';
import { PdfFile } from '../../../src/main/signoff/pdf/file';
import { signatureFields } from '../../../src/main/signoff/pdf/fields';
import { openSigningCredentials, type SigningCredentials } from '../../../src/main/signoff/credentials';
import { signPdf } from '../../../src/main/signoff/sign';
import { verifySignatures } from '../../../src/main/signoff/verify';
import { createTestPki, type Signer } from '../../support/pki';
import { tempDir } from '../../support/temp';
import { appendRevision, minimalSignatureCopy } from './helpers';

/**
 * The signing core on a small hand-written signature copy: the PDF reader on good and hostile input,
 * signing through the API (what the sign-off workflow will call), and what verify says about
 * revisions appended after a signature. tests/e2e/sign.test.ts does the same on a real Chromium export
 * with pdfsig, qpdf and openssl as the judges.
 */

let tmp: ReturnType<typeof tempDir>;
let signer: Signer;
let creds: SigningCredentials;
const NOW = new Date('2026-06-01T10:00:00Z');

beforeAll(async () => {
  tmp = tempDir('minuta-signoff-');
  const pki = createTestPki(join(tmp.dir, 'pki'));
  signer = pki.issue({ name: 'kh', subject: '/C=KH/O=Ministry of Interior/CN=H.E. Mrs. Chou Bun Eng', key: 'rsa' });
  creds = await openSigningCredentials(readFileSync(signer.p12), signer.password, NOW);
}, 60_000);
afterAll(() => tmp?.cleanup());

const thrown = (f: () => unknown): MinutaError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(MinutaError);
    return e as MinutaError;
  }
  throw new Error('expected a MinutaError');
};

describe('PDF syntax', () => {
  it('reads strings with escapes and balanced parentheses, hex strings, names with #xx, references', () => {
    const lx = new Lexer('<</A (a\\(b\\) (c) \\101\\n) /B <FEFF0041> /C#20D 12 0 R /E [1 -2.5 .5 true null]>>', 0);
    const d = lx.readValue() as Map<string, unknown>;
    expect((d.get('A') as PdfString).bytes).toBe('a(b) (c) A\n');
    expect((d.get('B') as PdfString).text()).toBe('A');
    expect(d.get('C D')).toEqual(new PdfRef(12, 0));
    expect(d.get('E')).toEqual([1, -2.5, 0.5, true, null]);
    expect(serialize(new Map([['N', new PdfName('a b')]]))).toBe('<</N /a#20b>>');
  });

  it('refuses nesting deeper than any document of ours instead of exhausting the stack', () => {
    const e = thrown(() => new Lexer('['.repeat(100_000), 0).readValue());
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain('nested too deeply');
  });
});

describe('PDF revisions reader', () => {
  it('lists the signature fields of a copy with their page and box', () => {
    const file = PdfFile.read(minimalSignatureCopy());
    expect(signatureFields(file).map((f) => [f.name, f.page, f.rect])).toEqual([
      ['Head of Cambodia Delegation', 0, [72, 600, 212, 680]],
      ['Head of Lao Delegation', 0, [232, 600, 372, 680]],
    ]);
  });

  it('keeps every byte of a literal string (0x80–0x9F too) when it writes a widget again', () => {
    const name = 'Head\x92s \x80 field';
    const signedCopy = signPdf(minimalSignatureCopy([name]), { field: name, credentials: creds, now: NOW }).bytes;
    const widget = signatureFields(PdfFile.read(signedCopy))[0]!;
    expect(widget.name).toBe(name);
    expect(serialize(widget.field.get('T')!)).toBe('<4865616492732080206669656C64>');
  });

  it('refuses hostile and foreign files with a bounded, named error', () => {
    expect(thrown(() => PdfFile.read(Buffer.from('PK\x03\x04 not a pdf'))).message).toContain('not a PDF file');
    const pdf = minimalSignatureCopy();
    expect(thrown(() => PdfFile.read(pdf.subarray(0, pdf.length - 30))).code).toBe('corrupt');
    // A /Prev that points at itself.
    const text = pdf.toString('latin1');
    const xref = Number(/startxref\s+(\d+)/.exec(text)![1]);
    const loop = Buffer.from(text.replace(/\/Info (\d+) 0 R>>/, `/Info $1 0 R /Prev ${xref}>>`), 'latin1');
    expect(thrown(() => PdfFile.read(loop)).message).toContain('loop');
    // A cross-reference stream (written by other programs, never by us).
    const xrefStream = Buffer.from(`%PDF-1.7\n1 0 obj\n<</Type /XRef /Size 1 /W [1 2 1] /Length 0>>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n`, 'latin1');
    expect(thrown(() => PdfFile.read(xrefStream)).message).toContain('cross-reference streams');
    // Wrong offsets in the table.
    const shifted = Buffer.from(text.replace(/0000000015 00000 n/, '0000000016 00000 n'), 'latin1');
    const file = PdfFile.read(shifted);
    expect(thrown(() => file.object(1)).message).toContain('not where the cross-reference table says');
  });
});

describe('signing through the API', () => {
  it('returns who signed which field with which certificate, for the audit log', () => {
    const pdf = minimalSignatureCopy();
    const { bytes, signed } = signPdf(pdf, { field: 'Head of Lao Delegation', credentials: creds, now: NOW });
    expect(Buffer.from(bytes.subarray(0, pdf.length)).equals(pdf)).toBe(true);
    expect(signed).toMatchObject({ field: 'Head of Lao Delegation', page: 0, signedAt: NOW, appearanceNameSubstituted: false });
    expect(signed.signer.commonName).toBe('H.E. Mrs. Chou Bun Eng');
    expect(signed.signer.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.signedBytesDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an unknown field (naming the fields), a signed field, and a PDF without Minuta fields', () => {
    const pdf = minimalSignatureCopy();
    const unknown = thrown(() => signPdf(pdf, { field: 'Head of Thai Delegation', credentials: creds, now: NOW }));
    expect([unknown.code, unknown.path]).toEqual(['not-found', 'field']);
    expect(unknown.message).toBe('No signature field "Head of Thai Delegation"; the fields are: "Head of Cambodia Delegation"; "Head of Lao Delegation"');
    const once = signPdf(pdf, { field: 'Head of Lao Delegation', credentials: creds, now: NOW }).bytes;
    expect(thrown(() => signPdf(once, { field: 'Head of Lao Delegation', credentials: creds, now: NOW })).code).toBe('conflict');
    const foreign = Buffer.from(pdf.toString('latin1').replace('/MinutaFingerprint', '/OtherKeyNotMinuta'), 'latin1');
    expect(thrown(() => signPdf(foreign, { field: 'Head of Lao Delegation', credentials: creds, now: NOW })).message).toContain('not a Minuta signature copy');
  });

  it('refuses a certificate outside its validity at the signing time', async () => {
    await expect(openSigningCredentials(readFileSync(signer.p12), signer.password, new Date('2040-01-01'))).rejects.toThrow(/expired on 2035-12-31/);
    await expect(openSigningCredentials(readFileSync(signer.p12), signer.password, new Date('2024-01-01'))).rejects.toThrow(/not valid before 2025-01-01/);
  });
});

describe('verify: what was appended after a signature', () => {
  const signedCopy = () => Buffer.from(signPdf(minimalSignatureCopy(), { field: 'Head of Cambodia Delegation', credentials: creds, now: NOW }).bytes);

  it('a signed copy with one field still empty: valid, covers the whole document', async () => {
    const r = await verifySignatures(signedCopy());
    expect(r.allSignedValid).toBe(true);
    expect(r.signatures.map((s) => [s.field, s.signed, s.valid, s.coversWholeDocument])).toEqual([
      ['Head of Cambodia Delegation', true, true, true],
      ['Head of Lao Delegation', false, false, false],
    ]);
    expect(r.signatures[0]!.signingTime).toEqual(NOW);
  });

  it.each([
    ['the document information', { 8: '<</Title (Other minutes) /MinutaFingerprint (0123456789abcdef)>>' }, 'info', 'the document information (title, author, dates) was changed'],
    ['the catalog', { 1: '<</Type /Catalog /Pages 2 0 R /AcroForm 5 0 R /OpenAction [3 0 R /Fit]>>' }, 'catalog', 'the document catalog was changed (/OpenAction)'],
    ['the form', { 5: '<</Fields [6 0 R] /SigFlags 3>>' }, 'form', 'the form was changed (/Fields)'],
    ['a page', { 3: '<</Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R /Annots [6 0 R 7 0 R]>>' }, 'page', 'page 1 was changed (/MediaBox)'],
    ['the content stream in place', { 4: '<</Length 5>>\nstream\nq Q  \nendstream' }, 'page-content', 'the content of page 1 was changed'],
  ])('a later revision that changes %s is reported and makes the signature invalid', async (_what, objects, kind, description) => {
    const r = await verifySignatures(appendRevision(signedCopy(), objects));
    const s = r.signatures[0]!;
    expect(s.intact).toBe(true);
    expect(s.valid).toBe(false);
    expect(r.allSignedValid).toBe(false);
    expect(s.laterChanges).toEqual([{ kind, allowed: false, description, ...(kind.startsWith('page') ? { page: 1 } : {}) }]);
  });

  it('an appearance drawn into an empty field without a signature is reported (it only looks signed)', async () => {
    const r = await verifySignatures(
      appendRevision(signedCopy(), {
        7: '<</Type /Annot /Subtype /Widget /FT /Sig /T (Head of Lao Delegation) /F 4 /Rect [232 600 372 680] /P 3 0 R /AP <</N 40 0 R>>>>',
        40: '<</Type /XObject /Subtype /Form /BBox [0 0 140 80] /Length 31>>\nstream\nBT /F1 9 Tf 5 40 Td (Signed) Tj ET\nendstream',
      }),
    );
    expect(r.signatures[0]!.laterChanges).toEqual([{ kind: 'form', allowed: false, description: 'signature field "Head of Lao Delegation" was changed (/AP)' }]);
    expect(r.signatures[1]!.signed).toBe(false);
  });

  it('the signed field changed afterwards is reported', async () => {
    const text = signedCopy().toString('latin1');
    const widget = /6 0 obj\n(<<[^\n]*\/V \d+ 0 R[^\n]*>>)\nendobj/.exec(text)![1]!;
    const r = await verifySignatures(appendRevision(signedCopy(), { 6: widget.replace('/F 4', '/F 6') }));
    expect(r.signatures[0]!.laterChanges.map((c) => [c.kind, c.allowed])).toEqual([['signed-field', false]]);
  });

  it('a /ByteRange that does not frame the /Contents, or a /Contents that is no CMS, is invalid (not a crash)', async () => {
    const copy = signedCopy();
    const text = copy.toString('latin1');
    const sigNum = Number(/\/V (\d+) 0 R/.exec(text)![1]);
    const sig = new RegExp(`\\n${sigNum} 0 obj\\n(<<[\\s\\S]*?>>)\\nendobj`).exec(text)![1]!;
    const shifted = sig.replace(/\/ByteRange \[0 (\d+)/, (_m, b: string) => `/ByteRange [0 ${Number(b) - 10}`);
    const r1 = await verifySignatures(appendRevision(copy, { [sigNum]: shifted }));
    expect(r1.signatures[0]!.valid).toBe(false);
    expect(r1.signatures[0]!.problems[0]).toContain('/ByteRange does not describe this file');

    // Same length, so the ranges still frame it: a DER header of a non-CMS structure.
    const notCms = text.replace(/\/Contents <30[0-9A-F]{6}/, '/Contents <04820000');
    const r2 = await verifySignatures(Buffer.from(notCms, 'latin1'));
    expect(r2.signatures[0]!.intact).toBe(false);
    expect(r2.signatures[0]!.problems[0]).toContain('not a CMS SignedData');
  });
});

describe('certification (DocMDP)', () => {
  it('level 1 forbids even signing afterwards, and verify reports any later change', async () => {
    const certified = Buffer.from(signPdf(minimalSignatureCopy(), { field: 'Certification', credentials: creds, now: NOW, certify: 1 }).bytes);
    const e = thrown(() => signPdf(certified, { field: 'Head of Lao Delegation', credentials: creds, now: NOW }));
    expect([e.code, e.message]).toEqual(['forbidden', 'This document was certified with "no changes allowed": it cannot be signed']);
    const r = await verifySignatures(certified);
    expect(r.signatures.map((s) => [s.field, s.signed, s.certification ?? null, s.valid])).toEqual([
      ['Head of Cambodia Delegation', false, null, false],
      ['Head of Lao Delegation', false, null, false],
      ['Certification', true, 1, true],
    ]);
    // A change level 2 would allow (the form's flags) is not allowed at level 1.
    const later = await verifySignatures(appendRevision(certified, { 5: '<</Fields [6 0 R 7 0 R 10 0 R] /SigFlags 1>>' }));
    expect(later.signatures[2]!.valid).toBe(false);
  });

  it('level 2: the other fields may be signed; a second certification is refused', async () => {
    const certified = signPdf(minimalSignatureCopy(), { field: 'Certification', credentials: creds, now: NOW, certify: 2 });
    expect(certified.signed).toMatchObject({ field: 'Certification', page: 0, certification: 2 });
    const both = signPdf(certified.bytes, { field: 'Head of Lao Delegation', credentials: creds, now: NOW }).bytes;
    const r = await verifySignatures(both);
    expect(r.allSignedValid).toBe(true);
    expect(r.signatures.find((s) => s.certification === 2)!.laterChanges).toEqual([{ kind: 'signature', allowed: true, description: 'signature field "Head of Lao Delegation" was signed', page: 1 }]);
    expect(thrown(() => signPdf(both, { field: 'Again', credentials: creds, now: NOW, certify: 2 })).code).toBe('conflict');
  });
});
