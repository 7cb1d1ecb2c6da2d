import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/**
 * Tab and Shift+Tab in the editor move between the fields one types into, and nothing else: text
 * inputs, text areas, rich-text fields and comboboxes whose typing is text. A select, a checkbox or a
 * button is never reached by Tab, because the next keys typed there would not be text: a letter picks
 * a select's option ("C" switched a group part to "Collaboration") and a space presses a button. They
 * stay reachable by mouse, and their actions by commands (Ctrl+K). A rich-text field that uses Tab
 * itself (indenting a bullet) handles it first and prevents this default.
 */
export const TYPING_FIELDS = [
  'input:not([type]):not([disabled])',
  'input[type="text"]:not([disabled])',
  'input[type="search"]:not([disabled])',
  'input[type="date"]:not([disabled])',
  'input[type="number"]:not([disabled])',
  'textarea:not([disabled])',
  '[contenteditable="true"]',
  // A rich-text field not opened yet (RichField renders its text until it gets the focus).
  '.rf[role="textbox"][tabindex="0"]',
].join(', ');

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

/** The typing field after (or before) the focused one inside `root`, in document order. */
export function nextTypingField(root: HTMLElement, from: Element | null, backwards: boolean): HTMLElement | undefined {
  const fields = [...root.querySelectorAll<HTMLElement>(TYPING_FIELDS)].filter(visible);
  const current = from ? fields.findIndex((f) => f === from || f.contains(from)) : -1;
  if (current < 0) {
    // Focus on something else in the editor (a select clicked on): the next field after it.
    const after = from ? fields.findIndex((f) => from.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING) : 0;
    if (backwards) return after < 0 ? fields.at(-1) : after > 0 ? fields[after - 1] : undefined;
    return after < 0 ? undefined : fields[after];
  }
  return fields[current + (backwards ? -1 : 1)];
}

/** keydown handler for the editor's scroll area (bubble phase: fields that use Tab themselves come first). */
export function onEditorTab(e: ReactKeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Tab' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const next = nextTypingField(e.currentTarget, document.activeElement, e.shiftKey);
  if (!next) return; // past the last field: leave the editor as the browser would
  e.preventDefault();
  next.focus();
}

/** Moves the cursor to the next (or previous) typing field of the editor; false when there is none. */
export function focusNextTypingField(from: HTMLElement, backwards = false): boolean {
  const root = from.closest<HTMLElement>('[data-testid="editor"]') ?? document.body;
  const next = nextTypingField(root, from, backwards);
  next?.focus();
  return next !== undefined;
}
