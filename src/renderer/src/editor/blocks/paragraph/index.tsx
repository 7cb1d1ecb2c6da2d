import { newId } from '../../../../../shared/minutes';
import { TextBlockEditor } from '../TextBlockEditor';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const paragraph = defineBlock('paragraph')({
  label: 'Paragraph',
  caption: (b) => (b.role === 'summary' ? 'Summary' : b.role === 'introduction' ? 'Introduction' : 'Paragraph'),
  create: () => ({ id: newId('b'), type: 'paragraph', role: 'text', text: [] }),
  firstField: (b) => `${b.id}.text`,
  Editor: TextBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a paragraph', shortcuts: ['Mod-Alt-N'] },
  keys: 'Enter starts the next paragraph',
  layout: { module: AGREED_LAYOUT, handler: "case 'paragraph'" },
});
