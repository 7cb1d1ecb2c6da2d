import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/main/store/db';
import type { MeetingStore } from '../../../src/main/store/meetings';
import { historyOf, restoreRevision } from '../../../src/main/review/history';
import { createServices } from '../../../src/main/services';
import { isMinutaError, type MinutaError } from '../../../src/shared/errors';
import { plain, type Meeting } from '../../../src/shared/minutes';
import { bodyIndex, blockLabel } from '../../../src/shared/review/restore';
import { loadFixture, type tempDir } from '../../support/temp';
import { openTestStore } from '../../support/testStore';

/**
 * Restoring from history: a whole revision or one block of it becomes a NEW revision by whoever
 * restores, through the store's ordinary save path; every earlier revision reads exactly as before.
 */
let tmp: ReturnType<typeof tempDir>;
let db: Db;
let store: MeetingStore;
let tick: (ms: number) => number;

beforeEach(() => {
  ({ tmp, db, store, tick } = openTestStore('minuta-history-'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

type Obj = Record<string, unknown>;
/** `meeting` with the first rich-text field of block `id` (wherever it is) replaced by `text`. */
function edit(meeting: Meeting, id: string, text: string): Meeting {
  const copy = structuredClone(meeting) as Meeting;
  const block = bodyIndex(copy).get(id)!.block as Obj;
  const key = ['text', 'heading', 'title'].find((k) => Array.isArray(block[k]))!;
  block[key] = plain(text);
  return copy;
}
const textOf = (m: Meeting, id: string) => bodyIndex(m).get(id)?.block;
const snapshot = (id: string) =>
  store.revisions(id).map((r) => ({ ...r, doc: JSON.stringify(store.revision(id, r.id)) }));

function refusal(run: () => unknown): MinutaError {
  try {
    run();
  } catch (error) {
    if (isMinutaError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The 2019 minutes: created by ana (r1), ana edits b_19001 (r2), bo edits b_19008 (r3). */
function twoAuthors() {
  const created = store.create(loadFixture(2019), 'ana');
  const id = created.id;
  tick(5 * 60_000);
  const r2 = store.saveDocument(id, edit(created.meeting, 'b_19001', 'Ana rewrote the opening paragraph.'), 'ana').revisionId;
  tick(5 * 60_000);
  const r3 = store.saveDocument(id, edit(store.get(id)!.meeting, 'b_19008', 'Bo rewrote the welcome.'), 'bo').revisionId;
  tick(5 * 60_000);
  return { id, r1: created.revisionId, r2, r3 };
}

describe('restore from history', () => {
  it('restores a whole revision as a new revision by the current author, leaving every revision as it was', () => {
    const { id, r1, r3 } = twoAuthors();
    const before = snapshot(id);
    const result = restoreRevision(store, { id, revisionId: r1, base: store.get(id)!.seq }, 'chea');
    expect(result.revisionId).toBeGreaterThan(r3);
    expect(result.folded).toBe(false);
    expect(result.changed.sort()).toEqual(['b_19001', 'b_19008']);
    const after = store.revisions(id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ id: result.revisionId, author: 'chea', origin: 'save' });
    // The head reads exactly as revision 1 did; the old revisions are byte for byte what they were.
    expect(store.get(id)!.meeting).toEqual(store.revision(id, r1));
    expect(snapshot(id).slice(0, before.length)).toEqual(before);
  });

  it('restores one block and keeps everyone else’s later edits', () => {
    const { id, r1, r3 } = twoAuthors();
    const before = snapshot(id);
    const result = restoreRevision(store, { id, revisionId: r1, blockId: 'b_19001' }, 'chea');
    expect(result.changed).toEqual(['b_19001']);
    const head = store.get(id)!.meeting;
    expect(textOf(head, 'b_19001')).toEqual(textOf(store.revision(id, r1)!, 'b_19001'));
    expect(textOf(head, 'b_19008')).toEqual(textOf(store.revision(id, r3)!, 'b_19008'));
    expect(store.revisions(id).at(-1)).toMatchObject({ author: 'chea', changed: ['b_19001'] });
    expect(snapshot(id).slice(0, before.length)).toEqual(before);
  });

  it('puts a block removed since back at its old place', () => {
    const { id, r1 } = twoAuthors();
    const head = store.get(id)!.meeting;
    store.saveDocument(id, { ...head, body: head.body.filter((b) => b.id !== 'b_19018') }, 'bo');
    tick(5 * 60_000);
    restoreRevision(store, { id, revisionId: r1, blockId: 'b_19018' }, 'chea');
    const ids = store.get(id)!.meeting.body.map((b) => b.id);
    expect(ids).toEqual(store.revision(id, r1)!.body.map((b) => b.id));
  });

  it('restores a session with its blocks inside a section (2018 minutes)', () => {
    const created = store.create(loadFixture(2018), 'ana');
    const id = created.id;
    tick(5 * 60_000);
    let m = edit(created.meeting, 'b_18038', 'A renamed session');
    m = edit(m, 'b_18019', 'A rewritten presentation');
    store.saveDocument(id, m, 'bo');
    tick(5 * 60_000);
    const result = restoreRevision(store, { id, revisionId: created.revisionId, blockId: 'b_18038' }, 'chea');
    expect(result.changed.sort()).toEqual(['b_18019', 'b_18038']);
    expect(store.get(id)!.meeting).toEqual(created.meeting);
  });

  it('restores the title block, dates, venue and register as "~head"', () => {
    const created = store.create(loadFixture(2019), 'ana');
    const id = created.id;
    tick(5 * 60_000);
    const m = structuredClone(created.meeting);
    m.venue = { ...m.venue, city: 'Vientiane' };
    store.saveDocument(id, edit(m, 'b_19001', 'kept'), 'bo');
    tick(5 * 60_000);
    expect(restoreRevision(store, { id, revisionId: created.revisionId, blockId: '~head' }, 'chea').changed).toEqual(['~head']);
    const head = store.get(id)!.meeting;
    expect(head.venue).toEqual(created.meeting.venue);
    expect(JSON.stringify(textOf(head, 'b_19001'))).toContain('kept');
  });

  it('is a revision of its own: never folded into the author’s burst, nor folded into by the next save', () => {
    const { id, r1 } = twoAuthors();
    const typed = store.saveDocument(id, edit(store.get(id)!.meeting, 'b_19009', 'Chea typing'), 'chea');
    tick(1_000);
    const restored = restoreRevision(store, { id, revisionId: r1, blockId: 'b_19001' }, 'chea');
    expect(restored.revisionId).toBeGreaterThan(typed.revisionId);
    tick(1_000);
    const next = store.saveDocument(id, edit(store.get(id)!.meeting, 'b_19009', 'Chea typing on'), 'chea');
    expect(next.revisionId).toBeGreaterThan(restored.revisionId);
  });

  it('refuses a stale base with conflict and an unknown revision or block with not-found, changing nothing', () => {
    const { id, r1 } = twoAuthors();
    const before = snapshot(id);
    expect(refusal(() => restoreRevision(store, { id, revisionId: r1, base: 1 }, 'chea')).code).toBe('conflict');
    expect(refusal(() => restoreRevision(store, { id, revisionId: 999, blockId: 'b_19001' }, 'chea')).code).toBe('not-found');
    expect(refusal(() => restoreRevision(store, { id, revisionId: r1, blockId: 'b_nope' }, 'chea')).code).toBe('not-found');
    expect(refusal(() => restoreRevision(store, { id: 'm_nope', revisionId: r1 }, 'chea')).code).toBe('not-found');
    expect(snapshot(id)).toEqual(before);
  });

  it('writes nothing when the document already reads that way', () => {
    const { id, r3 } = twoAuthors();
    const count = store.revisions(id).length;
    expect(restoreRevision(store, { id, revisionId: r3 }, 'chea').changed).toEqual([]);
    expect(store.revisions(id)).toHaveLength(count);
  });
});

describe('history as the panel lists it', () => {
  it('names each changed block by its words, never by its id, and lists the names pinning a revision', () => {
    const { id, r2 } = twoAuthors();
    store.nameVersion(id, 'Draft 1 circulated 12 June 2019', 'ana', r2);
    const history = historyOf(store, id);
    const second = history.find((r) => r.id === r2)!;
    expect(second).toMatchObject({ author: 'ana', names: ['Draft 1 circulated 12 June 2019'] });
    expect(second.blocks).toEqual([{ id: 'b_19001', label: 'Paragraph: Ana rewrote the opening paragraph.' }]);
    expect(history.at(-1)!.blocks[0]!.label).toBe('Paragraph: Bo rewrote the welcome.');
    for (const r of history) for (const b of r.blocks) expect(b.label).not.toMatch(/^b_/);
  });

  it('labels a block removed since from the revision that still held it', () => {
    const { id } = twoAuthors();
    const head = store.get(id)!.meeting;
    store.saveDocument(id, { ...head, body: head.body.filter((b) => b.id !== 'b_19018') }, 'bo');
    expect(historyOf(store, id).at(-1)!.blocks).toEqual([
      { id: 'b_19018', label: expect.stringMatching(/^Next meeting: The venue and date of the next/) },
    ]);
  });

  it('labels sections, sessions and blocks readably', () => {
    const index = bodyIndex(loadFixture(2018));
    expect(blockLabel(index.get('b_18004')!.block)).toBe('PARTICIPANTS OF THE MEETING');
    expect(blockLabel(index.get('b_18038')!.block)).toMatch(/^Session 1: Current status of migration in Thailand/);
    expect(blockLabel(index.get('b_18019')!.block)).toMatch(/^Presentation: /);
  });
});

describe('restore through the services (the IPC handler)', () => {
  it('attributes the new revision to the session’s author and validates the payload', async () => {
    db.close();
    const services = createServices({ databasePath: join(tmp.dir, 'minuta.sqlite'), version: 'test', author: 'dara' });
    try {
      const created = services.store.create(loadFixture(2019), 'ana');
      services.store.saveDocument(created.id, edit(created.meeting, 'b_19001', 'Changed'), 'bo');
      const result = await services.dispatch('restoreRevision', { id: created.id, revisionId: created.revisionId, blockId: 'b_19001' });
      expect(result).toMatchObject({ ok: true, value: { changed: ['b_19001'] } });
      expect(services.store.revisions(created.id).at(-1)).toMatchObject({ author: 'dara' });
      const bad = await services.dispatch('restoreRevision', { id: created.id, revisionId: 'one' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', path: 'revisionId' } });
    } finally {
      services.close();
      db = openDatabase(join(tmp.dir, 'other.sqlite'));
    }
  });
});
