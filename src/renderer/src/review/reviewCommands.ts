import type { AppState } from '../state/store';
import { defineCommands, type Command } from '../commands/registry';
import { canStepChanges, stepChange } from './navigator';
import { NAME_INPUT_ID } from './HistoryPanel';

const hasDoc = (s: AppState) => s.doc !== null && s.screen.name === 'editor';
const comparing = (s: AppState) => hasDoc(s) && s.reviewView.kind === 'compare' && s.reviewView.result !== null;

/** History and compare, in the one registry (palette, shortcuts, application menu). */
const REVIEW_COMMANDS = [
  { id: 'review.history', label: 'Show or hide the history', group: 'Go', shortcuts: ['Mod-Alt-H'], enabled: hasDoc, run: (s) => void s.toggleHistory() },
  {
    id: 'review.nameVersion',
    label: 'Name this version…',
    group: 'File',
    enabled: hasDoc,
    run: (s) =>
      void s.toggleHistory(true).then(() => {
        // The panel's name field: the user types the name and presses Enter.
        document.getElementById(NAME_INPUT_ID)?.focus();
      }),
  },
  { id: 'review.nextChange', label: 'Next change', group: 'Go', shortcuts: ['Alt-ArrowDown'], enabled: (s) => comparing(s) && canStepChanges(), run: () => stepChange(1) },
  { id: 'review.previousChange', label: 'Previous change', group: 'Go', shortcuts: ['Alt-ArrowUp'], enabled: (s) => comparing(s) && canStepChanges(), run: () => stepChange(-1) },
  { id: 'review.exportRedlinePdf', label: 'Export redline PDF…', group: 'File', enabled: (s) => comparing(s) && s.exportState.kind !== 'busy', run: (s) => void s.exportComparison('pdf') },
  { id: 'review.exportRedlineDocx', label: 'Export redline Word (tracked changes)…', group: 'File', enabled: (s) => comparing(s) && s.exportState.kind !== 'busy', run: (s) => void s.exportComparison('docx') },
] as const satisfies readonly Command[];

defineCommands([...REVIEW_COMMANDS]);

/** The ids above, for `CommandId` (editorCommands.ts): a typo in a caller does not compile. */
export type ReviewCommandId = (typeof REVIEW_COMMANDS)[number]['id'];
