import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../src/main/store/db';
import { createMeetingStore } from '../../../src/main/store/meetings';
import { createServices } from '../../../src/main/services';
import { runCli } from '../../../src/main/cli/run';
import { isMinutaError } from '../../../src/shared/errors';
import { headOf, plain, type Meeting } from '../../../src/shared/minutes';
import { loadFixture, tempDir } from '../../support/temp';

/**
 * Damage that SQLite cannot see: bytes flipped inside a record's JSON in the database file (same
 * length, so every page stays well-formed and integrity_check passes). The store must refuse to serve
 * it, `minuta check` must name it, `minuta backup` must not copy it, and recovery must go back to the
 * last intact revision without destroying anything.
 */
let tmp: ReturnType<typeof tempDir>;
let file: string;
let meeting: Meeting;
let paragraphId: string;
let intactRevision: number;
let damagedRevision: number;
const MARK = 'Zanzibar corruption marker';

beforeEach(() => {
  tmp = tempDir('minuta-corrupt-');
  file = join(tmp.dir, 'minuta.sqlite');
  const db = openDatabase(file);
  const store = createMeetingStore(db, { foldGapMs: -1 });
  meeting = loadFixture(2019);
  store.create(meeting, 'ana');
  const index = meeting.body.findIndex((b) => b.type === 'paragraph');
  paragraphId = meeting.body[index]!.id;
  intactRevision = store.saveDocument(meeting.id, { ...meeting, titleBlock: { ...meeting.titleBlock, title: plain('Draft 1') } }, 'ana').revisionId;
  const body = [...meeting.body];
  body[index] = { ...(body[index] as Extract<Meeting['body'][number], { type: 'paragraph' }>), text: plain(`${MARK} in the minutes.`) };
  damagedRevision = store.saveDocument(meeting.id, { ...meeting, titleBlock: { ...meeting.titleBlock, title: plain('Draft 1') }, body }, 'ben').revisionId;
  store.flushIndex();
  db.close(); // checkpoints: everything is in the main file now
});
afterEach(() => tmp.cleanup());

/** Flips one letter of `needle` where it occurs inside `context` in the file, in place, with the database closed. */
function flipInFile(needle: string, context: string) {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(Buffer.from(context, 'utf8'));
  expect(at, `"${context}" is in the file`).toBeGreaterThan(0);
  expect(bytes.indexOf(Buffer.from(context, 'utf8'), at + 1), 'exactly once').toBe(-1);
  const offset = at + context.indexOf(needle);
  bytes[offset] = bytes[offset] === 0x5a ? 0x59 : 0x5a; // 'Z' <-> 'Y': same length, still valid JSON and UTF-8
  writeFileSync(file, bytes);
  const db = new Database(file, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true }), 'SQLite does not see it').toBe('ok');
  db.close();
}

function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return runCli(['--db', file, ...args], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} }).then((code) => ({
    code,
    stdout: out.join('\n'),
    stderr: err.join('\n'),
  }));
}

