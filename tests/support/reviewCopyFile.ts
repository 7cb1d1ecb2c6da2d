import { join } from 'node:path';
import { plain, type Meeting } from '../../src/shared/minutes';
import { openDatabase } from '../../src/main/store/db';
import { createMeetingStore } from '../../src/main/store/meetings';
import { reviewCopy } from '../../src/main/export/reviewCopy';
import { loadFixture, tempDir } from './temp';

/**
 * A real Minuta review copy of the 2018 minutes, made the way the app makes one (a store, a named
 * base version, later saves by others, comment threads with a reply and a resolved one), for the tests
 * that read reviewed copies back. Block ids of the 2018 fixture: b_18001 (the summary), b_18003 …
 */

export const REVIEW_COPY = {
  /** Text Sokha changed after Draft 1 (a tracked change already in the copy). */
  quote: 'Sokha Hotel',
  threadText: 'Name the hotel in full?',
  replyText: 'It is the name on the invitation.',
  resolvedText: 'Observers list checked against the register.',
} as const;

export interface MadeReviewCopy {
  bytes: Uint8Array;
  base: Meeting;
  current: Meeting;
  baseRevision: number;
  revision: number;
}

const text = (m: Meeting, id: string) => ((m.body.find((b) => b.id === id) as { text: { text: string }[] }).text ?? []).map((r) => r.text).join('');

/**
 * `threads: false` leaves the comment threads out: LibreOffice 7.4 driven through UNO aborts on a
 * document that has comments, so the copies it edits have none (comments are added afterwards, see
 * libreofficeReview.ts).
 */
export async function makeReviewCopy(options: { threads?: boolean } = {}): Promise<MadeReviewCopy> {
  const tmp = tempDir('minuta-reviewcopy-');
  const db = openDatabase(join(tmp.dir, 'minuta.sqlite'));
  try {
    let clock = Date.parse('2026-06-10T09:00:00Z');
    const store = createMeetingStore(db, { now: () => new Date((clock += 120_000)) });
    const base = loadFixture(2018);
    const id = base.id;
    store.create(base, 'Ana Lopes');
    store.nameVersion(id, 'Draft 1', 'Ana Lopes');
    const edited = structuredClone(base);
    (edited.body[0] as { text: unknown }).text = plain(text(base, 'b_18001').replace('2-day', 'two-day'));
    store.saveDocument(id, edited, 'Sokha Chan');
    if (options.threads !== false) addThreads(store, id, edited);
    const current = store.get(id)!.meeting;
    const made = await reviewCopy(store, id, 'Draft 1');
    return { bytes: made.bytes, base, current, baseRevision: made.baseRevision, revision: made.revision };
  } finally {
    db.close();
    tmp.cleanup();
  }
}

function addThreads(store: ReturnType<typeof createMeetingStore>, id: string, edited: Meeting): void {
    const start = text(edited, 'b_18001').indexOf(REVIEW_COPY.quote);
    const thread = store.comments.add(
      id,
      { blockId: 'b_18001', range: { path: 'text', start, end: start + REVIEW_COPY.quote.length, quote: REVIEW_COPY.quote } },
      REVIEW_COPY.threadText,
      'Vilay Phommasane',
    );
    store.comments.reply(id, thread.id, REVIEW_COPY.replyText, 'Sokha Chan');
    const onBlock = store.comments.add(id, { blockId: 'b_18003' }, REVIEW_COPY.resolvedText, 'Ana Lopes');
    store.comments.setResolved(id, onBlock.id, true, 'Ana Lopes');
}
