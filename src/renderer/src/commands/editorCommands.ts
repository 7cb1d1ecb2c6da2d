import { toggleBold, toggleItalic } from '../editor/richtext/keymap';
import { toggleCountryRemark } from '../editor/richtext/countryRemark';
import { activeEditor } from '../editor/focus';
import { firstField, newBlock, turn, type NewBlockType } from '../model/factory';
import { insertAfter, locate, moveBlock, removeBlock, renumber, updateBlock, appendChild, type AnyBlock } from '../model/tree';
import type { QaB } from '../model/types';
import type { AppState } from '../state/store';
import { defineCommands } from './registry';
import { anchorFromSelection } from '../editor/comments/anchor';

const hasDoc = (s: AppState) => s.doc !== null && s.screen.name !== 'home';
const inEditor = (s: AppState) => s.doc !== null && s.screen.name === 'editor';

/**
 * Inserts a block after the one with the cursor, in the same container (a presentation after the
 * presentation being written, inside its session); at the end of the document when nothing is focused.
 */
function insertNear(s: AppState, type: NewBlockType) {
  const meeting = s.doc!.meeting;
  const block = newBlock(type);
  const loc = s.focusedBlock ? locate(meeting.body as AnyBlock[], s.focusedBlock) : undefined;
  s.edit(
    (m) => {
      if (!loc) return renumber(appendChild(m, null, block));
      if (type === 'session') {
        // After the enclosing session, inside its section; or at the end of the focused section.
        const session = [loc.block, ...loc.parents].find((b) => b.type === 'session');
        if (session) return renumber(insertAfter(m, session.id, block));
        if (loc.block.type === 'section') return renumber(appendChild(m, loc.block.id, block));
        const section = loc.parents.find((b) => b.type === 'section');
        if (section) return renumber(appendChild(m, section.id, block));
        return renumber(insertAfter(m, loc.block.id, block));
      }
      if (loc.block.type === 'session' || loc.block.type === 'section') return renumber(appendChild(m, loc.block.id, block));
      return renumber(insertAfter(m, loc.block.id, block));
    },
    { focus: firstField(block) },
  );
}

function addTurn(s: AppState) {
  const loc = s.focusedBlock ? locate(s.doc!.meeting.body as AnyBlock[], s.focusedBlock) : undefined;
  if (loc?.block.type !== 'qa') return insertNear(s, 'qa');
  const t = turn();
  s.edit((m) => updateBlock<QaB>(m, loc.block.id, (b) => ({ ...b, turns: [...b.turns, t] })), { focus: `${t.question.id}.by` });
}

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

