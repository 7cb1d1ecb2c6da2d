import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { ResolvedPos } from 'prosemirror-model';

/** "Lao: …", "Myanmar: …": a country name (letters, spaces, dots) and a colon at the start of a bullet. */
const LEADING_COUNTRY = /^(\p{L}[\p{L}\p{M} .'-]{0,40}?):\s*/u;

/** Depth of the list item around a position, 0 when outside any bullet. */
export function bulletDepth($pos: ResolvedPos): number {
  let depth = $pos.depth;
  while (depth > 0 && $pos.node(depth).type.name !== 'list_item') depth--;
  return depth;
}

/**
 * Turns the bullet with the cursor into a per-country remark, or back. A minute-taker types the
 * remark as it is said ("Lao: For effective implementation…") and presses the command: the leading
 * "Lao:" becomes the bullet's country (printed bold by the agreed format, listed per country); run
 * again, the country goes back into the text. A leading country typed into a bullet that already has
 * one replaces it (the typed one is what was said; "Lao: Myanmar: …" is never what anyone meant).
 * Does nothing outside a bullet.
 */
export const toggleCountryRemark: Command = (state, dispatch) => {
  const depth = bulletDepth(state.selection.$from);
  if (depth === 0) return false;
  const $from = state.selection.$from;
  const item = $from.node(depth);
  const itemPos = $from.before(depth);
  const paragraphStart = itemPos + 2; // inside the item's first paragraph
  const country = item.attrs['country'] as string | null;
  const first = item.firstChild;
  const match = first ? LEADING_COUNTRY.exec(first.textContent) : null;
  if (match) {
    if (dispatch) {
      const tr = state.tr.delete(paragraphStart, paragraphStart + match[0].length);
      tr.setNodeMarkup(itemPos, undefined, { ...item.attrs, country: match[1]!.trim() });
      dispatch(tr.scrollIntoView());
    }
    return true;
  }
  if (!country) return false;
  if (dispatch) dispatch(countryBackToText(state, itemPos, country).scrollIntoView());
  return true;
};

/** The bullet at `itemPos` loses its country, which goes back as "Lao: " before its text. */
function countryBackToText(state: EditorState, itemPos: number, country: string): Transaction {
  const item = state.doc.nodeAt(itemPos)!;
  const tr = state.tr.setNodeMarkup(itemPos, undefined, { ...item.attrs, country: null });
  tr.insertText(`${country}: `, itemPos + 2);
  return tr;
}

/**
 * Backspace at the very start of a per-country remark gives the country back to the text, with the
 * cursor before it (as Backspace first removes a list number in a word processor); a second Backspace
 * then joins as usual. Without this the join would drop the country silently.
 */
export const countryToTextOnBackspace: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset !== 0) return false;
  const depth = bulletDepth($from);
  if (depth === 0 || $from.depth !== depth + 1 || $from.index(depth) !== 0) return false;
  const country = $from.node(depth).attrs['country'] as string | null;
  if (!country) return false;
  if (dispatch) {
    const itemPos = $from.before(depth);
    const tr = countryBackToText(state, itemPos, country);
    tr.setSelection(TextSelection.create(tr.doc, itemPos + 2));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/**
 * Enter in a per-country remark: the remark keeps its country and the new bullet starts without one
 * (a plain split copies the item's attributes, so every bullet typed after "Lao: …" became Lao's).
 * Enter at the very start of the remark opens an empty bullet before it; the country stays with the text.
 */
export function keepCountryOnSplit(split: Command): Command {
  return (state, dispatch, view) => {
    const { $from } = state.selection;
    const depth = bulletDepth($from);
    const country = depth > 0 ? ($from.node(depth).attrs['country'] as string | null) : null;
    if (!country) return split(state, dispatch, view);
    const atStart = $from.parentOffset === 0 && $from.depth === depth + 1 && $from.index(depth) === 0;
    return split(state, dispatch && ((tr: Transaction) => {
      const $cursor = tr.selection.$from;
      const d = bulletDepth($cursor);
      if (d > 0) {
        const curPos = $cursor.before(d);
        const cur = tr.doc.nodeAt(curPos)!;
        const before = tr.doc.resolve(curPos).nodeBefore;
        if (!atStart) tr.setNodeMarkup(curPos, undefined, { ...cur.attrs, country: null });
        else if (before?.type === cur.type) {
          const prevPos = curPos - before.nodeSize;
          tr.setNodeMarkup(prevPos, undefined, { ...before.attrs, country: null });
          if (!cur.attrs['country']) tr.setNodeMarkup(curPos, undefined, { ...cur.attrs, country });
        }
      }
      dispatch(tr);
    }), view);
  };
}
