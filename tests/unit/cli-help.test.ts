import { describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../src/main/cli/run';

/** The parser's answer to a request for help: the usage on stdout, exit 0, no database opened. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // A database path that cannot exist: opening it would fail, so exit 0 proves nothing was opened.
  const code = await runCli(['--db', '/nonexistent/dir/minuta.sqlite', ...argv], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('minuta help', () => {
  for (const argv of [['--help'], ['-h'], ['help'], ['export', '--help'], ['compare', '-h'], ['sign', '--help'], ['export', 'ID', '--format', 'pdf', '--help']]) {
    it(`minuta ${argv.join(' ')} prints the usage and exits 0`, async () => {
      expect(await run(...argv)).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    });
  }

  it('a real usage error still exits 2 with the usage on stderr', async () => {
    const r = await run('export', '--format');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format needs a value');
  });
});
