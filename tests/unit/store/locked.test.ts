import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createServices, type Services } from '../../../src/main/services';
import { plain } from '../../../src/shared/minutes';
import { loadFixture, tempDir } from '../../support/temp';
import { saveWhole } from '../../support/saves';

/**
 * Another process (a second Minuta, the CLI, a backup tool) holds the database's write lock. A save
 * must wait for it up to the busy timeout and then succeed, and fail as `locked` only when the lock is
 * held longer than that. (A deferred transaction that reads before it writes gave up at once.)
 */
const HOLDER = `
const Database = require('better-sqlite3');
const [file, holdMs] = process.argv.slice(1);
const db = new Database(file);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
db.prepare("UPDATE meetings SET updated_at = updated_at").run();
process.stdout.write('LOCKED\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs));
db.exec('COMMIT');
db.close();
`;

/** Starts a process that takes the write lock and holds it for holdMs; resolves once it holds it. */
function holdWriteLock(file: string, holdMs: number): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', HOLDER, file, String(holdMs)], { cwd: resolve('.'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('LOCKED')) done(child);
    });
    child.on('exit', (code) => fail(new Error(`lock holder exited (${code}) before locking: ${stderr}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));

let tmp: ReturnType<typeof tempDir>;
let services: Services | undefined;
beforeEach(() => {
  tmp = tempDir('minuta-locked-');
});
afterEach(() => {
  services?.close();
  services = undefined;
  tmp.cleanup();
});

function start(busyTimeoutMs?: number) {
  services = createServices({
    databasePath: join(tmp.dir, 'minuta.sqlite'),
    version: 'test',
    author: 'tester',
    ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }),
  });
  const meeting = loadFixture(2019);
  services.store.create(meeting, 'tester');
  return { services, meeting };
}

describe('a database locked by another process', () => {
  it('makes a save wait for a lock held about a second, then succeed', async () => {
    const { services, meeting } = start();
    const edited = { ...meeting, body: [...meeting.body, { id: 'b_waited', type: 'paragraph' as const, text: plain('Saved after the lock') }] };
    const holder = await holdWriteLock(join(tmp.dir, 'minuta.sqlite'), 1_000);
    const t0 = performance.now();
    const result = await saveWhole(services, meeting.id, edited);
    const waited = performance.now() - t0;
    await exited(holder);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    expect(waited).toBeGreaterThan(500);
    expect(services.store.get(meeting.id)!.meeting).toEqual(edited);
  }, 20_000);

  it('answers locked when the lock is held longer than the busy timeout, and changes nothing', async () => {
    const { services, meeting } = start(800);
    const edited = { ...meeting, body: [...meeting.body, { id: 'b_refused', type: 'paragraph' as const, text: plain('Never saved') }] };
    const holder = await holdWriteLock(join(tmp.dir, 'minuta.sqlite'), 2_500);
    const t0 = performance.now();
    const result = await saveWhole(services, meeting.id, edited);
    const waited = performance.now() - t0;
    await exited(holder);
    expect(result).toMatchObject({ ok: false, error: { code: 'locked' } });
    if (!result.ok) expect(result.error.message).toMatch(/another program/i);
    // It waited for the whole timeout before giving up.
    expect(waited).toBeGreaterThan(700);
    expect(services.store.get(meeting.id)!.meeting).toEqual(meeting);
  }, 20_000);
});
