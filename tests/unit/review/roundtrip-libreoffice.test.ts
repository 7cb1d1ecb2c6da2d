import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../../src/main/store/meetings';
import { reviewCopy } from '../../../src/main/export/reviewCopy';
import { importReview } from '../../../src/main/review/importReview';
import { readReviewedDocx } from '../../../src/main/review/docx';
import { layoutMeeting } from '../../../src/shared/format';
import { plain, richTextToString, type Meeting } from '../../../src/shared/minutes';
import type { Suggestion } from '../../../src/shared/minutes/reviewSuggestions';
import { type LibreOfficeReviewed, MALEE_REVIEW, libreOfficeMissing, reviewWithLibreOffice } from '../../support/libreofficeReview';
import { layoutRuns, layoutText } from '../../support/layoutText';
import { loadFixture, tempDir } from '../../support/temp';

/**
 * The Word round trip end to end, with LibreOffice as the reviewer's word processor: a Minuta review copy
 * of the 2018 minutes (carrying its own tracked change since Draft 1, by Sokha Chan) is edited in
 * LibreOffice 7.4 by "Malee Sirikul" — words replaced, inserted and deleted across several blocks, a
 * name made bold, a paragraph deleted, comments and a reply added — with change tracking on, and again
 * with it off. Imported through the one import path (read + map + store), each gives exactly those
 * suggestions, on the right blocks, by her; accepting all of them makes the minutes print what
 * LibreOffice's own "accept all" shows, word for word.
 */

const missing = libreOfficeMissing();
if (missing) console.log(`roundtrip-libreoffice: skipped, ${missing}`);

const { user: USER, name: NAME, edits: EDITS, comments: COMMENTS } = MALEE_REVIEW;

let tmp: ReturnType<typeof tempDir>;
let db: Db;
let store: MeetingStore;
let id: string;
let current: Meeting;
let tracked: LibreOfficeReviewed;
let untracked: LibreOfficeReviewed;

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const textOf = async (m: Meeting) => layoutText(await layoutMeeting(m));

/** A fresh database holding the 2018 minutes, Draft 1, and Sokha's later edit (the copy's own change). */
function freshStore(dir: string): { db: Db; store: MeetingStore } {
  const d = openDatabase(join(dir, `minuta-${Math.random().toString(36).slice(2)}.sqlite`));
  let clock = Date.parse('2026-06-10T09:00:00Z');
  const s = createMeetingStore(d, { now: () => new Date((clock += 120_000)) });
  const base = loadFixture(2018);
  s.create(base, 'Ana Lopes');
  s.nameVersion(base.id, 'Draft 1', 'Ana Lopes');
  const edited = structuredClone(base);
  const summary = edited.body[0] as { text: { text: string }[] };
  summary.text = plain(summary.text.map((r) => r.text).join('').replace('2-day', 'two-day'));
  s.saveDocument(base.id, edited, 'Sokha Chan');
  return { db: d, store: s };
}

