import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readMinutesBundle } from '../interchange/minutesFile';
import { homedir, userInfo } from 'node:os';
import { serializeInterchange } from '../../shared/minutes';
import { closeQuietly, openDatabase } from '../store/db';
import { toMinutaError } from '../store/storageErrors';
import { writeFileAtomically } from '../files/writeAtomically';
import { MinutaError } from '../../shared/errors';
import { createMeetingStore } from '../store/meetings';
import { backupDatabase } from '../store/backup';
import { checkDatabase, type CheckReport } from '../store/integrity';
import { defaultUserDataDir, resolveDatabasePath } from '../paths';
import { SIGNOFF_COMMANDS, SIGNOFF_USAGE } from '../signoff/commands';
import { type ComparisonFormat, compareVersions, exportComparison } from '../export/comparison';
import { ExportWorker } from '../export/worker/client';
import { NoChromiumError } from '../export/pdf/chromium';
import { COMMENT_COMMANDS, COMMENT_USAGE, checkCommentArgs, runCommentCommand } from './comments';

export const USAGE = `usage: minuta [--db FILE] [--author NAME] <command>
  import FILE.minuta.json                 add a meeting; prints its id
  list                                    id<TAB>date<TAB>title, one line per meeting
  search "QUERY"                          id<TAB>title<TAB>snippet, best first
  export ID --format json|docx|pdf --out FILE
                                          write a meeting as an interchange file, a Word
                                          document or a PDF with signature fields (PDF needs
                                          Chromium, Chrome or Edge; MINUTA_CHROMIUM=path)
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
const COMMAND_FLAGS: Record<string, ReadonlySet<string>> = {
  export: new Set(['--format', '--out']),
  compare: new Set(['--format', '--out']),
  ...COMMENT_COMMANDS,
  ...SIGNOFF_COMMANDS,
};

function parse(argv: readonly string[]): Parsed {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else positional.push(a);
  }
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

/** The whole CLI as a function: the bin calls it with the process's argv, tests call it directly. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv);
    if (!['import', 'list', 'search', 'export', 'compare', 'backup', 'check', 'help', ...Object.keys(COMMENT_COMMANDS), ...Object.keys(SIGNOFF_COMMANDS)].includes(parsed.command)) {
      throw new UsageError(`unknown command ${parsed.command}`);
    }
    // Signing and verifying work on files only: no database is opened.
    if (Object.hasOwn(SIGNOFF_COMMANDS, parsed.command)) {
      return await (await import('../signoff/cli')).runSignoffCommand(parsed.command, parsed.args, parsed.flags, io);
    }
  } catch (error) {
    io.stderr(`minuta: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }

  const dbPath = resolveDatabasePath(argv, io.env, defaultUserDataDir(process.platform, io.env, homedir()));
  const author = parsed.flags.get('--author') ?? io.env['MINUTA_AUTHOR'] ?? userInfo().username;
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    const p = parsed;
    // Validate the command line fully before touching the database.
    if (p.command === 'import' || p.command === 'search' || p.command === 'backup') expectArgs(p, 1, 'one argument');
    if (p.command === 'list' || p.command === 'check') expectArgs(p, 0, 'no argument');
    if (p.command === 'export') {
      expectArgs(p, 1, 'a meeting id');
      if (!p.flags.has('--out')) throw new UsageError('export needs --out FILE');
      const format = p.flags.get('--format') ?? 'json';
      if (!['json', 'docx', 'pdf'].includes(format)) throw new UsageError(`unknown format ${format} (json, docx, pdf)`);
    }
    if (p.command === 'compare') {
      expectArgs(p, 3, 'a meeting id and two versions');
      const format = p.flags.get('--format') ?? 'text';
      if (!['text', 'docx', 'pdf'].includes(format)) throw new UsageError(`unknown format ${format} (text, docx, pdf)`);
      if (format !== 'text' && !p.flags.has('--out')) throw new UsageError(`compare --format ${format} needs --out FILE`);
    }
    if (Object.hasOwn(COMMENT_COMMANDS, p.command)) {
      const problem = checkCommentArgs(p.command, p.args, p.flags);
      if (problem) throw new UsageError(problem);
    }
    const bundle = p.command === 'import' ? readMinutesBundle(p.args[0]!) : undefined;

    db = openDatabase(dbPath);
    const store = createMeetingStore(db);
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
        if (format === 'json') {
          writeFileAtomically(p.flags.get('--out')!, serializeInterchange(found.meeting, store.comments.list(found.id)));
          break;
        }
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
      case 'comments':
      case 'comment':
      case 'review-copy':
        await runCommentCommand(p.command, p.args, p.flags, store, author, io.stdout);
        break;
      case 'backup':
        await backupVerified(db, p.args[0]!);
        break;
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
    if (error instanceof UsageError) {
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
