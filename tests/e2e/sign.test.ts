import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { exportMeeting } from '../../src/main/export';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { runCli } from '../../src/main/cli/run';
import { verifySignatures } from '../../src/main/signoff/verify';
import { loadTrustAnchors } from '../../src/main/signoff/trust';
import { loadFixture, tempDir } from '../support/temp';
import { noSystemNotoEnv } from '../support/noSystemFonts';
import { tool } from '../support/exportText';
import { createTestPki, type Signer, type TestPki } from '../support/pki';

/**
 * Signing a real signature copy three times, one head of delegation after another, and checking the
 * result with the tools a reader would use: pdfsig (poppler/NSS), qpdf and `openssl cms -verify`
 * (independent of our code), then with our own verify. The 2019 seed is exported once, with the
 * Playwright printer, as tests/e2e/export.test.ts does. Keys and certificates are made at run time
 * with openssl in a temp folder.
 */

const FIELDS = ['Head of Cambodia Delegation', 'Head of Lao Delegation', 'Head of Myanmar Delegation'] as const;
/** The Myanmar head's certificate names him in Burmese (the box then shows a Latin substitute). */
const BURMESE_CN = 'ဗိုလ်ချုပ်ကြီး အောင်သူ';
const LOOK = resolve('test-results/sign');

let tmp: ReturnType<typeof tempDir>;
let pki: TestPki;
let signers: Signer[];
let unsigned: string;
/** signed[i]: the copy after i + 1 signatures. */
const signed: string[] = [];

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
async function minuta(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function sign(input: string, field: string, signer: Signer, out: string): Promise<Run> {
  const pw = join(tmp.dir, `${signer.name}.pw`);
  writeFileSync(pw, `${signer.password}\n`);
  return minuta(['sign', input, '--field', field, '--p12', signer.p12, '--password-file', pw, '--out', out]);
}

/** pdfsig's report, one block per signature. */
function pdfsig(path: string): string[] {
  const r = tool('pdfsig', 'poppler-utils', [path]);
  return r.stdout.split(/^Signature #\d+:$/m).slice(1);
}

/** Each signature's DER and signed bytes, read straight from the file (not with our reader). */
function extractSignatures(path: string): { der: Buffer; signedBytes: Buffer }[] {
  const bytes = readFileSync(path);
  const text = bytes.toString('latin1');
  const out: { der: Buffer; signedBytes: Buffer }[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (b === 0) continue;
    const hex = text.slice(b + 1, c - 1);
    let der = Buffer.from(hex, 'hex');
    // The placeholder is zero-padded after the DER: cut at the DER's own length (30 82 LL LL).
    if (der[1] === 0x82) der = der.subarray(0, 4 + der.readUInt16BE(2));
    else if (der[1] === 0x83) der = der.subarray(0, 5 + der.readUIntBE(2, 3));
    out.push({ der, signedBytes: Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]) });
  }
  return out;
}

