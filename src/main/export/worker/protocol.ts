import type { Meeting } from '../../../shared/minutes';
import type { ErrorCode } from '../../../shared/errors';
import type { Preview } from '../preview';
import type { Comparison } from '../../../shared/review/compare';
import type { RedlineOptions } from '../../../shared/review/redline';
import type { ReviewCopyInput } from '../reviewCopy';

/**
 * The messages between the main process and the export worker (exportWorker.ts): what the worker owns
 * is "meeting → bytes" and "meeting → preview HTML"; printing stays in the main process, which drives
 * Chromium or Electron. A PDF is therefore two requests: `pdf-html` (the worker lays the meeting out,
 * keeps the layout under the request's id and answers the printable HTML), then, once the main process
 * has printed it, `pdf-finish` (the worker adds metadata and signature fields to the printed bytes and
 * forgets the layout). `release` forgets a layout whose print failed.
 *
 * Everything here is structured-cloned; byte arrays travel as transferred ArrayBuffers (no copy).
 */
export interface RenderOptions {
  /** Sealed minutes carry no draft mark. */
  sealed?: boolean;
  /** The export time (PDF creation date, DOCX properties). */
  now?: Date;
}

/** A comparison to lay out as a redline (`layoutRedline`): the two versions, their change list, labels. */
export interface RedlineSource {
  a: Meeting;
  b: Meeting;
  comparison: Comparison;
  options: Pick<RedlineOptions, 'labels' | 'fallback'>;
}

export type WorkerRequest = { id: number } & (
  | { kind: 'docx'; meeting: Meeting; options: RenderOptions }
  | { kind: 'pdf-html'; meeting: Meeting; options: RenderOptions }
  | { kind: 'pdf-finish'; job: number; printed: Uint8Array; options: RenderOptions & { finish?: 'incremental' | 'rewrite' } }
  | { kind: 'release'; job: number }
  | { kind: 'preview'; meeting: Meeting; options: RenderOptions }
  | { kind: 'redline-docx'; redline: RedlineSource; options: RenderOptions }
  | { kind: 'redline-pdf-html'; redline: RedlineSource; options: RenderOptions }
  | { kind: 'redline-preview'; redline: RedlineSource; options: RenderOptions }
  /** The DOCX review copy (reviewCopy.ts): comparison, redline layout and Word comments. */
  | { kind: 'review-copy'; input: ReviewCopyInput }
);

/** What each request answers. */
export interface WorkerResults {
  docx: Uint8Array;
  'pdf-html': { job: number; html: string };
  'pdf-finish': Uint8Array;
  release: null;
  preview: Preview;
  'redline-docx': Uint8Array;
  'redline-pdf-html': { job: number; html: string };
  'redline-preview': Preview;
  'review-copy': Uint8Array;
}

/** An error as it crosses the thread boundary: a MinutaError keeps its code and path. */
export interface WireError {
  code: ErrorCode | undefined;
  message: string;
  path?: string;
}

export type WorkerResponse = { id: number } & ({ ok: true; value: WorkerResults[keyof WorkerResults] } | { ok: false; error: WireError });
