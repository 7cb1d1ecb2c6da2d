import { newId } from '../../../../../shared/minutes';
import { PresentationBlockEditor } from '../PresentationBlockEditor';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const presentation = defineBlock('presentation')({
  label: 'Presentation',
  create: () => ({ id: newId('b'), type: 'presentation', heading: [], bullets: [] }),
  firstField: (b) => `${b.id}.heading`,
  Editor: PresentationBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a presentation', shortcuts: ['Mod-Alt-P'] },
  keys: 'Ctrl+Alt+C turns a bullet typed as "Lao: …" into a per-country remark',
  layout: { module: AGREED_LAYOUT, handler: 'presentation(' },
});
