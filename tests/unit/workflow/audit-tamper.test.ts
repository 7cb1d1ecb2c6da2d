import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../../src/main/store/meetings';
import { entryHash, GENESIS_HASH } from '../../../src/main/store/audit';
import { canonicalJson } from '../../../src/shared/canonicalJson';
import { loadFixture, tempDir } from '../../support/temp';

/**
 * The audit log shows tampering: someone with the database file drops the triggers and edits,
 * removes, reorders or inserts entries; `verify` names the first broken entry. An untouched log,
 * and a log rewritten whole (which only the printed chain head can show), verify.
 */
let tmp: ReturnType<typeof tempDir>;
let db: Db;
let store: MeetingStore;
let id: string;

beforeEach(() => {
  tmp = tempDir('minuta-audit-');
  db = openDatabase(join(tmp.dir, 'minuta.sqlite'));
  store = createMeetingStore(db);
  id = store.create(loadFixture(2019), 'ana').id;
  store.workflow.transition(id, 'submit', 'ana', 'one');
  store.nameVersion(id, 'Circulated 1 Nov', 'ana');
  store.workflow.transition(id, 'reopen-draft', 'bounmy', 'two');
  store.workflow.transition(id, 'submit', 'ana', 'three');
  store.workflow.transition(id, 'approve', 'bounmy'); // + named version: 6 entries
  expect(store.audit.verify(id)).toEqual({ meetingId: id, length: 6, ok: true });
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_append_only');
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const problem = () => store.audit.verify(id).problem ?? '';
const row = (seq: number) =>
  db.prepare('SELECT meeting_id AS meetingId, seq, at, actor, action, details, prev_hash AS prevHash, hash FROM audit_log WHERE meeting_id = ? AND seq = ?').get(id, seq) as {
    meetingId: string; seq: number; at: string; actor: string; action: string; details: string; prevHash: string; hash: string;
  };

describe('audit verify', () => {
  it('names an edited entry (its actor, its details, its time)', () => {
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE meeting_id = ? AND seq = 3").run(id);
    expect(problem()).toMatch(/^entry 3 \(transition by mallory at .*\) does not match its hash: it was edited/);
  });

  it('names an entry whose details were edited, even as valid JSON', () => {
    db.prepare(`UPDATE audit_log SET details = '{"from":"approved","reason":"none","to":"draft","transition":"reopen-draft"}' WHERE meeting_id = ? AND seq = 3`).run(id);
    expect(problem()).toMatch(/^entry 3 .* does not match its hash/);
  });

  it('names the entry after a removed one', () => {
    db.prepare('DELETE FROM audit_log WHERE meeting_id = ? AND seq = 2').run(id);
    expect(problem()).toMatch(/^entry 3 .* is out of sequence: entry 2 is missing \(removed\)/);
  });

  it('names a removed entry even when the rest was renumbered', () => {
    db.prepare('DELETE FROM audit_log WHERE meeting_id = ? AND seq = 2').run(id);
    for (const seq of [3, 4, 5, 6]) db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE meeting_id = ? AND seq = ?').run(id, seq);
    expect(problem()).toMatch(/^entry 2 .* does not match its hash/);
  });

  it('names reordered entries (two swapped)', () => {
    db.prepare('UPDATE audit_log SET seq = 100 WHERE meeting_id = ? AND seq = 3').run(id);
    db.prepare('UPDATE audit_log SET seq = 3 WHERE meeting_id = ? AND seq = 4').run(id);
    db.prepare('UPDATE audit_log SET seq = 4 WHERE meeting_id = ? AND seq = 100').run(id);
    expect(problem()).toMatch(/^entry 3 .* does not match its hash: it was edited, or moved from another place/);
  });

  it('names an inserted entry whose own hash is right (the one after it no longer links)', () => {
    const r2 = row(2);
    // Shift 3..6 up by one, from the end, then put a forged entry 3 that links correctly to entry 2.
    for (const seq of [6, 5, 4, 3]) db.prepare('UPDATE audit_log SET seq = seq + 1 WHERE meeting_id = ? AND seq = ?').run(id, seq);
    const forged = { meetingId: id, seq: 3, at: '2019-10-31T10:00:00.000Z', actor: 'mallory', action: 'transition' as const, details: { to: 'approved' } };
    db.prepare('INSERT INTO audit_log (meeting_id, seq, at, actor, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      id, 3, forged.at, forged.actor, forged.action, canonicalJson(forged.details), r2.hash, entryHash(r2.hash, forged),
    );
    expect(problem()).toMatch(/^entry 4 .* does not match its hash/);
  });

  it('names an inserted entry that was renumbered and rehashed into place, at the next link', () => {
    const r2 = row(2);
    const r3 = row(3);
    const forged = { meetingId: id, seq: 3, at: r3.at, actor: 'mallory', action: 'transition' as const, details: { to: 'approved' } };
    // Entry 3 replaced by a forgery with a correct hash and link: entry 4 still links to the original 3.
    db.prepare('UPDATE audit_log SET actor = ?, details = ?, hash = ? WHERE meeting_id = ? AND seq = 3').run(
      forged.actor, canonicalJson(forged.details), entryHash(r2.hash, forged), id,
    );
    expect(problem()).toMatch(/^entry 4 .* does not follow the entry before it/);
  });

  it('verifies an intact log, and every chain with verifyAll', () => {
    const other = store.create(loadFixture(2018), 'ana').id;
    store.workflow.transition(other, 'submit', 'ana');
    expect(store.audit.verifyAll().map((r) => [r.meetingId, r.ok, r.length])).toEqual(
      [[id, true, 6], [other, true, 1]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(row(1).prevHash).toBe(GENESIS_HASH);
  });
});
