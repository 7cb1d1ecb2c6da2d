import { newId } from '../../../../../shared/minutes';
import { RichField } from '../../richtext/RichField';
import { BlockList } from '../../BlockView';
import { asRich, editBlock } from '../common';
import { AGREED_LAYOUT, defineBlock, type BlockMaker, type BlockOf } from '../descriptor';
import { insertNear } from '../insert';
import { descriptorOf } from '..';

function SessionEditor({ block }: { block: BlockOf<'session'> }) {
  return (
    <>
      <RichField field={`${block.id}.title`} blockId={block.id} kind="inline" className="heading session-title"
        value={block.title} label={`Title of session ${block.number}`} placeholder="Title of the session"
        onChange={(v) => editBlock<typeof block>(block.id, (b) => ({ ...b, title: asRich(v) }), `${block.id}.title`)} />
      <BlockList blocks={block.items} containerId={block.id} containerType="session" />
    </>
  );
}

export const session = defineBlock('session')({
  label: 'Session',
  caption: (b) => `Session ${b.number}`,
  create: () => ({ id: newId('b'), type: 'session', number: 1, title: [], items: [] }),
  firstField: (b) => `${b.id}.title`,
  Editor: SessionEditor,
  allowedIn: ['body', 'section'],
  // After the enclosing session, inside its section; or at the end of the focused section.
  insert: { label: 'Add a session', shortcuts: ['Mod-Alt-S'], run: (s): void => insertNear(s, descriptorOf('session') as unknown as BlockMaker) },
  layout: { module: AGREED_LAYOUT, handler: "b.type === 'session'" },
});
