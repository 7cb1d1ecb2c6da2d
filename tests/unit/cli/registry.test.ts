import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, USAGE } from '../../../src/main/cli/run';
import { COMMANDS } from '../../../src/main/cli/commands';
import { commandHelp, synopsis } from '../../../src/main/cli/help';
import { withGeneratedCliDocs } from '../../../src/main/cli/docs';
import { JSON_SHAPES } from '../../../src/main/cli/jsonShapes';
import { tempDir } from '../../support/temp';

/**
 * The registry and everything generated from it: help, usage errors (exit 2 with the usage of the
 * command concerned), completion scripts, the README. In process, with a database path that cannot
 * exist: opening it would fail, so exit 0 or 2 here also proves that nothing was opened.
 */
async function minuta(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', '/nonexistent/dir/minuta.sqlite', ...argv], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const words = (name: string) => name.split(' ');
const allOptions = [...new Set(COMMANDS.flatMap((c) => c.options.map((o) => o.name)))];

describe('help, generated from the registry', () => {
  for (const argv of [['--help'], ['-h'], ['help'], ['--json', '--help']]) {
    it(`minuta ${argv.join(' ')} prints the usage, naming every command, and exits 0`, async () => {
      const r = await minuta(...argv);
      expect(r).toEqual({ code: 0, stdout: USAGE, stderr: '' });
      for (const c of COMMANDS) expect(r.stdout).toContain(`  ${synopsis(c)}`);
    });
  }

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await minuta('--version')).toEqual({ code: 0, stdout: `minuta ${version}`, stderr: '' });
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: --help, -h and `help %s` exit 0 and explain every option', async (_name, c) => {
    for (const argv of [[...words(c.name), '--help'], [...words(c.name), '-h'], ['help', ...words(c.name)], [...words(c.name), '--bogus', '--help']]) {
      const r = await minuta(...argv);
      expect(r, argv.join(' ')).toEqual({ code: 0, stdout: commandHelp(c), stderr: '' });
    }
    const help = commandHelp(c);
    expect(help).toContain(`usage: minuta ${synopsis(c)}`);
    for (const o of c.options) expect(help).toMatch(new RegExp(`\\n  --${o.name}\\b.*\\S`));
    for (const g of ['--db', '--author', '--json', '--help']) expect(help).toContain(`  ${g}`);
  });

  it('every command declares a --json shape that exists', () => {
    for (const c of COMMANDS) expect(Object.keys(JSON_SHAPES), c.name).toContain(c.output);
  });
});

