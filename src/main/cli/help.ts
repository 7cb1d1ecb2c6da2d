import { GLOBAL_OPTIONS } from './parse';
import type { ArgSpec, CommandSpec, OptionSpec } from './registry';

/**
 * Texts generated from the registry: the usage (`minuta --help`), one command's help (`minuta help X`,
 * `minuta X --help`), and the bash and zsh completion scripts (`minuta completion bash|zsh`). Nothing
 * here names a command: a command added to the registry appears in all of them.
 */

const WIDTH = 100;
const COLUMN = 42;

const argText = (a: ArgSpec) => (a.optional ? `[${a.name}${a.variadic ? '…' : ''}]` : `${a.name}${a.variadic ? '…' : ''}`);
const optionValue = (o: OptionSpec) => (o.type === 'boolean' ? '' : ` ${o.choices ? o.choices.join('|') : (o.value ?? 'VALUE')}`);
const optionText = (o: OptionSpec) => {
  const text = `--${o.name}${optionValue(o)}${o.multiple ? '…' : ''}`;
  return o.required ? text : `[${text}]`;
};

/** `export ID --out FILE [--format json|docx|pdf] …`: required options first, as a user types them. */
export function synopsis(c: CommandSpec): string {
  const options = [...c.options.filter((o) => o.required), ...c.options.filter((o) => !o.required)];
  return [c.name, ...c.args.map(argText), ...options.map(optionText)].join(' ');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A left column and its description, wrapped in the right one. */
function row(left: string, right: string, indent = 2): string[] {
  const text = wrap(right, WIDTH - COLUMN);
  const pad = ' '.repeat(COLUMN);
  const head = `${' '.repeat(indent)}${left}`;
  if (head.length < COLUMN - 1) return [`${head.padEnd(COLUMN)}${text[0] ?? ''}`.trimEnd(), ...text.slice(1).map((t) => pad + t)];
  return [head, ...text.map((t) => pad + t)];
}

export function usage(commands: readonly CommandSpec[]): string {
  const lines = ['usage: minuta [--db FILE] [--author NAME] [--json] <command> [arguments] [options]', '       minuta help COMMAND | COMMAND --help | --version | completion bash|zsh'];
  const groups = [...new Set(commands.map((c) => c.group))];
  for (const group of groups) {
    lines.push('', `${group}:`);
    for (const c of commands.filter((x) => x.group === group)) lines.push(...row(synopsis(c), c.summary));
  }
  lines.push('', 'Every command takes:');
  for (const o of GLOBAL_OPTIONS) lines.push(...row(`--${o.name}${optionValue(o)}`, o.summary));
  lines.push('', 'Exit codes: 0 ok, 1 a user error (one line on stderr), 2 wrong usage; verify and verify-signatures:', '0 all good, 1 one is not, 2 one cannot be read. `minuta help COMMAND` tells more.');
  return lines.join('\n');
}

export function commandHelp(c: CommandSpec): string {
  const lines = [`usage: minuta ${synopsis(c)}`, '', ...wrap(c.summary, WIDTH)];
  if (c.details) lines.push('', ...c.details.split('\n').flatMap((p) => wrap(p, WIDTH)));
  if (c.options.length > 0) {
    lines.push('', 'Options:');
    for (const o of c.options) lines.push(...row(`--${o.name}${optionValue(o)}`, `${o.summary}${o.required ? ' (required)' : ''}${o.multiple ? ' (repeatable)' : ''}`));
  }
  lines.push('', 'Every command takes:');
  for (const o of GLOBAL_OPTIONS) lines.push(...row(`--${o.name}${optionValue(o)}`, o.summary));
  return lines.join('\n');
}

/** An option whose value is a path: completed with file names. */
const takesPath = (o: OptionSpec) => o.type !== 'boolean' && !o.choices && /FILE|DIR/.test(o.value ?? '');

const shellWord = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');

export function bashCompletion(commands: readonly CommandSpec[]): string {
  const top = [...new Set(commands.map((c) => c.name.split(' ')[0]!)), 'help', 'completion'];
  const globals = GLOBAL_OPTIONS.map((o) => `--${o.name}`).join(' ');
  const cases = [...new Set(commands.map((c) => c.name.split(' ')[0]!))].map((word) => {
    const family = commands.filter((c) => c.name.split(' ')[0] === word);
    const subs = family.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[1]!);
    const options = [...new Set(family.flatMap((c) => c.options.map((o) => `--${o.name}`)))].join(' ');
    const choices = family.flatMap((c) => c.options.filter((o) => o.choices).map((o) => `      --${o.name}) COMPREPLY=($(compgen -W "${o.choices!.join(' ')}" -- "$cur")); return ;;`));
    const paths = [...new Set(family.flatMap((c) => c.options.filter(takesPath).map((o) => `--${o.name}`)))];
    return [
      `    ${shellWord(word)})`,
      `      opts="${options}"; subs="${subs.join(' ')}"`,
      ...(choices.length || paths.length ? ['      case "$prev" in', ...[...new Set(choices)], ...(paths.length ? [`      ${paths.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`] : []), '      esac'] : []),
      '      ;;',
    ].join('\n');
  });
  return `# bash completion for minuta (generated by \`minuta completion bash\`; source it from ~/.bashrc)
_minuta() {
  local cur prev cmd="" i opts="" subs=""
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --db|--author) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$prev" in
    --db) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --author) return ;;
  esac
  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W "${top.join(' ')} ${globals} --version" -- "$cur"))
    return
  fi
  case "$cmd" in
${cases.join('\n')}
    help) COMPREPLY=($(compgen -W "${top.join(' ')}" -- "$cur")); return ;;
    completion) COMPREPLY=($(compgen -W "bash zsh" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts ${globals}" -- "$cur"))
  elif [[ -n "$subs" && "$prev" == "$cmd" ]]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur") $(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _minuta minuta
`;
}

