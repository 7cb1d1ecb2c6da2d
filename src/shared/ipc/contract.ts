import { z } from 'zod';
import type { Result } from './result';
import { listProblems } from '../errors';
import { MeetingChangesSchema, TEMPLATE_NAMES, checkStructure, formatIssues, isoDateProblem, type Meeting, type MeetingChanges } from '../minutes';
import { channelOf, type MethodName } from './methods';
import { AUDIT_ACTIONS, MAX_NOTE, MAX_SCAN_BYTES, SCAN_TYPES, TRANSITIONS, WORKFLOW_STATES } from '../workflow/states';
import { settingsSchema } from '../settings/settings';
import { CommentAnchor, CommentText, CommentThread } from '../review/comments';
import { ReviewImport, SUGGESTION_LIMITS, Suggestion } from '../minutes/reviewSuggestions';
import { MAX_REVIEW_FILE_BYTES } from '../review/reviewers';
import { DecisionRef, FollowUpStatus, MAX_FOLLOW_UP_NOTE, TrackerFilter } from '../decisions/tracker';

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
const revisionId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const blockId = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
/** A version as a user names it: a revision number ("12") or a named version's name. */
const versionRef = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');

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
  /** In the archive since (listed only in the archive view). */
  archivedAt: z.string().optional(),
  /** In the trash since, and by whom (listed only in the trash view). */
  deletedAt: z.string().optional(),
  deletedBy: z.string().optional(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const newMeeting = z.strictObject({
  template: z.enum(TEMPLATE_NAMES as [string, ...string[]]).default('blank'),
  title: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  startsOn: isoDate,
});
export type NewMeeting = z.input<typeof newMeeting>;

const none = z.undefined().or(z.strictObject({}));

// ---------------------------------------------------------------- decisions tracker
const followUpNote = z
  .string()
  .max(MAX_FOLLOW_UP_NOTE, `must be at most ${MAX_FOLLOW_UP_NOTE} characters`)
  .refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');
const followUp = z.object({
  status: FollowUpStatus,
  note: z.string(),
  author: z.string(),
  at: z.string(),
  atMeetingId: z.string().optional(),
  atMeetingTitle: z.string().optional(),
  supersededBy: z.object({ meetingId: z.string(), objectId: z.string() }).optional(),
});
const trackerRow = z.object({
  meetingId: z.string(),
  objectId: z.string(),
  kind: z.enum(['agreement', 'recommendation', 'decision']),
  number: z.string(),
  label: z.string(),
  text: z.string(),
  body: z.string().nullable(),
  date: z.string(),
  delegations: z.array(z.string()),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  seriesId: z.string(),
  seriesTitle: z.string(),
  status: FollowUpStatus,
  history: z.array(followUp),
  carriedInto: z.array(z.string()),
});
/** The token main gives a "Sign as…" dialog for the files it chose (a UUID). */
const signingSession = z.string().uuid('must be the session of a "Sign as…" dialog');

// ---------------------------------------------------------------- sign-off workflow
const workflowState = z.enum(WORKFLOW_STATES);
const chainHead = z.object({ hash: z.string(), length: z.number() });
/** A meeting's sign-off state, what can happen next, and its audit chain's head. */
export const workflowStatus = z.object({
  state: workflowState,
  revisionId: z.number().optional(),
  versionName: z.string().optional(),
  changedBy: z.string().optional(),
  changedAt: z.string().optional(),
  allowed: z.array(z.enum(TRANSITIONS)),
  corrects: z.string().optional(),
  corrigenda: z.array(z.string()),
  chain: chainHead,
});
export type WorkflowStatus = z.infer<typeof workflowStatus>;
export const attachmentInfo = z.object({
  id: z.number(),
  kind: z.enum(['scan', 'signed-copy']),
  name: z.string(),
  mediaType: z.enum(SCAN_TYPES),
  size: z.number(),
  sha256: z.string(),
  revisionId: z.number(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type AttachmentInfo = z.infer<typeof attachmentInfo>;
const note = z.string().max(MAX_NOTE, `must be at most ${MAX_NOTE} characters`);
/** Which meetings a list shows: the home list, the archive, or the trash. */
export const MEETING_VIEWS = ['active', 'archived', 'trash'] as const;
export type MeetingView = (typeof MEETING_VIEWS)[number];

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
  /** The template's classification marking, printed on every page ("CONFIDENTIAL"). */
  marking: z.string().optional(),
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

// ---------------------------------------------------------------- review suggestions
const suggestionIds = z
  .array(z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'))
  .min(1, 'must name at least one suggestion')
  .max(SUGGESTION_LIMITS.maxPerImport, `must name at most ${SUGGESTION_LIMITS.maxPerImport} suggestions`);
const reviewer = z.string().trim().min(1, 'must not be empty').max(SUGGESTION_LIMITS.maxAuthor, `must be at most ${SUGGESTION_LIMITS.maxAuthor} characters`);
const delegationAnswer = z.object({
  id: z.string(),
  country: z.string(),
  headPersonId: z.string().optional(),
  answered: z.boolean(),
  importIds: z.array(z.string()),
  reviewers: z.array(z.string()),
});
/**
 * A suggestion as the panel shows it: the stored one, why it conflicts (stored), whether it can be
 * applied to the current version now (`place`), the leaf block it belongs to and the current text
 * around its words (for the inline redline).
 */
export const suggestionView = Suggestion.extend({
  conflict: z.string().optional(),
  place: z.object({ ok: z.boolean(), moved: z.boolean().optional(), reason: z.string().optional() }),
  blockId: z.string().optional(),
  /** The block as a reader names it ("Paragraph: After welcoming speech…", "Session 2: …"). */
  blockLabel: z.string().optional(),
  context: z.object({ before: z.string(), after: z.string() }).optional(),
});
export type SuggestionView = z.infer<typeof suggestionView>;
const acceptResult = z.object({
  revisionId: z.number().optional(),
  seq: z.number(),
  accepted: z.array(z.string()),
  conflicts: z.array(z.object({ id: z.string(), reason: z.string() })),
});

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
  /** The home list (neither trashed nor archived) by default; `view` lists the archive or the trash instead. */
  listMeetings: {
    request: z.strictObject({ view: z.enum(MEETING_VIEWS).optional() }).optional(),
    /** `state`: the sign-off state, for the home list's badge. */
    response: z.array(meetingSummary.extend({ state: workflowState.optional() })),
  },
  /** To the trash: out of the home list and search, restorable until the trash is emptied. */
  trashMeeting: {
    request: z.strictObject({ id: meetingId }),
    response: z.object({ id: z.string() }),
  },
  /** Out of the trash, as it was (`invalid` when it is not in the trash). */
  restoreMeeting: {
    request: z.strictObject({ id: meetingId }),
    response: z.object({ id: z.string() }),
  },
  archiveMeeting: {
    request: z.strictObject({ id: meetingId, archived: z.boolean() }),
    response: z.object({ id: z.string() }),
  },
  /**
   * Deletes every meeting in the trash for good, with its history. `confirm: true` is required: the
   * user confirmed it in the app; nothing else empties the trash.
   */
  emptyTrash: {
    request: z.strictObject({ confirm: z.literal(true) }),
    response: z.object({ deleted: z.number() }),
  },
  /** "Who am I" and the spell-check languages; `notice` when the settings file could not be read (defaults used). */
  getSettings: {
    request: none,
    response: z.object({ settings: settingsSchema, notice: z.string().optional(), path: z.string() }),
  },
  /** Validates and writes the settings; the name is the author of the revisions saved from then on. */
  saveSettings: {
    request: settingsSchema,
    response: settingsSchema,
  },
  searchMeetings: {
    request: z.strictObject({
      query: z
        .string()
        .max(500, 'must be at most 500 characters')
        // A NUL cannot be part of a word anyone types; SQLite's FTS would stop the query at it.
        .refine((q) => !q.includes('\u0000'), 'must not contain a NUL character'),
      /** Only blocks that hold decisions (agreements, recommendations, decisions). */
      decisions: z.boolean().optional(),
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
   * The history panel: every revision, oldest first, with the blocks it changed named as a reader
   * names them (a heading, "Session 2: …", a block's kind and first words; "~head" is the title block,
   * dates, venue and register) and the named versions pinning it.
   */
  revisionHistory: {
    request: z.strictObject({ id: meetingId }),
    response: z.array(
      z.object({
        id: z.number(),
        author: z.string(),
        origin: z.string(),
        startedAt: z.string(),
        savedAt: z.string(),
        saves: z.number(),
        changed: z.array(z.string()),
        names: z.array(z.string()),
        blocks: z.array(z.object({ id: z.string(), label: z.string() })),
        /** Made by accepting review suggestions: `author` is the reviewer, `acceptedBy.by` the user who accepted. */
        acceptedBy: z.object({ by: z.string(), suggestions: z.number() }).optional(),
      }),
    ),
  },
  /** One revision's document, verified, to read (never to edit); `corrupt` when it fails its hashes. */
  getRevision: {
    request: z.strictObject({ id: meetingId, revisionId }),
    response: z.object({ meeting: z.custom<Meeting>(), revisionId: z.number(), author: z.string(), savedAt: z.string(), names: z.array(z.string()) }),
  },
  /**
   * Makes a revision current again, or one block of it (`blockId`; "~head" for the title block, dates,
   * venue and register), as a NEW revision by this session's author through the ordinary save path;
   * nothing in history changes. `base` (the seq the user's view starts from) is checked like a save's:
   * `conflict` when someone saved since. `changed: []` when the document already reads that way.
   */
  restoreRevision: {
    request: z.strictObject({ id: meetingId, revisionId, blockId: blockId.optional(), base: z.number().int().min(0).optional() }),
    response: z.object({ revisionId: z.number(), seq: z.number(), changed: z.array(z.string()) }),
  },
  /**
   * Compares version `a` (older) with `b` (newer), each a revision number or a named version's name:
   * the redline laid out like the print preview (the same HTML as the redline PDF; every mark carries
   * `data-author`), the counts by kind and every change with who made it.
   */
  compareVersions: {
    request: z.strictObject({ id: meetingId, a: versionRef, b: versionRef }),
    response: z.object({
      a: z.object({ label: z.string(), revisionId: z.number() }),
      b: z.object({ label: z.string(), revisionId: z.number() }),
      counts: z.object({
        added: z.number(),
        removed: z.number(),
        moved: z.number(),
        changed: z.number(),
        head: z.number(),
        insertedWords: z.number(),
        deletedWords: z.number(),
        formatChanges: z.number(),
      }),
      changes: z.array(z.object({ kind: z.string(), where: z.string(), author: z.string(), date: z.string().optional() })),
      authors: z.array(z.string()),
      preview: exportPreview,
    }),
  },
  /** The comparison's redline as a PDF or a Word document with tracked changes: save dialog, then written atomically. */
  exportComparison: {
    request: z.strictObject({ id: meetingId, a: versionRef, b: versionRef, format: z.enum(['pdf', 'docx']) }),
    response: z.object({ saved: z.boolean(), path: z.string().optional(), bytes: z.number().optional() }),
  },
  /**
   * Exports the stored meeting: main asks the user where (save dialog), renders, writes atomically.
   * `saved: false` when the user cancels. `sealed` drops the draft mark (sealing proper comes later).
   * A PDF or DOCX whose text holds characters no shipped font draws is refused (`invalid`, naming them
   * and where they are) before the dialog opens, unless `allowMissingGlyphs` (the user confirmed).
   */
  exportMeeting: {
    request: z.strictObject({ id: meetingId, format: exportFormat, sealed: z.boolean().optional(), allowMissingGlyphs: z.boolean().optional() }),
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
    /** `revisionId`: that revision instead of the head (the history panel's read-only view). */
    request: z.strictObject({ id: meetingId, sealed: z.boolean().optional(), revisionId: revisionId.optional() }),
    response: exportPreview,
  },
  /**
   * The @font-face rules of every shipped font, as data: URLs (only main can read the font files): the
   * editor's live preview fetches them once per session and lays the document out itself from the
   * copy it holds, so that a refresh after typing crosses no process boundary.
   */
  previewFonts: {
    request: none,
    response: z.object({ css: z.string() }),
  },
  /**
   * Whether the meeting's latest named version may have a clean signature copy: only an approved or
   * sealed one (the workflow's state; without the workflow, none is, and `reason` says why).
   */
  signatureCopyStatus: {
    request: z.strictObject({ id: meetingId }),
    response: z.object({ allowed: z.boolean(), reason: z.string().optional(), versionName: z.string().optional(), state: z.string().optional() }),
  },
  /** The clean signature copy of that version (PDF/A-3b with its record, or DOCX): save dialog in main, as exportMeeting. */
  exportSignatureCopy: {
    request: z.strictObject({ id: meetingId, format: z.enum(['pdf', 'docx']) }),
    response: z.object({ saved: z.boolean(), path: z.string().optional(), bytes: z.number().optional() }),
  },
  /**
   * Verify a copy: the user picks a PDF or DOCX (open dialog in main), which is checked against itself
   * and the record. `chosen: false` when the user cancels; a file that cannot be read is an error.
   */
  verifyCopy: {
    request: none,
    response: z.object({
      chosen: z.boolean(),
      file: z.string().optional(),
      report: z
        .object({
          kind: z.enum(['pdf', 'docx']),
          meetingId: z.string().optional(),
          title: z.string().optional(),
          versionName: z.string().optional(),
          revisionId: z.number().optional(),
          copyState: z.string().optional(),
          fingerprint: z.string().optional(),
          matches: z.boolean(),
          differences: z.array(z.string()),
          checks: z.array(z.object({ name: z.string(), ok: z.boolean().optional(), detail: z.string() })),
          record: z.object({ found: z.boolean(), newerRevisions: z.number(), latestRevisionId: z.number().optional(), sealed: z.boolean(), state: z.string().optional() }),
          signatures: z.array(
            z.object({ field: z.string(), page: z.number().optional(), signed: z.boolean(), signer: z.string().optional(), signingTime: z.string().optional(), valid: z.boolean(), problems: z.array(z.string()) }),
          ),
        })
        .optional(),
    }),
  },
  /**
   * "Sign as…", step 1: the user picks a signature copy PDF (open dialog in main). Main keeps its path
   * under `session` (the renderer never sees a path it could forge, nor the file) and lists its fields.
   * A PDF that is not one of ours is refused (`invalid`).
   */
  chooseSigningCopy: {
    request: none,
    response: z.object({
      chosen: z.boolean(),
      session: z.string().optional(),
      file: z.string().optional(),
      meetingId: z.string().optional(),
      title: z.string().optional(),
      fields: z.array(z.object({ name: z.string(), page: z.number().optional(), signed: z.boolean() })),
    }),
  },
  /** Step 2: the user picks their PKCS#12 key file (open dialog in main); only its name comes back. */
  chooseSigningKey: {
    request: z.strictObject({ session: signingSession }),
    response: z.object({ chosen: z.boolean(), file: z.string().optional() }),
  },
  /**
   * Step 3: signs `field` with the chosen key, the password sent here and only here (never logged,
   * stored or echoed), then asks where to save (save dialog in main) and writes atomically; audits
   * the signature on the copy's meeting and attaches the signed file when it is sealed. Every refusal
   * (wrong password, expired certificate, field already signed, not our PDF) writes nothing.
   */
  signCopy: {
    request: z.strictObject({
      session: signingSession,
      field: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
      password: z.string().max(1024, 'must be at most 1024 characters'),
    }),
    response: z.object({
      saved: z.boolean(),
      file: z.string().optional(),
      path: z.string().optional(),
      field: z.string().optional(),
      signer: z.string().optional(),
      certificateSha256: z.string().optional(),
      audited: z.boolean(),
      attached: z.boolean(),
    }),
  },
  /** The sign-off state of a meeting, the transitions open to it, its chain head and attachments. */
  getWorkflow: {
    request: z.strictObject({ id: meetingId }),
    response: workflowStatus.extend({ attachments: z.array(attachmentInfo) }),
  },
  /**
   * One workflow transition by this session's author, with an optional note (a reason, required to
   * reopen). Refused with `conflict` when the state does not allow it, `read-only` once sealed.
   */
  transitionMeeting: {
    request: z.strictObject({ id: meetingId, transition: z.enum(TRANSITIONS), note: note.optional() }),
    response: workflowStatus,
  },
  /** Records routing step `step` (1-based) as it happened: its date and signer; a save on `base`, audited. */
  recordRoutingStep: {
    request: z.strictObject({
      id: meetingId,
      base: z.number().int().min(0),
      step: z.number().int().min(1).max(10_000),
      date: isoDate,
      personId: z.string().min(1).max(64).optional(),
      /** The name printed as the step's signer (default: the register's name of its signer, else this session's author). */
      by: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
    }),
    response: z.object({ revisionId: z.number(), seq: z.number(), folded: z.boolean(), changed: z.array(z.string()) }),
  },
  /** The meeting's audit log, oldest first, and whether its hash chain is intact (naming the first broken entry). */
  listAudit: {
    request: z.strictObject({ id: meetingId }),
    response: z.object({
      entries: z.array(
        z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.enum(AUDIT_ACTIONS), details: z.record(z.string(), z.unknown()), hash: z.string() }),
      ),
      ok: z.boolean(),
      problem: z.string().optional(),
    }),
  },
  /**
   * Attaches the signed scan (PDF, PNG or JPEG by content; at most 50 MB) to the sealed version; its
   * SHA-256 goes into the audit log. A wrong, empty, cut-short or oversized file is refused (`invalid`).
   */
  attachScan: {
    request: z.strictObject({
      id: meetingId,
      name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
      bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_SCAN_BYTES, 'must be at most 50 MB'),
    }),
    response: attachmentInfo,
  },
  /** A new meeting correcting sealed minutes (printed "Corrigendum to …"); the sealed record never changes. */
  createCorrigendum: {
    request: z.strictObject({ id: meetingId }),
    response: meetingSummary,
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
  /**
   * Brings a reviewed copy (a DOCX) back as suggestions and comment threads. `bytes`: the file as the
   * renderer read it (at most 50 MB); `delegationId`: the delegation it answers for, when the reviewer's
   * name does not tell; `baseRevision`: the version it was made from, for a DOCX not made by Minuta.
   * A refused file changes nothing (`invalid`, naming the problem).
   */
  importReview: {
    request: z.strictObject({
      id: meetingId,
      fileName: z.string().trim().min(1, 'must not be empty').max(SUGGESTION_LIMITS.maxFileName, `must be at most ${SUGGESTION_LIMITS.maxFileName} characters`),
      bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_REVIEW_FILE_BYTES, 'must be at most 50 MB'),
      delegationId: blockId.optional(),
      baseRevision: revisionId.optional(),
    }),
    response: z.object({ import: ReviewImport, suggestions: z.number(), threads: z.number() }),
  },
  /** The meeting's reviewed copies, their suggestions (in the order imported) and which delegations have answered. */
  listSuggestions: {
    request: z.strictObject({ id: meetingId }),
    response: z.object({ imports: z.array(ReviewImport), suggestions: z.array(suggestionView), delegations: z.array(delegationAnswer) }),
  },
  /** Which delegations of the meeting have answered (a reviewed copy imported for them). */
  reviewStatus: {
    request: z.strictObject({ id: meetingId }),
    response: z.object({ delegations: z.array(delegationAnswer), imports: z.number(), open: z.number() }),
  },
  /**
   * Accepts the chosen suggestions into ONE new revision attributed to their reviewer(s), recorded in
   * the audit log as accepted by this session's author. `base`: the save sequence the user saw
   * (`conflict` when another save came first). Those that cannot be applied come back as conflicts.
   */
  acceptSuggestions: {
    request: z.strictObject({ id: meetingId, suggestionIds, base: z.number().int().min(0).optional() }),
    response: acceptResult,
  },
  /** Every open suggestion of one reviewer (as the file names them) or of one reviewed copy, in one revision. */
  acceptAllFrom: {
    request: z
      .strictObject({ id: meetingId, author: reviewer.optional(), importId: threadId.optional(), base: z.number().int().min(0).optional() })
      .refine((r) => r.author !== undefined || r.importId !== undefined, { message: 'name the reviewer (author) or the reviewed copy (importId)', path: ['author'] }),
    response: acceptResult,
  },
  /** Rejects the chosen suggestions, recording who and when (and why, when given). */
  rejectSuggestions: {
    request: z.strictObject({ id: meetingId, suggestionIds, reason: note.optional() }),
    response: z.object({ rejected: z.array(z.string()) }),
  },
  // ---------------------------------------------------------------- decisions tracker
  /** Every decision and recommendation of every meeting (not the trash), filtered, with the filter's choices. */
  listDecisions: {
    request: z.strictObject({ filter: TrackerFilter.optional() }).optional(),
    response: z.object({
      rows: z.array(trackerRow),
      series: z.array(z.object({ id: z.string(), title: z.string() })),
      bodies: z.array(z.string()),
      delegations: z.array(z.string()),
      meetings: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
  },
  /**
   * Appends a follow-up to a decision (a matters-arising item stands for the decision it carries):
   * status, a note, who and when. `supersededBy` only, and always, with `superseded`.
   */
  recordFollowUp: {
    request: z.strictObject({
      meetingId: DecisionRef.shape.meetingId,
      objectId: DecisionRef.shape.objectId,
      status: FollowUpStatus,
      note: followUpNote,
      supersededBy: DecisionRef.optional(),
      /** The meeting at which it was followed up: one whose matters arising carry it. */
      atMeetingId: DecisionRef.shape.meetingId.optional(),
    }),
    response: z.object({ decision: z.object({ meetingId: z.string(), objectId: z.string() }), history: z.array(followUp) }),
  },
  /** The (filtered) tracker as a table: main asks where (save dialog); `saved: false` when the user cancels. */
  exportDecisions: {
    request: z.strictObject({ filter: TrackerFilter.optional(), format: z.enum(['pdf', 'docx', 'csv']) }),
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
