import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../src/main/store/db';
import { createMeetingStore } from '../../../src/main/store/meetings';
import { plain } from '../../../src/shared/minutes';
import { loadFixture, tempDir } from '../../support/temp';
import { attemptOnCopy, type Attempt } from '../../support/triggerHarness';

/**
 * Immutability at the storage level (migration 003): a pinned revision, its name and every block
 * record resist every statement form, with foreign keys on and off; and each trigger is needed (drop
 * it and the form it guards goes through).
 */
let tmp: ReturnType<typeof tempDir>;
let template: string;
let pinned: number;
let other: number;
let meetingId: string;
let copies = 0;

beforeAll(() => {
  tmp = tempDir('minuta-immutable-');
  template = join(tmp.dir, 'template.sqlite');
  const db = openDatabase(template);
  const store = createMeetingStore(db, { foldGapMs: -1 });
  const m = loadFixture(2019);
  meetingId = store.create(m, 'ana').id;
  pinned = store.saveDocument(meetingId, { ...m, titleBlock: { ...m.titleBlock, title: plain('Draft 1') } }, 'ana').revisionId;
  store.nameVersion(meetingId, 'Draft 1 circulated 12 June', 'ana', pinned);
  other = store.saveDocument(meetingId, { ...m, titleBlock: { ...m.titleBlock, title: plain('Draft 2') } }, 'ana').revisionId;
  db.close(); // checkpoints: the template is one self-contained file
});
afterAll(() => tmp.cleanup());

const REV_COLUMNS = 'id, meeting_id, author, origin, started_at, saved_at, saves, changed, head, body, manifest, digest';
const NAME_COLUMNS = 'id, meeting_id, revision_id, name, created_by, created_at';

/** Every statement form against every guarded table. `$P` is the pinned revision, `$O` another one. */
const FORMS: Record<string, string> = {
  'revisions: UPDATE': `UPDATE revisions SET author = 'mallory' WHERE id = $P`,
  'revisions: UPDATE id': `UPDATE revisions SET id = 999999 WHERE id = $P`,
  'revisions: UPDATE OR REPLACE onto it': `UPDATE OR REPLACE revisions SET id = $P WHERE id = $O`,
  'revisions: DELETE': `DELETE FROM revisions WHERE id = $P`,
  'revisions: REPLACE': `REPLACE INTO revisions (${REV_COLUMNS}) SELECT id, meeting_id, 'mallory', origin, started_at, saved_at, saves, changed, head, body, manifest, digest FROM revisions WHERE id = $P`,
  'revisions: INSERT OR REPLACE': `INSERT OR REPLACE INTO revisions (${REV_COLUMNS}) SELECT id, meeting_id, 'mallory', origin, started_at, saved_at, saves, changed, head, body, manifest, digest FROM revisions WHERE id = $P`,
  'revisions: upsert': `INSERT INTO revisions (${REV_COLUMNS}) SELECT id, meeting_id, 'mallory', origin, started_at, saved_at, saves, changed, head, body, manifest, digest FROM revisions WHERE id = $P ON CONFLICT (id) DO UPDATE SET author = excluded.author`,
  'named_versions: UPDATE (re-point)': `UPDATE named_versions SET revision_id = $O`,
  'named_versions: DELETE (unpin)': `DELETE FROM named_versions`,
  'named_versions: REPLACE': `REPLACE INTO named_versions (${NAME_COLUMNS}) SELECT id, meeting_id, $O, name, 'mallory', created_at FROM named_versions`,
  'named_versions: INSERT OR REPLACE by name': `INSERT OR REPLACE INTO named_versions (${NAME_COLUMNS}) SELECT id + 100, meeting_id, $O, name, 'mallory', created_at FROM named_versions`,
  'named_versions: upsert': `INSERT INTO named_versions (${NAME_COLUMNS}) SELECT id, meeting_id, $O, name, 'mallory', created_at FROM named_versions WHERE true ON CONFLICT (id) DO UPDATE SET revision_id = excluded.revision_id`,
  'block_records: UPDATE': `UPDATE block_records SET record = '{}'`,
  'block_records: DELETE': `DELETE FROM block_records`,
  'block_records: REPLACE': `REPLACE INTO block_records (meeting_id, hash, record) SELECT meeting_id, hash, '{"forged":1}' FROM block_records`,
  'block_records: INSERT OR REPLACE': `INSERT OR REPLACE INTO block_records (meeting_id, hash, record) SELECT meeting_id, hash, '{"forged":1}' FROM block_records`,
  'block_records: upsert': `INSERT INTO block_records (meeting_id, hash, record) SELECT meeting_id, hash, '{"forged":1}' FROM block_records WHERE true ON CONFLICT DO UPDATE SET record = excluded.record`,
  'meetings: REPLACE (would cascade)': `REPLACE INTO meetings (id, title, starts_on, created_at, updated_at, seq) SELECT id, 'x', starts_on, created_at, updated_at, seq FROM meetings`,
  'meetings: UPDATE id (would orphan)': `UPDATE meetings SET id = 'm_elsewhere'`,
};

