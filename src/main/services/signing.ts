import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { MinutaError, excerpt } from '../../shared/errors';
import type { Handlers } from '../../shared/ipc/contract';
import { readBounded } from '../files/readBounded';
import type { Db } from '../store/db';
import type { MeetingStore } from '../store/meetings';

/**
 * "Sign as…" (issue 14): the app's side of signing one field of a signature copy. Three calls, so that
 * the renderer never holds a file, a path it could choose, or key material: main's open dialogs pick
 * the copy and the PKCS#12 file and keep their paths under a session token; the password travels
 * once, in `signCopy`; main's save dialog picks where the signed copy goes. Everything is checked and
 * signed in memory before the save dialog opens, so a refusal writes nothing.
 */

/** The native dialogs of "Sign as…"; tests answer with fixed paths. */
export interface SignDialogPort {
  /** The signature copy (PDF) to sign, or undefined when the user cancels. */
  chooseCopy(): Promise<string | undefined>;
  /** The signer's PKCS#12 file (.p12/.pfx), or undefined. */
  chooseKey(): Promise<string | undefined>;
  /** Where the signed copy goes, or undefined. */
  chooseDestination(defaultName: string): Promise<string | undefined>;
}

interface Session {
  copy: string;
  key?: string;
}

// A key file is small; 1 MB is far above any PKCS#12 with a chain.
const MAX_P12_BYTES = 1024 * 1024;
// A dialog left open is one session; a handful covers several windows without growing without bound.
const MAX_SESSIONS = 8;

export function signingHandlers(deps: {
  db: Db;
  store: MeetingStore;
  dialog: SignDialogPort | undefined;
  author: () => string;
  writable: () => void;
}): Pick<Handlers, 'chooseSigningCopy' | 'chooseSigningKey' | 'signCopy'> {
  const sessions = new Map<string, Session>();
  const dialog = () => {
    if (!deps.dialog) throw new MinutaError('unavailable', 'Signing is not available in this process');
    return deps.dialog;
  };
  const session = (token: string) => {
    const s = sessions.get(token);
    if (!s) throw new MinutaError('not-found', 'This "Sign as…" dialog has expired: choose the copy again', 'session');
    return s;
  };

  return {
    chooseSigningCopy: async () => {
      const path = await dialog().chooseCopy();
      if (!path) return { chosen: false, fields: [] };
      const { MAX_COPY_BYTES } = await import('../copies/verifyCopy');
      const { PdfFile } = await import('../signoff/pdf/file');
      const { minutaSignatureFields } = await import('../signoff/sign');
      const { isSigned, textOf } = await import('../signoff/pdf/fields');
      const { COPY_INFO_KEYS } = await import('../export/pdf/pdfa');
      const bytes = readBounded(path, MAX_COPY_BYTES);
      if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new MinutaError('invalid', 'This is not a PDF: only a PDF signature copy can be signed');
      const file = PdfFile.read(bytes);
      const fields = minutaSignatureFields(file);
      const info = file.dict(file.trailer.get('Info'));
      const meetingId = textOf(info?.get(COPY_INFO_KEYS.meetingId));
      const title = textOf(info?.get('Title'));
      const token = randomUUID();
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      sessions.set(token, { copy: path });
      return {
        chosen: true,
        session: token,
        file: basename(path),
        ...(meetingId !== undefined ? { meetingId } : {}),
        ...(title !== undefined ? { title } : {}),
        fields: fields.map((f) => ({ name: f.name, ...(f.page !== undefined ? { page: f.page + 1 } : {}), signed: isSigned(f, file) })),
      };
    },

    chooseSigningKey: async ({ session: token }) => {
      const s = session(token);
      const path = await dialog().chooseKey();
      if (!path) return { chosen: false };
      s.key = path;
      return { chosen: true, file: basename(path) };
    },

    signCopy: async ({ session: token, field, password }) => {
      const s = session(token);
      if (!s.key) throw new MinutaError('invalid', 'Choose your key file (.p12) first', 'session');
      const { openSigningCredentials } = await import('../signoff/credentials');
      const { signPdf } = await import('../signoff/sign');
      const { writeAtomically } = await import('../signoff/cli');
      const { copyMeetingId, recordSignature } = await import('../signoff/record');
      const { MAX_COPY_BYTES } = await import('../copies/verifyCopy');
      const pdf = readBounded(s.copy, MAX_COPY_BYTES);
      const meetingId = copyMeetingId(pdf);
      // The record is written after the file: a database that cannot be written refuses up front.
      if (meetingId !== undefined && deps.store.get(meetingId)) deps.writable();
      const now = new Date();
      const credentials = await openSigningCredentials(readBounded(s.key, MAX_P12_BYTES), password, now);
      const { bytes, signed } = signPdf(pdf, { field, credentials, now });
      const suggested = Array.from(`${basename(s.copy).replace(/\.pdf$/i, '')} - signed by ${credentials.summary.commonName}.pdf`, (ch) =>
        ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch,
      ).join('');
      const out = await dialog().chooseDestination(excerpt(suggested, 180));
      if (!out) return { saved: false, audited: false, attached: false };
      writeAtomically(out, bytes);
      const recorded = recordSignature(deps.db, deps.store, meetingId, deps.author(), signed, { path: out, bytes });
      // The next signature starts from the file just written (the copy is signed one field at a time).
      s.copy = out;
      return {
        saved: true,
        file: basename(out),
        path: out,
        field: signed.field,
        signer: signed.signer.subject,
        certificateSha256: signed.signer.fingerprint,
        audited: recorded.audited,
        attached: recorded.attached,
      };
    },
  };
}
