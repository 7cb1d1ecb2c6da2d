import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MinutaError, excerpt } from '../../shared/errors';
import { openSigningCredentials } from './credentials';
import { readPasswordFromTerminal } from './password';
import { signPdf, type SignedField } from './sign';
import { loadTrustAnchors } from './trust';
import { verifySignatures, type VerifyReport } from './verify';

/**
 * The sign-off commands of the CLI (declared in src/main/cli/commands/signoff.ts, which loads this module
 * only when one of them runs, so that `minuta list` never loads the cryptography):
 *   sign FILE.pdf --field NAME --p12 FILE.p12 [--password-file F] --out FILE.pdf
 *   certify FILE.pdf --p12 FILE.p12 [--password-file F] [--field NAME] [--permissions 1|2|3] --out FILE.pdf
 *   verify-signatures FILE.pdf [--trust FILE|DIR] [--format text|json]
 */

export interface SignoffIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Asks for the key's password without echo; the default reads the terminal. */
  promptPassword?: (prompt: string) => Promise<string>;
  /**
   * `sign --db`: records the signature in that database (audit entry, attachment when sealed), after
   * the file is written; returns what to tell the user. Without it, signing touches files only.
   */
  recordSignature?: (input: Uint8Array, signed: SignedField, out: { path: string; bytes: Uint8Array }) => Promise<string>;
}


// A PDF is held as one string (one char per byte); V8 strings stop near 512 MB, Minuta copies are a few MB.
const MAX_INPUT_PDF = 256 * 1024 * 1024;
/** The invisible field a certification makes when --field names none. */
const CERTIFICATION_FIELD = 'Certification by the Secretariat';

function readInput(path: string, what: string, max: number): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new MinutaError('not-found', `The ${what} "${excerpt(path, 80)}" does not exist or cannot be read`);
  }
  if (size > max) throw new MinutaError('invalid', `The ${what} "${excerpt(path, 80)}" is too large`);
  return new Uint8Array(readFileSync(path));
}

/** The password from a file (its first line), the environment, or the terminal; never echoed or logged. */
async function password(flags: ReadonlyMap<string, string>, io: SignoffIo): Promise<string> {
  const file = flags.get('--password-file');
  if (file !== undefined) {
    const text = Buffer.from(readInput(file, 'password file', 64 * 1024)).toString('utf8');
    return text.split(/\r?\n/)[0]!;
  }
  const env = io.env['MINUTA_P12_PASSWORD'];
  if (env !== undefined) return env;
  const prompt = io.promptPassword ?? readPasswordFromTerminal;
  return prompt('Password for the key file: ');
}

/** Writes through a temporary file beside the target and a rename; the temporary file never outlives a failure. */
export function writeAtomically(file: string, data: Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    let written = 0;
    while (written < data.byteLength) written += writeSync(fd, data, written, data.byteLength - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    if (existsSync(tmp)) unlinkSync(tmp);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new MinutaError('disk-full', `The disk is full: "${excerpt(file, 80)}" was not written`);
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new MinutaError('read-only', `"${excerpt(file, 80)}" cannot be written`);
    if (code === 'ENOENT') throw new MinutaError('not-found', `The folder of "${excerpt(file, 80)}" does not exist`);
    throw e;
  }
}

/** A signature report as lines for a terminal. */
export function signatureReportLines(report: VerifyReport): string[] {
  const lines: string[] = [];
  for (const s of report.signatures) {
    const where = s.page !== undefined ? ` (page ${s.page})` : '';
    if (!s.signed) {
      lines.push(`${s.field}${where}: not signed`);
      continue;
    }
    lines.push(`${s.field}${where}: ${s.valid ? 'VALID' : 'INVALID'}`);
    if (s.signer) {
      lines.push(`  signer: ${s.signer.subject}`);
      lines.push(`  issuer: ${s.signer.issuer}`);
      lines.push(`  certificate SHA-256: ${s.signer.fingerprint}`);
    }
    if (s.signingTime) lines.push(`  signing time (claimed): ${s.signingTime.toISOString()}`);
    lines.push(`  signed bytes: ${s.intact ? 'intact, signature verifies' : 'NOT intact'}`);
    if (s.certification !== undefined) lines.push(`  certification signature, DocMDP level ${s.certification}`);
    lines.push(`  covers: ${s.coversWholeDocument ? 'the whole document' : 'an earlier revision; later revisions were appended'}`);
    for (const c of s.laterChanges) lines.push(`  later: ${c.description}${c.allowed ? ' (allowed)' : ' (NOT covered by this signature)'}`);
    if (s.chain) lines.push(`  chain: ${s.chain.trusted ? 'trusted' : `not trusted (${s.chain.problem ?? 'no path'})`}`);
    else lines.push('  chain: not checked (no --trust given)');
    for (const p of s.problems) lines.push(`  problem: ${p}`);
  }
  if (report.signatures.length === 0) lines.push('no signature fields');
  return lines;
}

export interface SignOutcome {
  signed: SignedField;
  file: string;
  /** What `sign --db` recorded in the database. */
  recorded?: string;
  /** The copy was written but recording it failed (exit 1). */
  recordFailed?: string;
}

/**
 * `sign` / `certify`: fills one field and writes the copy. Everything is read and checked before
 * anything is written; a failure is a MinutaError (exit 1).
 */
export async function signFile(
  command: 'sign' | 'certify',
  file: string,
  options: { field?: string | undefined; p12: string; out: string; permissions?: 1 | 2 | 3 },
  flags: ReadonlyMap<string, string>,
  io: SignoffIo,
): Promise<SignOutcome> {
  const pdf = readInput(file, 'PDF', MAX_INPUT_PDF);
  const p12 = readInput(options.p12, 'key file', 1024 * 1024);
  const now = new Date();
  const credentials = await openSigningCredentials(p12, await password(flags, io), now);
  const { bytes, signed } = signPdf(pdf, {
    field: options.field ?? CERTIFICATION_FIELD,
    credentials,
    now,
    ...(command === 'certify' ? { certify: options.permissions ?? 2 } : {}),
  });
  writeAtomically(options.out, bytes);
  if (command !== 'sign' || !io.recordSignature) return { signed, file: options.out };
  try {
    return { signed, file: options.out, recorded: await io.recordSignature(pdf, signed, { path: options.out, bytes }) };
  } catch (e) {
    const why = e instanceof MinutaError ? e.message : excerpt((e as Error).message ?? String(e), 200);
    return { signed, file: options.out, recordFailed: `the signed copy was written, but the signature was not recorded in the database: ${why}` };
  }
}

export function signedLines(command: 'sign' | 'certify', outcome: SignOutcome): string[] {
  const { signed } = outcome;
  return [
    `${command === 'sign' ? 'signed' : 'certified'} "${signed.field}" as ${signed.signer.subject} (certificate SHA-256 ${signed.signer.fingerprint})`,
    ...(signed.appearanceNameSubstituted ? ['note: the name is not in Latin script; the box shows a Latin substitute from the certificate'] : []),
    ...(outcome.recorded ? [outcome.recorded] : []),
  ];
}

/** `verify-signatures`: the report of every signature field (a MinutaError when the file cannot be read). */
export async function verifySignaturesOf(file: string, trust: string | undefined): Promise<VerifyReport> {
  const trustAnchors = trust !== undefined ? loadTrustAnchors(trust) : undefined;
  const pdf = readInput(file, 'PDF', MAX_INPUT_PDF);
  return verifySignatures(pdf, trustAnchors ? { trustAnchors } : {});
}
