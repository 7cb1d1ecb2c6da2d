import { newId } from '../../../../../shared/minutes';
import { delegation } from '../../../model/factory';
import { DelegationsBlockEditor } from '../DelegationsBlockEditor';
import { changeBlock } from '../common';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const delegations = defineBlock('delegations')({
  label: 'Delegations',
  // One delegation to type into at once: a block inserted from the keyboard has a field for the cursor.
  create: () => ({ id: newId('b'), type: 'delegations', delegations: [delegation()] }),
  firstField: (b) => `${b.delegations[0]?.id ?? b.id}.country`,
  Editor: DelegationsBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add delegations' },
  commands: [
    {
      id: 'delegations.add',
      label: 'Add a delegation',
      run: (b) => {
        const d = delegation();
        changeBlock<typeof b>(b.id, (x) => ({ ...x, delegations: [...x.delegations, d] }), `${d.id}.country`);
      },
    },
  ],
  layout: { module: AGREED_LAYOUT, handler: "case 'delegations'" },
});
