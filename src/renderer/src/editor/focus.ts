import type { EditorView } from 'prosemirror-view';

/**
 * Which field has the cursor, and how to put the cursor into a field by its key. Fields register
 * themselves while mounted; a request for a field that is not mounted yet (a block just inserted) is
 * kept and honoured when it mounts. O(1) per request, whatever the document's length.
 */
export type FocusAt = 'start' | 'end' | 'keep';

interface FieldHandle {
  focus(at: FocusAt): void;
}

const fields = new Map<string, FieldHandle>();
let pending: { field: string; at: FocusAt } | null = null;

export function registerField(field: string, handle: FieldHandle): () => void {
  fields.set(field, handle);
  if (pending && pending.field === field) {
    const { at } = pending;
    pending = null;
    queueMicrotask(() => handle.focus(at));
  }
  return () => {
    if (fields.get(field) === handle) fields.delete(field);
  };
}

/**
 * Puts the cursor into a field once the current render has committed, and before the next key event:
 * a key typed straight after Ctrl+Z must land in the field the undo went back to, not in the one the
 * cursor was in (React commits a store update in a microtask queued before this one). A field not on
 * the page yet is focused when it mounts (registerField), a plain input rendered later at the next frame.
 */
export function focusField(field: string, at: FocusAt = 'end'): void {
  pending = { field, at };
  queueMicrotask(() => focusPending(field));
  requestAnimationFrame(() => focusPending(field, INPUT_FRAMES));
}

/**
 * How many frames a plain input is waited for: a block inserted at the end of a long list is mounted
 * with the list's later chunks (BlockView's progressive rendering), a few frames after the request.
 */
const INPUT_FRAMES = 120;

function focusPending(field: string, framesLeft = 0): void {
  if (pending?.field !== field) return;
  const { at } = pending;
  const handle = fields.get(field);
  if (handle) {
    pending = null;
    handle.focus(at);
    return;
  }
  // A plain input (a name, a date, a combobox) is focused through the DOM.
  const input = document.querySelector<HTMLElement>(`input[data-field="${CSS.escape(field)}"], textarea[data-field="${CSS.escape(field)}"], select[data-field="${CSS.escape(field)}"]`);
  if (input) {
    pending = null;
    input.focus();
    input.scrollIntoView({ block: 'nearest' });
  } else if (framesLeft > 0) requestAnimationFrame(() => focusPending(field, framesLeft - 1));
}

let active: { field: string; view: EditorView } | null = null;
export const setActiveEditor = (field: string, view: EditorView) => {
  active = { field, view };
};
export const clearActiveEditor = (view: EditorView) => {
  if (active?.view === view) active = null;
};
/** The rich-text editor that last had the cursor (bold/italic apply to it). */
export const activeEditor = () => active;
