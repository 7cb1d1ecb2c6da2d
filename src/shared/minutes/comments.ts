import { z } from 'zod';
import { Id } from './scalars';

/**
 * Comment threads as stored and exchanged (the store, IPC, the `.minuta.json` file). Where an anchor
 * lies in a version of the minutes is src/shared/review/comments.ts.
 *
 * An anchor is a block (any id of the document: a block, a bullet, a turn) or a range of text inside
 * one of its fields: the field's path inside that object ("text", "items.2.text", "question"), UTF-16
 * offsets into the field's plain text (ProseMirror's and JavaScript's unit), and the text quoted when
 * the comment was made.
 */

export const COMMENT_LIMITS = {
  /** A comment's text (a long remark, not a document). */
  maxText: 10_000,
  /** The quoted text of a range anchor. */
  maxQuote: 2_000,
  maxPath: 200,
  maxAuthor: 200,
  /** Threads per meeting and comments per thread (a file or a payload cannot grow without bound). */
  maxThreads: 5_000,
  maxReplies: 500,
} as const;

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9]*(\.(?:[A-Za-z][A-Za-z0-9]*|\d{1,5}))*$/;

export const CommentText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(COMMENT_LIMITS.maxText, `must be at most ${COMMENT_LIMITS.maxText} characters`);

export const FieldRange = z
  .strictObject({
    path: z.string().max(COMMENT_LIMITS.maxPath).regex(FIELD_PATH, 'must be a field path such as "text" or "items.2.text"'),
    start: z.number().int().min(0).max(10_000_000),
    end: z.number().int().min(0).max(10_000_000),
    quote: z.string().min(1, 'must not be empty').max(COMMENT_LIMITS.maxQuote, `must be at most ${COMMENT_LIMITS.maxQuote} characters`),
  })
  .refine((r) => r.end > r.start, { message: 'end must be after start', path: ['end'] })
  .refine((r) => r.quote.length === r.end - r.start, { message: 'quote must be the text between start and end', path: ['quote'] });
export type FieldRange = z.infer<typeof FieldRange>;

export const CommentAnchor = z.strictObject({
  blockId: z.string().min(1).max(64),
  range: FieldRange.optional(),
});
export type CommentAnchor = z.infer<typeof CommentAnchor>;

const isoTime = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'must be an ISO time in UTC');
const person = z.string().min(1).max(COMMENT_LIMITS.maxAuthor);

export const CommentEntry = z.strictObject({
  id: Id,
  author: person,
  at: isoTime,
  text: CommentText,
});
export type CommentEntry = z.infer<typeof CommentEntry>;

/** The last resolve or reopen: who, when. Absent: never resolved. */
export const Resolution = z.strictObject({ resolved: z.boolean(), by: person, at: isoTime });
export type Resolution = z.infer<typeof Resolution>;

/** A thread as stored and exchanged: the first comment opens it, the rest are replies in order. */
export const CommentThread = z.strictObject({
  id: Id,
  anchor: CommentAnchor,
  comments: z.array(CommentEntry).min(1).max(COMMENT_LIMITS.maxReplies + 1),
  resolution: Resolution.optional(),
});
export type CommentThread = z.infer<typeof CommentThread>;

export const CommentThreads = z
  .array(CommentThread)
  .max(COMMENT_LIMITS.maxThreads)
  .superRefine((threads, ctx) => {
    const seen = new Set<string>();
    threads.forEach((t, i) => {
      for (const [j, id] of [t.id, ...t.comments.map((c) => c.id)].entries()) {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate comment id ${id}`, path: [i, ...(j === 0 ? ['id'] : ['comments', j - 1, 'id'])] });
        seen.add(id);
      }
    });
  });

export const isResolved = (t: Pick<CommentThread, 'resolution'>): boolean => t.resolution?.resolved === true;