/** Appends, by hand, one revision that redefines one object (another program's incremental update). */
function appendObject(pdf: Buffer, num: number, body: string): Buffer {
  const text = pdf.toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  const info = /\/Info (\d+ \d+ R)/.exec(trailer)![1];
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const obj = `${num} 0 obj\n${body}\nendobj\n`;
  const xref = `xref\n${num} 1\n${String(pdf.length).padStart(10, '0')} 00000 n \ntrailer\n<</Size ${size} /Root ${root} /Info ${info} /Prev ${prev}>>\nstartxref\n${pdf.length + obj.length}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(obj + xref, 'latin1')]);
}

/** The files in a folder (to prove a failed command left no output and no temp file). */
const filesIn = (dir: string) => readdirSync(dir).sort();

beforeAll(async () => {
  tmp = tempDir('minuta-sign-');
  pki = createTestPki(join(tmp.dir, 'pki'));
  signers = [
    pki.issue({ name: 'cambodia', subject: '/C=KH/O=Ministry of Interior/CN=H.E. Mrs. Chou Bun Eng', key: 'rsa' }),
    pki.issue({ name: 'lao', subject: '/C=LA/O=Ministry of Public Security/CN=Pol. Col. Dr. Phengsavanh Thipphavongsay', key: 'ec-p256' }),
    pki.issue({ name: 'myanmar', subject: `/C=MM/O=Ministry of Home Affairs/CN=${BURMESE_CN}/emailAddress=aung.thu@example.mm`, key: 'ec-p384' }),
  ];
  unsigned = join(tmp.dir, 'minutes-2019.pdf');
  const printer = new PlaywrightPrinter({ env: noSystemNotoEnv(tmp.dir) });
  try {
    writeFileSync(unsigned, await exportMeeting(loadFixture(2019), 'pdf', { printer }));
  } finally {
    await printer.close();
  }
  // Three heads of delegation sign one after another, each the copy the previous one signed.
  let input = unsigned;
  for (let i = 0; i < 3; i++) {
    const out = join(tmp.dir, `signed-${i + 1}.pdf`);
    const r = await sign(input, FIELDS[i]!, signers[i]!, out);
    expect(r.code, r.stderr).toBe(0);
    signed.push(out);
    input = out;
  }
  mkdirSync(LOOK, { recursive: true });
  tool('pdftoppm', 'poppler-utils', ['-png', '-r', '80', '-f', '3', '-l', '3', signed[2]!, join(LOOK, 'signed-2019')]);
}, 120_000);
afterAll(() => tmp?.cleanup());

describe('three signatures in a row', () => {
  it('pdfsig: each signature is valid with its signer; only the last covers the total document', () => {
    const blocks = pdfsig(signed[2]!);
    expect(blocks).toHaveLength(3);
    const cns = ['H.E. Mrs. Chou Bun Eng', 'Pol. Col. Dr. Phengsavanh Thipphavongsay', BURMESE_CN];
    blocks.forEach((block, i) => {
      expect(block).toContain(`Signature Field Name: ${FIELDS[i]}`);
      expect(block).toContain(`Signer Certificate Common Name: ${cns[i]}`);
      expect(block).toContain('Signature Type: ETSI.CAdES.detached');
      expect(block).toContain('Signing Hash Algorithm: SHA-256');
      expect(block).toContain('Signature Validation: Signature is Valid.');
      expect(block).toContain(i === 2 ? 'Total document signed' : 'Not total document signed');
      if (i !== 2) expect(block).not.toMatch(/^\s*- Total document signed/m);
    });
  });

  it('pdfsig: after the first signature, the other two fields are still unsigned', () => {
    const blocks = pdfsig(signed[0]!);
    expect(blocks[0]).toContain('Signature is Valid.');
    expect(blocks[0]).toContain('Total document signed');
    expect(blocks[1]).toContain('The signature form field is not signed.');
    expect(blocks[2]).toContain('The signature form field is not signed.');
  });

  it('qpdf --check finds no problem in any signed copy', () => {
    for (const path of signed) {
      const r = tool('qpdf', 'qpdf', ['--check', path]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('No syntax or stream encoding errors found');
    }
  });

  it('every earlier revision is a byte-for-byte prefix of the next copy (incremental updates only)', () => {
    let previous = readFileSync(unsigned);
    for (const path of signed) {
      const next = readFileSync(path);
      expect(next.subarray(0, previous.length).equals(previous)).toBe(true);
      previous = next;
    }
  });

  it('openssl cms -verify accepts each signature over its signed bytes, chained to the test CA', () => {
    const sigs = extractSignatures(signed[2]!);
    expect(sigs).toHaveLength(3);
    sigs.forEach(({ der, signedBytes }, i) => {
      const sigPath = join(tmp.dir, `sig-${i}.der`);
      const contentPath = join(tmp.dir, `signed-bytes-${i}.bin`);
      writeFileSync(sigPath, der);
      writeFileSync(contentPath, signedBytes);
      const r = tool('openssl', 'openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sigPath, '-content', contentPath, '-CAfile', pki.caCert, '-purpose', 'any', '-out', '/dev/null']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('Verification successful');
      // PAdES: the signed attributes hold the signing certificate (v2) and no signing-time.
      const attrs = tool('openssl', 'openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', sigPath]).stdout;
      expect(attrs).toContain('id-smime-aa-signingCertificateV2');
      expect(attrs).not.toContain('signingTime');
    });
  });

  it('our verify: all valid, whole document for the last, later revisions only signed other fields', async () => {
    const report = await verifySignatures(readFileSync(signed[2]!), { trustAnchors: loadTrustAnchors(pki.caCert) });
    expect(report.allSignedValid).toBe(true);
    expect(report.signatures.map((s) => [s.field, s.signed, s.valid, s.intact, s.coversWholeDocument, s.chain?.trusted])).toEqual([
      [FIELDS[0], true, true, true, false, true],
      [FIELDS[1], true, true, true, false, true],
      [FIELDS[2], true, true, true, true, true],
    ]);
    expect(report.signatures[0]!.laterChanges.map((c) => [c.kind, c.allowed, c.description])).toEqual([
      ['signature', true, `signature field "${FIELDS[1]}" was signed`],
      ['signature', true, `signature field "${FIELDS[2]}" was signed`],
    ]);
    expect(report.signatures[2]!.signer).toMatchObject({ commonName: BURMESE_CN, organisation: 'Ministry of Home Affairs' });
    expect(report.signatures[2]!.signer!.issuer).toContain('CN=Minuta Test Root CA');
    expect(report.signatures[0]!.signingTime).toBeInstanceOf(Date);
  });

  it('minuta verify-signatures exits 0 and names the signers; with a CA it did not choose, 1', async () => {
    const ok = await minuta(['verify-signatures', signed[2]!, '--trust', pki.caCert]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`${FIELDS[0]} (page 3): VALID`);
    expect(ok.stdout).toContain('signer: CN=H.E. Mrs. Chou Bun Eng, O=Ministry of Interior, C=KH');
    expect(ok.stdout).toContain('chain: trusted');
    const other = createTestPki(join(tmp.dir, 'other-pki'), '/CN=Some Other Root');
    const bad = await minuta(['verify-signatures', signed[2]!, '--trust', other.caCert]);
    expect(bad.code, bad.stdout).toBe(1);
    expect(bad.stdout).toContain('chain: not trusted');
    const json = await minuta(['verify-signatures', signed[0]!, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).signatures.map((s: { signed: boolean }) => s.signed)).toEqual([true, false, false]);
  });

  it('the Burmese name is shown in a Latin form from the certificate, and the CLI says so', async () => {
    const out = join(tmp.dir, 'again.pdf');
    const r = await sign(signed[1]!, FIELDS[2], signers[2]!, out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('the box shows a Latin substitute');
    // The appearance stream of the box carries the e-mail address (WinAnsi hex, Helvetica).
    const hex = Buffer.from('aung.thu@example.mm', 'latin1').toString('hex').toUpperCase();
    expect(readFileSync(out, 'latin1').includes(`<${hex}> Tj`), 'the appearance shows the e-mail address').toBe(true);
  });
});

describe('certification by the secretariat before the delegations sign', () => {
  let certified: string[];
  beforeAll(async () => {
    const secretariat = pki.issue({ name: 'secretariat', subject: '/C=KH/O=NCCT Secretariat/CN=Secretariat of the Meeting', key: 'rsa' });
    const pw = join(tmp.dir, 'secretariat.pw');
    writeFileSync(pw, secretariat.password);
    const first = join(tmp.dir, 'certified-0.pdf');
    const r = await minuta(['certify', unsigned, '--p12', secretariat.p12, '--password-file', pw, '--out', first]);
    expect(r.code, r.stderr).toBe(0);
    certified = [first];
    for (let i = 0; i < 3; i++) {
      const out = join(tmp.dir, `certified-${i + 1}.pdf`);
      const s = await sign(certified[i]!, FIELDS[i]!, signers[i]!, out);
      expect(s.code, s.stderr).toBe(0);
      certified.push(out);
    }
  }, 60_000);

  it('pdfsig: the certification and the three signatures are valid; qpdf --check is clean', () => {
    const blocks = pdfsig(certified[3]!);
    expect(blocks).toHaveLength(4);
    expect(blocks[3]).toContain('Signature Field Name: Certification by the Secretariat');
    expect(blocks[3]).toContain('Signer Certificate Common Name: Secretariat of the Meeting');
    for (const b of blocks) expect(b).toContain('Signature is Valid.');
    expect(tool('qpdf', 'qpdf', ['--check', certified[3]!]).code).toBe(0);
    // The certification is DocMDP level 2, named by the catalog's /Perms.
    const text = readFileSync(certified[3]!, 'latin1');
    // (Tested as booleans: a failure must not print the whole file.)
    expect(/\/Perms <<\/DocMDP \d+ 0 R>>/.test(text), 'the catalog names the certification in /Perms').toBe(true);
    expect(text.includes('/TransformMethod /DocMDP /TransformParams <</Type /TransformParams /P 2 /V /1.2>>'), 'DocMDP level 2').toBe(true);
  });

  it('our verify: the delegations\' signatures are allowed after the certification; anything else is reported', async () => {
    const report = await verifySignatures(readFileSync(certified[3]!));
    const cert = report.signatures.find((s) => s.certification !== undefined)!;
    expect(cert).toMatchObject({ field: 'Certification by the Secretariat', certification: 2, valid: true, coversWholeDocument: false });
    expect(cert.laterChanges.map((c) => c.allowed)).toEqual([true, true, true]);
    expect(report.allSignedValid).toBe(true);
    // The info dictionary rewritten after everything: the certification reports it.
    const text = readFileSync(certified[3]!, 'latin1');
    const infoNum = Number(/\/Info (\d+) 0 R/.exec(text.slice(text.lastIndexOf('trailer')))![1]);
    const forged = appendObject(readFileSync(certified[3]!), infoNum, '<</Title (Other minutes)>>');
    const after = await verifySignatures(forged);
    expect(after.signatures.every((s) => !s.valid)).toBe(true);
    expect(after.signatures.find((s) => s.certification)!.problems).toContain('changed after signing: the document information (title, author, dates) was changed');
  });

  it('a certification after a signature is refused, and the signed copy is left as it was', async () => {
    const outDir = join(tmp.dir, 'out-late-certify');
    mkdirSync(outDir);
    const before = sha(signed[0]!);
    const pw = join(tmp.dir, `${signers[0]!.name}.pw`);
    const r = await minuta(['certify', signed[0]!, '--p12', signers[0]!.p12, '--password-file', pw, '--out', join(outDir, 'x.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('A certification must come before every other signature; already signed: "Head of Cambodia Delegation"');
    expect(sha(signed[0]!)).toBe(before);
    expect(filesIn(outDir)).toEqual([]);
  });
});

describe('tampering is reported', () => {
  it('one byte changed inside the signed ranges: pdfsig and our verify call the signatures invalid', async () => {
    const bytes = readFileSync(signed[2]!);
    // A byte of the document title, in the revision all three signatures cover.
    const at = bytes.indexOf('/Title <FEFF') + '/Title <FEFF00'.length;
    bytes[at] = bytes[at] === 0x34 ? 0x35 : 0x34;
    const path = join(tmp.dir, 'tampered.pdf');
    writeFileSync(path, bytes);
    for (const block of pdfsig(path)) expect(block).toMatch(/Signature Validation: Signature is Invalid|Digest Mismatch/);
    const report = await verifySignatures(bytes);
    expect(report.signatures.map((s) => s.intact)).toEqual([false, false, false]);
    expect(report.signatures[0]!.problems[0]).toContain('message digest does not match');
    expect((await minuta(['verify-signatures', path])).code).toBe(1);
  });

  it('one byte changed in the last revision only: just the last signature is invalid', async () => {
    const bytes = readFileSync(signed[2]!);
    const at = bytes.lastIndexOf('/Type /XObject') + 2; // in the appearance of the last signature
    expect(at).toBeGreaterThan(readFileSync(signed[1]!).length);
    bytes[at] = 'X'.charCodeAt(0); // "/Type" → "/TXpe": still a well-formed PDF
    const path = join(tmp.dir, 'tampered-last.pdf');
    writeFileSync(path, bytes);
    const blocks = pdfsig(path);
    expect(blocks[0]).toContain('Signature is Valid.');
    expect(blocks[1]).toContain('Signature is Valid.');
    expect(blocks[2]).not.toContain('Signature is Valid.');
    const report = await verifySignatures(bytes);
    expect(report.signatures.map((s) => s.intact)).toEqual([true, true, false]);
  });

  it('a revision appended by hand that replaces page 1 content is reported by verify (and exits 1)', async () => {
    const original = readFileSync(signed[2]!);
    // Read only (never saved): where page 1 is and what its dictionary holds.
    const doc = await PDFDocument.load(original, { updateMetadata: false });
    const page = doc.getPages()[0]!;
    const pageRef = page.ref;
    const text = original.toString('latin1');
    const size = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))![1]);
    const root = /\/Root (\d+ \d+ R)/.exec(text.slice(text.lastIndexOf('trailer')))![1];
    const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
    const content = 'BT /F1 24 Tf 72 720 Td (Forged) Tj ET';
    const newPage = page.node.toString().replace(/\/Contents \S+ \d+ R/, `/Contents ${size} 0 R`);
    expect(newPage).toContain(`/Contents ${size} 0 R`);
    let tail = '';
    const offsets: [number, number][] = [];
    const add = (num: number, body: string) => {
      offsets.push([num, original.length + tail.length]);
      tail += `${num} 0 obj\n${body}\nendobj\n`;
    };
    add(size, `<</Length ${content.length}>>\nstream\n${content}\nendstream`);
    add(pageRef.objectNumber, newPage);
    const xrefAt = original.length + tail.length;
    tail += `xref\n${pageRef.objectNumber} 1\n${String(offsets[1]![1]).padStart(10, '0')} 00000 n \n${size} 1\n${String(offsets[0]![1]).padStart(10, '0')} 00000 n \n`;
    tail += `trailer\n<</Size ${size + 1} /Root ${root} /Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const path = join(tmp.dir, 'forged.pdf');
    writeFileSync(path, Buffer.concat([original, Buffer.from(tail, 'latin1')]));
    expect(tool('qpdf', 'qpdf', ['--check', path]).code).toBe(0);

    const report = await verifySignatures(readFileSync(path));
    for (const s of report.signatures) {
      expect(s.intact).toBe(true); // the signed bytes themselves are untouched …
      expect(s.valid).toBe(false); // … but the document is no longer what was signed
      expect(s.laterChanges.filter((c) => !c.allowed).map((c) => c.description)).toEqual([expect.stringMatching(/^the content of page 1 was changed/)]);
    }
    const r = await minuta(['verify-signatures', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('later: the content of page 1 was changed');
    // pdfsig agrees that none of them covers the whole file any more.
    for (const block of pdfsig(path)) expect(block).toContain('Not total document signed');
  });
});