describe('corruption inside a record', () => {
  beforeEach(() => flipInFile('Z', `"text":"${MARK}`));

  it('is refused by get, naming the meeting, revision and block, and never re-saved', () => {
    const db = openDatabase(file);
    const store = createMeetingStore(db);
    let error: unknown;
    try {
      store.get(meeting.id);
    } catch (e) {
      error = e;
    }
    expect(isMinutaError(error) && error.code).toBe('corrupt');
    expect((error as Error).message).toContain(`Meeting ${meeting.id}, revision ${damagedRevision}`);
    expect((error as Error).message).toContain(`block ${paragraphId}`);
    expect(() => store.revision(meeting.id, damagedRevision)).toThrow(/does not match its hash/);
    expect(store.revision(meeting.id, intactRevision)!.titleBlock.title).toEqual(plain('Draft 1'));
    // A save cannot build on it either.
    expect(() => store.saveDocument(meeting.id, meeting, 'ana')).toThrow(/damaged/);
    db.close();
  });

  it('makes `minuta check` exit 1 naming it, and 0 with "ok" on a sound file', async () => {
    const result = await cli('check');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Meeting ${meeting.id}, revision ${damagedRevision}: the record of block ${paragraphId} does not match its hash`);

    const sound = join(tmp.dir, 'sound.sqlite');
    const db = openDatabase(sound);
    createMeetingStore(db).create(loadFixture(2018), 'ana');
    db.close();
    const out: string[] = [];
    const code = await runCli(['--db', sound, 'check'], { stdout: (l) => out.push(l), stderr: () => {}, env: {} });
    expect({ code, out }).toEqual({ code: 0, out: ['ok: 1 meetings, 1 revisions checked'] });
  });

  it('makes `minuta backup` exit 1 and leave no copy', async () => {
    const target = join(tmp.dir, 'backup.sqlite');
    const result = await cli('backup', target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not match its hash');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(tmp.dir, `.backup.sqlite.${process.pid}.partial`))).toBe(false);
  });

  it('is answered `corrupt` over IPC, and recoverMeeting makes the last intact revision the head again', async () => {
    const services = createServices({ databasePath: file, version: 'test', author: 'carla' });
    try {
      const opened = await services.dispatch('getMeeting', { id: meeting.id });
      expect(opened).toMatchObject({ ok: false, error: { code: 'corrupt' } });
      if (!opened.ok) expect(opened.error.message).toMatch(/Recover the meeting/);
      // Search does not serve the damaged text either once the index is rebuilt from verified heads.
      const recovered = await services.dispatch('recoverMeeting', { id: meeting.id });
      expect(recovered).toMatchObject({ ok: true });
      const after = await services.dispatch('getMeeting', { id: meeting.id });
      if (!after.ok) throw new Error(after.error.message);
      const value = after.value as { meeting: Meeting; revisionId: number; seq: number };
      expect(value.meeting.titleBlock.title).toEqual(plain('Draft 1'));
      expect(JSON.stringify(value.meeting)).not.toContain('corruption marker');
      expect(value.revisionId).toBeGreaterThan(damagedRevision);
      expect(recovered.ok && recovered.value).toEqual({ revisionId: value.revisionId, seq: value.seq });
      // Nothing destroyed: the damaged revision is still in the history, and saving works again.
      const history = services.store.revisions(meeting.id);
      expect(history.map((r) => [r.id, r.origin])).toContainEqual([damagedRevision, 'save']);
      expect(history.at(-1)).toMatchObject({ origin: 'recover', author: 'carla' });
      const saved = await services.dispatch('saveMeeting', {
        id: meeting.id,
        base: value.seq,
        changes: { head: { ...headOf(value.meeting), titleBlock: { title: plain('Draft 2') } } },
      });
      expect(saved).toMatchObject({ ok: true });
      expect(services.store.search('Zanzibar')).toEqual([]);
    } finally {
      services.close();
    }
  });
});

describe('corruption inside a revision', () => {
  it('is refused by get (digest mismatch) and named by check', async () => {
    const db = openDatabase(file);
    const store = createMeetingStore(db, { foldGapMs: -1 });
    const head = store.get(meeting.id)!;
    const last = store.saveDocument(meeting.id, { ...head.meeting, titleBlock: { title: plain('Draft Zulu') } }, 'ana').revisionId;
    db.close();
    // Only the revision's head JSON has the title in this form (the meetings table and the index hold plain text).
    flipInFile('Z', '{"text":"Draft Zulu"}');
    const reopened = openDatabase(file);
    expect(() => createMeetingStore(reopened).get(meeting.id)).toThrow(
      new RegExp(`Meeting ${meeting.id}, revision ${last}: its head, block list or manifest does not match its digest`),
    );
    reopened.close();
    const result = await cli('check');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`revision ${last}: its head, block list or manifest does not match its digest`);
  });
});