/** `'name:summary'` for _describe: the colon in a name or summary escaped, quotes closed and reopened. */
const zshDescribe = (name: string, summary: string) => `'${[name, summary].map((s) => s.replace(/'/g, `'\\''`).replace(/:/g, '\\:')).join(':')}'`;

export function zshCompletion(commands: readonly CommandSpec[]): string {
  const firsts = [...new Set(commands.map((c) => c.name.split(' ')[0]!))];
  const described = firsts.map((w) => zshDescribe(w, commands.find((c) => c.name.split(' ')[0] === w)!.summary));
  const globals = GLOBAL_OPTIONS.map((o) => `--${o.name}`).join(' ');
  const cases = firsts.map((word) => {
    const family = commands.filter((c) => c.name.split(' ')[0] === word);
    const subs = family.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[1]!);
    const options = [...new Set(family.flatMap((c) => c.options.map((o) => `--${o.name}`)))].join(' ');
    const choices = [...new Set(family.flatMap((c) => c.options.filter((o) => o.choices).map((o) => `        --${o.name}) compadd -- ${o.choices!.join(' ')}; return ;;`)))];
    const paths = [...new Set(family.flatMap((c) => c.options.filter(takesPath).map((o) => `--${o.name}`)))];
    return [
      `    ${shellWord(word)})`,
      `      opts=(${options}); subs=(${subs.join(' ')})`,
      ...(choices.length || paths.length ? ['      case $prev in', ...choices, ...(paths.length ? [`        ${paths.join('|')}) _files; return ;;`] : []), '      esac'] : []),
      '      ;;',
    ].join('\n');
  });
  return `#compdef minuta
# zsh completion for minuta (generated by \`minuta completion zsh\`): save it as _minuta in a folder of
# $fpath, or source it after compinit.
_minuta() {
  local cmd="" prev="\${words[CURRENT-1]}" i
  local -a opts subs commands
  commands=(
${described.map((d) => `    ${d}`).join('\n')}
    'help:help on a command'
    'completion:print a completion script'
  )
  for ((i = 2; i < CURRENT; i++)); do
    case $words[i] in
      --db|--author) ((i++)) ;;
      -*) ;;
      *) cmd=$words[i]; break ;;
    esac
  done
  case $prev in
    --db) _files; return ;;
    --author) return ;;
  esac
  if [[ -z $cmd ]]; then
    if [[ $PREFIX == -* ]]; then compadd -- ${globals} --version; else _describe 'command' commands; fi
    return
  fi
  case $cmd in
${cases.join('\n')}
    help) _describe 'command' commands; return ;;
    completion) compadd -- bash zsh; return ;;
  esac
  if [[ $PREFIX == -* ]]; then
    compadd -- $opts ${globals}
  elif (( \${#subs} )) && [[ $prev == $cmd ]]; then
    compadd -- $subs; _files
  else
    _files
  fi
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _minuta "$@"; else compdef _minuta minuta; fi
`;
}
