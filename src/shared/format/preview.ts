import type { LayoutDocument } from './layout';
import { layoutBodyHtml } from './html';

/**
 * The paged preview's content apart from its stylesheet: the body markup (the same that is printed)
 * and what the preview shows around its sheets. One definition for main (read-only revisions, redlines)
 * and the renderer (the live preview, laid out from the document it holds, which passes the body it
 * joined from layoutBodyChunks).
 */
export function previewContent(layout: LayoutDocument, body: string = layoutBodyHtml(layout)) {
  const { furniture, meta } = layout;
  return {
    body,
    lang: meta.language,
    title: meta.title,
    fingerprint: meta.fingerprint,
    ...(furniture.draftMark ? { draftMark: furniture.draftMark } : {}),
    ...(furniture.marking ? { marking: furniture.marking } : {}),
    pageLabel: furniture.pageLabel,
    fingerprintLabel: furniture.fingerprintLabel,
    /** Page geometry, in millimetres. */
    page: { widthMm: furniture.page.widthMm, heightMm: furniture.page.heightMm, marginsMm: furniture.page.marginsMm },
  };
}
