import type { Meeting } from '../../../shared/minutes';
import type { WorkRequest } from './documentWork';

/** How many documents the worker keeps (the newest): the ones the quiet views of one pause ask about. */
export const HELD_MEETINGS = 4;

/** A request to the document worker: the meeting by number, with its content only the first time. */
export interface WorkMessage {
  id: number;
  /** The document's number (documentClient gives one per meeting object). */
  ref: number;
  /** The document itself, when the worker has not been sent it (or dropped it). */
  meeting?: Meeting;
  request: Omit<WorkRequest, 'meeting'>;
}

/** The worker's answer: a value, a failure, or a request to send the document again. */
export type WorkAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message?: string; resend?: boolean };
