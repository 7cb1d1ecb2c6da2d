import { renameSync, rmSync } from 'node:fs';
import { readBounded } from '../files/readBounded';
import { basename, dirname, join } from 'node:path';
import { readMinutesBundle } from '../interchange/minutesFile';
import { homedir, userInfo } from 'node:os';
import { serializeInterchange } from '../../shared/minutes';
import { closeQuietly, openDatabase, writeTransaction, type Db } from '../store/db';
import { toMinutaError } from '../store/storageErrors';
import { writeFileAtomically } from '../files/writeAtomically';
import { MinutaError, excerpt } from '../../shared/errors';
import { assertPrintable } from '../../shared/format';
import { createMeetingStore, type MeetingStore } from '../store/meetings';
import { backupDatabase } from '../store/backup';
import { checkDatabase, type CheckReport } from '../store/integrity';
import { defaultUserDataDir, resolveDatabasePath } from '../paths';
import { SIGNOFF_COMMANDS, SIGNOFF_USAGE } from '../signoff/commands';
import type { SignedField } from '../signoff/sign';
import { type ComparisonFormat, compareVersions, exportComparison } from '../export/comparison';
import { ExportWorker } from '../export/worker/client';
import { NoChromiumError } from '../export/pdf/chromium';
import { WORKFLOW_COMMANDS, WORKFLOW_USAGE, runWorkflowCommand, workflowUsageProblem } from '../workflow/cli';
import { HISTORY_COMMANDS, HISTORY_USAGE, HistoryUsageError, checkHistoryArgs, runHistoryCommand } from './history';
import { isTrashCommand, runTrashCommand, TRASH_COMMANDS, TRASH_USAGE } from './trash';
import { loadSettings, settingsPathIn } from '../settings/settingsFile';
import { authorOf } from '../../shared/settings/settings';
import { COMMENT_COMMANDS, COMMENT_USAGE, checkCommentArgs, runCommentCommand } from './comments';

export const USAGE = `usage: minuta [--db FILE] [--author NAME] <command>
  import FILE.minuta.json                 add a meeting; prints its id
  list                                    id<TAB>date<TAB>title, one line per meeting
  search "QUERY"                          id<TAB>title<TAB>snippet, best first
  export ID --format json|docx|pdf --out FILE [--version NAME|sealed|approved] [--allow-missing-glyphs]
                                          write a meeting as an interchange file, a Word
                                          document or a PDF with signature fields (PDF needs
                                          Chromium, Chrome or Edge; MINUTA_CHROMIUM=path);
                                          --version: the clean signature copy of that named
                                          version (approved or sealed only; PDF/A-3b with
                                          the record embedded)
  verify FILE… [--format text|json]       check signature copies (PDF or DOCX) against the
                                          record: exit 0 every copy matches, 1 one does not,
                                          2 one cannot be read
  compare ID A B [--format text|pdf|docx] [--out FILE]
                                          compare two versions (A, B: a revision number or
                                          a named version's name): a change list (text, to
                                          stdout without --out), a redline PDF, or a DOCX
                                          with tracked changes
  backup FILE                             online copy of the whole database, checked as
                                          'check' does; a damaged source leaves no copy
  check                                   verify the database: SQLite's integrity and foreign
                                          keys, every revision's hashes, the search index;
                                          exit 0 with "ok: …", 1 naming each damaged part
${WORKFLOW_USAGE}
${HISTORY_USAGE}
${TRASH_USAGE}
${COMMENT_USAGE}
${SIGNOFF_USAGE}`;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

/** The command line itself is wrong: exit 2 with the usage. (Everything else is a MinutaError: exit 1.) */
class UsageError extends Error {}

interface Parsed {
  command: string;
  args: string[];
  flags: Map<string, string>;
}

const GLOBAL_FLAGS = new Set(['--db', '--author']);
/** Options that take no value: present means yes. */
const SWITCHES = new Set(['--allow-missing-glyphs']);
const COMMAND_FLAGS: Record<string, ReadonlySet<string>> = {
  export: new Set(['--format', '--out', '--version', '--allow-missing-glyphs']),
  verify: new Set(['--format']),
  compare: new Set(['--format', '--out']),
  ...WORKFLOW_COMMANDS,
  ...HISTORY_COMMANDS,
  ...COMMENT_COMMANDS,
  ...SIGNOFF_COMMANDS,
};

