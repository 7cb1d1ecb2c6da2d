import { MinutaError, excerpt } from '../../shared/errors';
import type { Meeting } from '../../shared/minutes';
import { layoutRedline } from '../../shared/review/redline';
import { type Attribution, attributionFromRevisions, compareMeetings, indexIds } from '../../shared/review/compare';
import { type CommentThread, documentOrder, placeThreads } from '../../shared/review/comments';
import type { MeetingStore } from '../store/meetings';
import { HEAD_BLOCK_ID } from '../store/searchText';
import { renderDocx } from './docx/render';
import type { ReviewThread } from './docx/review';
import { resolveVersion } from './comparison';

/**
 * The DOCX review copy: the current version of a meeting with every change since a base version as a
 * real Word tracked change (the compare engine's redline), every comment thread as a Word comment with
 * its replies and resolved state, a bookmark per block, and custom document properties
 * (MinutaMeetingId, MinutaBaseRevision, MinutaRevision, MinutaFingerprint) so that a reviewed copy can
 * be matched back to what it was made from.
 *
 * Two steps, so that the heavy one runs in the export worker in the app: `prepareReviewCopy` reads the
 * store (the two versions, who made which change, the threads); `renderReviewCopy` compares, lays out
 * and writes the DOCX from that plain (structured-cloneable) input alone.
 */

type StoreReader = Pick<MeetingStore, 'get' | 'revision' | 'revisions' | 'namedVersions'> & { comments: Pick<MeetingStore['comments'], 'list'> };

interface Version {
  meeting: Meeting;
  revisionId: number;
  label: string;
  author: string;
  savedAt: string;
}

export interface ReviewCopyInput {
  meetingId: string;
  base: Version;
  current: Version;
  attribution: Map<string, Attribution>;
  threads: CommentThread[];
  now?: Date;
}

export function prepareReviewCopy(store: StoreReader, meetingId: string, baseRef: string): ReviewCopyInput {
  const head = store.get(meetingId);
  if (!head) throw new MinutaError('not-found', `No meeting with id ${excerpt(meetingId)}`, 'id');
  const base = resolveVersion(store, meetingId, baseRef);
  const current = resolveVersion(store, meetingId, String(head.revisionId));
  if (base.revisionId > current.revisionId) {
    throw new MinutaError('invalid', `The base ${excerpt(baseRef)} is not older than the current revision ${current.revisionId}`, 'base');
  }
  return {
    meetingId,
    base,
    current: { ...current, label: `the current version (revision ${current.revisionId})` },
    attribution: attributionFromRevisions(store.revisions(meetingId), base.revisionId, current.revisionId),
    threads: store.comments.list(meetingId),
  };
}

export async function renderReviewCopy(input: ReviewCopyInput): Promise<Uint8Array> {
  const { base, current } = input;
  const comparison = compareMeetings(base.meeting, current.meeting, {
    attribution: input.attribution,
    headKey: HEAD_BLOCK_ID,
    defaultAttribution: { author: current.author, date: current.savedAt },
  });
  const layout = await layoutRedline(base.meeting, current.meeting, comparison, {
    labels: { a: base.label, b: current.label },
    fallback: { author: current.author, date: current.savedAt },
  });
  const threads = documentOrder(current.meeting, input.threads);
  const places = placeThreads(current.meeting, threads);
  const sources = new Set(layout.blocks.map((b) => b.source));
  const index = indexIds(current.meeting);
  // A bullet's or a turn's thread belongs to the top-level block that prints it.
  const sourceOf = (t: CommentThread): string | undefined => {
    for (let id: string | undefined = t.anchor.blockId, n = 0; id && n < 64; n++) {
      if (sources.has(id)) return id;
      id = index.get(id)?.at.parent;
    }
    return undefined;
  };
  const review: ReviewThread[] = threads.map((thread) => ({ thread, place: places.get(thread.id)!, source: sourceOf(thread) }));
  return renderDocx(
    {
      ...layout,
      meta: { ...layout.meta, title: `Review copy: ${layout.meta.title.replace(/^Comparison: /, '')}` },
      ...(layout.comparison ? { comparison: { ...layout.comparison, heading: `Review copy: changes since ${base.label}` } } : {}),
    },
    {
      ...(input.now ? { now: input.now } : {}),
      review: {
        threads: review,
        properties: [
          { name: 'MinutaMeetingId', value: input.meetingId },
          { name: 'MinutaBaseRevision', value: String(base.revisionId) },
          { name: 'MinutaRevision', value: String(current.revisionId) },
        ],
      },
    },
  );
}

export interface ReviewCopy {
  bytes: Uint8Array;
  baseRevision: number;
  revision: number;
  threads: number;
}

/** Both steps in this thread (the CLI, tests). */
export async function reviewCopy(store: StoreReader, meetingId: string, baseRef: string): Promise<ReviewCopy> {
  const input = prepareReviewCopy(store, meetingId, baseRef);
  return { bytes: await renderReviewCopy(input), baseRevision: input.base.revisionId, revision: input.current.revisionId, threads: input.threads.length };
}
