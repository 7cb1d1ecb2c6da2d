import { useState } from 'react';
import type { ExportFormat } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import './export.css';

export interface ExportMenuProps {
  meetingId: string;
  /** Export the sealed form (no draft mark); sealing proper comes later. */
  sealed?: boolean;
}

type State = { kind: 'idle' } | { kind: 'busy'; format: ExportFormat } | { kind: 'done'; path: string } | { kind: 'error'; message: string };

const LABEL: Record<ExportFormat, string> = { pdf: 'PDF for signature', docx: 'Word document' };

/**
 * Export buttons: main asks where to save (the system dialog), renders and writes the file. While it
 * works (a long document takes a second or two) the buttons are disabled and a progress bar runs;
 * afterwards the path, or the reason it failed, is announced.
 */
export function ExportMenu({ meetingId, sealed = false }: ExportMenuProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = async (format: ExportFormat) => {
    setState({ kind: 'busy', format });
    try {
      const r = await call('exportMeeting', { id: meetingId, format, sealed });
      setState(r.saved && r.path ? { kind: 'done', path: r.path } : { kind: 'idle' });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const busy = state.kind === 'busy';
  return (
    <div className="export-menu" role="group" aria-label="Export" aria-busy={busy}>
      {(['pdf', 'docx'] as const).map((f) => (
        <button key={f} type="button" disabled={busy} onClick={() => void run(f)} data-testid={`export-${f}`}>
          Export {LABEL[f]}
        </button>
      ))}
      {busy && (
        <span className="export-progress">
          <progress aria-label={`Exporting ${LABEL[state.format]}`} />
          Exporting {LABEL[state.format]}…
        </span>
      )}
      <span role="status" className="export-status">
        {state.kind === 'done' && <>Saved to {state.path}</>}
      </span>
      {state.kind === 'error' && (
        <span role="alert" className="error">
          Export failed: {state.message}
        </span>
      )}
    </div>
  );
}
