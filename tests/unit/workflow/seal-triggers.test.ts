import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../../src/main/store/db';
import { createMeetingStore } from '../../../src/main/store/meetings';
import { plain } from '../../../src/shared/minutes';
import { loadFixture, tempDir } from '../../support/temp';
import { attemptOnCopy, type Attempt } from '../../support/triggerHarness';

/**
 * Sealing at the storage level (migration 004): the sealed meeting's revisions, its meetings row (head,
 * seq, title), its state, its audit entries and its attachments resist every statement form, with
 * foreign keys on and off; and each trigger is needed (drop it and the form it guards goes through).
 */
let tmp: ReturnType<typeof tempDir>;
let template: string;
let sealedId: string;
let otherId: string;
let sealedRev: number;
let olderRev: number;
let otherRev: number;
let copies = 0;

beforeAll(() => {
  tmp = tempDir('minuta-sealed-');
  template = join(tmp.dir, 'template.sqlite');
  const db = openDatabase(template);
  const store = createMeetingStore(db, { foldGapMs: -1 });
  const m = loadFixture(2019);
  sealedId = store.create(m, 'ana').id;
  olderRev = store.saveDocument(sealedId, { ...m, titleBlock: { ...m.titleBlock, title: plain('Draft 1') } }, 'ana').revisionId;
  store.workflow.transition(sealedId, 'submit', 'ana');
  sealedRev = store.saveDocument(sealedId, { ...m, titleBlock: { ...m.titleBlock, title: plain('Final') } }, 'ana').revisionId;
  store.workflow.transition(sealedId, 'approve', 'bounmy');
  store.workflow.transition(sealedId, 'seal', 'ana');
  store.workflow.attach(sealedId, { name: 'scan.png', bytes: PNG, mediaType: 'image/png', kind: 'scan' }, 'ana');
  otherId = store.create({ ...m, id: 'm_other' }, 'ana').id;
  otherRev = store.get(otherId)!.revisionId;
  db.close();
});
afterAll(() => tmp.cleanup());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const REV_COLUMNS = 'id, meeting_id, author, origin, started_at, saved_at, saves, changed, head, body, manifest, digest';
const STATE_COLUMNS = 'meeting_id, state, revision_id, version_name, changed_by, changed_at';
const AUDIT_COLUMNS = 'meeting_id, seq, at, actor, action, details, prev_hash, hash';
const ATT_COLUMNS = 'id, meeting_id, revision_id, kind, name, media_type, size, sha256, bytes, added_by, added_at';

/** `$S` the sealed meeting, `$R` its sealed revision, `$E` an earlier revision of it, `$O`/`$Q` another meeting and its revision. */
const FORMS: Record<string, string> = {
  'revisions: INSERT a new head': `INSERT INTO revisions (meeting_id, author, origin, started_at, saved_at, saves, changed, head, body, manifest, digest) SELECT meeting_id, 'mallory', 'save', started_at, saved_at, 1, changed, head, body, manifest, digest FROM revisions WHERE id = $R`,
  'revisions: UPDATE an earlier revision': `UPDATE revisions SET author = 'mallory' WHERE id = $E`,
  'revisions: UPDATE OR REPLACE onto an earlier one': `UPDATE OR REPLACE revisions SET id = $E WHERE id = $Q`,
  'revisions: DELETE an earlier revision': `DELETE FROM revisions WHERE id = $E`,
  'revisions: REPLACE an earlier revision': `REPLACE INTO revisions (${REV_COLUMNS}) SELECT id, meeting_id, 'mallory', origin, started_at, saved_at, saves, changed, head, body, manifest, digest FROM revisions WHERE id = $E`,
  'revisions: upsert an earlier revision': `INSERT INTO revisions (${REV_COLUMNS}) SELECT id, meeting_id, 'mallory', origin, started_at, saved_at, saves, changed, head, body, manifest, digest FROM revisions WHERE id = $E ON CONFLICT (id) DO UPDATE SET author = excluded.author`,
  'revisions: move another meeting\'s revision into it': `UPDATE revisions SET meeting_id = '$S' WHERE id = $Q`,
  'meetings: UPDATE the title and seq': `UPDATE meetings SET title = 'forged', seq = seq + 1 WHERE id = '$S'`,
  'meetings: DELETE (would cascade)': `DELETE FROM meetings WHERE id = '$S'`,
  'meetings: upsert': `INSERT INTO meetings (id, title, starts_on, created_at, updated_at, seq) SELECT id, 'x', starts_on, created_at, updated_at, seq FROM meetings WHERE id = '$S' ON CONFLICT (id) DO UPDATE SET title = excluded.title`,
  'meeting_states: UPDATE back to draft': `UPDATE meeting_states SET state = 'draft' WHERE meeting_id = '$S'`,
  'meeting_states: DELETE (unseal)': `DELETE FROM meeting_states WHERE meeting_id = '$S'`,
  'meeting_states: REPLACE': `REPLACE INTO meeting_states (${STATE_COLUMNS}) SELECT meeting_id, 'draft', revision_id, version_name, changed_by, changed_at FROM meeting_states WHERE meeting_id = '$S'`,
  'meeting_states: upsert': `INSERT INTO meeting_states (${STATE_COLUMNS}) SELECT meeting_id, 'draft', revision_id, version_name, changed_by, changed_at FROM meeting_states WHERE meeting_id = '$S' ON CONFLICT (meeting_id) DO UPDATE SET state = excluded.state`,
  'audit_log: UPDATE': `UPDATE audit_log SET actor = 'mallory' WHERE meeting_id = '$S' AND seq = 2`,
  'audit_log: DELETE': `DELETE FROM audit_log WHERE meeting_id = '$S' AND seq = 2`,
  'audit_log: REPLACE': `REPLACE INTO audit_log (${AUDIT_COLUMNS}) SELECT meeting_id, seq, at, 'mallory', action, details, prev_hash, hash FROM audit_log WHERE meeting_id = '$S' AND seq = 2`,
  'audit_log: upsert': `INSERT INTO audit_log (${AUDIT_COLUMNS}) SELECT meeting_id, seq, at, 'mallory', action, details, prev_hash, hash FROM audit_log WHERE meeting_id = '$S' AND seq = 2 ON CONFLICT DO UPDATE SET actor = excluded.actor`,
  'audit_log: INSERT out of chain': `INSERT INTO audit_log (${AUDIT_COLUMNS}) SELECT meeting_id, 99, at, 'mallory', action, details, prev_hash, hash FROM audit_log WHERE meeting_id = '$S' AND seq = 2`,
  'attachments: UPDATE': `UPDATE attachments SET bytes = x'00'`,
  'attachments: DELETE': `DELETE FROM attachments`,
  'attachments: REPLACE': `REPLACE INTO attachments (${ATT_COLUMNS}) SELECT id, meeting_id, revision_id, kind, name, media_type, size, sha256, x'00', added_by, added_at FROM attachments`,
};

