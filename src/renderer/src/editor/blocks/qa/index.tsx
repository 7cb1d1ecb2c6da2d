import { newId } from '../../../../../shared/minutes';
import { statement, turn } from '../../../model/factory';
import { locateIn, updateBlock } from '../../../model/tree';
import type { AppState } from '../../../state/store';
import { QaBlockEditor } from '../QaBlockEditor';
import { changeBlock, mapById } from '../common';
import { AGREED_LAYOUT, defineBlock, type BlockMaker, type BlockOf } from '../descriptor';
import { insertNear } from '../insert';
import { descriptorOf } from '..';

/** Ctrl+Alt+Q in a Q&A block adds a turn to it; elsewhere it inserts a new Q&A block. */
function addTurn(s: AppState): void {
  const loc = s.focusedBlock ? locateIn(s.doc!.meeting, s.focusedBlock) : undefined;
  if (loc?.block.type !== 'qa') {
    insertNear(s, descriptorOf('qa') as unknown as BlockMaker);
    return;
  }
  const t = turn();
  s.edit((m) => updateBlock<BlockOf<'qa'>>(m, loc.block.id, (b) => ({ ...b, turns: [...b.turns, t] })), { focus: `${t.question.id}.by` });
}

/** The turn whose question or answer has the cursor (field keys start with the statement's id). */
function focusedTurn(b: BlockOf<'qa'>, field: string | null): BlockOf<'qa'>['turns'][number] | undefined {
  const sid = field?.split('.')[0];
  return b.turns.find((t) => t.question.id === sid || t.answers.some((a) => a.id === sid)) ?? b.turns.at(-1);
}

export const qa = defineBlock('qa')({
  label: 'Questions and answers',
  create: () => ({ id: newId('b'), type: 'qa', turns: [turn()] }),
  firstField: (b) => `${b.turns[0]?.question.id ?? b.id}.by`,
  Editor: QaBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a question and answer', shortcuts: ['Mod-Alt-Q'], run: addTurn },
  commands: [
    {
      id: 'qa.addAnswer',
      label: 'Add an answer to this question',
      run: (b, s) => {
        const t = focusedTurn(b, s.focusedField);
        if (!t) return;
        const a = statement();
        changeBlock<typeof b>(b.id, (x) => ({ ...x, turns: mapById(x.turns, t.id, (y) => ({ ...y, answers: [...y.answers, a] })) }), `${a.id}.by`);
      },
    },
  ],
  keys: 'Ctrl+Alt+Q adds a question to this block',
  layout: { module: AGREED_LAYOUT, handler: "case 'qa'" },
});