describe('refusals leave the input unchanged and write nothing', () => {
  interface Case {
    name: string;
    message: RegExp;
    /** The PDF to sign (made on demand for the foreign ones). */
    input?: () => Promise<string>;
    run: (input: string, out: string) => Promise<Run>;
    /** A password that must not appear in any output. */
    secret?: string;
  }
  const signWith = (field: string, signer: () => Signer) => (input: string, out: string) => sign(input, field, signer(), out);
  const cases: Case[] = [
    {
      name: 'wrong password',
      message: /Wrong password for the PKCS#12 file/,
      secret: 'not-the-password-0xdeadbeef',
      run: (input, out) => {
        const pw = join(tmp.dir, 'wrong.pw');
        writeFileSync(pw, 'not-the-password-0xdeadbeef\n');
        return minuta(['sign', input, '--field', FIELDS[0], '--p12', signers[0]!.p12, '--password-file', pw, '--out', out]);
      },
    },
    {
      name: 'wrong password from MINUTA_P12_PASSWORD',
      message: /Wrong password/,
      secret: 'env-secret-0xfeed',
      run: (input, out) => minuta(['sign', input, '--field', FIELDS[0], '--p12', signers[0]!.p12, '--out', out], { MINUTA_P12_PASSWORD: 'env-secret-0xfeed' }),
    },
    {
      name: 'expired certificate',
      message: /expired on 2021-01-01/,
      run: signWith(FIELDS[0], () => pki.issue({ name: 'expired', subject: '/CN=Expired Signer', key: 'rsa', startDate: '20200101000000Z', endDate: '20210101000000Z' })),
    },
    {
      name: 'certificate not yet valid',
      message: /not valid before 2090-01-01/,
      run: signWith(FIELDS[0], () => pki.issue({ name: 'future', subject: '/CN=Future Signer', key: 'ec-p256', startDate: '20900101000000Z', endDate: '20950101000000Z' })),
    },
    {
      name: 'certificate without a signing key usage',
      message: /not for signing: its key usage has neither digitalSignature nor nonRepudiation/,
      run: signWith(FIELDS[0], () => pki.issue({ name: 'tls', subject: '/CN=Key Encipherment Only', key: 'rsa', keyUsage: 'critical, keyEncipherment' })),
    },
    {
      name: 'certificate without a key usage extension',
      message: /not for signing: its key usage is not stated/,
      run: signWith(FIELDS[0], () => pki.issue({ name: 'nousage', subject: '/CN=No Key Usage', key: 'ec-p256', keyUsage: 'none' })),
    },
    {
      name: 'field already signed',
      message: /The field "Head of Cambodia Delegation" is already signed/,
      input: async () => signed[0]!,
      run: signWith(FIELDS[0], () => signers[1]!),
    },
    {
      name: 'field that does not exist',
      message: /No signature field "Head of Thailand Delegation"; the fields are: "Head of Cambodia Delegation"; "Head of Lao Delegation"; "Head of Myanmar Delegation"/,
      run: signWith('Head of Thailand Delegation', () => signers[0]!),
    },
    {
      name: 'a PDF that is not one of ours',
      message: /not a Minuta signature copy/,
      input: async () => {
        const doc = await PDFDocument.create();
        doc.addPage();
        const path = join(tmp.dir, 'foreign.pdf');
        writeFileSync(path, await doc.save({ useObjectStreams: false }));
        return path;
      },
      run: signWith(FIELDS[0], () => signers[0]!),
    },
    {
      name: 'a file that is not a PDF',
      message: /not a PDF file/,
      input: async () => signers[0]!.cert,
      run: signWith(FIELDS[0], () => signers[0]!),
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const outDir = join(tmp.dir, `out-${c.name.replace(/\W+/g, '-')}`);
      mkdirSync(outDir);
      const input = c.input ? await c.input() : unsigned;
      const before = sha(input);
      const others = [unsigned, ...signed].map(sha);
      const r = await c.run(input, join(outDir, 'signed.pdf'));
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr.split('\n')).toHaveLength(1);
      for (const secret of [c.secret, ...signers.map((x) => x.password)]) if (secret) expect(r.stderr + r.stdout).not.toContain(secret);
      expect(filesIn(outDir)).toEqual([]);
      expect(sha(input)).toBe(before);
      expect([unsigned, ...signed].map(sha)).toEqual(others);
    });
  }

  it('a command line without --out is a usage error (exit 2), and no password is asked for', async () => {
    const r = await minuta(['sign', unsigned, '--field', FIELDS[0], '--p12', signers[0]!.p12]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sign needs --out');
  });

  it('verify-signatures on a file that is not a PDF exits 2', async () => {
    const r = await minuta(['verify-signatures', signers[0]!.p12]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a PDF file');
  });
});
