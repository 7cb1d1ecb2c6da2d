import { newId } from '../../../../../shared/minutes';
import { TextBlockEditor } from '../TextBlockEditor';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const signing = defineBlock('signing')({
  label: 'Signing statement',
  create: (today) => ({ id: newId('b'), type: 'signing', text: [], place: '', date: today }),
  firstField: (b) => `${b.id}.text`,
  Editor: TextBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a signing statement', placement: 'signing' },
  layout: { module: AGREED_LAYOUT, handler: "case 'signing'" },
});
