import { newId } from '../../../../../shared/minutes';
import { statement } from '../../../model/factory';
import { SuggestionsBlockEditor } from '../QaBlockEditor';
import { changeBlock } from '../common';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const suggestions = defineBlock('suggestions')({
  label: 'Suggestions',
  create: () => ({ id: newId('b'), type: 'suggestions', items: [statement()] }),
  firstField: (b) => `${b.items[0]?.id ?? b.id}.by`,
  Editor: SuggestionsBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add suggestions' },
  commands: [
    {
      id: 'suggestions.add',
      label: 'Add a suggestion',
      run: (b) => {
        const s = statement();
        changeBlock<typeof b>(b.id, (x) => ({ ...x, items: [...x.items, s] }), `${s.id}.by`);
      },
    },
  ],
  layout: { module: AGREED_LAYOUT, handler: "case 'suggestions'" },
});
