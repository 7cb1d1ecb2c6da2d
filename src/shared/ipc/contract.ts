import { z } from 'zod';
import type { Result } from './result';
import { listProblems } from '../errors';
import { MeetingChangesSchema, TEMPLATE_NAMES, checkStructure, formatIssues, isoDateProblem, type Meeting, type MeetingChanges } from '../minutes';
import { channelOf, type MethodName } from './methods';
import { CommentAnchor, CommentText, CommentThread } from '../review/comments';

/**
 * The one IPC contract between the renderer and the main process. The preload builds its named
 * functions from it, the main process validates every payload against it, and the end-to-end harness
 * bridges the same names. Payloads stay JSON-shaped (strings, numbers, arrays, plain objects,
 * Uint8Array): Map, Set and Buffer would not survive every bridge.
 */

/** One rule for dates (isoDateProblem): the contract accepts exactly the dates a document may hold. */
const isoDate = z.string().superRefine((value, ctx) => {
  const problem = isoDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.replace(/^Invalid date: /, 'must be a real date: ') });
});
const meetingId = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

/**
 * What a save carries (src/shared/minutes/changes.ts): validated record by record here, the
 * document-wide rules (unique ids, references, structure, size) by the store against its head. The
 * nesting is bounded before zod descends, as for a whole document.
 */
const meetingChanges = z.custom<MeetingChanges>().transform((value, ctx): MeetingChanges => {
  const structural = checkStructure(value, ['changes']);
  if (structural.length > 0) {
    ctx.addIssue({ code: 'custom', message: listProblems(structural) });
    return z.NEVER;
  }
  const parsed = MeetingChangesSchema.safeParse(value);
  if (parsed.success) return parsed.data as MeetingChanges;
  ctx.addIssue({ code: 'custom', message: listProblems(formatIssues(parsed.error, ['changes'])) });
  return z.NEVER;
});

