import { newId } from '../../../../../shared/minutes';
import { useAppStore } from '../../../state/store';
import { RichField } from '../../richtext/RichField';
import { asRich, editBlock } from '../common';
import { AGREED_LAYOUT, defineBlock, type BlockOf } from '../descriptor';

type Agenda = BlockOf<'agenda'>;

/** Where the agenda prints: an optional heading of its own; the items are the meeting's (Title and details). */
function AgendaEditor({ block }: { block: Agenda }) {
  const count = useAppStore((s) => s.doc?.meeting.agenda?.length ?? 0);
  return (
    <>
      <RichField field={`${block.id}.heading`} blockId={block.id} kind="inline" className="heading"
        value={block.heading ?? []} label="Agenda heading (optional)" placeholder="Agenda"
        onChange={(v) =>
          editBlock<Agenda>(block.id, (b) => {
            const rt = asRich(v);
            const { heading: _old, ...rest } = b;
            return rt.length > 0 ? { ...rest, heading: rt } : rest;
          }, `${block.id}.heading`)
        } />
      <p className="muted">
        {count === 0 ? 'The meeting has no agenda yet: add its items under Title and details.' : `Prints the meeting’s agenda (${count} item${count === 1 ? '' : 's'}, edited under Title and details).`}
      </p>
    </>
  );
}

export const agenda = defineBlock('agenda')({
  label: 'Agenda',
  create: () => ({ id: newId('b'), type: 'agenda' }),
  firstField: (b) => `${b.id}.heading`,
  Editor: AgendaEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add the agenda' },
  layout: { module: AGREED_LAYOUT, handler: "case 'agenda'" },
});
