import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../../src/main/store/db';
import { createMeetingStore } from '../../../src/main/store/meetings';
import type { Services } from '../../../src/main/services';
import { call, servicesWithDialogs } from '../../support/dialogServices';
import { INTERCHANGE_VERSION, plain, type Meeting } from '../../../src/shared/minutes';
import type { CommentThreadView } from '../../../src/shared/ipc/contract';
import { loadFixture, tempDir } from '../../support/temp';

/**
 * Comment threads through the real services and a real SQLite file: add on a block and on a range,
 * reply, resolve and reopen (who, when), detach and re-anchor as the text changes, and the threads
 * travel in backups and in `.minuta.json` files.
 */

let tmp: ReturnType<typeof tempDir>;
let services: Services;
/** The file the save dialog picked last. */
const saved: { path?: string } = {};
const INTRO = 'b_19001';
const QUOTE = 'Siem Reap';

const open = (name: string, author: string): Services => servicesWithDialogs(tmp.dir, name, author, saved);

const introText = (m: Meeting) => (m.body.find((b) => b.id === INTRO) as { text: { text: string }[] }).text.map((r) => r.text).join('');

let meeting: Meeting;
let start: number;
beforeEach(() => {
  tmp = tempDir('minuta-comments-');
  services = open('minuta.sqlite', 'Ana Lopes');
  meeting = loadFixture(2019);
  services.store.create(meeting, 'Ana Lopes');
  start = introText(meeting).indexOf(QUOTE);
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

const range = () => ({ blockId: INTRO, range: { path: 'text', start, end: start + QUOTE.length, quote: QUOTE } });

function saveIntro(text: string) {
  const m = structuredClone(services.store.get(meeting.id)!.meeting);
  (m.body.find((b) => b.id === INTRO) as { text: unknown }).text = plain(text);
  services.store.saveDocument(meeting.id, m, 'Sok');
}

describe('comments', () => {
  it('adds threads on a block and on a range, replies, resolves and reopens, recording who and when', async () => {
    const onBlock = await call<CommentThreadView>(services, 'addComment', { id: meeting.id, anchor: { blockId: 'b_19002' }, text: 'Objectives agreed?' });
    const onText = await call<CommentThreadView>(services, 'addComment', { id: meeting.id, anchor: range(), text: 'Spell it Siem Reap province?' });
    expect(onBlock.place).toEqual({ state: 'block', blockId: 'b_19002' });
    expect(onText.place).toEqual({ state: 'range', blockId: INTRO, path: 'text', start, end: start + QUOTE.length, moved: false });
    const replied = await call<CommentThreadView>(services, 'replyComment', { id: meeting.id, threadId: onText.id, text: 'No: the city.' });
    expect(replied.comments.map((c) => [c.author, c.text])).toEqual([
      ['Ana Lopes', 'Spell it Siem Reap province?'],
      ['Ana Lopes', 'No: the city.'],
    ]);
    const resolved = await call<CommentThreadView>(services, 'resolveComment', { id: meeting.id, threadId: onText.id, resolved: true });
    expect(resolved.resolution).toMatchObject({ resolved: true, by: 'Ana Lopes' });
    // Open threads first, in document order; then resolved ones.
    const listed = await call<CommentThreadView[]>(services, 'listComments', { id: meeting.id });
    expect(listed.map((t) => t.id)).toEqual([onBlock.id, onText.id]);
    const reopened = await call<CommentThreadView>(services, 'resolveComment', { id: meeting.id, threadId: onText.id, resolved: false });
    expect(reopened.resolution).toMatchObject({ resolved: false, by: 'Ana Lopes' });
    expect((await call<CommentThreadView[]>(services, 'listComments', { id: meeting.id })).map((t) => t.id)).toEqual([onText.id, onBlock.id]);
  });

  it('refuses a range whose quote is not the text at its offsets, or a block that is not there, storing nothing', async () => {
    const wrong = { blockId: INTRO, range: { path: 'text', start: start + 1, end: start + 1 + QUOTE.length, quote: QUOTE } };
    for (const anchor of [wrong, { blockId: 'b_nothere' }, { blockId: INTRO, range: { ...range().range, path: 'items.0.text' } }]) {
      const r = await services.dispatch('addComment', { id: meeting.id, anchor, text: 'x' });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid', path: 'anchor' } });
    }
    const missing = await services.dispatch('replyComment', { id: meeting.id, threadId: 'c_none', text: 'x' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(services.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(0);
  });

  it('keeps a thread whose text is deleted as detached, and re-anchors it when the quote is back in the block', async () => {
    const t = await call<CommentThreadView>(services, 'addComment', { id: meeting.id, anchor: range(), text: 'Check the venue' });
    saveIntro(`Moved: ${introText(meeting)}`);
    let [view] = await call<CommentThreadView[]>(services, 'listComments', { id: meeting.id });
    expect(view!.place).toEqual({ state: 'range', blockId: INTRO, path: 'text', start: start + 7, end: start + 7 + QUOTE.length, moved: true });
    saveIntro('The meeting was held in Phnom Penh.');
    [view] = await call<CommentThreadView[]>(services, 'listComments', { id: meeting.id });
    expect(view!.place).toEqual({ state: 'detached', blockId: INTRO, reason: 'text-changed' });
    expect(view!.comments[0]!.text).toBe('Check the venue');
    // A reply to a detached thread is still possible; nothing is lost.
    await call(services, 'replyComment', { id: meeting.id, threadId: t.id, text: 'Venue changed.' });
    saveIntro('Held in Siem Reap after all.');
    [view] = await call<CommentThreadView[]>(services, 'listComments', { id: meeting.id });
    expect(view!.place).toMatchObject({ state: 'range', start: 8, end: 8 + QUOTE.length, moved: true });
    // The block removed: detached, still listed with both comments.
    const m = structuredClone(services.store.get(meeting.id)!.meeting);
    m.body = m.body.filter((b) => b.id !== INTRO);
    services.store.saveDocument(meeting.id, m, 'Sok');
    [view] = await call<CommentThreadView[]>(services, 'listComments', { id: meeting.id });
    expect(view!.place).toEqual({ state: 'detached', blockId: INTRO, reason: 'block-removed' });
    expect(view!.comments).toHaveLength(2);
  });

  it('exports a review copy through the save dialog of the export service', async () => {
    await call(services, 'addComment', { id: meeting.id, anchor: range(), text: 'In the copy' });
    services.store.nameVersion(meeting.id, 'Draft 1', 'Ana Lopes');
    saveIntro(`Edited: ${introText(meeting)}`);
    const r = await call<{ saved: boolean; path: string; bytes: number }>(services, 'exportReviewCopy', { id: meeting.id, base: 'Draft 1' });
    expect(r).toMatchObject({ saved: true });
    expect(r.path).toMatch(/review copy\.docx$/);
    expect(readFileSync(r.path).subarray(0, 2).toString()).toBe('PK');
    const missing = await services.dispatch('exportReviewCopy', { id: meeting.id, base: 'Draft 9' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('are in a backup: the copy lists the same threads', async () => {
    await call(services, 'addComment', { id: meeting.id, anchor: range(), text: 'In the backup?' });
    const target = join(tmp.dir, 'backup.sqlite');
    await services.db.backup(target);
    const copy = openDatabase(target);
    try {
      expect(createMeetingStore(copy).comments.list(meeting.id)).toEqual(services.store.comments.list(meeting.id));
      expect(createMeetingStore(copy).comments.list(meeting.id)).toHaveLength(1);
    } finally {
      copy.close();
    }
  });

  it('travel in a .minuta.json file: exported as the current version and imported with the meeting', async () => {
    const t = await call<CommentThreadView>(services, 'addComment', { id: meeting.id, anchor: range(), text: 'Travels?' });
    await call(services, 'replyComment', { id: meeting.id, threadId: t.id, text: 'Yes.' });
    await call(services, 'resolveComment', { id: meeting.id, threadId: t.id, resolved: true });
    expect(await call(services, 'exportMeeting', { id: meeting.id, format: 'json' })).toMatchObject({ saved: true });
    const file = JSON.parse(readFileSync(saved.path!, 'utf8'));
    expect(file).toMatchObject({ version: INTERCHANGE_VERSION, comments: [{ id: t.id, comments: [{ text: 'Travels?' }, { text: 'Yes.' }], resolution: { resolved: true } }] });
    const other = open('other.sqlite', 'Sok');
    try {
      const imported = await call<{ meeting: { id: string } }>(other, 'importMeeting', undefined);
      const [thread] = await call<CommentThreadView[]>(other, 'listComments', { id: imported.meeting.id });
      const { place: _p, ...stored } = thread!;
      expect(stored).toEqual(services.store.comments.list(meeting.id)[0]);
    } finally {
      other.close();
    }
  });
});
