import type { ExportFormat } from '../../../shared/ipc/contract';
import { useAppStore } from '../state/store';
import { SignatureCopyMenu } from '../copies/SignatureCopyMenu';
import { MissingGlyphs } from './MissingGlyphs';
import './export.css';

/** The header's buttons; the minutes file (json) is saved from the palette and the File menu. */
const BUTTONS = ['pdf', 'docx'] as const;
const LABEL: Record<(typeof BUTTONS)[number], string> = { pdf: 'PDF', docx: 'Word' };
const LONG_LABEL: Record<ExportFormat, string> = { pdf: 'PDF for signature', docx: 'Word document', json: 'minutes file (.minuta.json)' };

/**
 * Export buttons for the open meeting (the same actions as the File commands of the palette): main
 * asks where to save, renders and writes the file. While it works (a long document takes a second or
 * two) the buttons are disabled and a progress bar runs; afterwards the path, or the reason it failed,
 * is announced.
 */
export function ExportMenu() {
  const state = useAppStore((s) => s.exportState);
  const run = useAppStore((s) => s.exportOpenMeeting);
  const cancel = useAppStore((s) => s.cancelExport);
  const busy = state.kind === 'busy';
  const meetingId = useAppStore((s) => ('meetingId' in s.screen ? s.screen.meetingId : null));
  return (
    <div className="export-menu" role="group" aria-label="Export" aria-busy={busy}>
      {BUTTONS.map((f) => (
        <button key={f} type="button" disabled={busy} onClick={() => void run(f)} data-testid={`export-${f}`}
          title={`Export ${LONG_LABEL[f]}`}>
          Export {LABEL[f]}
        </button>
      ))}
      {meetingId && <SignatureCopyMenu meetingId={meetingId} />}
      {busy && (
        <span className="export-progress">
          <progress aria-label={`Exporting ${LONG_LABEL[state.format]}`} />
          Exporting…
        </span>
      )}
      <span role="status" className="export-status" title={state.kind === 'done' ? state.path : undefined}>
        {state.kind === 'done' && <>Saved to {state.path}</>}
      </span>
      {state.kind === 'confirm-glyphs' && (
        <div role="alertdialog" aria-label="Characters without a font" className="export-glyphs" data-testid="missing-glyphs">
          <MissingGlyphs missing={state.missing} />
          <button type="button" onClick={() => void run(state.format, { allowMissingGlyphs: true })}>
            Export {LONG_LABEL[state.format]} anyway
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {state.kind === 'error' && (
        <span role="alert" className="error" title={state.message}>
          Export failed: {state.message}
        </span>
      )}
    </div>
  );
}
