import { z } from 'zod';
import type { Result } from './result';

/**
 * The one IPC contract between the renderer and the main process. The preload builds its named
 * functions from it, the main process validates every payload against it, and the end-to-end harness
 * bridges the same names. Payloads stay JSON-shaped (strings, numbers, arrays, plain objects,
 * Uint8Array): Map, Set and Buffer would not survive every bridge.
 */

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const meetingSummary = z.object({
  id: z.string(),
  title: z.string(),
  startsOn: isoDate,
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const newMeeting = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  startsOn: isoDate,
});
export type NewMeeting = z.infer<typeof newMeeting>;

const none = z.undefined().or(z.strictObject({}));

export const contract = {
  appInfo: {
    request: none,
    response: z.object({ version: z.string(), databasePath: z.string() }),
  },
  listMeetings: {
    request: none,
    response: z.array(meetingSummary),
  },
  getMeeting: {
    request: z.strictObject({ id: z.string().min(1).max(200) }),
    response: meetingSummary,
  },
  createMeeting: {
    request: newMeeting,
    response: meetingSummary,
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export const methods = Object.keys(contract) as Method[];

export type Request<M extends Method> = z.input<Contract[M]['request']>;
export type Response<M extends Method> = z.output<Contract[M]['response']>;

/** The Electron channel that carries a method; one prefix so that nothing else is ever answered. */
export const channelOf = (method: Method): string => `minuta:${method}`;

/** What the renderer sees as `window.minuta`: one named function per method. */
export type MinutaApi = { [M in Method]: (request: Request<M>) => Promise<Result<Response<M>>> };

/** What the main process implements: one function per method, given an already-validated request. */
export type Handlers = {
  [M in Method]: (request: z.output<Contract[M]['request']>) => Response<M> | Promise<Response<M>>;
};