function parse(argv: readonly string[]): Parsed {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    // Asking for help is never an error, wherever it stands ("minuta --help", "minuta export -h").
    if (a === '--help' || a === '-h') help = true;
    else if (SWITCHES.has(a)) flags.set(a, 'yes');
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else positional.push(a);
  }
  if (help) return { command: 'help', args: positional, flags: new Map() };
  const [command, ...args] = positional;
  if (!command) throw new UsageError('no command given');
  const allowed = new Set([...GLOBAL_FLAGS, ...(COMMAND_FLAGS[command] ?? [])]);
  for (const name of flags.keys()) if (!allowed.has(name)) throw new UsageError(`unknown option ${name} for ${command}`);
  return { command, args, flags };
}

function expectArgs(p: Parsed, n: number, what: string) {
  if (p.args.length !== n) throw new UsageError(`${p.command} takes ${what}`);
}

/** The check's verdict as lines: "ok: …" alone, or one line per problem (bounded). */
function checkLines(report: CheckReport): { ok: boolean; lines: string[] } {
  if (report.problems.length === 0) {
    return { ok: true, lines: [`ok: ${report.meetings} meetings, ${report.revisions} revisions checked`] };
  }
  return { ok: false, lines: report.problems.map((p) => `damaged: ${p}`) };
}

/**
 * The backup's own check: the copy is written beside the target, must open and pass the same check as
 * `minuta check`, and only then replaces the target. A damaged source therefore leaves no copy, and an
 * older good backup under the same name is kept.
 */
async function backupVerified(db: ReturnType<typeof openDatabase>, target: string): Promise<void> {
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  const removePartial = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  };
  let verdict: { ok: boolean; lines: string[] };
  try {
    await backupDatabase(db, partial);
    const copy = openDatabase(partial);
    try {
      verdict = checkLines(checkDatabase(copy));
    } finally {
      copy.close();
    }
  } catch (error) {
    removePartial();
    throw error;
  }
  if (!verdict.ok) {
    removePartial();
    throw new MinutaError('corrupt', `the copy failed its check, no backup written: ${verdict.lines[0]!.slice('damaged: '.length)}`);
  }
  renameSync(partial, target);
  removePartial();
}

/** `export ID --version NAME`: the signature copy of a named version, in the state the workflow records. */
async function exportCopy(store: MeetingStore, db: Db, meetingId: string, asked: string, format: 'pdf' | 'docx', out: string, author: string): Promise<void> {
  // `--version sealed` (or `approved`): the version the workflow pinned, unless a version bears that name.
  const status = store.workflow.status(meetingId);
  const byState = (asked === 'sealed' || asked === 'approved') && !store.namedVersions(meetingId).some((v) => v.name === asked);
  if (byState && status.state !== asked) throw new MinutaError('invalid', `meeting ${meetingId} is ${status.state}, not ${asked}`);
  const versionName = byState ? (status.versionName ?? '') : asked;
  const version = store.namedVersions(meetingId).find((v) => v.name === versionName);
  if (!version) throw new MinutaError('not-found', `meeting ${meetingId} has no version named "${excerpt(versionName, 80)}"`);
  const meeting = store.revision(meetingId, version.revisionId);
  if (!meeting) throw new MinutaError('not-found', `revision ${version.revisionId} of meeting ${meetingId} is missing`);
  const state = workflowStateOf(store, meetingId) ?? 'not approved (no workflow state is recorded)';
  // Loaded on demand, as the printer is: the other commands never load the PDF reader and signer.
  const { checkCopyState, exportSignatureCopy } = await import('../export/signatureCopy');
  checkCopyState(state);
  // As in the app: a sealed copy prints the audit head it was made at, and the export is audited after it.
  const auditHead = state === 'sealed' ? store.audit.head(meetingId) : undefined;
  const printer = format === 'pdf' ? new (await import('../export/pdf/playwrightPrinter')).PlaywrightPrinter() : undefined;
  try {
    const bytes = await exportSignatureCopy(
      meeting,
      { revisionId: version.revisionId, versionName, state, ...(auditHead ? { auditHead } : {}) },
      { format, ...(printer ? { printer } : {}) },
    );
    writeFileAtomically(out, bytes);
    writeTransaction(db, () =>
      store.audit.append(meetingId, author, 'signature-copy', { format, version: versionName, revisionId: version.revisionId, bytes: bytes.byteLength }),
    )();
  } finally {
    await printer?.close();
  }
}

