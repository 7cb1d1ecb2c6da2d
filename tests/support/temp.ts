import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseInterchange, type Meeting } from '../../src/shared/minutes';

/** A fresh folder per test, removed by the returned cleanup. */
export function tempDir(prefix = 'minuta-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const FIXTURES = {
  2018: 'tests/fixtures/minutes-2018.minuta.json',
  2019: 'tests/fixtures/minutes-2019.minuta.json',
} as const;

export function loadFixture(year: keyof typeof FIXTURES): Meeting {
  const parsed = parseInterchange(readFileSync(FIXTURES[year], 'utf8'));
  if (!parsed.ok) throw new Error(`fixture ${year} is invalid: ${parsed.errors.join('; ')}`);
  return parsed.meeting;
}