describe('wrong usage exits 2 with the usage of the command concerned', () => {
  const usageOf = (name: string) => `usage: minuta ${synopsis(COMMANDS.find((c) => c.name === name)!)}`;

  it('an unknown command, or none: the whole usage', async () => {
    for (const argv of [['frobnicate'], [], ['help', 'frobnicate'], ['--bogus', 'list'], ['completion', 'fish']]) {
      const r = await minuta(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(/^minuta: .+\nusage: minuta \[--db FILE\]/);
      expect(r.stdout).toBe('');
    }
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: an unknown option, an option of another command, a missing value, missing arguments', async (_name, c) => {
    const cases: Array<[string[], RegExp]> = [[[...words(c.name), '--no-such-option'], /unknown option --no-such-option for /]];
    const foreign = allOptions.find((o) => !c.options.some((x) => x.name === o))!;
    cases.push([[...words(c.name), `--${foreign}`, 'x'], new RegExp(`unknown option --${foreign} for ${c.name} \\(an option of `)]);
    for (const o of c.options.filter((x) => x.type !== 'boolean')) cases.push([[...words(c.name), 'ID', `--${o.name}`], new RegExp(`--${o.name} needs a value`)]);
    for (const o of c.options.filter((x) => x.type === 'boolean')) cases.push([[...words(c.name), `--${o.name}=yes`], new RegExp(`--${o.name} takes no value`)]);
    const required = c.args.filter((a) => !a.optional).length;
    if (required > 0) cases.push([[...words(c.name)], new RegExp(`^minuta: ${c.name} (takes|needs)`)]);
    if (!c.args.some((a) => a.variadic)) cases.push([[...words(c.name), ...Array.from({ length: c.args.length + 1 }, (_, i) => `arg${i}`)], /takes/]);
    for (const o of c.options.filter((x) => x.choices)) cases.push([[...words(c.name), `--${o.name}`, 'odt'], new RegExp(`unknown ${o.name} odt`)]);
    for (const [argv, message] of cases) {
      const r = await minuta(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
      expect(r.stderr, argv.join(' ')).toContain(`\n${usageOf(c.name)}\n`);
      expect(r.stdout).toBe('');
    }
  });

  it('a required option left out is named', async () => {
    expect(await minuta('create', '--title', 'T', '--date', '2026-01-05')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^minuta: create needs --template long-2018\|agreed-2019\|blank\n/) });
    expect(await minuta('export', 'm_x', '--format', 'pdf')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^minuta: export needs --out FILE\|DIR\n/) });
    expect(await minuta('create', '--template', 'blank', '--title', 'T', '--date', '2026-02-30')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^minuta: --date: /) });
    expect(await minuta('export', 'm_x', '--all', '--out', 'd')).toMatchObject({ code: 2, stderr: expect.stringMatching(/not both/) });
  });

  it('in --json mode the usage error is one JSON line on stderr', async () => {
    const r = await minuta('--json', 'list', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'invalid', message: 'unknown option --bogus for list', usage: expect.stringContaining('usage: minuta list') } });
  });
});

describe('shell completion, generated from the registry', () => {
  it('bash: valid syntax, every command, and it completes commands, options and choices', async () => {
    const r = await minuta('completion', 'bash');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`\\b${words(c.name).at(-1)}\\b`));
    const tmp = tempDir('minuta-completion-');
    try {
      const script = join(tmp.dir, 'minuta.bash');
      writeFileSync(script, r.stdout);
      expect(spawnSync('bash', ['-n', script], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
      const complete = (...line: string[]) =>
        spawnSync('bash', ['-c', `source ${script}; COMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${line.length - 1}; _minuta; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).stdout.trim().split('\n');
      expect(complete('minuta', '')).toEqual(expect.arrayContaining([...new Set(COMMANDS.map((c) => words(c.name)[0]!))]));
      expect(complete('minuta', 'exp')).toEqual(['export']);
      expect(complete('minuta', '--db', 'x.sqlite', 'verify-s')).toEqual(['verify-signatures']);
      expect(complete('minuta', 'export', 'm_1', '--fo')).toEqual(['--format']);
      expect(complete('minuta', 'export', 'm_1', '--format', '')).toEqual(['json', 'docx', 'pdf']);
      expect(complete('minuta', 'audit', 've')).toEqual(['verify']);
      expect(complete('minuta', 'create', '--template', 'a')).toEqual(['agreed-2019']);
    } finally {
      tmp.cleanup();
    }
  });

  it('zsh: every command, each with its summary', async () => {
    const r = await minuta('completion', 'zsh');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('#compdef minuta\n')).toBe(true);
    for (const c of COMMANDS.filter((x) => !x.name.includes(' '))) expect(r.stdout).toContain(`'${c.name}:`);
    // zsh is installed by scripts/setup.sh.
    const tmp = tempDir('minuta-completion-');
    try {
      writeFileSync(join(tmp.dir, '_minuta'), r.stdout);
      expect(spawnSync('zsh', ['-n', join(tmp.dir, '_minuta')], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    } finally {
      tmp.cleanup();
    }
  });
});

it('README: the usage and the --json table are those generated from the registry', () => {
  const readme = readFileSync('README.md', 'utf8');
  const generated = withGeneratedCliDocs(readme);
  if (process.env['UPDATE_README']) writeFileSync('README.md', generated);
  else expect(readme).toBe(generated);
});
