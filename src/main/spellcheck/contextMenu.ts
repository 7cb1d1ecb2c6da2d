/**
 * The right-click menu of the app, as plain data: from the `context-menu` event's params (Electron's
 * ContextMenuParams; only the fields read here) to a list of items. Kept free of Electron so that it
 * is unit-tested with real-shaped params; `spellcheckWiring.ts` turns the items into Electron's menu.
 */
export interface ContextMenuParams {
  isEditable: boolean;
  selectionText: string;
  /** The word under the cursor when the spell-checker flags it, else ''. */
  misspelledWord: string;
  /** The spell-checker's suggestions for it (best first), possibly none. */
  dictionarySuggestions: string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean; canUndo: boolean; canRedo: boolean };
}

export type ContextMenuItem =
  | { kind: 'replace'; label: string; word: string }
  | { kind: 'add-to-dictionary'; label: string; word: string }
  | { kind: 'role'; role: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'; label: string; enabled: boolean }
  | { kind: 'info'; label: string }
  | { kind: 'separator' };

/** At most this many suggestions: a menu longer than a screen is no help. */
export const MAX_SUGGESTIONS = 6;
/** A word longer than this is shown cut in the menu (its label), never in full. */
const MAX_WORD_LABEL = 40;

const shown = (word: string) => (word.length <= MAX_WORD_LABEL ? word : `${Array.from(word).slice(0, MAX_WORD_LABEL).join('')}…`);

export function contextMenuItems(params: ContextMenuParams): ContextMenuItem[] {
  const items: ContextMenuItem[] = [];
  const word = params.misspelledWord.trim();
  if (params.isEditable && word) {
    const suggestions = [...new Set(params.dictionarySuggestions.filter((s) => s.trim() !== ''))].slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ kind: 'info', label: 'No spelling suggestions' });
    for (const suggestion of suggestions) items.push({ kind: 'replace', label: shown(suggestion), word: suggestion });
    items.push({ kind: 'separator' });
    items.push({ kind: 'add-to-dictionary', label: `Add “${shown(word)}” to dictionary`, word });
    items.push({ kind: 'separator' });
  }
  const f = params.editFlags;
  if (params.isEditable) {
    items.push({ kind: 'role', role: 'undo', label: 'Undo', enabled: f.canUndo }, { kind: 'role', role: 'redo', label: 'Redo', enabled: f.canRedo });
    items.push({ kind: 'separator' });
    items.push({ kind: 'role', role: 'cut', label: 'Cut', enabled: f.canCut });
  }
  if (params.isEditable || params.selectionText !== '') items.push({ kind: 'role', role: 'copy', label: 'Copy', enabled: f.canCopy });
  if (params.isEditable) {
    items.push({ kind: 'role', role: 'paste', label: 'Paste', enabled: f.canPaste });
    items.push({ kind: 'separator' });
    items.push({ kind: 'role', role: 'selectAll', label: 'Select all', enabled: f.canSelectAll });
  }
  return items;
}
