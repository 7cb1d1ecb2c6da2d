/**
 * A review copy marks each model block with a Word bookmark named for its id, from the start of the
 * block's first paragraph to the end of its last (src/main/export/docx/render.ts writes them;
 * src/shared/review/fromDocx.ts reads a reviewed copy back by them). One rule for both sides.
 */

/** Word's bookmark names: a letter first, then letters, digits and underscores, at most 40 characters. */
export function bookmarkName(blockId: string): string {
  const name = blockId.replace(/[^A-Za-z0-9_]/g, '_');
  return (/^[A-Za-z]/.test(name) ? name : `b${name}`).slice(0, 40);
}

/**
 * A block printed as a table (the signature grid, the routing chain) is marked paragraph by paragraph:
 * editors keep a bookmark inside one cell, but not one running from a cell out of the table (LibreOffice
 * 7.4 collapses it and stretches the block before over the table). The first paragraph takes the
 * block's name, the n-th (n ≥ 1) the name with "__pN".
 */
export function bookmarkPartName(blockId: string, n: number): string {
  if (n === 0) return bookmarkName(blockId);
  const suffix = `__p${n}`;
  return bookmarkName(blockId).slice(0, 40 - suffix.length) + suffix;
}

/**
 * The block bookmark a name in a reviewed file stands for: a part's name ("__pN") is its block's, and
 * LibreOffice keeps names unique by renaming the second and later ones "name_Copy_1", "name_Copy_2"
 * (Word drops them), so that suffix is read as the name it was made from.
 */
export const bookmarkOrigin = (name: string): string => name.replace(/_Copy_\d+$/, '').replace(/__p\d+$/, '');
