import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateMeeting, type Block, type Meeting } from '../../src/shared/minutes';
import { exportMeeting } from '../../src/main/export';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { openSigningCredentials, type SigningCredentials } from '../../src/main/signoff/credentials';
import { signPdf } from '../../src/main/signoff/sign';
import { verifySignatures } from '../../src/main/signoff/verify';
import { loadFixture, tempDir } from '../support/temp';
import { createTestPki } from '../support/pki';
import { generateLongMeeting } from './generate';
import { percentile } from './stats';

/**
 * Signing and verifying a long signature copy: the generated ~200-page minutes with the 2019 seed's
 * three signatories, exported once; then each run opens the PKCS#12 file, signs the three fields one
 * after another (each on the previous copy) and verifies all three. Figures only; nothing fails on time.
 */
const PAGES = Number(process.env['MINUTA_BENCH_PAGES'] ?? 200);
const RUNS = Number(process.env['MINUTA_BENCH_RUNS'] ?? 7);

let tmp: ReturnType<typeof tempDir>;
let pdf: Uint8Array;
let p12: Buffer;
let password: string;
const lines: string[] = [];

/** The long meeting with the 2019 signatories (and the people they name) at the end. */
function longMeetingWithSignatories(): Meeting {
  const { meeting } = generateLongMeeting(PAGES);
  const seed2019 = loadFixture(2019);
  const signatories = seed2019.body.filter((b): b is Extract<Block, { type: 'signatories' }> => b.type === 'signatories');
  const named = new Set(signatories.flatMap((b) => b.signatories.map((s) => s.personId)));
  const people = seed2019.people.filter((p) => named.has(p.id));
  const orgIds = new Set(people.map((p) => p.organisationId));
  const withSignatures: Meeting = {
    ...meeting,
    people: [...meeting.people, ...people],
    organisations: [...meeting.organisations, ...seed2019.organisations.filter((o) => orgIds.has(o.id) && !meeting.organisations.some((m) => m.id === o.id))],
    body: [...meeting.body, ...signatories],
  };
  const valid = validateMeeting(withSignatures);
  if (!valid.ok) throw new Error(valid.errors.slice(0, 3).join('\n'));
  return withSignatures;
}

const ms = (values: number[]) => `median ${percentile(values, 50).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

beforeAll(async () => {
  tmp = tempDir('minuta-bench-sign-');
  const pki = createTestPki(join(tmp.dir, 'pki'));
  const signer = pki.issue({ name: 'bench', subject: '/O=Bench/CN=Bench Signer', key: 'rsa' });
  p12 = readFileSync(signer.p12);
  password = signer.password;
  const printer = new PlaywrightPrinter();
  try {
    pdf = await exportMeeting(longMeetingWithSignatories(), 'pdf', { printer });
  } finally {
    await printer.close();
  }
}, 600_000);

afterAll(() => {
  tmp?.cleanup();
  if (pdf) console.log(`\nSigning benchmark (${PAGES}-page minutes, ${(pdf.byteLength / 1024 / 1024).toFixed(2)} MB PDF, ${RUNS} runs)\n${lines.join('\n')}`);
});

describe('sign and verify a long signature copy', () => {
  it('times opening the key, three signatures in a row, and verifying them', async () => {
    const open: number[] = [];
    const sign: number[][] = [[], [], []];
    const verify: number[] = [];
    let heapPeak = 0;
    let last = pdf;
    for (let r = 0; r < RUNS; r++) {
      let t = performance.now();
      const creds: SigningCredentials = await openSigningCredentials(p12, password, new Date());
      open.push(performance.now() - t);
      let copy = pdf;
      const fields = (await verifySignatures(pdf)).signatures.map((s) => s.field);
      for (let i = 0; i < fields.length; i++) {
        t = performance.now();
        copy = signPdf(copy, { field: fields[i]!, credentials: creds }).bytes;
        sign[i]!.push(performance.now() - t);
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }
      t = performance.now();
      const report = await verifySignatures(copy);
      verify.push(performance.now() - t);
      expect(report.allSignedValid).toBe(true);
      last = copy;
    }
    lines.push(`open PKCS#12 (PBKDF2, AES, MAC): ${ms(open)}`);
    sign.forEach((s, i) => lines.push(`signature ${i + 1} (file of ${i + 1} revision${i ? 's' : ''} after the print): ${ms(s)}`));
    lines.push(`verify 3 signatures (digest, CMS, later revisions): ${ms(verify)}`);
    lines.push(`signed copy: ${((last.byteLength - pdf.byteLength) / 1024).toFixed(1)} KiB added by the three signatures; JS heap peak while signing ${(heapPeak / 1024 / 1024).toFixed(0)} MiB`);
  });
});
