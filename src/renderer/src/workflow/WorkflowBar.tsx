import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import { call, CallError } from '../api/client';
import type { Response } from '../../../shared/ipc/contract';
import { TRANSITION_RULES, MAX_NOTE, MAX_SCAN_BYTES, type Transition } from '../../../shared/workflow/states';
import { useAppStore } from '../state/store';
import { StateBadge } from './StateBadge';
import { AuditView } from './AuditView';
import { openSignAs } from '../copies/signAs';

type Status = Response<'getWorkflow'>;

/**
 * The editor's sign-off bar: the state, the transitions open to it (each made by this session's
 * author, with the note field as note or reason), the audit log, and, once sealed, the signed scan
 * and the corrigendum. Edits are refused by main while Approved or Sealed; the bar says so.
 */
export function WorkflowBar({ meetingId }: { meetingId: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [audit, setAudit] = useState<Response<'listAudit'> | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useAppStore((s) => s.navigate);

  const load = useCallback(async () => {
    try {
      const now = await call('getWorkflow', { id: meetingId });
      setStatus(now);
      useAppStore.getState().setSealed(meetingId, now.state === 'sealed');
    } catch (err) {
      setError(err instanceof CallError ? err.message : String(err));
    }
  }, [meetingId]);
  useEffect(() => {
    void load();
  }, [load]);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      await load();
      if (audit) setAudit(await call('listAudit', { id: meetingId }));
    } catch (err) {
      setError(err instanceof CallError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const transition = (t: Transition) =>
    run(async () => {
      await call('transitionMeeting', { id: meetingId, transition: t, ...(note.trim() ? { note: note.trim() } : {}) });
      // A transition changes no text: the editor keeps the document it has (main refuses its saves
      // while Approved or Sealed, and the bar says so).
      setNote('');
    });

  async function attach(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_SCAN_BYTES) {
      setError(`${file.name} is larger than 50 MB`);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    await run(() => call('attachScan', { id: meetingId, name: file.name.slice(0, 200) || 'scan', bytes }));
  }

  if (!status) return error ? <p role="alert" className="error">{error}</p> : null;
  const needsReason = status.allowed.some((t) => TRANSITION_RULES[t].needsReason);
  return (
    <section className="workflow-bar" aria-label="Sign-off" data-testid="workflow-bar" data-state={status.state}>
      <div className="workflow-row">
        <StateBadge state={status.state} />
        {status.versionName && <span className="workflow-version">{status.versionName}</span>}
        {status.changedBy && (
          <span className="workflow-by">
            by {status.changedBy}, {status.changedAt?.slice(0, 16).replace('T', ' ')} UTC
          </span>
        )}
        <span className="workflow-chain" title={status.chain.hash}>
          Audit chain: {status.chain.length} · {status.chain.hash.slice(0, 12)}…
        </span>
        {(status.state === 'approved' || status.state === 'sealed') && (
          <button type="button" className="secondary" onClick={openSignAs} data-testid="workflow-sign-as" title="Sign your field of this version's signature copy with your own key">
            Sign as…
          </button>
        )}
        {status.corrects && (
          <button type="button" className="link" onClick={() => navigate({ name: 'editor', meetingId: status.corrects! })}>
            Corrigendum to {status.corrects}
          </button>
        )}
      </div>
      {status.allowed.length > 0 && (
        <div className="workflow-row">
          <input
            className="workflow-note"
            aria-label={needsReason ? 'Note, or the reason to reopen' : 'Note'}
            placeholder={needsReason ? 'Note (a reason is required to reopen)' : 'Note (optional)'}
            value={note}
            maxLength={MAX_NOTE}
            onChange={(e) => setNote(e.target.value)}
          />
          {status.allowed.map((t) => (
            <button key={t} type="button" className={TRANSITION_RULES[t].needsReason ? 'secondary' : undefined} disabled={busy}
              onClick={() => void transition(t)}>
              {TRANSITION_RULES[t].label}
            </button>
          ))}
        </div>
      )}
      {(status.state === 'approved' || status.state === 'sealed') && (
        <p className="workflow-locked">
          {status.state === 'sealed'
            ? 'Sealed: this record can never change. Corrections go into a corrigendum.'
            : 'Approved: editing is locked. Return to draft or review (with a reason) to change it.'}
        </p>
      )}
      {status.state === 'sealed' && (
        <div className="workflow-row">
          <label className="button secondary">
            Attach signed scan…
            <input type="file" accept="application/pdf,image/png,image/jpeg" hidden data-testid="scan-input" onChange={(e) => void attach(e)} />
          </label>
          <button type="button" className="secondary" disabled={busy}
            onClick={() => void run(async () => navigate({ name: 'editor', meetingId: (await call('createCorrigendum', { id: meetingId })).id }))}>
            Make a corrigendum
          </button>
          {status.corrigenda.map((c) => (
            <button key={c} type="button" className="link" onClick={() => navigate({ name: 'editor', meetingId: c })}>Corrigendum {c}</button>
          ))}
        </div>
      )}
      {status.attachments.length > 0 && (
        <ul className="workflow-attachments" aria-label="Attachments">
          {status.attachments.map((a) => (
            <li key={a.id}>
              {a.name} — {a.mediaType}, {Math.ceil(a.size / 1024)} KB, SHA-256 {a.sha256.slice(0, 16)}…, by {a.addedBy}
            </li>
          ))}
        </ul>
      )}
      <div className="workflow-row">
        <button type="button" className="secondary" aria-expanded={audit !== null}
          onClick={() => void (audit ? setAudit(null) : run(async () => setAudit(await call('listAudit', { id: meetingId }))))}>
          {audit ? 'Hide audit log' : 'Audit log'}
        </button>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {audit && <AuditView audit={audit} />}
    </section>
  );
}
