import { defineCommands, type Command } from '../commands/registry';
import type { AppState } from '../state/store';

const inEditor = (s: AppState) => s.doc !== null && s.screen.name === 'editor';

/** Find and replace and the preview's zoom, in the one command registry (keys, menu, palette). */
const FIND_COMMANDS = [
  { id: 'edit.find', label: 'Find…', group: 'Edit', shortcuts: ['Mod-F'], enabled: inEditor, run: (s) => s.openFind('find') },
  { id: 'edit.replace', label: 'Replace…', group: 'Edit', shortcuts: ['Mod-H'], enabled: inEditor, run: (s) => s.openFind('replace') },
  { id: 'edit.findNext', label: 'Find next', group: 'Edit', shortcuts: ['Mod-G'], enabled: (s) => inEditor(s) && s.find.query !== '', run: (s) => s.stepFind(1) },
  { id: 'edit.findPrevious', label: 'Find previous', group: 'Edit', shortcuts: ['Mod-Shift-G'], enabled: (s) => inEditor(s) && s.find.query !== '', run: (s) => s.stepFind(-1) },
  { id: 'view.zoomIn', label: 'Zoom the preview in', group: 'Go', shortcuts: ['Mod-BracketRight'], enabled: inEditor, run: (s) => s.zoomBy(1) },
  { id: 'view.zoomOut', label: 'Zoom the preview out', group: 'Go', shortcuts: ['Mod-BracketLeft'], enabled: inEditor, run: (s) => s.zoomBy(-1) },
  { id: 'view.fitWidth', label: 'Preview: fit width', group: 'Go', shortcuts: ['Mod-0'], enabled: inEditor, run: (s) => s.setPreviewZoom('fit-width') },
  { id: 'view.fitPage', label: 'Preview: fit page', group: 'Go', shortcuts: ['Mod-9'], enabled: inEditor, run: (s) => s.setPreviewZoom('fit-page') },
] as const satisfies readonly Command[];

defineCommands([...FIND_COMMANDS]);

/** The ids above, for `CommandId` (editorCommands.ts). */
export type FindCommandId = (typeof FIND_COMMANDS)[number]['id'];
