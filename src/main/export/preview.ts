import { type LayoutDocument, layoutCss, previewContent } from '../../shared/format';
import { fontDataUrl } from './fonts';

/** The paged preview beside the editor: the print stylesheet and body, the same that is printed. */
export interface Preview {
  /** The print stylesheet, fonts included (data: URLs): adopt it, do not inline it (CSP). */
  css: string;
  /** The body markup: the same that is printed. */
  body: string;
  lang: string;
  title: string;
  fingerprint: string;
  draftMark?: string;
  marking?: string;
  pageLabel: { before: string; between: string; after: string };
  fingerprintLabel: string;
  /** Page geometry for the paged preview, in millimetres. */
  page: { widthMm: number; heightMm: number; marginsMm: [number, number, number, number] };
}

export function previewOf(layout: LayoutDocument): Preview {
  return { css: layoutCss(layout, { fontUrl: fontDataUrl }), ...previewContent(layout) };
}
