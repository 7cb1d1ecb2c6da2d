import { toggleBold, toggleItalic } from '../editor/richtext/keymap';
import { toggleCountryRemark } from '../editor/richtext/countryRemark';
import { activeEditor, focusField } from '../editor/focus';
import { insertFootnote } from '../editor/richtext/footnoteEdit';
import { noteField } from '../editor/richtext/Footnotes';
import { ALL_BLOCKS, type BlockCommandId, type InsertableType } from '../editor/blocks';
import { insertAtSigningPosition, insertAtTopLevel, insertNear } from '../editor/blocks/insert';
import type { BlockDescriptor } from '../editor/blocks/descriptor';
import { locate, moveBlock, removeBlock, renumber, type AnyBlock } from '../model/tree';
import type { AppState } from '../state/store';
import { defineCommands, type Command } from './registry';
import type { ReviewCommandId } from '../review/reviewCommands';
import type { FindCommandId } from '../find/findCommands';
import { anchorFromSelection } from '../editor/comments/anchor';
import { openSignAs } from '../copies/signAs';
import { pickReviewedCopy } from '../editor/suggestions/pick';
import { addAgendaDocument, addAgendaItem, focusedAgendaItem, removeAgendaItem } from '../editor/FrontMatterDetails';

const hasDoc = (s: AppState) => s.doc !== null && s.screen.name !== 'home';
const inEditor = (s: AppState) => s.doc !== null && s.screen.name === 'editor';

const hasFocusedBlock = (s: AppState) => inEditor(s) && s.focusedBlock !== null;

/** Moves the block with the cursor among its siblings; the cursor stays in it. */
function moveFocused(s: AppState, delta: -1 | 1) {
  const id = s.focusedBlock!;
  s.edit((m) => renumber(moveBlock(m, id, delta)), s.focusedField ? { focus: s.focusedField } : {});
}

function format(cmd: typeof toggleBold) {
  const a = activeEditor();
  if (!a) return;
  cmd(a.view.state, a.view.dispatch);
  a.view.focus();
}

/** Inserts a footnote in the field with the cursor, then puts the cursor in the new note's text. */
function insertFootnoteHere() {
  const a = activeEditor();
  if (!a) return;
  const before = a.view.state.doc;
  let k = 0;
  before.nodesBetween(0, a.view.state.selection.from, (n) => {
    if (n.type.name === 'hanging' && n.attrs['footnote']) k++;
  });
  if (!insertFootnote(a.view.state, a.view.dispatch)) return;
  // The field's footnote list shows the new note once the edit is in the store.
  requestAnimationFrame(() => focusField(noteField(a.field, k), 'end'));
}