/** Each trigger, the form only it stops, with which foreign-key settings (as in the immutability test). */
const GUARDS: Array<[trigger: string, form: string, foreignKeys: boolean[]]> = [
  ['sealed_no_new_revision', 'revisions: INSERT a new head', [true, false]],
  ['sealed_no_revision_update', 'revisions: UPDATE an earlier revision', [true, false]],
  ['sealed_no_revision_delete', 'revisions: DELETE an earlier revision', [true, false]],
  ['sealed_meeting_no_update', 'meetings: UPDATE the title and seq', [true, false]],
  ['sealed_meeting_no_delete', 'meetings: DELETE (would cascade)', [true, false]],
  ['sealed_state_no_update', 'meeting_states: UPDATE back to draft', [true, false]],
  ['sealed_state_no_delete', 'meeting_states: DELETE (unseal)', [true, false]],
  ['sealed_state_no_replace', 'meeting_states: REPLACE', [true, false]],
  ['audit_log_no_update', 'audit_log: UPDATE', [true, false]],
  ['audit_log_no_delete', 'audit_log: DELETE', [true, false]],
  ['audit_log_append_only', 'audit_log: REPLACE', [true, false]],
  ['attachments_no_update', 'attachments: UPDATE', [true, false]],
  ['attachments_no_delete', 'attachments: DELETE', [true, false]],
  ['attachments_no_replace', 'attachments: REPLACE', [true, false]],
];
const guardCases = GUARDS.flatMap(([trigger, form, modes]) => modes.map((fk) => [trigger, form, fk] as const));

function snapshot(db: Database.Database): string {
  return JSON.stringify([
    db.prepare('SELECT * FROM revisions WHERE meeting_id = ? ORDER BY id').all(sealedId),
    db.prepare('SELECT * FROM meetings WHERE id = ?').all(sealedId),
    db.prepare('SELECT * FROM meeting_states ORDER BY meeting_id').all(),
    db.prepare('SELECT * FROM audit_log ORDER BY meeting_id, seq').all(),
    db.prepare('SELECT * FROM attachments ORDER BY id').all(),
    db.prepare('SELECT * FROM named_versions ORDER BY id').all(),
  ]);
}

function attempt(form: string, foreignKeys: boolean, drop?: string[]): Attempt {
  const sql = FORMS[form]!.replaceAll('$S', sealedId).replaceAll('$R', String(sealedRev)).replaceAll('$E', String(olderRev))
    .replaceAll('$O', otherId).replaceAll('$Q', String(otherRev));
  return attemptOnCopy(template, join(tmp.dir, `copy-${++copies}.sqlite`), sql, { foreignKeys, ...(drop ? { drop } : {}), snapshot });
}

describe('a sealed record at the storage level (migration 004)', () => {
  for (const foreignKeys of [true, false]) {
    it.each(Object.keys(FORMS))(`refuses %s (foreign keys ${foreignKeys ? 'on' : 'off'}) and changes nothing`, (form) => {
      expect(attempt(form, foreignKeys), form).toMatchObject({ refused: true, changed: false });
    });
  }

  it.each(guardCases)('needs trigger %s: without it, "%s" goes through (foreign keys on: %s)', (trigger, form, foreignKeys) => {
    expect(attempt(form, foreignKeys, [trigger]), `${form} without ${trigger}`).toMatchObject({ refused: false, changed: true });
  });

  it('holds the sealed revision itself without the pinned-revision triggers of migration 003', () => {
    FORMS['revisions: UPDATE the sealed revision'] = `UPDATE revisions SET head = '{}' WHERE id = $R`;
    const without003 = ['revisions_pinned_no_update', 'revisions_pinned_no_delete', 'revisions_pinned_no_replace'];
    expect(attempt('revisions: UPDATE the sealed revision', false, without003)).toMatchObject({ refused: true, changed: false });
    expect(attempt('revisions: UPDATE the sealed revision', false, [...without003, 'sealed_no_revision_update'])).toMatchObject({ refused: false, changed: true });
  });
});
