import { newId } from '../../../../../shared/minutes';
import { ListBlockEditor } from '../ListBlockEditor';
import { changeBlock } from '../common';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';
import { MARKABLE_ROLES, bulletAtCursor, toggleMarker } from './decisionMarkers';

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
    {
      id: 'list.markDecision',
      label: 'Mark the agreement or recommendation at the cursor as a decision (again: unmark)',
      run: (b) => {
        const bullet = bulletAtCursor(b.id);
        if (!bullet || !(MARKABLE_ROLES as readonly string[]).includes(b.role)) return;
        changeBlock<typeof b>(b.id, (x) => ({ ...x, items: toggleMarker(x.items, bullet) }), `${bullet}.decision.number`);
      },
    },
  ],
  keys: 'Enter: next item; Tab / Shift+Tab nest and un-nest; Backspace on an empty item removes it',
  layout: { module: AGREED_LAYOUT, handler: "case 'list'" },
});
