import { newId } from '../../../../../shared/minutes';
import { changeBlock } from '../common';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';
import { ParticipantsBlockEditor, newParticipant, newParticipantGroup } from './ParticipantsBlockEditor';

export const participants = defineBlock('participants')({
  label: 'Participants (table)',
  create: () => ({ id: newId('b'), type: 'participants', groups: [newParticipantGroup()] }),
  firstField: (b) => `${b.groups[0]?.id ?? b.id}.heading`,
  Editor: ParticipantsBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a participants table' },
  commands: [
    {
      id: 'participants.addRow',
      label: 'Add a participant (to the last group)',
      run: (b) => {
        const r = newParticipant();
        const last = b.groups.at(-1);
        if (!last) {
          const g = { ...newParticipantGroup(), rows: [r] };
          changeBlock<typeof b>(b.id, (x) => ({ ...x, groups: [g] }), `${r.id}.name`);
        } else changeBlock<typeof b>(b.id, (x) => ({ ...x, groups: x.groups.map((g) => (g.id === last.id ? { ...g, rows: [...g.rows, r] } : g)) }), `${r.id}.name`);
      },
    },
    {
      id: 'participants.addGroup',
      label: 'Add a group of participants',
      run: (b) => {
        const g = newParticipantGroup();
        changeBlock<typeof b>(b.id, (x) => ({ ...x, groups: [...x.groups, g] }), `${g.id}.heading`);
      },
    },
  ],
  keys: 'Tab moves through the table row by row',
  layout: { module: AGREED_LAYOUT, handler: "case 'participants'" },
});
