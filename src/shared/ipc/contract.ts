import { z } from 'zod';
import type { Result } from './result';
import { MeetingChangesSchema, TEMPLATE_NAMES, type Meeting } from '../minutes';
import { channelOf, type MethodName } from './methods';

/**
 * The one IPC contract between the renderer and the main process. The preload builds its named
 * functions from it, the main process validates every payload against it, and the end-to-end harness
 * bridges the same names. Payloads stay JSON-shaped (strings, numbers, arrays, plain objects,
 * Uint8Array): Map, Set and Buffer would not survive every bridge.
 */

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const meetingId = z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

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

export const contract = {
  appInfo: {
    request: none,
    response: z.object({ version: z.string(), databasePath: z.string(), author: z.string() }),
  },
  listMeetings: {
    request: none,
    response: z.array(meetingSummary),
  },
  searchMeetings: {
    request: z.strictObject({ query: z.string().max(500, 'must be at most 500 characters') }),
    response: z.array(z.object({ id: z.string(), title: z.string(), startsOn: z.string(), snippet: z.string() })),
  },
  getMeeting: {
    request: z.strictObject({ id: meetingId }),
    /** `seq`: the meeting's save sequence, +1 on every successful save; a save names the seq it starts from. */
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
   * Only what changed since `base` (the seq the changes start from). A save whose base is not the
   * meeting's current seq is refused with `conflict`, naming who saved last and when; nothing changes.
   */
  saveMeeting: {
    request: z.strictObject({ id: meetingId, base: z.number().int().min(0), changes: MeetingChangesSchema }),
    response: z.object({ revisionId: z.number(), seq: z.number(), folded: z.boolean(), changed: z.array(z.string()) }),
  },
  /**
   * A meeting whose head revision fails its hash check (`getMeeting` answers `corrupt`): makes the last
   * revision that verifies the new head, as a new revision (nothing is destroyed).
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
