import { useState } from 'react';
import { call, CallError } from '../api/client';
import { useAppStore } from '../state/store';
import { routingSteps } from '../../../shared/workflow/routing';

/**
 * "Record as done today": the routing step happened now. Main sets its date and who signed it (the
 * register's name of its signer, else this session's author) as a save of its own, audited. The
 * editor's pending edits are saved first and the meeting is reopened after, so the editor continues
 * from the recorded head (a refusal, e.g. approved minutes, is shown and changes nothing).
 */
export function RecordRoutingStep({ stepId }: { stepId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function record() {
    const { doc, flush } = useAppStore.getState();
    if (!doc) return;
    const step = routingSteps(doc.meeting).findIndex((s) => s.id === stepId) + 1;
    const id = doc.id;
    setBusy(true);
    setError(null);
    try {
      await flush();
      const { seq } = await call('getMeeting', { id });
      await call('recordRoutingStep', { id, base: seq, step, date: new Date().toISOString().slice(0, 10) });
    } catch (err) {
      setError(err instanceof CallError ? err.message : String(err));
      setBusy(false);
      return;
    }
    // Recorded: reopen the meeting so that the editor continues from the new head.
    const { closeMeeting, openMeeting } = useAppStore.getState();
    await closeMeeting();
    await openMeeting(id);
  }
  return (
    <div className="row">
      <button type="button" className="secondary" disabled={busy} onClick={() => void record()}>
        Record as done today
      </button>
      {error && <span role="alert" className="error">{error}</span>}
    </div>
  );
}
