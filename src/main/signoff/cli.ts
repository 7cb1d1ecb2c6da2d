import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MinutaError, excerpt } from '../../shared/errors';
import { openSigningCredentials } from './credentials';
import { readPasswordFromTerminal } from './password';
import { signPdf, type SignedField } from './sign';
import { loadTrustAnchors } from './trust';
import { verifySignatures, type VerifyReport } from './verify';
import { SignoffUsageError } from './commands';

/**
 * The sign-off commands of the CLI, kept here so that src/main/cli/run.ts only dispatches to them:
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

function printReport(report: VerifyReport, io: SignoffIo): void {
  for (const s of report.signatures) {
    const where = s.page !== undefined ? ` (page ${s.page})` : '';
    if (!s.signed) {
      io.stdout(`${s.field}${where}: not signed`);
      continue;
    }
    io.stdout(`${s.field}${where}: ${s.valid ? 'VALID' : 'INVALID'}`);
    if (s.signer) {
      io.stdout(`  signer: ${s.signer.subject}`);
      io.stdout(`  issuer: ${s.signer.issuer}`);
      io.stdout(`  certificate SHA-256: ${s.signer.fingerprint}`);
    }
    if (s.signingTime) io.stdout(`  signing time (claimed): ${s.signingTime.toISOString()}`);
    io.stdout(`  signed bytes: ${s.intact ? 'intact, signature verifies' : 'NOT intact'}`);
    if (s.certification !== undefined) io.stdout(`  certification signature, DocMDP level ${s.certification}`);
    io.stdout(`  covers: ${s.coversWholeDocument ? 'the whole document' : 'an earlier revision; later revisions were appended'}`);
    for (const c of s.laterChanges) io.stdout(`  later: ${c.description}${c.allowed ? ' (allowed)' : ' (NOT covered by this signature)'}`);
    if (s.chain) io.stdout(`  chain: ${s.chain.trusted ? 'trusted' : `not trusted (${s.chain.problem ?? 'no path'})`}`);
    else io.stdout('  chain: not checked (no --trust given)');
    for (const p of s.problems) io.stdout(`  problem: ${p}`);
  }
  if (report.signatures.length === 0) io.stdout('no signature fields');
}

/** Runs one sign-off command; returns the exit code. Usage mistakes throw SignoffUsageError. */
export async function runSignoffCommand(command: string, args: readonly string[], flags: ReadonlyMap<string, string>, io: SignoffIo): Promise<number> {
  if (args.length !== 1) throw new SignoffUsageError(`${command} takes one PDF file`);
  if (command === 'sign' || command === 'certify') {
    for (const f of command === 'sign' ? ['--field', '--p12', '--out'] : ['--p12', '--out']) if (!flags.has(f)) throw new SignoffUsageError(`${command} needs ${f}`);
    const permissions = flags.get('--permissions') ?? '2';
    if (!['1', '2', '3'].includes(permissions)) throw new SignoffUsageError('--permissions is 1, 2 or 3');
    try {
      // Everything is read and checked before anything is written.
      const pdf = readInput(args[0]!, 'PDF', MAX_INPUT_PDF);
      const p12 = readInput(flags.get('--p12')!, 'key file', 1024 * 1024);
      const now = new Date();
      const credentials = await openSigningCredentials(p12, await password(flags, io), now);
      const { bytes, signed } = signPdf(pdf, {
        field: flags.get('--field') ?? CERTIFICATION_FIELD,
        credentials,
        now,
        ...(command === 'certify' ? { certify: Number(permissions) as 1 | 2 | 3 } : {}),
      });
      writeAtomically(flags.get('--out')!, bytes);
      io.stdout(`${command === 'sign' ? 'signed' : 'certified'} "${signed.field}" as ${signed.signer.subject} (certificate SHA-256 ${signed.signer.fingerprint})`);
      if (signed.appearanceNameSubstituted) io.stdout('note: the name is not in Latin script; the box shows a Latin substitute from the certificate');
      if (command === 'sign' && io.recordSignature) {
        try {
          io.stdout(await io.recordSignature(pdf, signed, { path: flags.get('--out')!, bytes }));
        } catch (e) {
          io.stderr(`minuta: the signed copy was written, but the signature was not recorded in the database: ${e instanceof MinutaError ? e.message : excerpt((e as Error).message ?? String(e), 200)}`);
          return 1;
        }
      }
      return 0;
    } catch (e) {
      io.stderr(`minuta: ${e instanceof MinutaError ? e.message : excerpt((e as Error).message ?? String(e), 200)}`);
      return 1;
    }
  }
  // verify-signatures: 0 all valid, 1 one invalid, 2 unreadable.
  const format = flags.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new SignoffUsageError(`unknown format ${excerpt(format, 20)} (text, json)`);
  try {
    const trust = flags.get('--trust');
    const trustAnchors = trust !== undefined ? loadTrustAnchors(trust) : undefined;
    const pdf = readInput(args[0]!, 'PDF', MAX_INPUT_PDF);
    const report = await verifySignatures(pdf, trustAnchors ? { trustAnchors } : {});
    if (format === 'json') io.stdout(JSON.stringify(report, null, 2));
    else printReport(report, io);
    return report.allSignedValid ? 0 : 1;
  } catch (e) {
    io.stderr(`minuta: ${e instanceof MinutaError ? e.message : excerpt((e as Error).message ?? String(e), 200)}`);
    return 2;
  }
}
