import { newId } from '../../../../../shared/minutes';
import { useAppStore } from '../../../state/store';
import { changeBlock } from '../common';
import { AGREED_LAYOUT, defineBlock, type BlockOf } from '../descriptor';
import { DecisionBlockEditor } from './DecisionBlockEditor';
import { emptyVote, fillWith, mapVoter, voterToExplain } from './votes';

type DecisionB = BlockOf<'decision'>;
const meeting = () => useAppStore.getState().doc!.meeting;
const set = (b: DecisionB, patch: Partial<DecisionB>) => changeBlock<DecisionB>(b.id, (x) => ({ ...x, ...patch }));

export const decision = defineBlock('decision')({
  label: 'Decision',
  caption: (b) => (b.number?.trim() ? `Decision ${b.number.trim()}`.replace(/^Decision (Decision|Resolution)/i, '$1') : 'Decision'),
  create: () => ({ id: newId('b'), type: 'decision', outcome: 'adopted', method: 'consensus', text: [[]] }),
  firstField: (b) => `${b.id}.number`,
  Editor: DecisionBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a decision', shortcuts: ['Mod-Alt-D'] },
  commands: [
    {
      id: 'decision.recordVote',
      label: 'Record a roll-call vote on this decision',
      run: (b) => changeBlock<DecisionB>(b.id, (x) => ({ ...x, method: 'vote', vote: x.vote ?? emptyVote() }), `${b.id}.add.for`),
    },
    { id: 'decision.everyoneFor', label: 'Everyone present not yet listed votes for', shortcuts: ['Mod-Alt-Y'], run: (b) => changeBlock<DecisionB>(b.id, (x) => fillWith(x, meeting(), 'for')) },
    { id: 'decision.restAbsent', label: 'Everyone not yet listed is absent', shortcuts: ['Mod-Alt-A'], run: (b) => changeBlock<DecisionB>(b.id, (x) => fillWith(x, meeting(), 'absent')) },
    {
      id: 'decision.explain',
      label: 'Add an explanation of vote (the last dissenter without one)',
      run: (b) => {
        const v = voterToExplain(b);
        if (v) changeBlock<DecisionB>(b.id, (x) => mapVoter(x, v.id, (y) => ({ ...y, explanation: [[]] })), `${v.id}.explanation`);
      },
    },
    { id: 'decision.byConsensus', label: 'Taken by consensus', run: (b) => set(b, { method: 'consensus' }) },
    { id: 'decision.byNotation', label: 'Taken by notation vote', run: (b) => set(b, { method: 'notation-vote' }) },
    { id: 'decision.adopted', label: 'Outcome: adopted', run: (b) => set(b, { outcome: 'adopted' }) },
    { id: 'decision.rejected', label: 'Outcome: rejected', run: (b) => set(b, { outcome: 'rejected' }) },
    { id: 'decision.deferred', label: 'Outcome: deferred', run: (b) => set(b, { outcome: 'deferred' }) },
    { id: 'decision.noted', label: 'Outcome: noted', run: (b) => set(b, { outcome: 'noted' }) },
    { id: 'decision.printNames', label: 'Print the vote as "Voting for this action: …" lines', run: (b) => set(b, { votePrint: 'names' }) },
    { id: 'decision.printTally', label: 'Print the vote as a tally sentence', run: (b) => set(b, { votePrint: 'tally' }) },
  ],
  keys: 'In a voter box: type a name, delegation or organisation of the register and Enter adds it; Ctrl+Alt+Y everyone present for, Ctrl+Alt+A the rest absent',
  layout: { module: AGREED_LAYOUT, handler: 'decision(' },
});
