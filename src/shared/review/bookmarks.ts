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