defineCommands([
  { id: 'edit.undo', label: 'Undo', group: 'Edit', shortcuts: ['Mod-Z'], enabled: (s) => hasDoc(s) && s.history.past.length > 0, run: (s) => s.undo() },
  { id: 'edit.redo', label: 'Redo', group: 'Edit', shortcuts: ['Mod-Shift-Z', 'Mod-Y'], enabled: (s) => hasDoc(s) && s.history.future.length > 0, run: (s) => s.redo() },
  { id: 'format.bold', label: 'Bold', group: 'Format', shortcuts: ['Mod-B'], enabled: (s) => inEditor(s) && activeEditor() !== null, run: () => format(toggleBold) },
  { id: 'format.italic', label: 'Italic', group: 'Format', shortcuts: ['Mod-I'], enabled: (s) => inEditor(s) && activeEditor() !== null, run: () => format(toggleItalic) },
  { id: 'format.countryRemark', label: 'Country remark on/off ("Lao: …" at the start of a bullet)', group: 'Format', shortcuts: ['Mod-Alt-C'], enabled: (s) => inEditor(s) && activeEditor() !== null, run: () => format(toggleCountryRemark) },
  { id: 'insert.paragraph', label: 'Add a paragraph', group: 'Insert', shortcuts: ['Mod-Alt-N'], enabled: inEditor, run: (s) => insertNear(s, 'paragraph') },
  { id: 'insert.presentation', label: 'Add a presentation', group: 'Insert', shortcuts: ['Mod-Alt-P'], enabled: inEditor, run: (s) => insertNear(s, 'presentation') },
  { id: 'insert.qa', label: 'Add a question and answer', group: 'Insert', shortcuts: ['Mod-Alt-Q'], enabled: inEditor, run: addTurn },
  { id: 'insert.group', label: 'Add a group discussion', group: 'Insert', shortcuts: ['Mod-Alt-G'], enabled: inEditor, run: (s) => insertNear(s, 'group') },
  { id: 'insert.session', label: 'Add a session', group: 'Insert', shortcuts: ['Mod-Alt-S'], enabled: inEditor, run: (s) => insertNear(s, 'session') },
  { id: 'insert.remark', label: 'Add remarks', group: 'Insert', shortcuts: ['Mod-Alt-R'], enabled: inEditor, run: (s) => insertNear(s, 'remark') },
  { id: 'insert.list', label: 'Add a list', group: 'Insert', shortcuts: ['Mod-Alt-L'], enabled: inEditor, run: (s) => insertNear(s, 'list') },
  { id: 'insert.suggestions', label: 'Add suggestions', group: 'Insert', enabled: inEditor, run: (s) => insertNear(s, 'suggestions') },
  { id: 'insert.signatories', label: 'Add signatories', group: 'Insert', enabled: inEditor, run: (s) => insertNear(s, 'signatories') },
  { id: 'insert.routing', label: 'Add a routing chain', group: 'Insert', enabled: inEditor, run: (s) => insertNear(s, 'routing') },
  { id: 'block.moveUp', label: 'Move this block up', group: 'Edit', shortcuts: ['Mod-Alt-ArrowUp'], enabled: hasFocusedBlock, run: (s) => moveFocused(s, -1) },
  { id: 'block.moveDown', label: 'Move this block down', group: 'Edit', shortcuts: ['Mod-Alt-ArrowDown'], enabled: hasFocusedBlock, run: (s) => moveFocused(s, 1) },
  { id: 'block.delete', label: 'Delete this block', group: 'Edit', shortcuts: ['Mod-Alt-Backspace'], enabled: hasFocusedBlock, run: (s) => { const id = s.focusedBlock!; s.edit((m) => renumber(removeBlock(m, id))); s.setFocus(null, null); } },
  // A comment on the selected text (one line or one bullet), else on the block with the cursor; written in the comments pane.
  { id: 'comment.add', label: 'Add a comment', group: 'Insert', shortcuts: ['Mod-Alt-M'], enabled: hasFocusedBlock, run: (s) => s.startComment(anchorFromSelection(s.focusedBlock!)) },
  { id: 'comment.togglePane', label: 'Show or hide comments', group: 'Go', enabled: inEditor, run: (s) => s.setCommentsPaneOpen(!s.commentsPaneOpen) },
  { id: 'file.exportReviewCopy', label: 'Export review copy (Word, changes since a version, with comments)…', group: 'File', enabled: inEditor, run: (s) => { s.setCommentsPaneOpen(true); requestAnimationFrame(() => document.getElementById('review-copy-base')?.focus()); } },
  { id: 'file.save', label: 'Save now', group: 'File', shortcuts: ['Mod-S'], enabled: hasDoc, run: (s) => void s.flush().catch(() => undefined) }, // the header shows why
  { id: 'file.exportPdf', label: 'Export PDF for signature…', group: 'File', shortcuts: ['Mod-Shift-E'], enabled: (s) => hasDoc(s) && s.exportState.kind !== 'busy', run: (s) => void s.exportOpenMeeting('pdf') },
  { id: 'file.exportDocx', label: 'Export Word document…', group: 'File', shortcuts: ['Mod-Shift-D'], enabled: (s) => hasDoc(s) && s.exportState.kind !== 'busy', run: (s) => void s.exportOpenMeeting('docx') },
  // The minutes themselves, to send to a colleague's Minuta or keep as an archive (Import minutes file… reads it).
  { id: 'file.exportMinutesFile', label: 'Save a copy as a minutes file (.minuta.json)…', group: 'File', enabled: (s) => hasDoc(s) && s.exportState.kind !== 'busy', run: (s) => void s.exportOpenMeeting('json') },
  { id: 'go.home', label: 'Go to meetings', group: 'Go', shortcuts: ['Mod-Shift-H'], enabled: () => true, run: (s) => s.navigate({ name: 'home' }) },
  { id: 'go.minutes', label: 'Go to the minutes', group: 'Go', shortcuts: ['Mod-1'], enabled: hasDoc, run: (s) => s.navigate({ name: 'editor', meetingId: s.doc!.id }) },
  { id: 'go.register', label: 'Go to the participants register', group: 'Go', shortcuts: ['Mod-2'], enabled: hasDoc, run: (s) => s.navigate({ name: 'register', meetingId: s.doc!.id }) },
  { id: 'app.palette', label: 'Command palette', group: 'Go', shortcuts: ['Mod-K'], enabled: () => true, run: (s) => s.setPaletteOpen(!s.paletteOpen) },
]);
