import { MinutaError, excerpt } from '../../shared/errors';
import type { Handlers } from '../../shared/ipc/contract';
import { type CommentThread, documentOrder, placeThreads } from '../../shared/review/comments';
import type { ExportService } from '../export/service';
import { prepareReviewCopy } from '../export/reviewCopy';
import type { MeetingStore } from '../store/meetings';

/** The comment methods and the review copy, over the store's comment threads (store/comments.ts). */
export function commentHandlers(ctx: {
  store: MeetingStore;
  /** Who is acting now (the "Who am I" settings can change while the app runs). */
  author: () => string;
  writable: () => void;
  exports: ExportService | undefined;
}): Pick<Handlers, 'listComments' | 'addComment' | 'replyComment' | 'resolveComment' | 'exportReviewCopy'> {
  const { store, author, writable } = ctx;
  const current = (id: string) => {
    const found = store.get(id);
    if (!found) throw new MinutaError('not-found', `No meeting with id ${excerpt(id)}`, 'id');
    return found.meeting;
  };
  const view = (id: string, thread: CommentThread) => ({ ...thread, place: placeThreads(current(id), [thread]).get(thread.id)! });
  return {
    listComments: ({ id }) => {
      const meeting = current(id);
      const threads = documentOrder(meeting, store.comments.list(id));
      const places = placeThreads(meeting, threads);
      return threads.map((t) => ({ ...t, place: places.get(t.id)! }));
    },
    addComment: ({ id, anchor, text }) => {
      writable();
      const meeting = current(id);
      // A new thread must point at something that is there now, with the quote it claims; later edits may detach it.
      const place = placeThreads(meeting, [{ id: 'c_new', anchor, comments: [{ id: 'cm_new', author: author(), at: new Date().toISOString(), text }] }]).get('c_new')!;
      // A new range must hold exactly the quoted text at its offsets (what the user selected).
      if (place.state === 'detached' || (place.state === 'range' && place.moved)) {
        throw new MinutaError('invalid', `Block ${excerpt(anchor.blockId)} has no ${anchor.range ? `text "${excerpt(anchor.range.quote)}" in ${excerpt(anchor.range.path)}` : 'such block'}`, 'anchor');
      }
      return view(id, store.comments.add(id, anchor, text, author()));
    },
    replyComment: ({ id, threadId, text }) => {
      writable();
      return view(id, store.comments.reply(id, threadId, text, author()));
    },
    resolveComment: ({ id, threadId, resolved }) => {
      writable();
      return view(id, store.comments.setResolved(id, threadId, resolved, author()));
    },
    exportReviewCopy: async ({ id, base }) => {
      // The versions and threads are read here (cheap); comparing, laying out and writing run in the export worker.
      const input = prepareReviewCopy(store, id, base);
      if (!ctx.exports) throw new MinutaError('unavailable', 'Export is not available in this process');
      return ctx.exports.exportReviewCopy(input);
    },
  };
}
