import { MinutaError, excerpt } from '../../shared/errors';
import { layoutRedline } from '../../shared/review/redline';
import { indexIds } from '../../shared/review/compare';
import { type CommentThread, documentOrder, placeThreads } from '../../shared/review/comments';
import type { MeetingStore } from '../store/meetings';
import { renderDocx } from './docx/render';
import type { ReviewThread } from './docx/review';
import { compareVersions } from './comparison';

/**
 * The DOCX review copy: the current version of a meeting with every change since a base version as a
 * real Word tracked change (the compare engine's redline, comparison.ts), every comment thread as a
 * Word comment with its replies and resolved state, a bookmark per block, and custom document
 * properties (MinutaMeetingId, MinutaBaseRevision, MinutaRevision, MinutaFingerprint) so that a
 * reviewed copy can be matched back to what it was made from.
 */

type StoreReader = Pick<MeetingStore, 'get' | 'revision' | 'revisions' | 'namedVersions'> & { comments: Pick<MeetingStore['comments'], 'list'> };

export interface ReviewCopy {
  bytes: Uint8Array;
  baseRevision: number;
  revision: number;
  threads: number;
}

export async function reviewCopy(store: StoreReader, meetingId: string, baseRef: string, options: { now?: Date } = {}): Promise<ReviewCopy> {
  const head = store.get(meetingId);
  if (!head) throw new MinutaError('not-found', `No meeting with id ${excerpt(meetingId)}`, 'id');
  const v = compareVersions(store, meetingId, baseRef, String(head.revisionId));
  if (v.a.revisionId > v.b.revisionId) {
    throw new MinutaError('invalid', `The base ${excerpt(baseRef)} is not older than the current revision ${v.b.revisionId}`, 'base');
  }
  const current = v.b.meeting;
  const layout = await layoutRedline(v.a.meeting, current, v.comparison, {
    labels: { a: v.a.label, b: `the current version (revision ${v.b.revisionId})` },
    fallback: { author: v.b.author, date: v.b.savedAt },
  });
  const threads = documentOrder(current, store.comments.list(meetingId));
  const places = placeThreads(current, threads);
  const sources = new Set(layout.blocks.map((b) => b.source));
  const index = indexIds(current);
  // A bullet's or a turn's thread belongs to the top-level block that prints it.
  const sourceOf = (t: CommentThread): string | undefined => {
    for (let id: string | undefined = t.anchor.blockId, n = 0; id && n < 64; n++) {
      if (sources.has(id)) return id;
      id = index.get(id)?.at.parent;
    }
    return undefined;
  };
  const review: ReviewThread[] = threads.map((thread) => ({ thread, place: places.get(thread.id)!, source: sourceOf(thread) }));
  const bytes = await renderDocx(
    {
      ...layout,
      meta: { ...layout.meta, title: `Review copy: ${layout.meta.title.replace(/^Comparison: /, '')}` },
      ...(layout.comparison ? { comparison: { ...layout.comparison, heading: `Review copy: changes since ${v.a.label}` } } : {}),
    },
    {
      ...(options.now ? { now: options.now } : {}),
      review: {
        threads: review,
        properties: [
          { name: 'MinutaMeetingId', value: meetingId },
          { name: 'MinutaBaseRevision', value: String(v.a.revisionId) },
          { name: 'MinutaRevision', value: String(v.b.revisionId) },
        ],
      },
    },
  );
  return { bytes, baseRevision: v.a.revisionId, revision: v.b.revisionId, threads: review.length };
}
