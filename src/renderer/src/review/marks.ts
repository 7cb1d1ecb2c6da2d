/**
 * The redline's change marks as the HTML renderer writes them (src/shared/format/html.ts): `<ins>` /
 * `<del>` / `span.c-fmt`, each with `data-author`. The compare view counts, filters and steps through these.
 */
export const MARK_SELECTOR = 'ins, del, span.c-fmt';
export const MARK_KINDS = ['inserted', 'deleted', 'moved', 'formatted'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export function markKind(el: Element): MarkKind {
  if (el.classList.contains('c-mvto') || el.classList.contains('c-mvfrom')) return 'moved';
  if (el.classList.contains('c-fmt')) return 'formatted';
  return el.tagName === 'DEL' ? 'deleted' : 'inserted';
}

/** Screen-only rules inside the redline frame: filtered-out marks read as plain text; the current mark is ringed. */
export const REVIEW_FRAME_CSS = `@media screen {
  .c-dim { color: inherit !important; text-decoration: none !important; }
  del.c-dim { display: none; }
  .c-current { outline: 2px solid #f59e0b; outline-offset: 1px; background: #fff4b8; }
}`;
