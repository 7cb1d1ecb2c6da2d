import { newId } from '../../../../../shared/minutes';
import { StatementBlockEditor } from './StatementBlockEditor';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const statement = defineBlock('statement')({
  label: 'Statement (reported speech)',
  caption: (b) => (b.speaker.label.trim() ? `Statement: ${b.speaker.label.trim()}` : 'Statement'),
  create: () => ({ id: newId('b'), type: 'statement', speaker: { label: '' }, paragraphs: [[]] }),
  firstField: (b) => `${b.id}.speaker`,
  Editor: StatementBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a statement (reported speech)' },
  layout: { module: AGREED_LAYOUT, handler: "case 'statement'" },
});
