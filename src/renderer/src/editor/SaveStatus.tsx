import { useAppStore } from '../state/store';

const TEXT = {
  saved: 'Saved',
  pending: 'Saving…',
  saving: 'Saving…',
  failed: 'Save failed — retrying',
  conflict: 'Not saved — changed elsewhere',
} as const;

/** Always visible: the author knows whether the last keystroke is in the database. */
export function SaveStatus() {
  const state = useAppStore((s) => s.saveState);
  const error = useAppStore((s) => s.saveError);
  return (
    <span className={`save-status save-${state}`} data-save-state={state} role="status" aria-live="polite" title={error ?? undefined}>
      {TEXT[state]}
      {state === 'failed' && error ? <span className="save-error">: {error}</span> : null}
    </span>
  );
}
