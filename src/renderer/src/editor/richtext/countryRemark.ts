import type { Command } from 'prosemirror-state';

/** "Lao: …", "Myanmar: …": a country name (letters, spaces, dots) and a colon at the start of a bullet. */
const LEADING_COUNTRY = /^(\p{L}[\p{L}\p{M} .'-]{0,40}?):\s*/u;

/**
 * Turns the bullet with the cursor into a per-country remark, or back. A minute-taker types the
 * remark as it is said ("Lao: For effective implementation…") and presses the command: the leading
 * "Lao:" becomes the bullet's country (printed bold by the agreed format, listed per country); run
 * again, the country goes back into the text. Does nothing outside a bullet.
 */
export const toggleCountryRemark: Command = (state, dispatch) => {
  const { $from } = state.selection;
  let depth = $from.depth;
  while (depth > 0 && $from.node(depth).type.name !== 'list_item') depth--;
  if (depth === 0) return false;
  const item = $from.node(depth);
  const itemPos = $from.before(depth);
  const paragraphStart = itemPos + 2; // inside the item's first paragraph
  const country = item.attrs['country'] as string | null;
  if (country) {
    if (dispatch) {
      const tr = state.tr.setNodeMarkup(itemPos, undefined, { ...item.attrs, country: null });
      tr.insertText(`${country}: `, paragraphStart);
      dispatch(tr.scrollIntoView());
    }
    return true;
  }
  const first = item.firstChild;
  const match = first ? LEADING_COUNTRY.exec(first.textContent) : null;
  if (!match) return false;
  if (dispatch) {
    const tr = state.tr.delete(paragraphStart, paragraphStart + match[0].length);
    tr.setNodeMarkup(itemPos, undefined, { ...item.attrs, country: match[1]!.trim() });
    dispatch(tr.scrollIntoView());
  }
  return true;
};
