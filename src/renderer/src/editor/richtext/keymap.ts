import { baseKeymap, chainCommands, toggleMark } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import { Plugin, TextSelection, type Command } from 'prosemirror-state';
import { newId } from '../../../../shared/minutes';
import { bulletsSchema, type FieldKind } from './schema';
import { countryToTextOnBackspace, keepCountryOnSplit } from './countryRemark';

const item = bulletsSchema.nodes['list_item']!;

/**
 * Backspace at the start of an empty bullet: a nested bullet moves out one level, a top-level one is
 * removed and the cursor goes to the end of the bullet before it (as in a word processor).
 */
const removeEmptyBullet: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset !== 0 || $from.parent.content.size !== 0) return false;
  if ($from.depth < 3 || $from.node(-1).type !== item) return false;
  const li = $from.node(-1);
  if (li.childCount > 1) return false; // has nested bullets: let joinBackward handle it
  if ($from.depth > 3) return liftListItem(item)(state, dispatch);
  const list = $from.node(-2);
  if (list.childCount === 1) return true; // the last bullet stays, empty
  const start = $from.before(-1);
  const end = $from.after(-1);
  if (dispatch) {
    const tr = state.tr.delete(start, end);
    const pos = Math.max(1, Math.min(start - 1, tr.doc.content.size - 1));
    tr.setSelection(TextSelection.near(tr.doc.resolve(pos), -1));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

export interface FieldKeys {
  /** Enter in a one-paragraph field (e.g. split a paragraph block into two blocks). */
  onEnter?: Command;
  /** Moves the cursor on to the next field (Enter on an empty last bullet); false when there is none. */
  onLeave?: () => boolean;
}

/**
 * Enter on an empty last bullet (at the top level, not the only one) ends the list, as in a word
 * processor: the empty bullet goes and the cursor moves on to the next field. Tab cannot do this in a
 * list (it indents), so this is how the keyboard leaves one.
 */
function leaveListOnEmptyLast(onLeave: (() => boolean) | undefined): Command {
  return (state, dispatch) => {
    const { $from, empty } = state.selection;
    if (!onLeave || !empty || $from.parent.content.size !== 0 || $from.depth !== 3 || $from.node(-1).type !== item) return false;
    const list = $from.node(-2);
    if (list.childCount < 2 || $from.index(-2) !== list.childCount - 1 || $from.node(-1).childCount > 1) return false;
    if (dispatch) {
      const tr = state.tr.delete($from.before(-1), $from.after(-1));
      tr.setSelection(TextSelection.atEnd(tr.doc));
      dispatch(tr);
      onLeave();
    }
    return true;
  };
}

export function fieldKeymap(kind: FieldKind, keys: FieldKeys): Plugin[] {
  const local: Record<string, Command> = {};
  if (kind === 'bullets') {
    local['Enter'] = chainCommands(leaveListOnEmptyLast(keys.onLeave), keepCountryOnSplit(splitListItem(item)));
    local['Tab'] = sinkListItem(item);
    // Shift-Tab on a top-level bullet cannot lift further: swallow it so focus stays in the list.
    local['Shift-Tab'] = chainCommands(liftListItem(item), () => true);
    local['Backspace'] = chainCommands(countryToTextOnBackspace, removeEmptyBullet);
  } else if (kind === 'inline') {
    local['Enter'] = keys.onEnter ?? (() => true);
    local['Shift-Enter'] = () => true;
  }
  return [keymap(local), keymap(baseKeymap)];
}

/** Bold and italic for the command registry (Mod-B / Mod-I are bound there, once for the whole app). */
export const toggleBold: Command = (state, dispatch) => toggleMark(state.schema.marks['strong']!)(state, dispatch);
export const toggleItalic: Command = (state, dispatch) => toggleMark(state.schema.marks['em']!)(state, dispatch);

/**
 * Gives every bullet a stable id: a new bullet (Enter, paste) has none and a split copies its
 * neighbour's, so items without an id or with a duplicate one get a fresh `b_…` id in the same step.
 */
export const bulletIds = new Plugin({
  appendTransaction(trs, _old, state) {
    if (!trs.some((tr) => tr.docChanged)) return null;
    const seen = new Set<string>();
    let tr = null;
    state.doc.descendants((node, pos) => {
      if (node.type !== item) return true;
      const id = node.attrs['id'] as string | null;
      if (!id || seen.has(id)) {
        tr ??= state.tr;
        const fresh = newId('b');
        // A new item, or a copy of one (a split, a paste): a copy is not the decision the original was marked as.
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: fresh, decision: null });
        seen.add(fresh);
      } else seen.add(id);
      return true;
    });
    return tr;
  },
});
