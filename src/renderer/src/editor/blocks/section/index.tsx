import { newId } from '../../../../../shared/minutes';
import { RichField } from '../../richtext/RichField';
import { BlockList } from '../../BlockView';
import { asRich, editBlock } from '../common';
import { AGREED_LAYOUT, defineBlock, type BlockOf } from '../descriptor';

function SectionEditor({ block }: { block: BlockOf<'section'> }) {
  return (
    <>
      <RichField field={`${block.id}.heading`} blockId={block.id} kind="inline" className="heading section-heading"
        value={block.heading} label="Section heading" placeholder="SECTION HEADING"
        onChange={(v) => editBlock<typeof block>(block.id, (b) => ({ ...b, heading: asRich(v) }), `${block.id}.heading`)} />
      <BlockList blocks={block.blocks} containerId={block.id} containerType="section" />
    </>
  );
}

export const section = defineBlock('section')({
  label: 'Section',
  create: () => ({ id: newId('b'), type: 'section', heading: [], blocks: [] }),
  firstField: (b) => `${b.id}.heading`,
  Editor: SectionEditor,
  allowedIn: ['body'],
  insert: { label: 'Add a section', placement: 'top-level' },
  layout: { module: AGREED_LAYOUT, handler: "b.type === 'section'" },
});
