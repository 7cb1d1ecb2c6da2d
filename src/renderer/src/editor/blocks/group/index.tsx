import { newId } from '../../../../../shared/minutes';
import { groupPart } from '../../../model/factory';
import { GroupBlockEditor, GROUP_PART_HEADINGS } from '../GroupBlockEditor';
import { changeBlock } from '../common';
import { AGREED_LAYOUT, defineBlock, type BlockOf } from '../descriptor';

function addPart(b: BlockOf<'group'>, kind: 'implementation-by-country' | 'collaboration') {
  const p = { ...groupPart(kind), heading: [{ text: GROUP_PART_HEADINGS[kind] }] };
  changeBlock<typeof b>(b.id, (x) => ({ ...x, parts: [...x.parts, p] }), `${p.id}.items`);
}

export const group = defineBlock('group')({
  label: 'Group discussion',
  caption: (b) => `Group ${b.number}`,
  create: () => ({ id: newId('b'), type: 'group', number: 1, theme: [], parts: [groupPart('findings')] }),
  firstField: (b) => `${b.id}.theme`,
  Editor: GroupBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a group discussion', shortcuts: ['Mod-Alt-G'] },
  commands: [
    { id: 'group.addImplementation', label: 'Add "Implementation by country" to this group', run: (b) => addPart(b, 'implementation-by-country') },
    { id: 'group.addCollaboration', label: 'Add "Collaboration" to this group', run: (b) => addPart(b, 'collaboration') },
  ],
  keys: 'Tab from the theme goes to the points (the part kind is chosen with the mouse or by these commands)',
  layout: { module: AGREED_LAYOUT, handler: 'group(' },
});
