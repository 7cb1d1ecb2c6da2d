import { newId } from '../../../../../shared/minutes';
import { PresidingBlockEditor } from '../RemarkBlockEditor';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const presiding = defineBlock('presiding')({
  label: 'Presiding official',
  create: () => ({ id: newId('b'), type: 'presiding', paragraphs: [[]] }),
  firstField: (b) => `${b.id}.paragraphs`,
  Editor: PresidingBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add the presiding official' },
  layout: { module: AGREED_LAYOUT, handler: "case 'presiding'" },
});
