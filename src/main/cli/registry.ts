import type { z } from 'zod';
import type { Db } from '../store/db';
import type { MeetingStore } from '../store/meetings';

/**
 * The CLI's one registry: every command declares its name, summary, positional arguments, options and
 * handler here, and the parser (parse.ts), the usage and help texts, the shell completion scripts
 * (help.ts), the README's command list and the --help and --json tests are all generated from it.
 *
 * Adding a command is a declaration in a module's list (see commands/index.ts):
 *
 *   defineCommand({
 *     name: 'suggestions', summary: 'list the review suggestions', group: 'Review',
 *     args: [{ name: 'ID' }],
 *     options: [{ name: 'from', value: 'AUTHOR', summary: 'only those made by AUTHOR' }],
 *     output: 'suggestions',                      // its --json shape, in jsonShapes.ts
 *     run: (ctx) => { for (const s of …) ctx.print(s, `${s.id}\t…`); },
 *   })
 */

export interface OptionSpec {
  /** Without the dashes: `format` is `--format`. */
  name: string;
  /** A flag (`--force`) or an option taking a value (the default). */
  type?: 'string' | 'boolean';
  /** The value's placeholder in the usage (`FILE`); `choices` are shown instead when given. */
  value?: string;
  choices?: readonly string[];
  /** Always needed (exit 2 naming it when missing). Conditional needs go in `check`. */
  required?: boolean;
  /** May be given more than once; the handler gets every value. */
  multiple?: boolean;
  summary: string;
}

export interface ArgSpec {
  /** As shown in the usage: `ID`, `FILE.minuta.json`. */
  name: string;
  optional?: boolean;
  /** One or more (the last argument only): `FILE…`. */
  variadic?: boolean;
}

/** What a command's options parsed to, by name (without dashes). */
export type OptionValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: progress is shown only then (never in --json mode). */
  stderrIsTty?: boolean;
}

export interface CommandContext {
  /** Positional arguments after the command name. */
  readonly args: readonly string[];
  readonly options: OptionValues;
  /** A string option's value. */
  string(name: string): string | undefined;
  /** The options as the old hand-parsed commands took them: `--name` → value (string options only). */
  readonly flags: ReadonlyMap<string, string>;
  readonly json: boolean;
  readonly io: CliIo;
  /** --author, else MINUTA_AUTHOR, else the app's "Who am I" name, else the OS login name. */
  readonly author: string;
  /** The database path (--db, else MINUTA_DB, else the app's). */
  readonly dbPath: string;
  /** Whether --db was given (`sign --db` records the signature only then). */
  readonly dbGiven: boolean;
  /** Opens the database on first use (closed by the runner after the command). */
  open(): { db: Db; store: MeetingStore };
  /** Closes the database early (before a long export, so it is not held open). */
  close(): void;
  /**
   * One result: `value` is what --json prints (checked against the command's declared shape), `text`
   * the line(s) the text mode prints (nothing when absent).
   */
  print(value: unknown, text?: string | readonly string[]): void;
  /** Reports a failure as the CLI does (one line, or the JSON error) without ending the command. */
  fail(error: unknown): void;
  /** A progress line on stderr, shown only when stderr is a terminal and not in --json mode. */
  progress(line: string): void;
}

export interface CommandSpec {
  /** One word, or two for a sub-command (`audit verify`). */
  name: string;
  summary: string;
  /** Further lines of help (what it prints, exit codes). */
  details?: string;
  /** Heading under which the usage lists it. */
  group: string;
  args: readonly ArgSpec[];
  /** The arguments in words, for the message when they are wrong ("a meeting id and two versions"). */
  takes?: string;
  options: readonly OptionSpec[];
  /**
   * The shape of its --json output (a key of JSON_SHAPES): `document` commands print one JSON
   * document, `lines` commands one JSON document per line.
   */
  output: string;
  /** A usage problem the declaration cannot say (exclusive options, a number's form); exit 2. */
  check?(args: readonly string[], options: OptionValues): string | undefined;
  /** Returns the exit code (0 when nothing is returned). MinutaErrors thrown exit 1. */
  run(ctx: CommandContext): Promise<number | void> | number | void;
}

export const defineCommand = (spec: CommandSpec): CommandSpec => spec;

/** What an old-style module's `checkXArgs(command, args, flags)` and `runXCommand(…)` take. */
type LegacyFlags = ReadonlyMap<string, string>;

/**
 * `--name` → value, as the old hand-written parser gave them: a string option's value, a flag given as
 * "true" (so `flags.has('--all')` holds), a repeated option's last value.
 */
export function legacyFlags(options: OptionValues): Map<string, string> {
  const flags = new Map<string, string>();
  for (const [name, value] of Object.entries(options)) {
    if (typeof value === 'string') flags.set(`--${name}`, value);
    else if (value === true) flags.set(`--${name}`, 'true');
    else if (Array.isArray(value) && value.length > 0) flags.set(`--${name}`, value.at(-1)!);
  }
  return flags;
}

/**
 * A command module written for the old run.ts, declared in the registry without rewriting it:
 *   defineCommand({ name: 'suggestions', …args, options…, output: 'text',
 *     check: legacyCheck('suggestions', checkReviewArgs),
 *     run: legacyRun('suggestions', runReviewCommand) })
 * Its stdout lines print as before; in --json mode each becomes {"line": "…"} (the `text` shape) until
 * the command prints values of a shape of its own (`ctx.print(value, line)`).
 */
export function legacyCheck(name: string, check: (command: string, args: readonly string[], flags: LegacyFlags) => string | undefined | void) {
  return (args: readonly string[], options: OptionValues): string | undefined => check(name, args, legacyFlags(options)) ?? undefined;
}

export function legacyRun(
  name: string,
  run: (command: string, args: readonly string[], flags: LegacyFlags, store: MeetingStore, author: string, stdout: (line: string) => void) => unknown,
): CommandSpec['run'] {
  return async (ctx) => {
    const code = await run(name, ctx.args, ctx.flags, ctx.open().store, ctx.author, (line) => ctx.print({ line }, line));
    return typeof code === 'number' ? code : 0;
  };
}

/** A zod schema per output name; `lines`: each printed value is one line. */
export interface JsonShape {
  kind: 'document' | 'lines';
  schema: z.ZodType;
  /** One sentence for the README's table. */
  summary: string;
}
