import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../support/temp';

/**
 * README's worked example ("Command line" → "Worked example"), run line by line exactly as written:
 * each `minuta …` line as its own process of the built bin/minuta.js, every other line through bash,
 * in one folder with a real database file. `# → TEXT`: exit 0 and TEXT on stdout; `# ⇒ N: TEXT`:
 * exit N and TEXT on stderr; neither: exit 0. The README cannot drift from what the CLI does.
 */

const BIN = resolve('bin/minuta.js');
let tmp: ReturnType<typeof tempDir>;

interface Step {
  line: string;
  command: string;
  expect: { code: number; stream: 'stdout' | 'stderr'; text: string } | undefined;
}

/** The sh block under the "Worked example" heading, one step per line. */
export function exampleSteps(readme: string): Step[] {
  const section = readme.slice(readme.indexOf('### Worked example'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README has no worked example');
  return block
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const ok = /^(.*?)\s+# → (.*)$/.exec(line);
      const fails = /^(.*?)\s+# ⇒ (\d): (.*)$/.exec(line);
      if (ok) return { line, command: ok[1]!, expect: { code: 0, stream: 'stdout', text: ok[2]! } };
      if (fails) return { line, command: fails[1]!, expect: { code: Number(fails[2]), stream: 'stderr', text: fails[3]! } };
      return { line, command: line, expect: undefined };
    });
}

beforeAll(() => {
  expect(existsSync('out/main/cli.js'), 'run npm run build first').toBe(true);
  tmp = tempDir('minuta-example-');
  mkdirSync(join(tmp.dir, 'tests/fixtures'), { recursive: true });
  copyFileSync('tests/fixtures/minutes-2019.minuta.json', join(tmp.dir, 'tests/fixtures/minutes-2019.minuta.json'));
});
afterAll(() => tmp.cleanup());

it('README: the worked example takes the 2019 minutes from import to a sealed, signed and verified PDF', () => {
  const steps = exampleSteps(readFileSync('README.md', 'utf8'));
  expect(steps.filter((s) => s.command.startsWith('minuta ')).length).toBeGreaterThan(10);
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PWD: tmp.dir };
  delete env['MINUTA_DB'];
  delete env['MINUTA_AUTHOR'];
  for (const step of steps) {
    let r: { status: number | null; stdout: string; stderr: string };
    if (step.command.startsWith('export ')) {
      // The environment for the steps after: bash evaluates the assignment, as a reader's shell would.
      const out = spawnSync('bash', ['-c', `${step.command} && env -0`], { cwd: tmp.dir, env, encoding: 'utf8' });
      for (const pair of out.stdout.split('\0').filter(Boolean)) {
        const eq = pair.indexOf('=');
        env[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      r = out;
    } else if (step.command.startsWith('minuta ')) {
      // The shell's word splitting and quoting, then the real bin as its own process.
      const words = spawnSync('bash', ['-c', `printf '%s\\0' ${step.command.slice('minuta '.length)}`], { cwd: tmp.dir, env, encoding: 'utf8' });
      const argv = words.stdout.split('\0').slice(0, -1);
      r = spawnSync(process.execPath, [BIN, ...argv], { cwd: tmp.dir, env, encoding: 'utf8', timeout: 120_000 });
    } else {
      r = spawnSync('bash', ['-c', step.command], { cwd: tmp.dir, env, encoding: 'utf8' });
    }
    const expected = step.expect ?? { code: 0, stream: 'stdout' as const, text: '' };
    expect({ line: step.line, code: r.status }, r.stderr).toEqual({ line: step.line, code: expected.code });
    expect(r[expected.stream], step.line).toContain(expected.text);
  }
  // What the example claims, checked with the users' own tools too.
  expect(env['MINUTA_DB']).toBe(join(tmp.dir, 'example.sqlite'));
  const pdfsig = spawnSync('pdfsig', [join(tmp.dir, 'signed.pdf')], { encoding: 'utf8' });
  expect(pdfsig.stdout).toMatch(/Signature Field Name: Head of Cambodia Delegation[\s\S]*Signer Certificate Common Name: Keo Sophal[\s\S]*Signature Validation: Signature is Valid/);
  const text = spawnSync('pdftotext', [join(tmp.dir, 'signed.pdf'), '-'], { encoding: 'utf8' }).stdout;
  expect(text).toContain('Siem Reap Province');
  expect(text).not.toMatch(/DRAFT/);
}, 300_000);
