import type { Participant, ParticipantGroup, RichText } from '../../../../../shared/minutes';
import { newId } from '../../../../../shared/minutes';
import type { ParticipantsB } from '../../../model/types';
import { RichField } from '../../richtext/RichField';
import { Select, TextInput, withOptional } from '../../fields/TextInput';
import { Autocomplete } from '../../../register/Autocomplete';
import { personLabel, personOptions } from '../../../register/options';
import { useAppStore } from '../../../state/store';
import { asRich, changeBlock, commitBlock, editBlock, mapById, removeAt } from '../common';

export const newParticipant = (): Participant => ({ id: newId('r'), name: '' });
export const newParticipantGroup = (): ParticipantGroup => ({ id: newId('g'), heading: [], rows: [newParticipant()] });

const FUNCTIONS = [
  { value: '', label: '—' },
  { value: 'chair', label: 'Chair' },
  { value: 'vice-chair', label: 'Vice-chair' },
  { value: 'rapporteur', label: 'Rapporteur' },
  { value: 'secretary', label: 'Secretary' },
  { value: 'member', label: 'Member' },
  { value: 'observer', label: 'Observer' },
] as const;

/** An optional rich-text field: an emptied field leaves the block without it, as a new block is. */
const optionalRich = <T extends object>(obj: T, key: keyof T & string, v: RichText): T => {
  const copy = { ...obj } as Record<string, unknown>;
  if (v.length === 0) delete copy[key];
  else copy[key] = v;
  return copy as T;
};

/**
 * An attendance list: its heading, then group by group a heading and its rows (name or register
 * person, country or organisation, function). Every field is a typing field, so Tab walks the table
 * row by row; rows and groups are added with the buttons or the palette's commands.
 */
export function ParticipantsBlockEditor({ block }: { block: ParticipantsB }) {
  const people = useAppStore((s) => s.doc?.meeting.people) ?? [];
  const id = block.id;
  const setGroup = (gid: string, fn: (g: ParticipantGroup) => ParticipantGroup) => (b: ParticipantsB) => ({ ...b, groups: mapById(b.groups, gid, fn) });
  const setRow = (gid: string, rid: string, fn: (r: Participant) => Participant, field: string, typing = true) =>
    commitBlock<ParticipantsB>(id, setGroup(gid, (g) => ({ ...g, rows: mapById(g.rows, rid, fn) })), field, typing);
  return (
    <div className="participants">
      <RichField field={`${id}.heading`} blockId={id} kind="inline" value={block.heading ?? []} label="Heading of the list" placeholder="Attendance"
        onChange={(v) => editBlock<ParticipantsB>(id, (b) => optionalRich(b, 'heading', asRich(v)), `${id}.heading`)} />
      {block.groups.map((g, gi) => (
        <fieldset className="participant-group" key={g.id} data-group-id={g.id}>
          <div className="row">
            <RichField field={`${g.id}.heading`} blockId={id} kind="inline" value={g.heading} label="Group" placeholder="Members"
              onChange={(v) => editBlock<ParticipantsB>(id, setGroup(g.id, (x) => ({ ...x, heading: asRich(v) })), `${g.id}.heading`)} />
            <button type="button" className="icon" aria-label="Remove this group"
              onClick={() => changeBlock<ParticipantsB>(id, (b) => ({ ...b, groups: removeAt(b.groups, gi) }))}>✕</button>
          </div>
          {g.rows.map((r, ri) => (
            <div className="row participant" key={r.id} data-participant-id={r.id}>
              <Autocomplete label="Name" field={`${r.id}.name`} source={personOptions} placeholder="Name, or from the register"
                text={r.personId && r.name === undefined ? personLabel({ people }, r.personId) : (r.name ?? '')}
                onText={(name) => setRow(g.id, r.id, (x) => { const { personId: _p, ...rest } = x; return { ...rest, name }; }, `${r.id}.name`)}
                onSelect={(o) => setRow(g.id, r.id, (x) => { const { name: _n, ...rest } = x; return { ...rest, personId: o.id }; }, `${r.id}.name`, false)} />
              <TextInput field={`${r.id}.affiliation`} blockId={id} label="Country or organisation" value={r.affiliation ?? ''}
                onChange={(v) => setRow(g.id, r.id, (x) => withOptional(x, 'affiliation', v), `${r.id}.affiliation`)} />
              <Select label="Function" field={`${r.id}.function`} value={r.function ?? ''} options={FUNCTIONS}
                onChange={(v) => setRow(g.id, r.id, (x) => withOptional(x, 'function', v) as Participant, `${r.id}.function`, false)} />
              <TextInput field={`${r.id}.functionLabel`} blockId={id} label="Function as printed" value={r.functionLabel ?? ''} placeholder="(the template's word)"
                onChange={(v) => setRow(g.id, r.id, (x) => withOptional(x, 'functionLabel', v), `${r.id}.functionLabel`)} />
              <button type="button" className="icon" aria-label="Remove this participant"
                onClick={() => changeBlock<ParticipantsB>(id, setGroup(g.id, (x) => ({ ...x, rows: removeAt(x.rows, ri) })))}>✕</button>
            </div>
          ))}
          <button type="button" className="link"
            onClick={() => {
              const r = newParticipant();
              changeBlock<ParticipantsB>(id, setGroup(g.id, (x) => ({ ...x, rows: [...x.rows, r] })), `${r.id}.name`);
            }}>
            + Participant
          </button>
        </fieldset>
      ))}
      <button type="button" className="link"
        onClick={() => {
          const g = newParticipantGroup();
          changeBlock<ParticipantsB>(id, (b) => ({ ...b, groups: [...b.groups, g] }), `${g.id}.heading`);
        }}>
        + Group
      </button>
    </div>
  );
}
