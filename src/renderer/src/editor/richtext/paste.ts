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
    .replace(/<\/?(meta|link)\b[^>]*>/gi, '');
  const doc = new DOMParser().parseFromString(stripped, 'text/html');
  doc.querySelectorAll('script, style, meta, link, title, img, svg, object, iframe').forEach((n) => n.remove());
  doc.querySelectorAll('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]').forEach((n) => n.remove());
  wordListsToHtmlLists(doc);
  return doc.body.innerHTML;
}

function msoLevel(p: Element): number | null {
  const style = p.getAttribute('style') ?? '';
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