export const meetingSummary = z.object({
  id: z.string(),
  title: z.string(),
  startsOn: isoDate,
  updatedAt: z.string(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const newMeeting = z.strictObject({
  template: z.enum(TEMPLATE_NAMES as [string, ...string[]]).default('blank'),
  title: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  startsOn: isoDate,
});
export type NewMeeting = z.input<typeof newMeeting>;

const none = z.undefined().or(z.strictObject({}));

/** PDF and Word from the agreed format; `json` is the minutes file itself (.minuta.json), to share or archive. */
export const exportFormat = z.enum(['pdf', 'docx', 'json']);
export type ExportFormat = z.infer<typeof exportFormat>;

/** What the paged preview needs: the same stylesheet and body that are printed, and the page geometry. */
export const exportPreview = z.object({
  css: z.string(),
  body: z.string(),
  lang: z.string(),
  title: z.string(),
  fingerprint: z.string(),
  draftMark: z.string().optional(),
  pageLabel: z.object({ before: z.string(), between: z.string(), after: z.string() }),
  fingerprintLabel: z.string(),
  page: z.object({ widthMm: z.number(), heightMm: z.number(), marginsMm: z.tuple([z.number(), z.number(), z.number(), z.number()]) }),
});
export type ExportPreview = z.infer<typeof exportPreview>;

/**
 * Why the database could not be opened, for the startup error screen: each says what the user can do
 * (update Minuta; restore a backup; choose another file with --db; free space; close the other program).
 */
export const STARTUP_PROBLEMS = ['newer-version', 'not-minuta', 'damaged', 'no-permission', 'disk-full', 'locked', 'other'] as const;
export type StartupProblem = (typeof STARTUP_PROBLEMS)[number];

export const startupState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready') }),
  z.object({
    status: z.literal('failed'),
    /** The database file Minuta tried to open. */
    databasePath: z.string(),
    problem: z.enum(STARTUP_PROBLEMS),
    /** What happened, in a sentence (bounded; never the file's content). */
    detail: z.string(),
    version: z.string(),
  }),
]);
export type StartupState = z.infer<typeof startupState>;

const threadId = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

/** A thread with where its anchor lies in the current version (src/shared/review/comments.ts). */
export const commentThreadView = CommentThread.extend({
  place: z.discriminatedUnion('state', [
    z.object({ state: z.literal('block'), blockId: z.string() }),
    z.object({ state: z.literal('range'), blockId: z.string(), path: z.string(), start: z.number(), end: z.number(), moved: z.boolean() }),
    z.object({ state: z.literal('detached'), blockId: z.string(), reason: z.enum(['block-removed', 'text-changed']) }),
  ]),
});
export type CommentThreadView = z.infer<typeof commentThreadView>;

export const contract = {
  appInfo: {
    request: none,
    response: z.object({
      version: z.string(),
      databasePath: z.string(),
      author: z.string(),
      /** True when the database can only be read (file, folder or media not writable): every change is refused. */
      readOnly: z.boolean(),
      /** Why, e.g. "the file is on read-only media"; present when readOnly. */
      readOnlyReason: z.string().optional(),
    }),
  },
  /**
   * Whether the main process could open the database. The renderer asks this first: when it failed,
   * every other method answers `unavailable` and the renderer shows the startup error screen.
   */
  startupState: {
    request: none,
    response: startupState,
  },
  listMeetings: {
    request: none,
    response: z.array(meetingSummary),
  },
  searchMeetings: {
    request: z.strictObject({
      query: z
        .string()
        .max(500, 'must be at most 500 characters')
        // A NUL cannot be part of a word anyone types; SQLite's FTS would stop the query at it.
        .refine((q) => !q.includes('\u0000'), 'must not contain a NUL character'),
    }),
    /** One hit per meeting, best first; `blockId` is the block of its best hit ("~head": title, venue, register). */
    response: z.array(z.object({ id: z.string(), title: z.string(), startsOn: z.string(), snippet: z.string(), blockId: z.string() })),
  },
  getMeeting: {
    request: z.strictObject({ id: meetingId }),
    /**
     * `seq`: the meeting's save sequence, moved on by every successful save; the `base` of the next save.
     * A meeting whose head fails its hash check answers `corrupt` (see recoverMeeting).
     */
    response: meetingSummary.extend({ meeting: z.custom<Meeting>(), revisionId: z.number(), seq: z.number() }),
  },
  createMeeting: {
    request: newMeeting,
    response: meetingSummary,
  },
  duplicateMeeting: {
    /** The next meeting of a series from a past one: same structure, register and delegations, discussion cleared. */
    request: z.strictObject({
      id: meetingId,
      title: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
      startsOn: isoDate,
    }),
    response: meetingSummary,
  },
  /**
   * Saves what changed since `base` (the seq the changes start from). Refused with `conflict`, changing
   * nothing, when the meeting's seq is no longer `base` (another window, app instance or the CLI saved).
   */
  saveMeeting: {
    request: z.strictObject({ id: meetingId, base: z.number().int().min(0), changes: meetingChanges }),
    response: z.object({ revisionId: z.number(), seq: z.number(), folded: z.boolean(), changed: z.array(z.string()) }),
  },
  /**
   * When the head revision fails its hash check: the last revision that verifies becomes the head again,
   * as a new revision (nothing is destroyed). A meeting that is intact is left as it is.
   */
  recoverMeeting: {
    request: z.strictObject({ id: meetingId }),
    response: z.object({ revisionId: z.number(), seq: z.number() }),
  },
  listRevisions: {
    request: z.strictObject({ id: meetingId }),
    response: z.array(
      z.object({
        id: z.number(),
        author: z.string(),
        startedAt: z.string(),
        savedAt: z.string(),
        saves: z.number(),
        changed: z.array(z.string()),
        names: z.array(z.string()),
      }),
    ),
  },
  nameVersion: {
    request: z.strictObject({
      id: meetingId,
      name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
      revisionId: z.number().int().positive().optional(),
    }),
    response: z.object({ revisionId: z.number() }),
  },
  /**
   * Exports the stored meeting: main asks the user where (save dialog), renders, writes atomically.
   * `saved: false` when the user cancels. `sealed` drops the draft mark (sealing proper comes later).
   */
  exportMeeting: {
    request: z.strictObject({ id: meetingId, format: exportFormat, sealed: z.boolean().optional() }),
    response: z.object({ saved: z.boolean(), path: z.string().optional(), bytes: z.number().optional() }),
  },
  /**
   * Adds the minutes of a `.minuta.json` file the user picks (open dialog in main). `imported: false`
   * when the user cancels; a file that is not valid minutes is refused (`invalid`, naming the
   * problem) and changes nothing. A meeting already here is added as a copy with a new id.
   */
  importMeeting: {
    request: none,
    response: z.object({ imported: z.boolean(), meeting: meetingSummary.optional() }),
  },
  /** The print HTML of the stored meeting, for the in-app paged preview (what you see is what prints). */
  previewMeeting: {
    request: z.strictObject({ id: meetingId, sealed: z.boolean().optional() }),
    response: exportPreview,
  },
  /**
   * The meeting's comment threads in document order (open first, detached after anchored), each with
   * where its anchor lies in the current version.
   */
  listComments: {
    request: z.strictObject({ id: meetingId }),
    response: z.array(commentThreadView),
  },
  /** Starts a thread on a block or on a range of text in one of its fields (`range.quote`: the text commented). */
  addComment: {
    request: z.strictObject({ id: meetingId, anchor: CommentAnchor, text: CommentText }),
    response: commentThreadView,
  },
  replyComment: {
    request: z.strictObject({ id: meetingId, threadId, text: CommentText }),
    response: commentThreadView,
  },
  /** Resolves (`resolved: true`) or reopens a thread; who and when are recorded. */
  resolveComment: {
    request: z.strictObject({ id: meetingId, threadId, resolved: z.boolean() }),
    response: commentThreadView,
  },
  /**
   * The DOCX review copy of the current version against `base` (a revision number or a version's
   * name): changes since it as Word tracked changes, threads as Word comments. Main asks where (save
   * dialog); `saved: false` when the user cancels.
   */
  exportReviewCopy: {
    request: z.strictObject({ id: meetingId, base: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') }),
    response: z.object({ saved: z.boolean(), path: z.string().optional(), bytes: z.number().optional() }),
  },
} as const satisfies Record<MethodName, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export const methods = Object.keys(contract) as Method[];

export type Request<M extends Method> = z.input<Contract[M]['request']>;
export type Response<M extends Method> = z.output<Contract[M]['response']>;

export { channelOf };

/** What the renderer sees as `window.minuta`: one named function per method. */
export type MinutaApi = { [M in Method]: (request: Request<M>) => Promise<Result<Response<M>>> };

/** What the main process implements: one function per method, given an already-validated request. */
export type Handlers = {
  [M in Method]: (request: z.output<Contract[M]['request']>) => Response<M> | Promise<Response<M>>;
};
