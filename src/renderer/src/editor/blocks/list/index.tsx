import { newId } from '../../../../../shared/minutes';
import { ListBlockEditor } from '../ListBlockEditor';
import { changeBlock } from '../common';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const list = defineBlock('list')({
  label: 'List',
  caption: (b) => b.role[0]!.toUpperCase() + b.role.slice(1),
  create: () => ({ id: newId('b'), type: 'list', role: 'points', numbering: 'bullet', items: [] }),
  firstField: (b) => `${b.id}.items`,
  Editor: ListBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a list', shortcuts: ['Mod-Alt-L'] },
  commands: [
    {
      id: 'list.addHeading',
      label: 'Give this list a heading',
      run: (b) => changeBlock<typeof b>(b.id, (x) => (x.heading === undefined ? { ...x, heading: [] } : x), `${b.id}.heading`),
    },
  ],
  keys: 'Enter: next item; Tab / Shift+Tab nest and un-nest; Backspace on an empty item removes it',
  layout: { module: AGREED_LAYOUT, handler: "case 'list'" },
});
