import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBounded, readMinutesFile } from '../../../src/main/interchange/minutesFile';
import { exportMeeting } from '../../../src/main/export';
import { createServices, type Services } from '../../../src/main/services';
import { runCli } from '../../../src/main/cli/run';
import { MAX_ERROR_MESSAGE, MinutaError } from '../../../src/shared/errors';
import { checkDocumentSize, LIMITS } from '../../../src/shared/minutes';
import { firstInvalidUtf8 } from '../../../src/shared/minutes/interchange';
import { FIXTURES, loadFixture, tempDir } from '../../support/temp';
import { saveWhole } from '../../support/saves';

/**
 * Bad input, as users and hostile files produce it: refused with a clear `invalid` error naming what
 * is wrong, bounded (≤ 2 KB, never more than an excerpt of the input), and changing nothing.
 */
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('minuta-bad-');
});
afterEach(() => tmp.cleanup());

const file = (name: string, content: string | Uint8Array) => {
  const path = join(tmp.dir, name);
  writeFileSync(path, content);
  return path;
};

function refusal(path: string, maxBytes?: number): MinutaError {
  try {
    readMinutesFile(path, maxBytes);
  } catch (error) {
    expect(error).toBeInstanceOf(MinutaError);
    const e = error as MinutaError;
    expect(e.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    return e;
  }
  throw new Error(`${path} was accepted`);
}

describe('reading a minutes file', () => {
  it('never trusts stat for the size: a /proc file (stat says 0 bytes) is read only up to the bound', () => {
    // /proc/self/maps reports size 0 yet holds kilobytes; a bound of 100 bytes must hold anyway.
    expect(readBounded('/proc/self/maps', 100).byteLength).toBe(101);
    const e = refusal('/proc/self/maps', 100);
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/larger than the 100 bytes limit/);
  });

  it('refuses a file over the limit after reading at most limit + 1 bytes', () => {
    const big = file('big.minuta.json', new Uint8Array(LIMITS.maxDocumentBytes + 5000));
    expect(readBounded(big, LIMITS.maxDocumentBytes).byteLength).toBe(LIMITS.maxDocumentBytes + 1);
    expect(refusal(big).message).toMatch(/larger than the 20\.0 MB limit/);
  });

  it('accepts a UTF-8 byte order mark', () => {
    const bytes = readFileSync(FIXTURES[2019]);
    const path = file('bom.minuta.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    expect(readMinutesFile(path)).toEqual(loadFixture(2019));
  });

  it('refuses bytes that are not UTF-8, naming the offset, instead of substituting U+FFFD', () => {
    const bytes = Buffer.from(readFileSync(FIXTURES[2019]));
    const at = bytes.indexOf(Buffer.from('Consultation'));
    bytes[at + 3] = 0xff;
    const e = refusal(file('latin1.minuta.json', bytes));
    expect(e.code).toBe('invalid');
    expect(e.message).toContain(`offset ${at + 3}`);
    expect(e.message).toMatch(/not UTF-8/i);
    // With a BOM, the offset still counts from the start of the file.
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    expect(refusal(file('bom-latin1.minuta.json', withBom)).message).toContain(`offset ${at + 6}`);
  });

  it('finds the first invalid byte exactly where TextDecoder refuses (random bytes)', () => {
    let s = 12345;
    const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const strict = new TextDecoder('utf-8', { fatal: true });
    const pieces = [[0x41], [0xc3, 0xa9], [0xe1, 0x9e, 0x80], [0xf0, 0x9f, 0x98, 0x80], [0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe1, 0x9e], [0x80]];
    for (let n = 0; n < 2000; n++) {
      const bytes = new Uint8Array(Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pieces[Math.floor(rnd() * pieces.length)]!).flat());
      const offset = firstInvalidUtf8(bytes);
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      expect(offset === -1, `${Array.from(bytes, (b) => b.toString(16)).join(' ')}`).toBe(valid);
      if (!valid) expect(() => strict.decode(bytes.subarray(0, offset))).not.toThrow();
    }
  });

  it('says a Word document is a Word document, not a JSON parser error on binary text', async () => {
    const docx = await exportMeeting(loadFixture(2019), 'docx');
    const e = refusal(file('minutes.docx', docx));
    expect(e.code).toBe('invalid');
    expect(e.message).toBe('minutes.docx: This is a Word document (or another ZIP archive), not a minutes file (.minuta.json)');
  });

  it('bounds its messages and never echoes more than an excerpt of the file', () => {
    const seed = JSON.parse(readFileSync(FIXTURES[2019], 'utf8')) as { meeting: Record<string, unknown>; version: unknown };
    // A thousand unknown keys of 10 kB each: every one is a problem, the message names a few.
    const many = structuredClone(seed);
    for (let i = 0; i < 1000; i++) many.meeting[`k${i}${'x'.repeat(10_000)}`] = i;
    const e1 = refusal(file('keys.minuta.json', JSON.stringify(many)));
    expect(e1.message).toMatch(/and \d+ more/);
    expect(e1.message).not.toContain('x'.repeat(100));
    // A huge version value.
    const v = { ...seed, version: 'v'.repeat(1_000_000) };
    const e2 = refusal(file('version.minuta.json', JSON.stringify(v)));
    expect(e2.message).not.toContain('v'.repeat(100));
    // A JSON syntax error deep in a big file: V8 quotes the input around it.
    const e3 = refusal(file('syntax.minuta.json', `{"format":"minuta","version":1,"meeting":${'"y'.repeat(2_000_000)}`));
    expect(e3.message).toMatch(/not valid JSON/i);
    expect(e3.message).not.toContain('y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y"y');
  });
});