/**
 * Each trigger, the form that only it stops, and with which foreign-key settings: with foreign keys on,
 * SQLite itself refuses deleting a pinned revision or renaming a meeting (both are referenced), and
 * with them off a REPLACE of a meeting cascades nowhere; the triggers hold in the other setting.
 */
const GUARDS: Array<[trigger: string, form: string, foreignKeys: boolean[]]> = [
  ['revisions_pinned_no_update', 'revisions: UPDATE', [true, false]],
  ['revisions_pinned_no_delete', 'revisions: DELETE', [false]],
  ['revisions_pinned_no_replace', 'revisions: REPLACE', [true, false]],
  ['named_versions_no_update', 'named_versions: UPDATE (re-point)', [true, false]],
  ['named_versions_no_delete', 'named_versions: DELETE (unpin)', [true, false]],
  ['named_versions_no_replace', 'named_versions: REPLACE', [true, false]],
  ['block_records_no_update', 'block_records: UPDATE', [true, false]],
  ['block_records_no_delete', 'block_records: DELETE', [true, false]],
  ['block_records_no_replace', 'block_records: REPLACE', [true, false]],
  ['meetings_no_replace', 'meetings: REPLACE (would cascade)', [true]],
  ['meetings_keep_id', 'meetings: UPDATE id (would orphan)', [false]],
];
const guardCases = GUARDS.flatMap(([trigger, form, modes]) => modes.map((fk) => [trigger, form, fk] as const));

/** What must never change: the pinned revision, the names, the records, the meeting row. */
function snapshot(db: Database.Database): string {
  return JSON.stringify([
    db.prepare('SELECT * FROM revisions WHERE id = ?').all(pinned),
    db.prepare('SELECT * FROM named_versions ORDER BY id').all(),
    db.prepare('SELECT * FROM block_records ORDER BY meeting_id, hash').all(),
    db.prepare('SELECT id FROM meetings').all(),
  ]);
}

/** Runs one form on a fresh copy of the template; reports whether it was refused and whether anything changed. */
function attempt(form: string, foreignKeys: boolean, drop?: string): Attempt {
  const sql = FORMS[form]!.replaceAll('$P', String(pinned)).replaceAll('$O', String(other));
  return attemptOnCopy(template, join(tmp.dir, `copy-${++copies}.sqlite`), sql, { foreignKeys, ...(drop ? { drop: [drop] } : {}), snapshot });
}

describe('storage immutability (migration 003)', () => {
  it('guards the tables every form below targets, with triggers we know by name', () => {
    const db = new Database(template, { readonly: true });
    // Migration 004's triggers (sealing, audit log, attachments) have their own test: tests/unit/workflow/seal-triggers.test.ts;
    // migration 007's (review suggestions) theirs: tests/unit/store/suggestions.test.ts and tests/unit/migrations.test.ts.
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]).filter(
      (t) => !/^(sealed_|audit_log_|attachments_|corrigenda_|review_imports_|suggestions_)/.test(t),
    );
    db.close();
    // Migration 004's comment triggers and 008's follow-up triggers have their own tests (tests/unit/migrations.test.ts).
    expect(triggers.filter((t) => !t.startsWith('comment') && !t.startsWith('follow_ups_')).sort()).toEqual(GUARDS.map(([t]) => t).concat('block_records_store_once', 'search_blocks_forget').sort());
  });

  for (const foreignKeys of [true, false]) {
    it.each(Object.keys(FORMS))(`refuses %s (foreign keys ${foreignKeys ? 'on' : 'off'}) and changes nothing`, (form) => {
      const result = attempt(form, foreignKeys);
      expect(result, form).toMatchObject({ refused: true, changed: false });
    });
  }

  it.each(guardCases)('needs trigger %s: without it, "%s" goes through (foreign keys on: %s)', (trigger, form, foreignKeys) => {
    const result = attempt(form, foreignKeys, trigger);
    expect(result, `${form} without ${trigger}`).toMatchObject({ refused: false, changed: true });
  });

  it('still lets a whole meeting go (its names, revisions and records with it)', () => {
    const file = join(tmp.dir, `copy-${++copies}.sqlite`);
    copyFileSync(template, file);
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM meetings WHERE id = ?').run(meetingId);
    for (const table of ['revisions', 'named_versions', 'block_records']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    db.close();
  });

  it('lets the store add records that already exist (content-addressed: stored once)', () => {
    const file = join(tmp.dir, `copy-${++copies}.sqlite`);
    copyFileSync(template, file);
    const db = new Database(file);
    const before = db.prepare('SELECT count(*) FROM block_records').pluck().get();
    db.exec('INSERT INTO block_records (meeting_id, hash, record) SELECT meeting_id, hash, record FROM block_records');
    expect(db.prepare('SELECT count(*) FROM block_records').pluck().get()).toBe(before);
    db.close();
  });
});
