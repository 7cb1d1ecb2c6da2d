import { newId } from '../../../../../shared/minutes';
import { TextBlockEditor } from '../TextBlockEditor';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const nextMeeting = defineBlock('next-meeting')({
  label: 'Next meeting',
  create: () => ({ id: newId('b'), type: 'next-meeting', text: [] }),
  firstField: (b) => `${b.id}.text`,
  Editor: TextBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add the next meeting' },
  layout: { module: AGREED_LAYOUT, handler: "case 'next-meeting'" },
});
