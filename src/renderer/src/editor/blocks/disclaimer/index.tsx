import { newId } from '../../../../../shared/minutes';
import { TextBlockEditor } from '../TextBlockEditor';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const disclaimer = defineBlock('disclaimer')({
  label: 'Disclaimer',
  create: () => ({ id: newId('b'), type: 'disclaimer', text: [] }),
  firstField: (b) => `${b.id}.text`,
  Editor: TextBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a disclaimer' },
  layout: { module: AGREED_LAYOUT, handler: "case 'disclaimer'" },
});
