import { newId, richTextToString } from '../../../../../shared/minutes';
import { fill, templateFor } from '../../../../../shared/format';
import { useAppStore } from '../../../state/store';
import { RichField } from '../../richtext/RichField';
import { Select } from '../../fields/TextInput';
import { asRich, changeBlock, editBlock } from '../common';
import { AGREED_LAYOUT, defineBlock, type BlockOf } from '../descriptor';

type Heading = BlockOf<'heading'>;

const LEVELS = [
  { value: '1', label: 'Level 1' },
  { value: '2', label: 'Level 2' },
  { value: '3', label: 'Level 3' },
] as const;

/**
 * A heading: its level, the agenda item it opens (if any), and its text. With an agenda item and no
 * text of its own, the item's heading is printed (shown as the placeholder), so a change of the
 * agenda reaches the heading; typed text replaces it.
 */
function HeadingEditor({ block }: { block: Heading }) {
  const agenda = useAppStore((s) => s.doc?.meeting.agenda);
  const format = useAppStore((s) => s.doc?.meeting.format);
  const item = block.agendaItemId ? agenda?.find((a) => a.id === block.agendaItemId) : undefined;
  const generated = item ? fill(templateFor(format).agendaItemHeading, { number: item.number, title: richTextToString(item.title) }) : '';
  const items = [{ value: '', label: 'No agenda item' }, ...(agenda ?? []).map((a) => ({ value: a.id, label: `${a.number} ${richTextToString(a.title)}`.trim() || a.id }))];
  return (
    <>
      <div className="row row-tools">
        <Select label="Level" value={String(block.level) as '1' | '2' | '3'} options={LEVELS} field={`${block.id}.level`}
          onChange={(v) => changeBlock<Heading>(block.id, (b) => ({ ...b, level: Number(v) as 1 | 2 | 3 }))} />
        {items.length > 1 && (
          <Select label="Agenda item" value={block.agendaItemId ?? ''} options={items} field={`${block.id}.agendaItem`}
            onChange={(v) =>
              changeBlock<Heading>(block.id, (b) => {
                const { agendaItemId: _old, ...rest } = b;
                return v ? { ...rest, agendaItemId: v } : rest;
              })
            } />
        )}
      </div>
      <RichField field={`${block.id}.text`} blockId={block.id} kind="inline" className="heading"
        value={block.text} label={item ? 'Heading (optional: replaces the agenda item’s)' : 'Heading'}
        placeholder={generated || 'Heading'}
        onChange={(v) => editBlock<Heading>(block.id, (b) => ({ ...b, text: asRich(v) }), `${block.id}.text`)} />
    </>
  );
}

export const heading = defineBlock('heading')({
  label: 'Heading',
  caption: (b) => `Heading, level ${b.level}`,
  create: () => ({ id: newId('b'), type: 'heading', level: 1, text: [] }),
  firstField: (b) => `${b.id}.text`,
  Editor: HeadingEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a heading' },
  layout: { module: AGREED_LAYOUT, handler: "case 'heading'" },
});
