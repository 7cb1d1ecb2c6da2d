import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useAppStore } from '../state/store';
import '../editor/conflict.css';

/**
 * A meeting whose latest revision failed its integrity check (getMeeting answered `corrupt`). The
 * minutes are never shown from damaged data; the author gets the two ways out: put back a backup made
 * with `minuta backup`, or make the last revision that verifies the head again (nothing is deleted:
 * the damaged revision stays in the history).
 */
export function CorruptMeeting({ meetingId, message }: { meetingId: string; message: string }) {
  const recover = useAppStore((s) => s.recoverMeeting);
  const title = useAppStore((s) => s.meetings.find((m) => m.id === meetingId)?.title);
  const loadMeetings = useAppStore((s) => s.loadMeetings);
  const [databasePath, setDatabasePath] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void loadMeetings();
    call('appInfo', undefined).then((info) => setDatabasePath(info.databasePath), () => undefined);
  }, [loadMeetings]);

  const onRecover = () => {
    setBusy(true);
    setFailure(null);
    recover(meetingId)
      .catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="corrupt panel" role="alert" data-testid="corrupt-meeting">
      <h1>{title ? `“${title}” cannot be opened as it is` : 'This meeting cannot be opened as it is'}</h1>
      <p>{message}</p>
      <p className="conflict-hint">Meeting {meetingId}. Its damaged revision is not shown, so that nothing is drafted on top of it.</p>
      <h2>Two ways out</h2>
      <ol>
        <li>
          <strong>Open the last good revision.</strong> Minuta makes the latest revision that passes its check the current
          one, as a new revision; the damaged one stays in the history. Edits made after that revision are not in it.
          <div>
            <button type="button" onClick={onRecover} disabled={busy}>
              {busy ? 'Opening…' : 'Open the last good revision'}
            </button>
          </div>
        </li>
        <li>
          <strong>Restore from a backup.</strong> Close Minuta, then copy a backup made with{' '}
          <code>minuta backup FILE</code> over the database{databasePath ? <> at <code>{databasePath}</code></> : null}, and
          start Minuta again. Keep a copy of the damaged file for whoever looks into it.
        </li>
      </ol>
      {failure ? <p className="error">Could not open the last good revision: {failure}</p> : null}
    </div>
  );
}
