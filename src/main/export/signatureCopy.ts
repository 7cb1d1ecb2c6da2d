import type { Meeting } from '../../shared/minutes';
import { MinutaError, excerpt } from '../../shared/errors';
import { layoutMeeting, recordJson, type SignatureCopyInfo } from '../../shared/format';
import { renderDocx } from './docx/render';
import { printableHtml } from './index';
import { finishPdf } from './pdf/finish';
import { COPY_INFO_KEYS, makePdfA } from './pdf/pdfa';
import type { Printer } from './pdf/printer';

/**
 * Clean signature copies of one version (issue 13, point 4): no DRAFT mark, the version's fingerprint
 * on every page and in full in a closing note, a signature field for every signatory and every routing
 * signer; the PDF is PDF/A-3b and carries the version's record (pdf/pdfa.ts), the DOCX names meeting,
 * version and fingerprint in its custom properties. Only an approved or sealed version has one.
 *
 * The workflow (states, audit log) is not in this module's hands: the caller passes the version's
 * state and, for a sealed copy, the audit chain's head, so whoever owns the workflow wires them in.
 */

export const COPY_STATES = ['approved', 'sealed'] as const;
export type CopyState = (typeof COPY_STATES)[number];

export interface SignatureCopyRequest {
  /** The revision the version pins; `meeting` must be that revision's document. */
  revisionId: number;
  versionName: string;
  /** The version's workflow state: anything but approved or sealed is refused. */
  state: string;
  auditHead?: { hash: string; length: number };
}

export interface SignatureCopyOptions {
  format: 'pdf' | 'docx';
  /** Needed for PDF. */
  printer?: Printer;
  now?: Date;
  iccProfile?: Uint8Array;
}

/** The one rule of which versions get a clean copy; throws `invalid` naming the state otherwise. */
export function checkCopyState(state: string): CopyState {
  if ((COPY_STATES as readonly string[]).includes(state)) return state as CopyState;
  throw new MinutaError(
    'invalid',
    `A signature copy is made only of an approved or sealed version; this version is ${excerpt(state || 'not approved', 40)}`,
    'state',
  );
}

function copyInfo(request: SignatureCopyRequest): SignatureCopyInfo {
  const state = checkCopyState(request.state);
  if (!request.versionName.trim()) throw new MinutaError('invalid', 'A signature copy needs the name of the version', 'versionName');
  if (!Number.isSafeInteger(request.revisionId) || request.revisionId < 1) throw new MinutaError('invalid', 'A signature copy needs the revision of the version', 'revisionId');
  const head = request.auditHead;
  if (head && (!/^[0-9a-f]{64}$/.test(head.hash) || !Number.isSafeInteger(head.length) || head.length < 1)) {
    throw new MinutaError('invalid', 'The audit head must be a SHA-256 (64 hex digits) and a length of at least 1', 'auditHead');
  }
  return { versionName: request.versionName, state, ...(head && state === 'sealed' ? { auditHead: head } : {}) };
}

/** What the copy says about itself, beside the fingerprint (PDF Info entries, DOCX custom properties). */
function identity(meeting: Meeting, request: SignatureCopyRequest, copy: SignatureCopyInfo): Record<string, string> {
  return {
    [COPY_INFO_KEYS.meetingId]: meeting.id,
    [COPY_INFO_KEYS.revisionId]: String(request.revisionId),
    [COPY_INFO_KEYS.versionName]: copy.versionName,
    [COPY_INFO_KEYS.state]: copy.state,
    ...(copy.auditHead ? { [COPY_INFO_KEYS.auditHead]: `${copy.auditHead.hash} ${copy.auditHead.length}` } : {}),
  };
}

export async function exportSignatureCopy(meeting: Meeting, request: SignatureCopyRequest, options: SignatureCopyOptions): Promise<Uint8Array> {
  const copy = copyInfo(request);
  const layout = await layoutMeeting(meeting, { copy });
  const now = options.now ?? new Date();
  const props = identity(meeting, request, copy);
  if (options.format === 'docx') {
    return renderDocx(layout, { now, properties: Object.entries(props).map(([name, value]) => ({ name, value })) });
  }
  if (!options.printer) throw new MinutaError('unavailable', 'A PDF signature copy needs a printer (Chromium)');
  const printed = await options.printer.print(printableHtml(layout));
  const finished = await finishPdf(printed, layout, { now, producer: 'Minuta (Chromium; PDF/A-3b signature copy)' });
  return makePdfA(finished.bytes, {
    record: new TextEncoder().encode(recordJson(meeting)),
    now,
    info: props,
    ...(options.iccProfile ? { iccProfile: options.iccProfile } : {}),
  });
}
