import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { METHOD_NAMES } from '../../src/shared/ipc/methods';
import { contract } from '../../src/shared/ipc/contract';

describe('the method list the preload uses', () => {
  it('is exactly the contract’s methods (order does not matter to the preload)', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
  });

  it('imports nothing (in particular not zod or the minutes model)', () => {
    const source = readFileSync('src/shared/ipc/methods.ts', 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});