describe('the size limit is one function', () => {
  it('checkDocumentSize accepts up to the limit and names the size above it', () => {
    expect(checkDocumentSize(LIMITS.maxDocumentBytes)).toBeUndefined();
    expect(checkDocumentSize(LIMITS.maxDocumentBytes + 1)).toBe('The document is larger than the 20.0 MB limit');
    expect(checkDocumentSize(30 * 1024 * 1024)).toBe('The document is too large: 30.0 MB; the limit is 20.0 MB');
  });
});

describe('bad input over IPC and on the command line', () => {
  let services: Services;
  beforeEach(() => {
    services = createServices({ databasePath: join(tmp.dir, 'minuta.sqlite'), version: 'test', author: 'tester' });
  });
  afterEach(() => services.close());

  it('refuses a NUL in a search query as invalid', async () => {
    services.store.create(loadFixture(2019), 'tester');
    const r = await services.dispatch('searchMeetings', { query: 'Lao\u0000PDR' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', path: 'query' } });
  });

  it.each(['0000-01-01', '0050-06-15', '0099-12-31'])('refuses the date %s as invalid everywhere', async (date) => {
    const created = await services.dispatch('createMeeting', { title: 'Ancient', startsOn: date });
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid', path: 'startsOn' } });
    if (!created.ok) expect(created.error.message).toMatch(/year must be 1000 or later/);
    const { id } = services.store.create(loadFixture(2019), 'tester');
    expect(await services.dispatch('duplicateMeeting', { id, startsOn: date })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const meeting = { ...loadFixture(2019), id, dates: { start: date, end: date } };
    const saved = await saveWhole(services, id, meeting);
    expect(saved).toMatchObject({ ok: false, error: { code: 'invalid', path: 'changes' } });
    if (!saved.ok) expect(saved.error.message).toContain('changes.head.dates.start');
  });

  it('bounds IPC messages: a 1 MB unknown key is quoted as an excerpt', async () => {
    const r = await services.dispatch('createMeeting', { title: 'x', startsOn: '2019-10-30', ['k'.repeat(1_000_000)]: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!r.ok) {
      expect(r.error.message.length).toBeLessThan(500);
      expect(r.error.message).not.toContain('k'.repeat(100));
    }
    const { id } = services.store.create(loadFixture(2019), 'tester');
    const meeting = { ...loadFixture(2019), ['z'.repeat(1_000_000)]: 1 } as unknown;
    const s = await services.dispatch('saveMeeting', { id, meeting });
    expect(s).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!s.ok) expect(s.error.message).not.toContain('z'.repeat(100));
  });

  it('the CLI prints one bounded line for a hostile file, and imports nothing', async () => {
    const seed = JSON.parse(readFileSync(FIXTURES[2019], 'utf8')) as { meeting: Record<string, unknown> };
    for (let i = 0; i < 1000; i++) seed.meeting[`k${i}${'x'.repeat(10_000)}`] = i;
    const path = file('hostile.minuta.json', JSON.stringify(seed));
    const stderr: string[] = [];
    const code = await runCli(['--db', join(tmp.dir, 'cli.sqlite'), 'import', path], {
      stdout: () => undefined,
      stderr: (line) => stderr.push(line),
      env: {},
    });
    expect(code).toBe(1);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]!.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE + 10);
    expect(stderr[0]).not.toContain('x'.repeat(100));
  });
});
