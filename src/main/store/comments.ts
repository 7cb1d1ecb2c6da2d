import { writeTransaction, type Db } from './db';
import { MinutaError, excerpt } from '../../shared/errors';
import { newId } from '../../shared/minutes';
import { COMMENT_LIMITS, type CommentAnchor, type CommentThread } from '../../shared/review/comments';

/**
 * Comment threads of a meeting (migration 004). Adds threads and replies, resolves and reopens; never
 * edits or deletes a comment (the triggers hold that against any SQL). Callers hand in validated
 * values (the contract's schemas); where an anchor lies in a version is src/shared/review/comments.ts.
 */

interface ThreadRow {
  id: string;
  block_id: string;
  field_path: string | null;
  start_offset: number | null;
  end_offset: number | null;
  quote: string | null;
  resolved: number | null;
  resolved_by: string | null;
  resolved_at: string | null;
}
interface CommentRow {
  id: string;
  thread_id: string;
  author: string;
  created_at: string;
  body: string;
}

export function createComments(db: Db, now: () => Date) {
  // Prepared on first use: a store may be opened on an older schema (a migration's own test) and never touch comments.
  const prepare = () => ({
    meetingExists: db.prepare('SELECT 1 FROM meetings WHERE id = ?').pluck(),
    threads: db.prepare('SELECT * FROM comment_threads WHERE meeting_id = ? ORDER BY rowid'),
    comments: db.prepare(
      `SELECT c.id, c.thread_id, c.author, c.created_at, c.body FROM comments c
       JOIN comment_threads t ON t.id = c.thread_id WHERE t.meeting_id = ? ORDER BY c.seq`,
    ),
    threadOf: db.prepare('SELECT meeting_id AS meetingId FROM comment_threads WHERE id = ?'),
    count: db.prepare('SELECT count(*) FROM comment_threads WHERE meeting_id = ?').pluck(),
    replies: db.prepare('SELECT count(*) FROM comments WHERE thread_id = ?').pluck(),
    idTaken: db.prepare('SELECT 1 FROM comment_threads WHERE id = @id UNION ALL SELECT 1 FROM comments WHERE id = @id').pluck(),
    insertThread: db.prepare(
      `INSERT INTO comment_threads (id, meeting_id, block_id, field_path, start_offset, end_offset, quote, resolved, resolved_by, resolved_at)
       VALUES (@id, @meetingId, @blockId, @path, @start, @end, @quote, @resolved, @resolvedBy, @resolvedAt)`,
    ),
    insertComment: db.prepare('INSERT INTO comments (id, thread_id, author, created_at, body) VALUES (@id, @threadId, @author, @at, @text)'),
    resolve: db.prepare('UPDATE comment_threads SET resolved = @resolved, resolved_by = @by, resolved_at = @at WHERE id = @id'),
  });
  let statements: ReturnType<typeof prepare> | undefined;
  const sql = () => (statements ??= prepare());

  const list = (meetingId: string): CommentThread[] => {
    const byThread = new Map<string, CommentThread['comments']>();
    for (const c of sql().comments.all(meetingId) as CommentRow[]) {
      let list = byThread.get(c.thread_id);
      if (!list) byThread.set(c.thread_id, (list = []));
      list.push({ id: c.id, author: c.author, at: c.created_at, text: c.body });
    }
    return (sql().threads.all(meetingId) as ThreadRow[]).map((t) => ({
      id: t.id,
      anchor: {
        blockId: t.block_id,
        ...(t.field_path !== null ? { range: { path: t.field_path, start: t.start_offset!, end: t.end_offset!, quote: t.quote! } } : {}),
      },
      comments: byThread.get(t.id) ?? [],
      ...(t.resolved !== null ? { resolution: { resolved: t.resolved === 1, by: t.resolved_by!, at: t.resolved_at! } } : {}),
    }));
  };

  const threadMeeting = (meetingId: string, threadId: string) => {
    const row = sql().threadOf.get(threadId) as { meetingId: string } | undefined;
    if (!row || row.meetingId !== meetingId) throw new MinutaError('not-found', `Meeting ${excerpt(meetingId)} has no comment thread ${excerpt(threadId)}`, 'threadId');
  };
  const mustExist = (meetingId: string) => {
    if (!sql().meetingExists.get(meetingId)) throw new MinutaError('not-found', `No meeting with id ${excerpt(meetingId)}`, 'id');
  };
  const freshId = (prefix: string) => {
    for (;;) {
      const id = newId(prefix);
      if (!sql().idTaken.get({ id })) return id;
    }
  };

  /** Stores threads as they are (import): ids kept unless taken, in which case fresh ones are given. */
  const insertThread = (meetingId: string, t: CommentThread) => {
    const id = sql().idTaken.get({ id: t.id }) ? freshId('c') : t.id;
    const r = t.anchor.range;
    sql().insertThread.run({
      id,
      meetingId,
      blockId: t.anchor.blockId,
      path: r?.path ?? null,
      start: r?.start ?? null,
      end: r?.end ?? null,
      quote: r?.quote ?? null,
      resolved: t.resolution ? (t.resolution.resolved ? 1 : 0) : null,
      resolvedBy: t.resolution?.by ?? null,
      resolvedAt: t.resolution?.at ?? null,
    });
    for (const c of t.comments) sql().insertComment.run({ id: sql().idTaken.get({ id: c.id }) ? freshId('cm') : c.id, threadId: id, author: c.author, at: c.at, text: c.text });
    return id;
  };

  const add = writeTransaction(db, (meetingId: string, anchor: CommentAnchor, text: string, author: string): CommentThread => {
    mustExist(meetingId);
    if ((sql().count.get(meetingId) as number) >= COMMENT_LIMITS.maxThreads) {
      throw new MinutaError('invalid', `A meeting holds at most ${COMMENT_LIMITS.maxThreads} comment threads`);
    }
    const at = now().toISOString();
    const id = insertThread(meetingId, { id: freshId('c'), anchor, comments: [{ id: freshId('cm'), author, at, text }] });
    return list(meetingId).find((t) => t.id === id)!;
  });

  const reply = writeTransaction(db, (meetingId: string, threadId: string, text: string, author: string): CommentThread => {
    threadMeeting(meetingId, threadId);
    if ((sql().replies.get(threadId) as number) > COMMENT_LIMITS.maxReplies) {
      throw new MinutaError('invalid', `A thread holds at most ${COMMENT_LIMITS.maxReplies} replies`, 'threadId');
    }
    sql().insertComment.run({ id: freshId('cm'), threadId, author, at: now().toISOString(), text });
    return list(meetingId).find((t) => t.id === threadId)!;
  });

  const setResolved = writeTransaction(db, (meetingId: string, threadId: string, resolved: boolean, author: string): CommentThread => {
    threadMeeting(meetingId, threadId);
    sql().resolve.run({ id: threadId, resolved: resolved ? 1 : 0, by: author, at: now().toISOString() });
    return list(meetingId).find((t) => t.id === threadId)!;
  });

  return {
    /** The meeting's threads in the order they were started, each with its comments in order. */
    list,
    add,
    reply,
    setResolved,
    /** Adds threads read from a minutes file to a meeting just created from it (inside the caller's transaction). */
    importThreads: (meetingId: string, threads: readonly CommentThread[]): void => {
      for (const t of threads) insertThread(meetingId, t);
    },
  };
}

export type CommentStore = ReturnType<typeof createComments>;
