import type { StateCreator } from 'zustand';
import type { CommentThreadView } from '../../../shared/ipc/contract';
import type { CommentAnchor } from '../../../shared/minutes/comments';
import { call } from '../api/client';
import type { AppState } from './store';

/**
 * The open meeting's comment threads, as main lists them (document order, open first, each with where
 * its anchor lies in the stored version). Comments are their own records, outside the save protocol:
 * each action is one call, and the list is read again after it and after each save (anchors move).
 */
/** What the editor marks, by key, so that each block and field looks its own up in O(1) on every render. */
export interface CommentMarks {
  /** Open threads anchored on each block (by the anchor's block id, range anchors included). */
  blocks: Record<string, number>;
  /** Open threads' ranges in each field, by field key ("<blockId>.<path>"). */
  ranges: Record<string, { start: number; end: number; threadId: string }[]>;
}

export function marksOf(threads: readonly CommentThreadView[]): CommentMarks {
  const marks: CommentMarks = { blocks: {}, ranges: {} };
  for (const t of threads) {
    if (t.resolution?.resolved || t.place.state === 'detached') continue;
    marks.blocks[t.anchor.blockId] = (marks.blocks[t.anchor.blockId] ?? 0) + 1;
    if (t.place.state === 'range') (marks.ranges[`${t.place.blockId}.${t.place.path}`] ??= []).push({ start: t.place.start, end: t.place.end, threadId: t.id });
  }
  return marks;
}

const NO_MARKS: CommentMarks = { blocks: {}, ranges: {} };

/**
 * `next`, or `previous` when it holds the same marks. The list is read again after every save and
 * mostly nothing changed: keeping the object keeps every field's selector answer (a bullets field
 * selects all the ranges), so the editor's fields do not all render again after each save (on 200
 * pages that was a 40–100 ms task right after the typing paused).
 */
export function sameMarksOr(previous: CommentMarks, next: CommentMarks): CommentMarks {
  return JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

export interface CommentsSlice {
  comments: { meetingId: string | null; threads: CommentThreadView[]; error: string | null };
  commentMarks: CommentMarks;
  /** The anchor a new thread is being written for (the composer in the pane), or null. */
  commentDraft: CommentAnchor | null;
  commentsPaneOpen: boolean;
  loadComments(meetingId: string): Promise<void>;
  startComment(anchor: CommentAnchor): void;
  cancelComment(): void;
  setCommentsPaneOpen(open: boolean): void;
  addComment(text: string): Promise<boolean>;
  replyComment(threadId: string, text: string): Promise<boolean>;
  resolveComment(threadId: string, resolved: boolean): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const createCommentsSlice: StateCreator<AppState, [], [], CommentsSlice> = (set, get) => {
  const run = async (action: (meetingId: string) => Promise<unknown>): Promise<boolean> => {
    const id = get().doc?.id;
    if (!id) return false;
    try {
      // The anchor is checked against the stored version: save pending edits first.
      await get().flush();
      await action(id);
      await get().loadComments(id);
      return true;
    } catch (e) {
      set((s) => ({ comments: { ...s.comments, error: message(e) } }));
      return false;
    }
  };
  return {
    comments: { meetingId: null, threads: [], error: null },
    commentMarks: NO_MARKS,
    commentDraft: null,
    commentsPaneOpen: true,
    async loadComments(meetingId) {
      try {
        const threads = await call('listComments', { id: meetingId });
        if (get().doc?.id !== meetingId) return;
        const before = get().comments;
        // Unchanged (the usual answer after a save): nothing to set, nothing renders again.
        if (before.meetingId === meetingId && before.error === null && JSON.stringify(before.threads) === JSON.stringify(threads)) return;
        set({ comments: { meetingId, threads, error: null }, commentMarks: sameMarksOr(get().commentMarks, marksOf(threads)) });
      } catch (e) {
        set({ comments: { meetingId, threads: [], error: message(e) }, commentMarks: sameMarksOr(get().commentMarks, NO_MARKS) });
      }
    },
    startComment(anchor) {
      set({ commentDraft: anchor, commentsPaneOpen: true });
    },
    cancelComment() {
      set({ commentDraft: null });
    },
    setCommentsPaneOpen(commentsPaneOpen) {
      set({ commentsPaneOpen });
    },
    async addComment(text) {
      const anchor = get().commentDraft;
      if (!anchor) return false;
      const ok = await run((id) => call('addComment', { id, anchor, text }));
      if (ok) set({ commentDraft: null });
      return ok;
    },
    replyComment: (threadId, text) => run((id) => call('replyComment', { id, threadId, text })),
    async resolveComment(threadId, resolved) {
      await run((id) => call('resolveComment', { id, threadId, resolved }));
    },
  };
};
