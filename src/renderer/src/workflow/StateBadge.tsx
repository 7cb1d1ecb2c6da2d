import { STATE_LABELS, type WorkflowState } from '../../../shared/workflow/states';

/** The sign-off state as a small badge (home list, workflow bar). */
export function StateBadge({ state }: { state: WorkflowState }) {
  return (
    <span className={`state-badge state-${state}`} data-state={state}>
      {STATE_LABELS[state]}
    </span>
  );
}
