import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { Script } from 'node:vm';

/**
 * The built preload must be what a sandboxed Electron renderer can load: one CommonJS file whose only
 * `require` is electron. The test script builds before testing; run `npm run build` first otherwise.
 */
const PRELOAD = 'out/preload/index.cjs';

describe('built preload', () => {
  it('exists (npm run build has run)', () => {
    expect(existsSync(PRELOAD), `${PRELOAD} is missing: run npm run build`).toBe(true);
  });

  it('is CommonJS that parses as a plain script (no import/export statements)', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    expect(() => new Script(code, { filename: PRELOAD })).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('requires nothing but electron', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\brequire\(\s*[^"'`\s)]/); // no dynamic require either
  });

  it('stays small and carries no zod: it only needs the method names (src/shared/ipc/methods.ts)', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    expect(Buffer.byteLength(code), `${PRELOAD} is ${Buffer.byteLength(code)} bytes`).toBeLessThan(5_000);
    // zod's own identifiers, as a bundled copy would carry them (words in comments do not count).
    expect(code).not.toMatch(/ZodError|\b_zod\b|safeParse/);
  });

  it('exposes the API through contextBridge and never hands out ipcRenderer', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    expect(code).toMatch(/exposeInMainWorld\(\s*["']minuta["']/);
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});

describe('built preload, run as Electron runs it', () => {
  it('exposes exactly one function per contract method, each invoking its minuta: channel', async () => {
    const { methods, channelOf } = await import('../../src/shared/ipc/contract');
    const exposed: Record<string, Record<string, (r: unknown) => unknown>> = {};
    const invoked: Array<[string, unknown]> = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, (r: unknown) => unknown>) => (exposed[name] = api) },
      ipcRenderer: { invoke: (channel: string, payload: unknown) => invoked.push([channel, payload]) },
    };
    const module = { exports: {} };
    const fakeRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
      return fakeElectron;
    };
    new Script(`(function (require, module, exports) {${readFileSync(PRELOAD, 'utf8')}\n})`)
      .runInThisContext()(fakeRequire, module, module.exports);

    expect(Object.keys(exposed)).toEqual(['minuta']);
    expect(Object.keys(exposed['minuta']!).sort()).toEqual([...methods].sort());
    exposed['minuta']!['createMeeting']!({ title: 't', startsOn: '2019-10-30' });
    expect(invoked).toEqual([[channelOf('createMeeting'), { title: 't', startsOn: '2019-10-30' }]]);
  });
});