/** `verify FILE…`: one report per file; exit 0 all match, 1 one does not, 2 one cannot be read. */
async function verifyFiles(files: readonly string[], format: string, store: MeetingStore, db: Db, io: CliIo): Promise<number> {
  const { MAX_COPY_BYTES, storeRecordSource, verifyCopy } = await import('../copies/verifyCopy');
  const { reportLines } = await import('../copies/report');
  const source = storeRecordSource(store, (id) => workflowStateOf(store, id));
  let code = 0;
  const json: unknown[] = [];
  for (const path of files) {
    try {
      const report = await verifyCopy(readBounded(path, MAX_COPY_BYTES), source);
      if (format === 'json') json.push({ file: path, ...report });
      else for (const line of reportLines(path, report)) io.stdout(line);
      if (!report.matches) code = Math.max(code, 1);
    } catch (error) {
      const failure = toMinutaError(error);
      if (failure.code === 'internal') throw error;
      if (format === 'json') json.push({ file: path, unreadable: failure.message });
      io.stderr(`minuta: ${excerpt(path, 200)}: cannot be read: ${failure.message.split('\n')[0]}`);
      code = 2;
    }
  }
  if (format === 'json') io.stdout(JSON.stringify(json, null, 2));
  return code;
}

/** The meeting's sign-off state (draft, in-review, approved, sealed), or undefined for an unknown meeting. */
function workflowStateOf(store: ReturnType<typeof createMeetingStore>, meetingId: string): string | undefined {
  return store.get(meetingId) ? store.workflow.status(meetingId).state : undefined;
}

/**
 * `sign --db FILE`: the same audit entry (and attachment, when sealed) as the app's "Sign as…", when
 * that database has the copy's meeting; a copy of a meeting it does not have stays a file-only signature.
 */
function signatureRecorder(dbPath: string, authorFlag: string | undefined, io: CliIo) {
  return async (input: Uint8Array, signed: SignedField, out: { path: string; bytes: Uint8Array }): Promise<string> => {
    const { copyMeetingId, recordSignature } = await import('../signoff/record');
    // As every other command: --author, else MINUTA_AUTHOR, else the app's "Who am I" name, else the OS login name.
    const userDataDir = defaultUserDataDir(process.platform, io.env, homedir());
    const author = authorFlag ?? (io.env['MINUTA_AUTHOR'] || authorOf(loadSettings(settingsPathIn(userDataDir)).settings, userInfo().username));
    const db = openDatabase(dbPath);
    try {
      const recorded = recordSignature(db, createMeetingStore(db), copyMeetingId(input), author, signed, out);
      if (!recorded.audited) return 'not recorded: the database does not have this copy\'s meeting';
      return `recorded in the audit log of meeting ${recorded.meetingId}${recorded.attached ? '; the signed copy is attached to the sealed record' : ''}`;
    } finally {
      closeQuietly(db, (e) => io.stderr(`minuta: warning: ${e.message}`));
    }
  };
}

