import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../../src/main/store/meetings';
import { backupDatabase } from '../../../src/main/store/backup';
import { toFtsQuery } from '../../../src/main/store/searchText';
import { plain, type Meeting } from '../../../src/shared/minutes';
import { loadFixture, type tempDir } from '../../support/temp';
import { openTestStore } from '../../support/testStore';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
let store: MeetingStore;
let tick: (ms: number) => number;

beforeEach(() => {
  ({ tmp, db, store, tick } = openTestStore('minuta-store-'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

/** The document with the text of its first paragraph-like block changed (a typical autosave). */
function edit(meeting: Meeting, text: string): Meeting {
  const copy = structuredClone(meeting);
  copy.titleBlock.title = plain(text);
  return copy;
}

describe('meeting store', () => {
  it('keeps the document id on create, and gives a new one when it is taken', () => {
    const m = loadFixture(2019);
    expect(store.create(m, 'ana').id).toBe(m.id);
    const again = store.create(m, 'ana');
    expect(again.id).not.toBe(m.id);
    expect(again.meeting.id).toBe(again.id);
    expect(store.list()).toHaveLength(2);
  });

  it('gives back exactly the document it stored', () => {
    const m = loadFixture(2018);
    store.create(m, 'ana');
    expect(store.get(m.id)!.meeting).toEqual(m);
  });

  it('folds a burst of saves by one author into one revision, and opens a new one after a pause or another author', () => {
    const m = loadFixture(2019);
    store.create(m, 'ana');
    tick(5_000);
    const a = store.saveDocument(m.id, edit(m, 'one'), 'ana');
    tick(5_000);
    const b = store.saveDocument(m.id, edit(m, 'two'), 'ana');
    expect(b.folded).toBe(true);
    expect(b.revisionId).toBe(a.revisionId);
    tick(5_000);
    const c = store.saveDocument(m.id, edit(m, 'three'), 'ben');
    expect(c.folded).toBe(false);
    tick(120_000);
    const d = store.saveDocument(m.id, edit(m, 'four'), 'ben');
    expect(d.folded).toBe(false);

    const revisions = store.revisions(m.id);
    expect(revisions.map((r) => [r.author, r.saves])).toEqual([
      ['ana', 1], // the creation stands on its own
      ['ana', 2],
      ['ben', 1],
      ['ben', 1],
    ]);
    // History keeps the state at the end of each burst.
    expect(store.revision(m.id, a.revisionId)!.titleBlock.title).toEqual(plain('two'));
    expect(store.get(m.id)!.meeting.titleBlock.title).toEqual(plain('four'));
  });

  it('records which blocks a save changed', () => {
    const m = loadFixture(2019);
    store.create(m, 'ana');
    const next = structuredClone(m);
    const target = next.body[2]!;
    next.body[2] = { ...target, id: target.id } as typeof target;
    (next.body[2] as { text?: unknown }).text = plain('A rewritten paragraph.');
    const result = store.saveDocument(m.id, next, 'ana');
    expect(result.changed).toEqual([target.id]);
  });

  it('pins a named version: it can no longer change, and the next save opens a new revision', () => {
    const m = loadFixture(2019);
    store.create(m, 'ana');
    const first = store.saveDocument(m.id, edit(m, 'draft'), 'ana');
    store.nameVersion(m.id, 'Draft 1 circulated 12 June', 'ana');
    tick(1_000);
    const after = store.saveDocument(m.id, edit(m, 'after'), 'ana');
    expect(after.folded).toBe(false);
    expect(store.revision(m.id, first.revisionId)!.titleBlock.title).toEqual(plain('draft'));
    expect(store.namedVersions(m.id).map((v) => [v.name, v.revisionId])).toEqual([
      ['Draft 1 circulated 12 June', first.revisionId],
    ]);
    // Immutable at the storage level too, whatever code tries.
    expect(() => db.prepare("UPDATE revisions SET head = '{}' WHERE id = ?").run(first.revisionId)).toThrow(
      /pinned by a named version/,
    );
    expect(() => store.nameVersion(m.id, 'Draft 1 circulated 12 June', 'ana')).toThrow(/already exists/);
  });

  it('refuses to save a document under another meeting id', () => {
    const m = loadFixture(2019);
    store.create(m, 'ana');
    expect(() => store.saveDocument('m_other', m, 'ana')).toThrow(/not meeting m_other/);
  });
});

describe('search', () => {
  beforeEach(() => {
    store.create(loadFixture(2018), 'ana');
    store.create(loadFixture(2019), 'ana');
  });

  it('finds the 2018 meeting for "pink card", with a snippet around the words', () => {
    const hits = store.search('pink card');
    expect(hits.map((h) => h.id)).toEqual([loadFixture(2018).id]);
    expect(hits[0]!.snippet).toMatch(/\[pink\] \[card\]/);
  });

  it('names the block of the best hit, and indexes a block by its own record (a container by its heading only)', () => {
    const [hit] = store.search('pink card');
    const record = db.prepare(
      `SELECT r.record FROM block_records r
       JOIN revisions v ON v.meeting_id = r.meeting_id AND json_extract(v.manifest, '$."' || ? || '"') = r.hash
       WHERE r.meeting_id = ?`,
    ).pluck().get(hit!.blockId, hit!.id) as string;
    expect(record.toLowerCase()).toContain('pink card');
    expect(hit!.blockId).not.toBe('~head');
    const rows = db.prepare('SELECT count(*) FROM search_blocks WHERE meeting_id = ?').pluck().get(hit!.id) as number;
    const manifest = JSON.parse(db.prepare('SELECT manifest FROM revisions WHERE meeting_id = ?').pluck().get(hit!.id) as string) as object;
    expect(rows).toBe(Object.keys(manifest).length + 1);
    // A section's row holds its heading, not its children's words.
    const section = loadFixture(2018).body.find((b) => b.type === 'section')!;
    const text = db
      .prepare('SELECT s.text FROM search_blocks b JOIN search_index s ON s.rowid = b.id WHERE b.meeting_id = ? AND b.block_id = ?')
      .pluck()
      .get(hit!.id, section.id) as string;
    expect(text).toBe(section.heading.map((r) => r.text).join(' '));
  });

  it('lists each meeting once even when one meeting holds many of the best rows', () => {
    const crowded = { ...loadFixture(2019), id: 'm_crowded' };
    crowded.body = Array.from({ length: 30 }, (_, i) => ({ id: `b_z${i}`, type: 'paragraph' as const, text: plain('Zawgyi Zawgyi Zawgyi') }));
    store.create(crowded, 'ana');
    const other = { ...loadFixture(2019), id: 'm_other', body: [{ id: 'b_once', type: 'paragraph' as const, text: plain('Once, Zawgyi, in a long sentence about fonts and encodings.') }] };
    store.create(other, 'ana');
    expect(store.search('Zawgyi', 2).map((h) => h.id)).toEqual(['m_crowded', 'm_other']);
  });

  it('finds nothing for "Zawgyi"', () => {
    expect(store.search('Zawgyi')).toEqual([]);
  });

  it('ranks and lists each meeting once', () => {
    const hits = store.search('Siem Reap');
    expect(hits.map((h) => h.id).sort()).toEqual([loadFixture(2018).id, loadFixture(2019).id].sort());
  });

  it('re-indexes what a save changed and forgets what it removed', () => {
    const m = store.get(loadFixture(2019).id)!.meeting;
    const next = structuredClone(m);
    next.titleBlock.title = plain('Consultation on Zawgyi encoding');
    store.saveDocument(m.id, next, 'ana');
    expect(store.search('Zawgyi').map((h) => h.id)).toEqual([m.id]);
    store.saveDocument(m.id, m, 'ana');
    expect(store.search('Zawgyi')).toEqual([]);
  });

  it.each(['"', 'AND', 'pink OR', 'NEAR(', '*', 'title:x', "'; DROP TABLE meetings; --", '(((', '   '])(
    'never fails on FTS syntax in user input: %j',
    (input) => {
      expect(() => store.search(input)).not.toThrow();
    },
  );

  it('quotes every term', () => {
    expect(toFtsQuery('pink "work permit" card')).toBe('"pink" "work permit" "card"');
    expect(toFtsQuery('  ')).toBeNull();
  });
});

describe('backup', () => {
  it('writes a complete database that opens on its own, taken while the store is in use', async () => {
    const m = loadFixture(2018);
    store.create(m, 'ana');
    const target = join(tmp.dir, 'backup.sqlite');
    await backupDatabase(db, target);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT id FROM meetings').all()).toEqual([{ id: m.id }]);
    copy.close();
    const reopened = createMeetingStore(openDatabase(target));
    expect(reopened.get(m.id)!.meeting).toEqual(m);
    expect(reopened.search('pink card').map((h) => h.id)).toEqual([m.id]);
  });
});

describe('deferred indexing', () => {
  it('leaves re-indexing out of the save, and a search still sees the latest text', () => {
    const m = loadFixture(2019);
    store.create(m, 'ana');
    const next = structuredClone(m);
    next.titleBlock.title = plain('Consultation on Zawgyi encoding');
    store.saveDocument(m.id, next, 'ana');
    expect(db.prepare('SELECT block_id FROM search_pending').pluck().all()).toEqual(['~head']);
    expect(store.search('Zawgyi').map((h) => h.id)).toEqual([m.id]);
    expect(db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
  });

  it('catches up after a crash between a save and the next flush (the pending list is durable)', () => {
    const m = loadFixture(2019);
    store.create(m, 'ana');
    const next = structuredClone(m);
    next.titleBlock.title = plain('Consultation on Zawgyi encoding');
    store.saveDocument(m.id, next, 'ana');
    // A new store over the same file, as after a restart: it knows nothing of the first one's state.
    const reopened = createMeetingStore(db);
    expect(reopened.search('Zawgyi').map((h) => h.id)).toEqual([m.id]);
  });
});
