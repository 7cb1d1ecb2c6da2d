import { newId } from '../../../../../shared/minutes';
import { signatory } from '../../../model/factory';
import { SignatoriesBlockEditor } from '../SignatoriesBlockEditor';
import { changeBlock } from '../common';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const signatories = defineBlock('signatories')({
  label: 'Signatories',
  create: () => ({ id: newId('b'), type: 'signatories', signatories: [signatory()] }),
  firstField: (b) => `${b.signatories[0]?.id ?? b.id}.role`,
  Editor: SignatoriesBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  // The signature grid belongs where the minutes are signed, never beside the cursor.
  insert: { label: 'Add signatories', placement: 'signing' },
  commands: [
    {
      id: 'signatories.add',
      label: 'Add a signatory',
      run: (b) => {
        const g = signatory();
        changeBlock<typeof b>(b.id, (x) => ({ ...x, signatories: [...x.signatories, g] }), `${g.id}.role`);
      },
    },
  ],
  layout: { module: AGREED_LAYOUT, handler: "case 'signatories'" },
});