/** The commands that are not about one block type (those come from the block descriptors, below). */
const COMMANDS = [
  { id: 'edit.undo', label: 'Undo', group: 'Edit', shortcuts: ['Mod-Z'], enabled: (s) => hasDoc(s) && s.history.past.length > 0, run: (s) => s.undo() },
  { id: 'edit.redo', label: 'Redo', group: 'Edit', shortcuts: ['Mod-Shift-Z', 'Mod-Y'], enabled: (s) => hasDoc(s) && s.history.future.length > 0, run: (s) => s.redo() },
  { id: 'format.bold', label: 'Bold', group: 'Format', shortcuts: ['Mod-B'], enabled: (s) => inEditor(s) && activeEditor() !== null, run: () => format(toggleBold) },
  { id: 'format.italic', label: 'Italic', group: 'Format', shortcuts: ['Mod-I'], enabled: (s) => inEditor(s) && activeEditor() !== null, run: () => format(toggleItalic) },
  { id: 'format.countryRemark', label: 'Country remark on/off ("Lao: …" at the start of a bullet)', group: 'Format', shortcuts: ['Mod-Alt-C'], enabled: (s) => inEditor(s) && activeEditor() !== null, run: () => format(toggleCountryRemark) },
  // A footnote at the cursor (on the selected text, if any); its text is typed in the field's footnote list, under the field.
  { id: 'format.footnote', label: 'Insert a footnote', group: 'Insert', shortcuts: ['Mod-Alt-F'], enabled: (s) => inEditor(s) && activeEditor() !== null, run: () => insertFootnoteHere() },
  { id: 'block.moveUp', label: 'Move this block up', group: 'Edit', shortcuts: ['Mod-Alt-ArrowUp'], enabled: hasFocusedBlock, run: (s) => moveFocused(s, -1) },
  { id: 'block.moveDown', label: 'Move this block down', group: 'Edit', shortcuts: ['Mod-Alt-ArrowDown'], enabled: hasFocusedBlock, run: (s) => moveFocused(s, 1) },
  { id: 'block.delete', label: 'Delete this block', group: 'Edit', shortcuts: ['Mod-Alt-Backspace'], enabled: hasFocusedBlock, run: (s) => { const id = s.focusedBlock!; s.edit((m) => renumber(removeBlock(m, id))); s.setFocus(null, null); } },
  // A comment on the selected text (one line or one bullet), else on the block with the cursor; written in the comments pane.
  { id: 'comment.add', label: 'Add a comment', group: 'Insert', shortcuts: ['Mod-Alt-M'], enabled: hasFocusedBlock, run: (s) => s.startComment(anchorFromSelection(s.focusedBlock!)) },
  { id: 'comment.togglePane', label: 'Show or hide comments', group: 'Go', enabled: inEditor, run: (s) => s.setCommentsPaneOpen(!s.commentsPaneOpen) },
  { id: 'suggestions.togglePane', label: 'Show or hide review suggestions', group: 'Go', enabled: inEditor, run: (s) => s.setSuggestionsPaneOpen(!s.suggestionsPaneOpen) },
  { id: 'suggestions.import', label: 'Import reviewed copy…', group: 'File', enabled: inEditor, run: () => pickReviewedCopy() },
  { id: 'file.exportReviewCopy', label: 'Export review copy (Word, changes since a version, with comments)…', group: 'File', enabled: inEditor, run: (s) => { s.setCommentsPaneOpen(true); requestAnimationFrame(() => document.getElementById('review-copy-base')?.focus()); } },
  { id: 'file.save', label: 'Save now', group: 'File', shortcuts: ['Mod-S'], enabled: hasDoc, run: (s) => void s.flush().catch(() => undefined) }, // the header shows why
  { id: 'file.exportPdf', label: 'Export PDF for signature…', group: 'File', shortcuts: ['Mod-Shift-E'], enabled: (s) => hasDoc(s) && s.exportState.kind !== 'busy', run: (s) => void s.exportOpenMeeting('pdf') },
  { id: 'file.exportDocx', label: 'Export Word document…', group: 'File', shortcuts: ['Mod-Shift-D'], enabled: (s) => hasDoc(s) && s.exportState.kind !== 'busy', run: (s) => void s.exportOpenMeeting('docx') },
  // The minutes themselves, to send to a colleague's Minuta or keep as an archive (Import minutes file… reads it).
  { id: 'file.exportMinutesFile', label: 'Save a copy as a minutes file (.minuta.json)…', group: 'File', enabled: (s) => hasDoc(s) && s.exportState.kind !== 'busy', run: (s) => void s.exportOpenMeeting('json') },
  // Signing a field of a signature copy with one's own key (the copy and key are chosen in main's dialogs).
  { id: 'file.signAs', label: 'Sign a signature copy as…', group: 'File', enabled: () => true, run: () => openSignAs() },
  { id: 'go.home', label: 'Go to meetings', group: 'Go', shortcuts: ['Mod-Shift-H'], enabled: () => true, run: (s) => s.navigate({ name: 'home' }) },
  { id: 'go.minutes', label: 'Go to the minutes', group: 'Go', shortcuts: ['Mod-1'], enabled: hasDoc, run: (s) => s.navigate({ name: 'editor', meetingId: s.doc!.id }) },
  { id: 'go.decisions', label: 'Go to the decisions tracker', group: 'Go', shortcuts: ['Mod-Shift-L'], enabled: () => true, run: (s) => s.navigate({ name: 'decisions' }) },
  { id: 'go.register', label: 'Go to the participants register', group: 'Go', shortcuts: ['Mod-2'], enabled: hasDoc, run: (s) => s.navigate({ name: 'register', meetingId: s.doc!.id }) },
  { id: 'agenda.addItem', label: 'Add an agenda item', group: 'Insert', enabled: inEditor, run: (s) => addAgendaItem(s) },
  { id: 'agenda.addDocument', label: 'Add a document to this agenda item', group: 'Insert', enabled: (s) => inEditor(s) && focusedAgendaItem(s.focusedField) !== undefined, run: (s) => addAgendaDocument(s, focusedAgendaItem(s.focusedField)!) },
  { id: 'agenda.removeItem', label: 'Remove this agenda item', group: 'Edit', enabled: (s) => inEditor(s) && focusedAgendaItem(s.focusedField) !== undefined, run: (s) => removeAgendaItem(s, focusedAgendaItem(s.focusedField)!) },
  { id: 'app.palette', label: 'Command palette', group: 'Go', shortcuts: ['Mod-K'], enabled: () => true, run: (s) => s.setPaletteOpen(!s.paletteOpen) },
] as const satisfies readonly Command[];

/** `insert.<type>` for every block type with an insert command: label, shortcut and placement from its descriptor. */
function insertCommand(d: BlockDescriptor): Command {
  const insert = d.insert!;
  return {
    id: `insert.${d.type}`,
    label: insert.label,
    group: 'Insert',
    ...(insert.shortcuts ? { shortcuts: insert.shortcuts } : {}),
    enabled: inEditor,
    run: (s) => {
      if (insert.run) insert.run(s);
      else if (insert.placement === 'signing') insertAtSigningPosition(s, d);
      else if (insert.placement === 'top-level') insertAtTopLevel(s, d);
      else insertNear(s, d);
    },
  };
}

/** The block with the cursor, when it is of the descriptor's type. */
function focusedBlockOf(s: AppState, d: BlockDescriptor): AnyBlock | undefined {
  if (!inEditor(s) || !s.focusedBlock) return undefined;
  const block = locate(s.doc!.meeting.body as AnyBlock[], s.focusedBlock)?.block;
  return block?.type === d.type ? block : undefined;
}

/** A descriptor's own commands act on the block with the cursor, and only when it is of that type. */
function blockCommands(d: BlockDescriptor): Command[] {
  return (d.commands ?? []).map((c) => ({
    id: c.id,
    label: c.label,
    group: 'Insert',
    ...(c.shortcuts ? { shortcuts: c.shortcuts } : {}),
    enabled: (s) => focusedBlockOf(s, d) !== undefined,
    run: (s) => {
      const block = focusedBlockOf(s, d);
      if (block) (c.run as (b: AnyBlock, st: AppState) => void)(block, s);
    },
  }));
}

defineCommands([...COMMANDS, ...ALL_BLOCKS.filter((d) => d.insert).map(insertCommand), ...ALL_BLOCKS.flatMap(blockCommands)]);

/**
 * Every command id there is, as a type: a toolbar, a menu or a test naming a command that does not
 * exist does not compile.
 */
export type CommandId = (typeof COMMANDS)[number]['id'] | `insert.${InsertableType}` | BlockCommandId | ReviewCommandId | FindCommandId;

