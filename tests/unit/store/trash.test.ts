import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../../src/main/store/meetings';
import { checkDatabase } from '../../../src/main/store/integrity';
import { loadFixture, tempDir } from '../../support/temp';

/** The trash and the archive (migration 004), on a real database file. */
let tmp: ReturnType<typeof tempDir>;
let db: Db;
let store: MeetingStore;
let ids: { m2018: string; m2019: string };

beforeEach(() => {
  tmp = tempDir('minuta-trash-');
  db = openDatabase(join(tmp.dir, 'minuta.sqlite'));
  store = createMeetingStore(db, { now: () => new Date('2026-11-30T10:00:00Z') });
  ids = { m2018: store.create(loadFixture(2018), 'ana').id, m2019: store.create(loadFixture(2019), 'ana').id };
  store.nameVersion(ids.m2018, 'Draft 1', 'ana');
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const listed = (view?: 'active' | 'archived' | 'trash') => store.list(view).map((m) => m.id);

describe('trash', () => {
  it('takes a meeting out of the home list and search, keeps it whole, and restores it as it was', () => {
    const before = store.get(ids.m2018)!;
    expect(store.search('pink card').map((h) => h.id)).toEqual([ids.m2018]);
    store.trash(ids.m2018, 'bo');
    expect(listed()).toEqual([ids.m2019]);
    expect(store.list('trash')).toEqual([expect.objectContaining({ id: ids.m2018, deletedAt: '2026-11-30T10:00:00.000Z', deletedBy: 'bo' })]);
    expect(store.search('pink card')).toEqual([]);
    // Still there, whole: history, names, and the check (search rows are kept for the restore).
    expect(store.namedVersions(ids.m2018).map((v) => v.name)).toEqual(['Draft 1']);
    expect(checkDatabase(db).problems).toEqual([]);
    store.restore(ids.m2018);
    expect(listed().sort()).toEqual([ids.m2018, ids.m2019].sort());
    expect(store.list('trash')).toEqual([]);
    expect(store.search('pink card').map((h) => h.id)).toEqual([ids.m2018]);
    const after = store.get(ids.m2018)!;
    expect(after.revisionId).toBe(before.revisionId);
    expect(after.meeting).toEqual(before.meeting);
    // The home list carries no trash or archive fields (only the sign-off state beside the summary).
    expect(store.list().find((m) => m.id === ids.m2018)).toEqual({ id: ids.m2018, title: before.title, startsOn: before.startsOn, updatedAt: before.updatedAt, state: 'draft' });
  });

  it('is emptied only by emptyTrash, which deletes the trashed meetings with their history and named versions', () => {
    store.trash(ids.m2018, 'bo');
    expect(store.emptyTrash()).toBe(1);
    expect(store.get(ids.m2018)).toBeUndefined();
    expect(store.list('trash')).toEqual([]);
    expect(listed()).toEqual([ids.m2019]);
    for (const table of ['revisions', 'named_versions', 'block_records', 'search_blocks']) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE meeting_id = ?`).pluck().get(ids.m2018), table).toBe(0);
    }
    expect(checkDatabase(db).problems).toEqual([]);
    // Nothing in the trash: nothing deleted.
    expect(store.emptyTrash()).toBe(0);
    expect(listed()).toEqual([ids.m2019]);
  });

  it('names what is wrong: an unknown meeting (not-found), a restore of a meeting not in the trash (invalid)', () => {
    expect(() => store.trash('m_nope', 'bo')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => store.restore(ids.m2019)).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => store.setArchived('m_nope', true)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('keeps the first time and author when a meeting is trashed twice', () => {
    store.trash(ids.m2019, 'bo');
    store.trash(ids.m2019, 'cy');
    expect(store.list('trash')[0]).toMatchObject({ deletedBy: 'bo' });
  });
});

describe('archive', () => {
  it('hides a meeting from the home list into the archive view, still searchable, and back', () => {
    store.setArchived(ids.m2019, true);
    expect(listed()).toEqual([ids.m2018]);
    expect(store.list('archived')).toEqual([expect.objectContaining({ id: ids.m2019, archivedAt: '2026-11-30T10:00:00.000Z' })]);
    expect(store.search('Siem Reap').map((h) => h.id)).toContain(ids.m2019);
    store.setArchived(ids.m2019, false);
    expect(listed().sort()).toEqual([ids.m2018, ids.m2019].sort());
    expect(store.list('archived')).toEqual([]);
  });

  it('an archived meeting moved to the trash is listed only in the trash', () => {
    store.setArchived(ids.m2019, true);
    store.trash(ids.m2019, 'bo');
    expect(store.list('archived')).toEqual([]);
    expect(store.list('trash').map((m) => m.id)).toEqual([ids.m2019]);
  });
});

describe('a sealed meeting', () => {
  it('can be archived and brought back, but never trashed: the refusal is read-only, naming the seal', async () => {
    const { createServices } = await import('../../../src/main/services');
    const dir = tempDir('minuta-sealed-trash-');
    const services = createServices({ databasePath: join(dir.dir, 'minuta.sqlite'), version: 'test', author: 'ana' });
    try {
      const id = services.store.create(loadFixture(2019), 'ana').id;
      for (const t of ['submit', 'approve', 'seal'] as const) services.store.workflow.transition(id, t, 'ana');
      expect(await services.dispatch('archiveMeeting', { id, archived: true })).toMatchObject({ ok: true });
      expect(services.store.list('archived').map((m) => m.id)).toEqual([id]);
      expect(await services.dispatch('archiveMeeting', { id, archived: false })).toMatchObject({ ok: true });
      const trashed = await services.dispatch('trashMeeting', { id });
      expect(trashed).toMatchObject({ ok: false, error: { code: 'read-only' } });
      if (!trashed.ok) expect(trashed.error.message).toMatch(/sealed/);
      expect(services.store.list().map((m) => m.id)).toEqual([id]);
    } finally {
      services.close();
      dir.cleanup();
    }
  });
});