/** The whole CLI as a function: the bin calls it with the process's argv, tests call it directly. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv);
    if (!['import', 'list', 'search', 'export', 'compare', 'backup', 'check', 'verify', 'help', ...TRASH_COMMANDS, ...Object.keys(COMMENT_COMMANDS), ...Object.keys(WORKFLOW_COMMANDS), ...Object.keys(HISTORY_COMMANDS), ...Object.keys(SIGNOFF_COMMANDS)].includes(parsed.command)) {
      throw new UsageError(`unknown command ${parsed.command}`);
    }
    // Signing and verifying work on files only: no database is opened (`sign --db` records the signature there).
    if (Object.hasOwn(SIGNOFF_COMMANDS, parsed.command)) {
      const signoffIo = parsed.command === 'sign' && parsed.flags.has('--db') ? { ...io, recordSignature: signatureRecorder(parsed.flags.get('--db')!, parsed.flags.get('--author'), io) } : io;
      return await (await import('../signoff/cli')).runSignoffCommand(parsed.command, parsed.args, parsed.flags, signoffIo);
    }
  } catch (error) {
    io.stderr(`minuta: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }

  const userDataDir = defaultUserDataDir(process.platform, io.env, homedir());
  const dbPath = resolveDatabasePath(argv, io.env, userDataDir);
  // --author, else MINUTA_AUTHOR, else the app's "Who am I" name, else the OS login name.
  const author =
    parsed.flags.get('--author') ?? (io.env['MINUTA_AUTHOR'] || authorOf(loadSettings(settingsPathIn(userDataDir)).settings, userInfo().username));
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    const p = parsed;
    // Validate the command line fully before touching the database.
    if (p.command === 'import' || p.command === 'search' || p.command === 'backup') expectArgs(p, 1, 'one argument');
    if (isTrashCommand(p.command)) expectArgs(p, 1, 'a meeting id');
    if (p.command === 'list' || p.command === 'check') expectArgs(p, 0, 'no argument');
    if (p.command === 'export') {
      expectArgs(p, 1, 'a meeting id');
      if (!p.flags.has('--out')) throw new UsageError('export needs --out FILE');
      const format = p.flags.get('--format') ?? 'json';
      if (!['json', 'docx', 'pdf'].includes(format)) throw new UsageError(`unknown format ${format} (json, docx, pdf)`);
    }
    if (p.command === 'export' && p.flags.has('--version') && (p.flags.get('--format') ?? 'json') === 'json') {
      throw new UsageError('export --version makes a signature copy: --format pdf or docx');
    }
    if (p.command === 'verify') {
      if (p.args.length === 0) throw new UsageError('verify takes one or more files');
      const format = p.flags.get('--format') ?? 'text';
      if (!['text', 'json'].includes(format)) throw new UsageError(`unknown format ${format} (text, json)`);
    }
    if (p.command === 'compare') {
      expectArgs(p, 3, 'a meeting id and two versions');
      const format = p.flags.get('--format') ?? 'text';
      if (!['text', 'docx', 'pdf'].includes(format)) throw new UsageError(`unknown format ${format} (text, docx, pdf)`);
      if (format !== 'text' && !p.flags.has('--out')) throw new UsageError(`compare --format ${format} needs --out FILE`);
    }
    if (Object.hasOwn(WORKFLOW_COMMANDS, p.command)) {
      const problem = workflowUsageProblem(p.command, p.args, p.flags);
      if (problem) throw new UsageError(problem);
    }
    if (Object.hasOwn(HISTORY_COMMANDS, p.command)) checkHistoryArgs(p.command, p.args, p.flags);
    if (Object.hasOwn(COMMENT_COMMANDS, p.command)) {
      const problem = checkCommentArgs(p.command, p.args, p.flags);
      if (problem) throw new UsageError(problem);
    }
    const bundle = p.command === 'import' ? readMinutesBundle(p.args[0]!) : undefined;

    db = openDatabase(dbPath);
    const store = createMeetingStore(db);
    if (Object.hasOwn(WORKFLOW_COMMANDS, p.command)) return runWorkflowCommand(store, p.command, p.args, p.flags, author, io);
    if (Object.hasOwn(HISTORY_COMMANDS, p.command)) {
      runHistoryCommand(p.command, p.args, p.flags, store, author, io.stdout);
      return 0;
    }
    switch (p.command) {
      case 'import':
        io.stdout(store.createWithComments(bundle!.meeting, bundle!.comments, author).id);
        break;
      case 'list':
        for (const m of store.list()) io.stdout(`${m.id}\t${m.startsOn}\t${m.title}`);
        break;
      case 'search':
        for (const hit of store.search(p.args[0]!)) io.stdout(`${hit.id}\t${hit.title}\t${hit.snippet.replace(/\s+/g, ' ')}`);
        break;
      case 'export': {
        const found = store.get(p.args[0]!);
        if (!found) throw new MinutaError('not-found', `no meeting with id ${p.args[0]}`);
        const format = p.flags.get('--format') ?? 'json';
        const versionName = p.flags.get('--version');
        if (versionName !== undefined) {
          await exportCopy(store, db, found.meeting.id, versionName, format as 'pdf' | 'docx', p.flags.get('--out')!, author);
          break;
        }
        if (format === 'json') {
          writeFileAtomically(p.flags.get('--out')!, serializeInterchange(found.meeting, store.comments.list(found.id)));
          break;
        }
        // Refused before the browser starts: characters no shipped font draws would print as boxes.
        assertPrintable(found.meeting, { allowMissingGlyphs: p.flags.has('--allow-missing-glyphs') });
        // Done with the database: a long PDF export should not hold it open.
        closeQuietly(db);
        db = undefined;
        // Loaded on demand: listing or importing never pays for the browser driver.
        const printer = format === 'pdf' ? new (await import('../export/pdf/playwrightPrinter')).PlaywrightPrinter() : undefined;
        // The same export worker as the app's, so the CLI exports exactly what the app does.
        const worker = new ExportWorker();
        try {
          const bytes = printer ? await worker.pdf(found.meeting, printer) : await worker.docx(found.meeting);
          writeFileAtomically(p.flags.get('--out')!, bytes);
        } finally {
          await Promise.all([printer?.close(), worker.close()]);
        }
        break;
      }
      case 'compare': {
        const [id, refA, refB] = p.args as [string, string, string];
        const format = (p.flags.get('--format') ?? 'text') as ComparisonFormat;
        const versions = compareVersions(store, id, refA, refB);
        db.close();
        db = undefined;
        const out = p.flags.get('--out');
        if (format === 'text' && !out) {
          io.stdout(new TextDecoder().decode(await exportComparison(versions, 'text')).trimEnd());
          break;
        }
        const printer = format === 'pdf' ? new (await import('../export/pdf/playwrightPrinter')).PlaywrightPrinter() : undefined;
        try {
          writeFileAtomically(out!, await exportComparison(versions, format, printer ? { printer } : {}));
        } finally {
          await printer?.close();
        }
        break;
      }
      case 'delete':
      case 'restore-deleted':
        runTrashCommand(p.command, p.args[0]!, store, author, io.stdout);
        break;
      case 'comments':
      case 'comment':
      case 'review-copy':
        await runCommentCommand(p.command, p.args, p.flags, store, author, io.stdout);
        break;
      case 'backup':
        await backupVerified(db, p.args[0]!);
        break;
      case 'verify':
        return await verifyFiles(p.args, p.flags.get('--format') ?? 'text', store, db, io);
      case 'check': {
        const verdict = checkLines(checkDatabase(db));
        if (!verdict.ok) {
          for (const line of verdict.lines) io.stderr(`minuta: ${line}`);
          return 1;
        }
        io.stdout(verdict.lines[0]!);
        break;
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof HistoryUsageError) {
      io.stderr(`minuta: ${error.message}\n${USAGE}`);
      return 2;
    }
    // The CLI's one mapping of a failure: the same as the app's (storage codes from storageErrors),
    // one bounded line on stderr; an `internal` one is a bug and says so.
    const failure = error instanceof NoChromiumError ? new MinutaError('unavailable', error.message) : toMinutaError(error);
    const line = failure.message.split('\n')[0];
    io.stderr(`minuta: ${failure.code === 'internal' ? `internal error: ${line}` : line}`);
    return 1;
  } finally {
    if (db) closeQuietly(db, (e) => io.stderr(`minuta: warning: ${e.message}`));
  }
}
