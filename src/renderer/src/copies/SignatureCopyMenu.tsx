import { useEffect, useState } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import { CallError, call } from '../api/client';
import './copies.css';

type Status = Response<'signatureCopyStatus'>;
const LABEL = { pdf: 'Signature copy (PDF)…', docx: 'Signature copy (Word)…' } as const;

/**
 * The export menu's clean signature copies of the meeting's named version: enabled only when that
 * version is approved or sealed (main decides, from the workflow's state); otherwise disabled, with
 * the reason as the tooltip.
 */
export function SignatureCopyMenu({ meetingId }: { meetingId: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    call('signatureCopyStatus', { id: meetingId })
      .then((s) => live && setStatus(s))
      .catch((err: unknown) => live && setStatus({ allowed: false, reason: err instanceof CallError ? err.message : String(err) }));
    return () => {
      live = false;
    };
  }, [meetingId]);
  async function run(format: 'pdf' | 'docx') {
    setBusy(true);
    setMessage(null);
    try {
      const r = await call('exportSignatureCopy', { id: meetingId, format });
      if (r.saved) setMessage({ ok: true, text: `Signature copy saved to ${r.path}` });
    } catch (err) {
      setMessage({ ok: false, text: `Signature copy failed: ${err instanceof CallError ? err.message : String(err)}` });
    } finally {
      setBusy(false);
    }
  }
  const allowed = status?.allowed === true;
  const why = allowed ? `The clean copy of version “${status?.versionName}” (${status?.state}), to be signed` : (status?.reason ?? 'Checking the version…');
  return (
    <span className="signature-copy-menu" role="group" aria-label="Signature copies">
      {(['pdf', 'docx'] as const).map((f) => (
        <button key={f} type="button" className="secondary" disabled={!allowed || busy} title={why} data-testid={`signature-copy-${f}`} onClick={() => void run(f)}>
          {LABEL[f]}
        </button>
      ))}
      {message && (
        <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'export-status' : 'error'} title={message.text}>
          {message.text}
        </span>
      )}
    </span>
  );
}
