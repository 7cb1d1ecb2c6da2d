/**
 * Cleans HTML pasted from Word or a web page before ProseMirror parses it with the field's schema
 * (which keeps paragraphs, lists, bold and italic only). Word writes lists as paragraphs with
 * `mso-list` styles and bullet glyphs in conditional comments; these become real nested lists here.
 */
export function cleanPastedHtml(html: string): string {
  // Conditional comments hide Word's typed bullet glyphs ("·", "1.") that must not become text.
  const stripped = html
    .replace(/<!\[if !supportLists\]>[\s\S]*?<!\[endif\]>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?o:p[^>]*>/gi, '')
    .replace(/<(xml|style|script|title)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?(meta|link)\b[^>]*>/gi, '')
    // Parsing a style attribute is "applying an inline style", which our CSP refuses (and reports):
    // keep the styles as data for the conversions below instead.
    .replace(/(<[a-z][^>]*?\s)style\s*=/gi, '$1data-style=');
  const doc = new DOMParser().parseFromString(stripped, 'text/html');
  doc.querySelectorAll('script, style, meta, link, title, img, svg, object, iframe').forEach((n) => n.remove());
  doc.querySelectorAll('span[data-style*="mso-list:Ignore"], span[data-style*="mso-list: Ignore"]').forEach((n) => n.remove());
  wordListsToHtmlLists(doc);
  stylesToTags(doc);
  return doc.body.innerHTML;
}

const BOLD = /^(bold(er)?|[6-9]00)$/i;
const NOT_BOLD = /^(normal|lighter|[1-5]00)$/i;

/**
 * Bold and italic given as inline styles (Word's spans, Google Docs' `font-weight:700`) become
 * <strong>/<em>, and every style attribute goes. Done here because our CSP (no inline styles) leaves
 * `element.style` empty, so ProseMirror's style-based parse rules would never see them.
 */
function stylesToTags(doc: Document) {
  for (const el of Array.from(doc.body.querySelectorAll('[data-style]'))) {
    const style = el.getAttribute('data-style') ?? '';
    el.removeAttribute('data-style');
    const weight = /font-weight\s*:\s*([^;]+)/i.exec(style)?.[1]?.trim() ?? '';
    const italic = /font-style\s*:\s*(italic|oblique)/i.test(style);
    if ((el.tagName === 'B' || el.tagName === 'STRONG') && NOT_BOLD.test(weight)) {
      // Google Docs wraps a whole fragment in <b style="font-weight:normal">: not bold at all.
      const span = doc.createElement('span');
      span.append(...Array.from(el.childNodes));
      el.replaceWith(span);
      if (!italic) continue;
      wrapChildren(doc, span, 'em');
      continue;
    }
    if (BOLD.test(weight)) wrapChildren(doc, el, 'strong');
    if (italic) wrapChildren(doc, el, 'em');
  }
}

function wrapChildren(doc: Document, el: Element, tag: string) {
  const wrapper = doc.createElement(tag);
  wrapper.append(...Array.from(el.childNodes));
  el.append(wrapper);
}

function msoLevel(p: Element): number | null {
  const style = p.getAttribute('data-style') ?? '';
  const m = /mso-list:\s*\S+\s+level(\d+)/i.exec(style);
  if (m) return Number(m[1]);
  return /MsoListParagraph/i.test(p.getAttribute('class') ?? '') ? 1 : null;
}

/** Consecutive Word list paragraphs → <ul><li>, nested by their `levelN`. */
function wordListsToHtmlLists(doc: Document) {
  const paragraphs = Array.from(doc.body.querySelectorAll('p'));
  let stack: { level: number; list: HTMLElement }[] = [];
  let lastP: Element | null = null;
  for (const p of paragraphs) {
    const level = msoLevel(p);
    if (level === null) {
      stack = [];
      lastP = null;
      continue;
    }
    const adjacent = lastP !== null && lastP.nextElementSibling === p;
    if (!adjacent) stack = [];
    const li = doc.createElement('li');
    li.append(...Array.from(p.childNodes));
    if (stack.length === 0) {
      const ul = doc.createElement('ul');
      p.before(ul);
      stack.push({ level, list: ul });
    }
    while (stack.length > 1 && stack[stack.length - 1]!.level > level) stack.pop();
    let top = stack[stack.length - 1]!;
    if (level > top.level) {
      const parentLi = top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'));
      const ul = doc.createElement('ul');
      parentLi.appendChild(ul);
      stack.push({ level, list: ul });
      top = stack[stack.length - 1]!;
    }
    top.list.appendChild(li);
    // Keep adjacency to the next paragraph by leaving an empty marker where p was.
    const marker = doc.createElement('p');
    marker.setAttribute('data-list-marker', '');
    p.replaceWith(marker);
    lastP = marker;
  }
  doc.querySelectorAll('p[data-list-marker]').forEach((m) => m.remove());
}
