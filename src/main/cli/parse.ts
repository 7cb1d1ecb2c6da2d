import { parseArgs, type ParseArgsConfig } from 'node:util';
import { excerpt } from '../../shared/errors';
import type { CommandSpec, OptionSpec, OptionValues } from './registry';

/**
 * The command line → a command of the registry and its values, with Node's own `util.parseArgs` in
 * strict mode (no dependency: it knows `--x v`, `--x=v`, booleans, repeats and `--`; what it does
 * not know — commands, positional counts, choices, required options — is declared in the registry
 * and checked here). Everything wrong is a UsageError: exit 2 with the usage of the command concerned.
 */

export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage to print; the whole usage when absent. */
    readonly command?: CommandSpec,
  ) {
    super(message);
  }
}

/** Options every command takes, before or after its name. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'db', value: 'FILE', summary: 'the database (default: MINUTA_DB, else the app’s)' },
  { name: 'author', value: 'NAME', summary: 'who changes are attributed to (default: MINUTA_AUTHOR, else the app’s name, else the login name)' },
  { name: 'json', type: 'boolean', summary: 'print JSON (one document, or one per line for lists) instead of text' },
  { name: 'help', type: 'boolean', summary: 'print this help' },
];

export type Parsed =
  | { kind: 'help'; command?: CommandSpec }
  | { kind: 'version' }
  | { kind: 'completion'; shell: 'bash' | 'zsh' }
  | { kind: 'run'; command: CommandSpec; args: string[]; options: OptionValues; globals: { db?: string; author?: string; json: boolean } };

const optionConfig = (o: OptionSpec) => ({ type: o.type ?? 'string', ...(o.multiple ? { multiple: true } : {}), ...(o.name === 'help' ? { short: 'h' } : {}) }) as const;

/** The registry's commands by name; two-word names (`audit verify`) are matched before one-word ones. */
export function findCommand(commands: readonly CommandSpec[], words: readonly string[]): CommandSpec | undefined {
  const two = words.length >= 2 ? commands.find((c) => c.name === `${words[0]} ${words[1]}`) : undefined;
  return two ?? commands.find((c) => c.name === words[0]);
}

/** parseArgs' own messages are long and quote the input; ours name the option and stay one line. */
function usageMessage(error: Error & { code?: string }, command: CommandSpec, commands: readonly CommandSpec[]): string {
  const quoted = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
  const option = excerpt(quoted.replace(/=.*$/, ''), 40);
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const owners = commands.filter((c) => c.options.some((o) => `--${o.name}` === option)).map((c) => c.name);
      return `unknown option ${option} for ${command.name}${owners.length ? ` (an option of ${owners.slice(0, 4).join(', ')})` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(error.message)) return `${option} needs a value`;
      if (/does not take an argument/.test(error.message)) return `${option} takes no value`;
      if (/ambiguous/.test(error.message)) return `${option} needs a value (write ${option}=VALUE for a value starting with -)`;
      return `${option}: ${excerpt(error.message.split('\n')[0]!, 120)}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `${command.name} takes no argument`;
    default:
      return excerpt(error.message.split('\n')[0]!, 160);
  }
}

function argsProblem(command: CommandSpec, args: readonly string[]): string | undefined {
  const required = command.args.filter((a) => !a.optional).length;
  const variadic = command.args.some((a) => a.variadic);
  const max = variadic ? Infinity : command.args.length;
  if (args.length >= required && args.length <= max) return undefined;
  if (command.args.length === 0) return `${command.name} takes no argument`;
  return `${command.name} takes ${command.takes ?? command.args.map((a) => (a.optional ? `[${a.name}]` : `${a.name}${a.variadic ? '…' : ''}`)).join(' ')}`;
}

function requiredProblem(command: CommandSpec, values: OptionValues): string | undefined {
  for (const o of command.options) {
    const v = values[o.name];
    if (o.required && (v === undefined || v === '')) return `${command.name} needs --${o.name} ${o.value ?? o.choices?.join('|') ?? ''}`.trimEnd();
  }
  return undefined;
}

function choiceProblem(command: CommandSpec, values: OptionValues): string | undefined {
  for (const o of command.options) {
    const v = values[o.name];
    if (o.choices && v !== undefined) {
      for (const one of typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : []) {
        if (!o.choices.includes(one)) return `unknown ${o.name} ${excerpt(one, 30)} (--${o.name} ${o.choices.join('|')})`;
      }
    }
  }
  return undefined;
}

export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[]): Parsed {
  // Global options before the command name; `--version` only there (export has its own --version).
  const globals: { db?: string; author?: string; json: boolean } = { json: false };
  let i = 0;
  let help = false;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') help = true;
    else if (a === '--version' || a === '-V') return { kind: 'version' };
    else if (a === '--json') globals.json = true;
    else if (/^--(db|author)(=|$)/.test(a)) {
      const name = a.slice(2).replace(/=.*$/, '') as 'db' | 'author';
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (value === undefined || (!a.includes('=') && value.startsWith('-'))) throw new UsageError(`--${name} needs a value`);
      globals[name] = value;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${excerpt(a.replace(/=.*$/, ''), 40)} (put a command's options after its name)`);
    else break;
  }
  const words = argv.slice(i);
  if (words.length === 0) {
    if (help) return { kind: 'help' };
    throw new UsageError('no command given');
  }
  if (words[0] === 'help') {
    if (words.length === 1 || words[1] === 'help' || words[1] === 'completion') return { kind: 'help' };
    const command = findCommand(commands, words.slice(1));
    if (!command) throw new UsageError(`unknown command ${excerpt(words.slice(1).join(' '), 40)}`);
    return { kind: 'help', command };
  }
  if (words[0] === 'completion') {
    if (words[1] === '--help' || words[1] === '-h') return { kind: 'help' };
    if (words.length !== 2 || (words[1] !== 'bash' && words[1] !== 'zsh')) throw new UsageError('completion takes bash or zsh');
    return { kind: 'completion', shell: words[1] };
  }
  const command = findCommand(commands, words);
  if (!command) throw new UsageError(`unknown command ${excerpt(words[0]!, 40)}`);
  const rest = words.slice(command.name.split(' ').length);
  // Asking for help is never an error, wherever it stands and whatever else is wrong.
  if (help || rest.some((a) => a === '--help' || a === '-h')) return { kind: 'help', command };

  const options: ParseArgsConfig['options'] = {};
  for (const o of [...GLOBAL_OPTIONS, ...command.options]) options[o.name] = optionConfig(o);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error & { code?: string }, command, commands), command);
  }
  const values = { ...parsed.values } as Record<string, string | boolean | string[] | undefined>;
  for (const g of ['db', 'author'] as const) {
    if (typeof values[g] === 'string') globals[g] = values[g];
    delete values[g];
  }
  if (values['json'] === true) globals.json = true;
  delete values['json'];
  delete values['help'];
  const args = parsed.positionals;
  const problem = choiceProblem(command, values) ?? argsProblem(command, args) ?? requiredProblem(command, values) ?? command.check?.(args, values);
  if (problem) throw new UsageError(problem, command);
  return { kind: 'run', command, args, options: values, globals };
}
