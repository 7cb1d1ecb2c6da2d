import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Meeting, plain } from '../../src/shared/minutes';
import { fingerprint } from '../../src/shared/format';
import { openDatabase, type Db } from '../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../src/main/store/meetings';
import { exportMeeting } from '../../src/main/export';
import { reviewCopy } from '../../src/main/export/reviewCopy';
import { loadFixture, tempDir } from '../support/temp';
import { tool } from '../support/exportText';
import { odtAnnotations, odtTrackedChanges } from '../support/redlineFiles';

/**
 * Issue 11, point 4: the DOCX review copy of the 2018 minutes against "Draft 1", as LibreOffice reads
 * it (converted to ODT: LibreOffice through UNO aborts on documents with comments). Its tracked
 * changes carry their authors; accepting all gives the current text, rejecting all the base; every
 * comment thread is a comment with its author, replies under their parent, the resolved one marked;
 * each block has a bookmark named for its id; custom properties name what the copy was made from.
 */

const LOOK = resolve('test-results/review-copy');
let tmp: ReturnType<typeof tempDir>;
let db: Db;
let store: MeetingStore;
let base: Meeting;
let current: Meeting;
const files = { docx: '', odt: '', newer: '', older: '' };
let baseRevision = 0;
const QUOTE = 'Sokha Hotel';

const unzip = (file: string, part: string) => execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const text = (m: Meeting, id: string) => ((m.body.find((b) => b.id === id) as { text: { text: string }[] }).text ?? []).map((r) => r.text).join('');

beforeAll(async () => {
  tmp = tempDir('minuta-review-');
  mkdirSync(LOOK, { recursive: true });
  let clock = Date.parse('2026-06-10T09:00:00Z');
  db = openDatabase(join(tmp.dir, 'minuta.sqlite'));
  store = createMeetingStore(db, { now: () => new Date((clock += 120_000)) });
  base = loadFixture(2018);
  const id = base.id;
  store.create(base, 'Ana Lopes');
  baseRevision = store.nameVersion(id, 'Draft 1', 'Ana Lopes');
  // After Draft 1: Sokha rewords the summary and removes the first section's heading block's neighbour.
  const intro = text(base, 'b_18001');
  const edited = structuredClone(base);
  (edited.body[0] as { text: unknown }).text = plain(intro.replace('2-day', 'two-day').replace('to discuss about', 'to discuss'));
  store.saveDocument(id, edited, 'Sokha Chan');
  const threads = store.comments;
  // A thread on a range, with a reply by another delegate; a thread on a block, resolved; a thread on
  // a block that is then removed (detached, still exported).
  const start = text(edited, 'b_18001').indexOf(QUOTE);
  const onText = threads.add(id, { blockId: 'b_18001', range: { path: 'text', start, end: start + QUOTE.length, quote: QUOTE } }, 'Name the hotel in full?', 'Vilay Phommasane');
  threads.reply(id, onText.id, 'It is the name on the invitation.', 'Sokha Chan');
  const onBlock = threads.add(id, { blockId: 'b_18003' }, 'Observers list checked against the register.', 'Ana Lopes');
  threads.setResolved(id, onBlock.id, true, 'Ana Lopes');
  threads.add(id, { blockId: 'b_18006' }, 'This remark should go.', 'Vilay Phommasane');
  const removed = structuredClone(store.get(id)!.meeting);
  const section = removed.body.find((b) => b.id === 'b_18010') as { blocks: { id: string }[] };
  section.blocks = section.blocks.filter((b) => b.id !== 'b_18006');
  store.saveDocument(id, removed, 'Noy Keo');
  current = store.get(id)!.meeting;

  files.docx = join(tmp.dir, 'review.docx');
  writeFileSync(files.docx, (await reviewCopy(store, id, 'Draft 1')).bytes);
  files.newer = join(tmp.dir, 'newer.docx');
  writeFileSync(files.newer, await exportMeeting(current, 'docx'));
  files.older = join(tmp.dir, 'older.docx');
  writeFileSync(files.older, await exportMeeting(base, 'docx'));
  const r = tool('soffice', 'libreoffice-writer-nogui', ['--headless', `-env:UserInstallation=file://${tmp.dir}/lo-profile`, '--convert-to', 'odt', '--outdir', tmp.dir, files.docx, files.newer, files.older], { timeout: 180_000 });
  expect(r.code, r.stderr).toBe(0);
  files.odt = join(tmp.dir, 'review.odt');
  writeFileSync(join(LOOK, 'review.docx'), readFileSync(files.docx));
  writeFileSync(join(LOOK, 'review.odt'), readFileSync(files.odt));
}, 240_000);
afterAll(() => {
  db?.close();
  tmp?.cleanup();
});

