import { newId } from '../../../../../shared/minutes';
import { changeBlock } from '../common';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';
import { LetterBlockEditor, newLetterParagraph } from './LetterBlockEditor';

export const letter = defineBlock('letter')({
  label: 'Note or letter',
  caption: (b) => (b.kind === 'note' ? 'Note' : 'Letter'),
  create: () => ({ id: newId('b'), type: 'letter', kind: 'note', addressee: [], paragraphs: [newLetterParagraph()] }),
  firstField: (b) => `${b.id}.reference`,
  Editor: LetterBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a note or letter' },
  commands: [
    {
      id: 'letter.addParagraph',
      label: 'Add a paragraph to the note',
      run: (b) => {
        const p = newLetterParagraph();
        changeBlock<typeof b>(b.id, (x) => ({ ...x, paragraphs: [...x.paragraphs, p] }), `${p.id}.text`);
      },
    },
  ],
  layout: { module: AGREED_LAYOUT, handler: "case 'letter'" },
});
