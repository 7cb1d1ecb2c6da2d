import { newId } from '../../../../../shared/minutes';
import { ObserversBlockEditor } from '../ObserversBlockEditor';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const observers = defineBlock('observers')({
  label: 'Observers',
  create: () => ({ id: newId('b'), type: 'observers', organisationIds: [], text: [] }),
  firstField: (b) => `${b.id}.text`,
  Editor: ObserversBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add observers' },
  layout: { module: AGREED_LAYOUT, handler: "case 'observers'" },
});
