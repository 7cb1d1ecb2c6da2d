import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURES, tempDir } from '../support/temp';

/**
 * The 2018 minutes as their readers get them: routing steps recorded with the CLI (as they happen)
 * print with their dates and the people who signed them, and a corrigendum of the sealed minutes
 * prints "Corrigendum to …" above its title — read back from the real PDF with pdftotext.
 */
const BIN = resolve('bin/minuta.js');
let tmp: ReturnType<typeof tempDir>;
let db: string;

beforeEach(() => {
  expect(existsSync('out/main/cli.js'), 'run npm run build first').toBe(true);
  tmp = tempDir('minuta-routing-');
  db = join(tmp.dir, 'minuta.sqlite');
});
afterEach(() => tmp.cleanup());

function minuta(author: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, '--db', db, '--author', author, ...args], { encoding: 'utf8' });
  expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout.trim();
}

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');

describe('routing steps and corrigenda in print', () => {
  it('prints recorded routing steps with their dates and people, and a corrigendum as "Corrigendum to …"', { timeout: 120_000 }, () => {
    const id = minuta('Sokha Chan', 'import', FIXTURES[2018]);
    const before = join(tmp.dir, 'before.pdf');
    minuta('Sokha Chan', 'export', id, '--format', 'pdf', '--out', before);
    expect(pdfText(before)).not.toMatch(/Keo Sophal/);

    minuta('Sokha Chan', 'route', id, '--step', '1', '--date', '2018-05-29', '--by', 'Keo Sophal');
    minuta('Sokha Chan', 'route', id, '--step', '2', '--date', '2018-06-04');
    const after = join(tmp.dir, 'after.pdf');
    minuta('Sokha Chan', 'export', id, '--format', 'pdf', '--out', after);
    const text = pdfText(after);
    expect(text).toMatch(/Phnom Penh, 29 May 2018/);
    expect(text).toMatch(/Keo Sophal,\s+Minute taker/);
    expect(text).toMatch(/Phnom Penh, 4 June 2018/);
    // Step 2's signer is in the register (p_18chou): the name printed is the register's.
    expect(text).toMatch(/H\.E Chou Bun Eng, Permanent Vice Chair\s+of NCCT/);
    expect(text).not.toMatch(/28 May 2018|31 May 2018/);
    expect(minuta('Sokha Chan', 'audit', id).split('\n').filter((l) => l.includes('\trouting-step\t'))).toHaveLength(2);

    minuta('Sokha Chan', 'submit', id);
    minuta('Bounmy Phommachanh', 'approve', id);
    minuta('Sokha Chan', 'seal', id);
    const corrigendum = minuta('Sokha Chan', 'corrigendum', id);
    const file = join(tmp.dir, 'corrigendum.pdf');
    minuta('Sokha Chan', 'export', corrigendum, '--format', 'pdf', '--out', file);
    const first = pdfText(file).split('\f')[0]!.replace(/\s+/g, ' ');
    expect(first).toMatch(/^DRAFT Corrigendum to Technical Consultation Meeting among the three migrant sending countries; .* Human Trafficking \(Approved \d{4}-\d\d-\d\d by Bounmy Phommachanh\) Meeting Minute Technical Consultation/);
  });
});
