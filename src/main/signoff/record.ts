import { basename } from 'node:path';
import { writeTransaction, type Db } from '../store/db';
import type { MeetingStore } from '../store/meetings';
import { COPY_INFO_KEYS } from '../export/pdf/pdfa';
import { PdfFile } from './pdf/file';
import { textOf } from './pdf/fields';
import type { SignedField } from './sign';

/**
 * What a signature leaves in the record (issue 14, point 4): one audit entry 'signature' on the copy's
 * meeting (who, which field, which certificate), and, when the meeting is sealed, the signed file
 * attached to it (kind 'signed-copy'). Shared by the app's "Sign as…" and `minuta sign --db`, so the
 * two record the same thing.
 */

/** The meeting a signature copy names in its metadata (MinutaMeetingId); undefined when it names none. */
export function copyMeetingId(pdf: Uint8Array): string | undefined {
  const file = PdfFile.read(pdf);
  return textOf(file.dict(file.trailer.get('Info'))?.get(COPY_INFO_KEYS.meetingId));
}

/** The audit entry's details: never the password, the key or the file's bytes. */
export function signatureAuditDetails(signed: SignedField, fileName: string): Record<string, unknown> {
  return {
    field: signed.field,
    signer: signed.signer.subject,
    issuer: signed.signer.issuer,
    certificateSha256: signed.signer.fingerprint,
    signedAt: signed.signedAt.toISOString(),
    signedBytesSha256: signed.signedBytesDigest,
    file: fileName,
    ...(signed.certification !== undefined ? { certification: signed.certification } : {}),
  };
}

export interface SignatureRecorded {
  /** The database has the copy's meeting: the signature is in its audit log. */
  audited: boolean;
  /** The meeting is sealed: the signed file is attached to it. */
  attached: boolean;
  meetingId?: string;
}

/**
 * Appends the audit entry and (sealed meetings) attaches the signed file, in one transaction: both or
 * neither. A meeting this database does not have is left alone (`audited: false`).
 */
export function recordSignature(
  db: Db,
  store: MeetingStore,
  meetingId: string | undefined,
  actor: string,
  signed: SignedField,
  out: { path: string; bytes: Uint8Array },
): SignatureRecorded {
  if (meetingId === undefined || !store.get(meetingId)) return { audited: false, attached: false };
  const name = basename(out.path);
  const sealed = store.workflow.status(meetingId).state === 'sealed';
  writeTransaction(db, () => {
    store.audit.append(meetingId, actor, 'signature', signatureAuditDetails(signed, name));
    if (sealed) store.workflow.attach(meetingId, { name, bytes: out.bytes, mediaType: 'application/pdf', kind: 'signed-copy' }, actor);
  })();
  return { audited: true, attached: sealed, meetingId };
}
