import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { homedir, userInfo } from 'node:os';
import { MinutaError, excerpt } from '../../shared/errors';
import { authorOf } from '../../shared/settings/settings';
import { closeQuietly, openDatabase, type Db } from '../store/db';
import { createMeetingStore, type MeetingStore } from '../store/meetings';
import { toMinutaError } from '../store/storageErrors';
import { NoChromiumError } from '../export/pdf/chromium';
import { defaultUserDataDir, resolveDatabasePath } from '../paths';
import { loadSettings, settingsPathIn } from '../settings/settingsFile';
import { COMMANDS } from './commands';
import { bashCompletion, commandHelp, synopsis, usage, zshCompletion } from './help';
import { JSON_SHAPES, type ShapeName } from './jsonShapes';
import { parseCommandLine, UsageError, type Parsed } from './parse';
import { legacyFlags, type CliIo, type CommandContext, type CommandSpec } from './registry';

export type { CliIo } from './registry';

/** `minuta --help`: generated from the registry. */
export const USAGE = usage(COMMANDS);

/** The version of the package this CLI was built from (package.json, found above this module). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'minuta' && pkg.version) return pkg.version;
  }
  return 'unknown';
}

/** The CLI's one mapping of a failure, as the app's (storage codes from storageErrors). */
function failureOf(error: unknown): MinutaError {
  return error instanceof NoChromiumError ? new MinutaError('unavailable', error.message) : toMinutaError(error);
}

/** One line on stderr: "minuta: …" (an `internal` one is a bug and says so), or the JSON error. */
function reportFailure(error: unknown, io: CliIo, json: boolean): void {
  const failure = failureOf(error);
  const line = failure.message.split('\n')[0]!;
  if (json) io.stderr(JSON.stringify({ error: { code: failure.code, message: line, ...(failure.path !== undefined ? { path: failure.path } : {}) } }));
  else io.stderr(`minuta: ${failure.code === 'internal' ? `internal error: ${line}` : line}`);
}

/** Wrong usage: exit 2 with the usage of the command concerned (the whole usage when there is none). */
function usageFailure(error: UsageError, io: CliIo, json: boolean): number {
  const text = error.command ? `usage: minuta ${synopsis(error.command)}\n(\`minuta help ${error.command.name}\` explains each option)` : USAGE;
  if (json) io.stderr(JSON.stringify({ error: { code: 'invalid', message: error.message, usage: text } }));
  else io.stderr(`minuta: ${error.message}\n${text}`);
  return 2;
}

/** The author: --author, else MINUTA_AUTHOR, else the app's "Who am I" name, else the OS login name. */
function authorFor(flag: string | undefined, env: CliIo['env'], userDataDir: string): string {
  return flag ?? (env['MINUTA_AUTHOR'] || authorOf(loadSettings(settingsPathIn(userDataDir)).settings, userInfo().username));
}

async function runCommand(parsed: Extract<Parsed, { kind: 'run' }>, io: CliIo): Promise<number> {
  const { command, args, options, globals } = parsed;
  const shape = JSON_SHAPES[command.output as ShapeName];
  const userDataDir = defaultUserDataDir(process.platform, io.env, homedir());
  // The app's own rule (--db, else MINUTA_DB, else the user-data folder's minuta.sqlite).
  const dbPath = resolveDatabasePath(globals.db !== undefined ? ['--db', globals.db] : [], io.env, userDataDir);
  let opened: { db: Db; store: MeetingStore } | undefined;
  const close = () => {
    if (opened) closeQuietly(opened.db, (e) => io.stderr(`minuta: warning: ${e.message}`));
    opened = undefined;
  };
  const flags = legacyFlags(options);
  const ctx: CommandContext = {
    args,
    options,
    string: (name) => (typeof options[name] === 'string' ? options[name] : undefined),
    flags,
    json: globals.json,
    io,
    author: authorFor(globals.author, io.env, userDataDir),
    dbPath,
    dbGiven: globals.db !== undefined,
    open: () => {
      if (!opened) {
        const db = openDatabase(dbPath);
        opened = { db, store: createMeetingStore(db) };
      }
      return opened;
    },
    close,
    print: (value, text) => {
      if (globals.json) {
        if (value === undefined) return;
        // What is printed is what a script parses: checked after the JSON round trip (dates become strings).
        const plain: unknown = JSON.parse(JSON.stringify(value));
        const checked = shape.schema.safeParse(plain);
        if (!checked.success) throw new MinutaError('internal', `${command.name} --json: the output does not match its documented shape (${excerpt(checked.error.message, 300)})`);
        io.stdout(JSON.stringify(plain));
      } else if (text !== undefined) {
        for (const line of typeof text === 'string' ? [text] : text) io.stdout(line);
      }
    },
    fail: (error) => reportFailure(error, io, globals.json),
    progress: (line) => {
      if (!globals.json && io.stderrIsTty) io.stderr(line);
    },
  };
  try {
    return (await command.run(ctx)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(error, io, globals.json);
    reportFailure(error, io, globals.json);
    return 1;
  } finally {
    close();
  }
}

/** The whole CLI as a function: the bin calls it with the process's argv, tests call it directly. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CommandSpec[] = COMMANDS): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseCommandLine(argv, commands);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // --json before or after the command: the error is JSON too.
    return usageFailure(error, io, argv.includes('--json'));
  }
  switch (parsed.kind) {
    case 'help':
      io.stdout(parsed.command ? commandHelp(parsed.command) : commands === COMMANDS ? USAGE : usage(commands));
      return 0;
    case 'version':
      io.stdout(`minuta ${packageVersion()}`);
      return 0;
    case 'completion':
      io.stdout((parsed.shell === 'bash' ? bashCompletion : zshCompletion)(commands).trimEnd());
      return 0;
    case 'run':
      return runCommand(parsed, io);
  }
}