describe.skipIf(missing !== undefined)('a review copy reviewed in LibreOffice comes back as suggestions', () => {
  beforeAll(async () => {
    tmp = tempDir('minuta-roundtrip-');
    ({ db, store } = freshStore(tmp.dir));
    id = loadFixture(2018).id;
    current = store.get(id)!.meeting;
    const copy = await reviewCopy(store, id, 'Draft 1');
    tracked = await reviewWithLibreOffice(copy.bytes, {
      user: USER,
      track: true,
      edits: EDITS,
      comments: COMMENTS,
    });
    untracked = await reviewWithLibreOffice(copy.bytes, { user: USER, track: false, edits: EDITS });
  }, 300_000);
  afterAll(() => {
    db?.close();
    tmp?.cleanup();
  });

  const summarise = (list: readonly Suggestion[]) =>
    list.map((s) => {
      const c = s.change;
      return c.kind === 'text'
        ? { kind: c.kind, target: c.target, quote: c.quote, insert: richTextToString(c.insert) }
        : c.kind === 'format'
          ? { kind: c.kind, target: c.target, quote: c.quote, bold: c.bold }
          : c.kind === 'remove-block' || c.kind === 'remove-item'
            ? { kind: c.kind, target: c.target }
            : { kind: c.kind };
    });

  it('tracked: exactly the reviewer\'s edits, on their blocks, by her; her comment and its reply as a thread, the resolved one resolved', async () => {
    const before = store.comments.list(id).length;
    const done = await importReview(db, store, { meetingId: id, fileName: 'review-malee.docx', bytes: tracked.docx }, 'Secretariat');
    expect(done.import).toMatchObject({ reviewer: NAME, baseRevision: 2, fileName: 'review-malee.docx' });
    const list = done.suggestions;
    // Sokha's change is the copy's own text: it is no suggestion.
    expect(list.every((s) => s.author === NAME && s.tracked)).toBe(true);
    expect(summarise(list)).toEqual([
      { kind: 'text', target: 'b_18001', quote: 'Consultative', insert: 'Consultation' },
      { kind: 'text', target: 'd_18003', quote: '', insert: ' in Phnom Penh' },
      { kind: 'text', target: 'b_18005', quote: 'and appreciation ', insert: '' },
      { kind: 'format', target: 'b_18006', quote: 'H.E San Arun', bold: true },
      expect.objectContaining({ kind: expect.stringMatching(/^remove-/) }),
    ]);
    const threads = store.comments.list(id).slice(before);
    expect(threads).toHaveLength(2);
    expect(threads[1]!.resolution?.resolved).toBe(true);
    expect(threads[0]!.comments.map((c) => [c.author, c.text])).toEqual([
      [NAME, 'Full name of the organisation?'],
      ['Somchai Wongsa', 'It is the registered name.'],
    ]);
    expect(threads[0]!.anchor.blockId).toBe('b_18003');

    // Accept all: the minutes now print what LibreOffice's "accept all" shows.
    const accepted = store.suggestions.accept(id, list.map((s) => s.id), 'Secretariat');
    expect(accepted.conflicts).toEqual([]);
    const head = store.get(id)!.meeting;
    const printed = words(await textOf(head));
    const libreoffice = words(tracked.accepted);
    // The copy prints a comparison note before the minutes: LibreOffice's text ends with the minutes.
    expect(libreoffice.slice(libreoffice.length - printed.length)).toEqual(printed);
    // And the bold reached the model.
    const bolded = layoutRuns(await layoutMeeting(head)).find((r) => r.text.includes('H.E San Arun'));
    expect(bolded).toMatchObject({ bold: true });
    expect(store.revisions(id).at(-1)).toMatchObject({ author: NAME });
  });

  it('untracked: the same changes, attributed to the file\'s last author and marked untracked', async () => {
    const other = freshStore(tmp.dir);
    try {
      const done = await importReview(other.db, other.store, { meetingId: id, fileName: 'review-malee-plain.docx', bytes: untracked.docx }, 'Secretariat');
      const list = done.suggestions;
      expect(list.every((s) => s.author === NAME && !s.tracked)).toBe(true);
      const trackedAgain = freshStore(tmp.dir);
      try {
        const t = await importReview(trackedAgain.db, trackedAgain.store, { meetingId: id, fileName: 'review-malee.docx', bytes: tracked.docx }, 'Secretariat');
        expect(summarise(list)).toEqual(summarise(t.suggestions));
      } finally {
        trackedAgain.db.close();
      }
      other.store.suggestions.accept(id, list.map((s) => s.id), 'Secretariat');
      expect(words(await textOf(other.store.get(id)!.meeting))).toEqual(words(await textOf(store.get(id)!.meeting)));
    } finally {
      other.db.close();
    }
  });

  it('refuses a copy of another meeting (naming it), a file it already has, and changes nothing', async () => {
    const other = freshStore(tmp.dir);
    try {
      const y2019 = loadFixture(2019);
      other.store.create(y2019, 'Ana Lopes');
      const before = { suggestions: other.store.suggestions.list(y2019.id).length, revisions: other.store.revisions(y2019.id).length };
      await expect(importReview(other.db, other.store, { meetingId: y2019.id, fileName: 'review-malee.docx', bytes: tracked.docx }, 'Secretariat')).rejects.toMatchObject({
        code: 'invalid',
        message: expect.stringContaining(`review copy of another meeting (${id})`),
      });
      expect({ suggestions: other.store.suggestions.list(y2019.id).length, revisions: other.store.revisions(y2019.id).length }).toEqual(before);
      // The reader's own view of the file: it names this meeting.
      expect(readReviewedDocx(tracked.docx).custom['MinutaMeetingId']).toBe(id);
    } finally {
      other.db.close();
    }
    await expect(importReview(db, store, { meetingId: id, fileName: 'again.docx', bytes: tracked.docx }, 'Secretariat')).rejects.toMatchObject({ message: expect.stringContaining('already imported') });
  });

  it('the minutes before the review are as the copy showed them', async () => {
    expect(words(await textOf(current)).length).toBeGreaterThan(100);
  });
});
