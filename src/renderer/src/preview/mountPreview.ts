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
  /* A page break of print (an annex starts a new page: html.ts) is a column break here, a column being a page. */
  .page-break { break-before: column; }
}`;
}

export interface MountedPreview {
  pages: number;
}

/**
 * What a preview shows: the print HTML and stylesheet. `fontCss`, when given, holds the @font-face
 * rules apart from `css` (the live preview fetches them once per session): their own sheet, parsed once
 * per frame and not on every refresh — they are most of the stylesheet's bytes.
 */
export type PreviewContent = ExportPreview & {
  fontCss?: string;
  /**
   * The body as one markup string per layout block, each one element (layoutBodyChunks; `body` is
   * them joined): given, a refresh replaces only the elements whose markup changed.
   */
  chunks?: readonly string[];
};

/** What a mounted frame shows, so that a refresh touches only what changed. */
interface Mounted {
  print: CSSStyleSheet;
  fonts: CSSStyleSheet;
  css: string;
  fontCss: string;
  body: string;
  /** The chunks the body's elements were made from, one element each; undefined when they do not match. */
  chunks: readonly string[] | undefined;
  lang: string;
  page: string;
}
const mountedFrames = new WeakMap<Document, Mounted>();

/** Fills `frame` with the preview; resolves once it is laid out, with the number of pages. */
export async function mountPreview(frame: HTMLIFrameElement, preview: PreviewContent, zoom = 1): Promise<MountedPreview> {
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
  const fonts = new Sheet();
  fonts.replaceSync(preview.fontCss ?? '');
  const print = new Sheet();
  print.replaceSync(preview.css);
  const paging = new Sheet();
  paging.replaceSync(screenPagingCss(preview.page));
  const focus = new Sheet();
  focus.replaceSync(FOCUS_CSS);
  doc.adoptedStyleSheets = [fonts, print, paging, focus];
  mountedFrames.set(doc, {
    print,
    fonts,
    css: preview.css,
    fontCss: preview.fontCss ?? '',
    body: preview.body,
    chunks: matchingChunks(doc, preview.chunks),
    lang: preview.lang,
    page: JSON.stringify(preview.page),
  });
  return layOut(doc, preview, zoom);
}

/**
 * Shows `preview` in a frame that mountPreview filled before, in place: only the body and the sheets
 * that changed are replaced, so the frame is not reloaded, its fonts stay loaded and its scroll
 * position stays where the reader left it. Falls back to mountPreview for a fresh frame (or another
 * language or page size).
 */
export async function refreshPreview(frame: HTMLIFrameElement, preview: PreviewContent, zoom = 1): Promise<MountedPreview> {
  const doc = frame.contentDocument;
  const mounted = doc ? mountedFrames.get(doc) : undefined;
  if (!doc?.body || !mounted || mounted.lang !== preview.lang || mounted.page !== JSON.stringify(preview.page)) {
    const shown = await mountPreview(frame, preview, zoom);
    if (frame.contentDocument) primeRelayout(frame.contentDocument);
    return shown;
  }
  const zoomBefore = doc.documentElement.style.zoom;
  const fontCss = preview.fontCss ?? '';
  if (mounted.fontCss !== fontCss) mounted.fonts.replaceSync((mounted.fontCss = fontCss));
  if (mounted.css !== preview.css) mounted.print.replaceSync((mounted.css = preview.css));
  if (mounted.body !== preview.body) {
    if (mounted.chunks && preview.chunks) patchChunks(doc, mounted.chunks, preview.chunks);
    else doc.body.innerHTML = preview.body;
    mounted.body = preview.body;
    mounted.chunks = matchingChunks(doc, preview.chunks);
  }
  doc.title = preview.title;
  const shown = await layOut(doc, preview, zoom);
  // A new zoom lays everything out anew, and leaves the next change as slow as a fresh mount's.
  if (doc.documentElement.style.zoom !== zoomBefore) primeRelayout(doc);
  return shown;
}

/**
 * Chromium lays a freshly mounted body's columns out from scratch again on the first change after
 * the mount, or after a new zoom, whatever changed (measured on 200 pages: 90–250 ms, as much as a
 * whole new layout), and incrementally after that (10–30 ms for a patch). A frame that is going to be
 * refreshed pays that here, as part of opening (or zooming), and not in the first refresh after the
 * typing pauses: one throwaway change, laid out, and taken back (the frame's markup is as it was;
 * taking it back is a cheap layout).
 */
function primeRelayout(doc: Document): void {
  const first = doc.body.firstElementChild;
  if (!first) return;
  const probe = doc.createTextNode('\u00a0');
  first.append(probe);
  void doc.body.offsetWidth;
  probe.remove();
}

/** `chunks` when the body holds exactly one element per chunk (the parser kept them apart), else undefined. */
function matchingChunks(doc: Document, chunks: readonly string[] | undefined): readonly string[] | undefined {
  return chunks && doc.body.childElementCount === chunks.length ? chunks : undefined;
}

/**
 * Replaces the body's elements from the first chunk that changed to the last one that changed (an
 * edit changes one block, or a few around it: numbering after an inserted block). Untouched elements
 * keep their layout, so Chromium lays out again only from the edit on, not the whole document
 * (measured on 200 pages: about 10–30 ms instead of 150–300 ms for a new body).
 */
function patchChunks(doc: Document, before: readonly string[], after: readonly string[]): void {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const elements = doc.body.children;
  const next = elements[before.length - tail] ?? null;
  for (let i = before.length - tail - 1; i >= head; i--) elements[i]!.remove();
  if (head < after.length - tail) {
    const template = doc.createElement('template');
    template.innerHTML = after.slice(head, after.length - tail).join('');
    doc.body.insertBefore(template.content, next);
  }
}

async function layOut(doc: Document, preview: ExportPreview, zoom: number): Promise<MountedPreview> {
  await doc.fonts.ready;
  // Widen the body to a whole number of pages, so that each column sits on its own sheet. The page
  // count is read from where the last element ends, at the body's present width (columns beyond it
  // overflow to the right at the same pitch), so that the width changes, and the whole document is
  // laid out again, only when the count does.
  const { widthMm } = preview.page;
  const [, right, , left] = preview.page.marginsMm;
  const shown = doc.body.style.width === '' ? 1 : Number(doc.body.dataset.pages) || 1;
  const pages = pageCount(doc, widthMm, left, shown);
  if (pages !== shown || doc.body.style.width === '') {
    doc.body.style.width = `${pages * widthMm - left - right}mm`;
    // Lay out at the new width now, while the caller waits for the frame (opening, a new page), not
    // in whatever frame comes next, which may be a keystroke's.
    void doc.body.offsetWidth;
  }
  if (doc.documentElement.style.zoom !== String(zoom)) doc.documentElement.style.zoom = String(zoom);
  doc.body.dataset.pages = String(pages);
  return { pages };
}

/**
 * The number of sheets the body's content fills: the column its last element's last fragment ends in.
 * `shown` is the number of sheets the body is wide now (its border box is `shown` page widths), which
 * gives the scale of the (zoomed) client rectangles in millimetres.
 */
function pageCount(doc: Document, widthMm: number, leftMm: number, shown: number): number {
  const last = doc.body.lastElementChild;
  const body = doc.body.getBoundingClientRect();
  if (!last || body.width === 0) return 1;
  const rects = last.getClientRects();
  const end = rects.length > 0 ? rects[rects.length - 1]! : last.getBoundingClientRect();
  const mmPerPx = (shown * widthMm) / body.width;
  const fromText = (end.right - body.left) * mmPerPx - leftMm;
  // A fragment ends inside its column's text block; 1 mm of slack for rounding.
  return Math.max(1, Math.floor(Math.max(0, fromText - 1) / widthMm) + 1);
}

/** Marks where the editor's cursor is; a preview-only sheet, so the class never reaches print output. */
export const FOCUS_CLASS = 'minuta-focus';
const FOCUS_CSS = `@media screen { .${FOCUS_CLASS} { background: #fff4b8; box-shadow: 0 0 0 1.5mm #fff4b8; } }`;

export interface RevealOptions {
  /** How to scroll: 'smooth' when following the cursor, 'instant' right after a reload. */
  behavior?: ScrollBehavior;
}

/**
 * Shows model block `id` in a mounted preview: marks the elements it printed as (the element with
 * `data-block="id"` and the following ones up to the next `data-block`, as html.ts marks only the
 * first element of each model block) and scrolls the frame so that its page, and the block, are in
 * view. `id` may be a list of candidates, innermost first (a leaf, its session, its section): the
 * first one the print output holds wins, since a block that prints nothing (an empty list) has no
 * element. Returns the 1-based page the block starts on, or undefined (and clears the mark) when
 * none is printed.
 */
export function revealBlock(frame: HTMLIFrameElement, id: string | readonly string[], options: RevealOptions = {}): { page: number } | undefined {
  const doc = frame.contentDocument;
  if (!doc?.body) return undefined;
  for (const el of doc.querySelectorAll(`.${FOCUS_CLASS}`)) el.classList.remove(FOCUS_CLASS);
  const ids = typeof id === 'string' ? [id] : id;
  const first = ids.map((i) => findBlock(doc, i)).find((el) => el !== undefined);
  if (!first) return undefined;
  for (let el: Element | null = first; el && (el === first || !el.hasAttribute('data-block')); el = el.nextElementSibling) el.classList.add(FOCUS_CLASS);

  // Rects and scroll offsets are both in zoomed CSS pixels; the body spans the whole row of sheets.
  const body = doc.body.getBoundingClientRect();
  const pages = Number(doc.body.dataset.pages) || 1;
  const pitch = body.width / pages;
  const rect = first.getClientRects()[0] ?? first.getBoundingClientRect();
  const index = Math.min(pages - 1, Math.max(0, Math.floor((rect.left - body.left + 1) / pitch)));

  const scroller = doc.scrollingElement ?? doc.documentElement;
  const pageLeft = body.left + index * pitch;
  const left = pageLeft >= 0 && pageLeft + Math.min(pitch, scroller.clientWidth) <= scroller.clientWidth ? scroller.scrollLeft : scroller.scrollLeft + pageLeft;
  const top = rect.top >= 0 && rect.top + 24 <= scroller.clientHeight ? scroller.scrollTop : scroller.scrollTop + rect.top - scroller.clientHeight / 4;
  if (left !== scroller.scrollLeft || top !== scroller.scrollTop) scroller.scrollTo({ left, top, behavior: options.behavior ?? 'auto' });
  return { page: index + 1 };
}

function findBlock(doc: Document, id: string): Element | undefined {
  return doc.querySelector(`[data-block="${CSS.escape(id)}"]`) ?? undefined;
}
