import type { Meeting } from '../../../shared/minutes';

/**
 * Undo/redo over the whole meeting, as a word processor does it: a stack of meeting snapshots. The
 * snapshots share structure (every edit copies only the path to the block it changed), so a hundred
 * steps of a 200-page document cost little more than one copy.
 *
 * Typing is coalesced: consecutive edits of the same field less than `coalesceMs` apart are one step,
 * and a new step starts when the author moves to another field, pauses, or does something structural.
 */
export interface Step {
  meeting: Meeting;
  /** The field focused when the step was made; undo and redo put the cursor back there. */
  field: string | null;
}

export interface History {
  past: Step[];
  future: Step[];
  /** The field and time of the last edit, to decide whether the next one extends the same step. */
  lastField: string | null;
  lastAt: number;
}

export const emptyHistory = (): History => ({ past: [], future: [], lastField: null, lastAt: 0 });

export const HISTORY_LIMIT = 500;

export interface EditKind {
  field: string | null;
  /** Typing into a field (coalesced); anything else (insert, delete, move, register change) is its own step. */
  typing: boolean;
  now: number;
  coalesceMs?: number;
}

/** The history after `before` was replaced by an edit. */
export function record(h: History, before: Meeting, kind: EditKind): History {
  const coalesce =
    kind.typing && kind.field !== null && kind.field === h.lastField && kind.now - h.lastAt < (kind.coalesceMs ?? 1000);
  const past = coalesce ? h.past : [...h.past, { meeting: before, field: kind.field }].slice(-HISTORY_LIMIT);
  return { past, future: [], lastField: kind.typing ? kind.field : null, lastAt: kind.now };
}

export function undo(h: History, present: Meeting, presentField: string | null): { history: History; step: Step } | null {
  const step = h.past[h.past.length - 1];
  if (!step) return null;
  return {
    history: { past: h.past.slice(0, -1), future: [...h.future, { meeting: present, field: step.field ?? presentField }], lastField: null, lastAt: 0 },
    step,
  };
}

export function redo(h: History, present: Meeting, presentField: string | null): { history: History; step: Step } | null {
  const step = h.future[h.future.length - 1];
  if (!step) return null;
  return {
    history: { past: [...h.past, { meeting: present, field: step.field ?? presentField }], future: h.future.slice(0, -1), lastField: null, lastAt: 0 },
    step,
  };
}
