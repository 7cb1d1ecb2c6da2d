import type { ExportPreview } from '../../../shared/ipc/contract';

/**
 * Shows the print HTML as A4 pages inside an iframe, with no inline style anywhere (the app's CSP,
 * `style-src 'self'`, is inherited by an `srcdoc` frame): the markup goes in as `srcdoc`, the
 * stylesheets are constructed (`CSSStyleSheet.replaceSync`) and adopted, which the CSSOM allows and
 * CSP does not govern. The frame is sandboxed without scripts; `allow-same-origin` only lets this
 * code adopt the sheets into it.
 *
 * Paging on screen uses the same rules as print: the body is laid out in columns exactly as wide as
 * the printed text block and as tall as the printed page's text area, so line breaks, `break-inside:
 * avoid` on signature rows and keep-with-next fall as they do in the PDF; each column is drawn as a
 * sheet of paper with its margins. Page furniture (footer, draft mark) lives in @page margin boxes,
 * which screens do not draw: the component shows it around the frame.
 */

const MM_PER_PX = 25.4 / 96;

export function screenPagingCss(p: ExportPreview['page']): string {
  const [top, right, bottom, left] = p.marginsMm;
  const textWidth = p.widthMm - left - right;
  const gap = left + right;
  return `@media screen {
  html { background: #7d838d; }
  body {
    box-sizing: content-box; margin: 0;
    padding: ${top}mm ${right}mm ${bottom}mm ${left}mm;
    height: ${p.heightMm - top - bottom}mm; width: ${textWidth}mm;
    column-width: ${textWidth}mm; column-gap: ${gap}mm; column-fill: auto;
    background: repeating-linear-gradient(to right, #fff 0 ${p.widthMm - 1}mm, #7d838d ${p.widthMm - 1}mm ${p.widthMm}mm);
  }
}`;
}

export interface MountedPreview {
  pages: number;
}

/** Fills `frame` with the preview; resolves once it is laid out, with the number of pages. */
export async function mountPreview(frame: HTMLIFrameElement, preview: ExportPreview, zoom = 1): Promise<MountedPreview> {
  frame.setAttribute('sandbox', 'allow-same-origin');
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = `<!doctype html><html lang="${esc(preview.lang)}"><head><meta charset="utf-8"><title>${esc(preview.title)}</title></head><body>${preview.body}</body></html>`;
  await loaded;
  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!win || !doc) throw new Error('The preview frame has no document');
  // Sheets must be constructed by the frame's own CSSStyleSheet to be adoptable there.
  const Sheet = (win as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet;
  const print = new Sheet();
  print.replaceSync(preview.css);
  const paging = new Sheet();
  paging.replaceSync(screenPagingCss(preview.page));
  doc.adoptedStyleSheets = [print, paging];
  await doc.fonts.ready;

  // Widen the body to a whole number of pages, so that each column sits on its own sheet.
  const pxPerMm = 1 / MM_PER_PX;
  const pitch = preview.page.widthMm * pxPerMm;
  const pages = Math.max(1, Math.round((doc.body.scrollWidth + (preview.page.marginsMm[1] + preview.page.marginsMm[3]) * pxPerMm) / pitch));
  const [, right, , left] = preview.page.marginsMm;
  doc.body.style.width = `${pages * preview.page.widthMm - left - right}mm`;
  doc.documentElement.style.zoom = String(zoom);
  return { pages };
}