describe('the DOCX review copy, as LibreOffice reads it', () => {
  it('lists the tracked changes with the authors who made them; accepting all gives the current text, rejecting all the base', () => {
    const lo = odtTrackedChanges(readFileSync(files.odt));
    const creators = (kind: string) => new Set(lo.regions.filter((r) => r.kind === kind).map((r) => r.creator));
    expect(creators('insertion')).toEqual(new Set(['Sokha Chan']));
    expect(creators('deletion')).toEqual(new Set(['Sokha Chan', 'Noy Keo']));
    const newer = odtTrackedChanges(readFileSync(join(tmp.dir, 'newer.odt')));
    const older = odtTrackedChanges(readFileSync(join(tmp.dir, 'older.odt')));
    expect(lo.accepted).toEqual(newer.accepted);
    expect(lo.rejected).toEqual(older.accepted);
    expect(lo.accepted.join(' ')).toContain('A two-day Technical');
    expect(lo.rejected.join(' ')).toContain('A 2-day Technical');
  });

  it('lists every comment with its author, replies under their thread, the resolved thread marked', () => {
    const notes = odtAnnotations(readFileSync(files.odt));
    const shown = notes.map((n) => [n.creator, n.text.replace(/^\[Detached[^\]]*\] /, ''), n.resolved] as const);
    // LibreOffice 7.4 writes a thread's comments at one anchor (the reply first) and reads no reply
    // links (newer versions write loext:parent-name); the links themselves are checked in the DOCX below.
    expect([...shown].sort()).toEqual(
      [
        ['Vilay Phommasane', 'This remark should go.', false],
        ['Vilay Phommasane', 'Name the hotel in full?', false],
        ['Sokha Chan', 'It is the name on the invitation.', false],
        ['Ana Lopes', 'Observers list checked against the register.', true],
      ].sort(),
    );
    // The detached thread sits on the first paragraph (the title), saying so; then the rest in document order.
    expect(notes[0]!.text).toMatch(/^\[Detached: the commented block is no longer in the minutes\] This remark/);
    expect(notes.at(-1)!.creator).toBe('Ana Lopes');
    const reply = notes.find((n) => n.creator === 'Sokha Chan')!;
    const parent = notes.find((n) => n.text === 'Name the hotel in full?')!;
    expect(Math.abs(notes.indexOf(reply) - notes.indexOf(parent))).toBe(1);
    if (reply.parent) expect(reply.parent).toBe(parent.name);
  });

  it('anchors a range comment on exactly its quoted text', () => {
    const xml = unzip(files.docx, 'word/document.xml');
    const between = /<w:commentRangeStart w:id="0"\/>([\s\S]*?)<w:commentRangeEnd w:id="0"\/>/.exec(xml)?.[1] ?? '';
    expect([...between.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toBe(QUOTE);
    // Replies share the thread's range and have their own reference.
    expect(xml).toMatch(/<w:commentRangeStart w:id="1"\/>/);
    expect(xml.match(/<w:commentReference w:id="\d+"\/>/g)).toHaveLength(4);
    const extended = unzip(files.docx, 'word/commentsExtended.xml');
    expect(extended.match(/w15:paraIdParent=/g)).toHaveLength(1);
    expect(extended.match(/w15:done="1"/g)).toHaveLength(1);
  });

  it('has a bookmark for every block, named for its id, and custom properties naming what it was made from', async () => {
    const xml = unzip(files.docx, 'word/document.xml');
    const names = new Set([...xml.matchAll(/<w:bookmarkStart w:name="([^"]+)" w:id="(\d+)"\/>/g)].map((m) => m[1]));
    const printed = ['b_18001', 'b_18002', 'b_18003', 'b_18005', 'b_18007', 'b_18009'];
    for (const id of printed) expect(names, id).toContain(id);
    const ids = [...xml.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    const ends = [...xml.matchAll(/<w:bookmarkEnd w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(new Set(ends)).toEqual(new Set(ids));
    const custom = unzip(files.docx, 'docProps/custom.xml');
    const prop = (name: string) => new RegExp(`name="${name}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom)?.[1];
    expect(prop('MinutaMeetingId')).toBe(current.id);
    expect(prop('MinutaBaseRevision')).toBe(String(baseRevision));
    expect(prop('MinutaRevision')).toBe(String(store.get(current.id)!.revisionId));
    expect(prop('MinutaFingerprint')).toBe(await fingerprint(current));
  });
});
