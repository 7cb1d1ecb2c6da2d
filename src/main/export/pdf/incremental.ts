/**
 * Finishing a Chromium (Skia) PDF by an incremental update: the printed bytes stay exactly as
 * Chromium wrote them, and the changes — signature widgets in place of the `sig:N` links, the
 * AcroForm, the catalog pointing at it, the document information — are appended as new revisions of
 * those objects with their own cross-reference section (ISO 32000-1, 7.5.6). This is how signing tools
 * add signatures later too, and it costs a few milliseconds instead of re-parsing and re-writing a
 * 200-page file.
 *
 * It reads only what Skia writes: a classic cross-reference table, objects as plain text, no object
 * streams. Anything else returns undefined and the caller finishes with pdf-lib instead.
 */

export interface IncrementalField {
  /** sig:N */
  index: number;
  name: string;
}

export interface IncrementalInput {
  fields: readonly IncrementalField[];
  /** Document information entries, written as text strings (or dates). */
  info: Record<string, string | Date>;
}

export interface IncrementalResult {
  bytes: Uint8Array;
  fields: { name: string; page: number }[];
}

const latin1 = new TextDecoder('latin1');

/** A PDF text string: UTF-16BE with a byte order mark, as hex. */
export function pdfText(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ */
export function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`;
}

interface PdfObject {
  num: number;
  /** The text between `N 0 obj` and `endobj`. */
  body: string;
}

export function finishIncrementally(printed: Uint8Array, input: IncrementalInput): IncrementalResult | undefined {
  // latin1 maps every byte to one char: offsets in the string are byte offsets.
  const text = latin1.decode(printed);
  if (/\/Type\s*\/(?:ObjStm|XRef)\b/.test(text)) return undefined;
  const tail = text.slice(text.lastIndexOf('trailer'));
  const trailer = /^trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(tail);
  if (!trailer) return undefined;
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)?.[1]);
  const root = Number(/\/Root (\d+) 0 R/.exec(trailer[1]!)?.[1]);
  const infoNum = /\/Info (\d+) 0 R/.exec(trailer[1]!)?.[1];
  const prev = Number(trailer[2]);
  if (!size || !root) return undefined;

  const objects = readObjects(text, prev);
  if (!objects) return undefined;
  const catalog = objects.get(root);
  if (!catalog || !/^<<\/Type \/Catalog\b/.test(catalog.body) || /\/AcroForm\b/.test(catalog.body)) return undefined;

  // The sig:N links, and the pages whose /Annots hold them.
  const links = new Map<number, { num: number; rect: string; structParent: string | undefined }>();
  for (const o of objects.values()) {
    const m = /\/Subtype \/Link\b[\s\S]*\/URI \(sig:(\d+)\)/.exec(o.body);
    if (!m) continue;
    const index = Number(m[1]);
    const rect = /\/Rect (\[[^\]]*\])/.exec(o.body)?.[1];
    if (!rect) return undefined;
    if (links.has(index)) throw new Error(`Signature box ${index} was printed more than once`);
    links.set(index, { num: o.num, rect, structParent: /\/StructParent (\d+)/.exec(o.body)?.[1] });
  }
  const pages = [...objects.values()].filter((o) => /^<<\/Type \/Page\b/.test(o.body));
  const pageOrder = pageNumbersInOrder(objects, pages);
  if (!pageOrder) return undefined;
  const pageOf = new Map<number, number>();
  for (const p of pages) {
    const annots = /\/Annots \[([^\]]*)\]/.exec(p.body)?.[1];
    if (annots) for (const r of annots.matchAll(/(\d+) 0 R/g)) pageOf.set(Number(r[1]), p.num);
  }

  const updates: { num: number; body: string }[] = [];
  const fields: IncrementalResult['fields'] = [];
  const acroFormNum = size;
  for (const f of input.fields) {
    const link = links.get(f.index);
    if (!link) throw new Error(`Signature box ${f.index} (${f.name}) was not found in the printed PDF`);
    const page = pageOf.get(link.num);
    if (page === undefined) return undefined;
    updates.push({
      num: link.num,
      body:
        `<</Type /Annot /Subtype /Widget /FT /Sig /T ${pdfText(f.name)} /TU ${pdfText(`Signature: ${f.name}`)}` +
        ` /F 4 /Rect ${link.rect} /P ${page} 0 R${link.structParent ? ` /StructParent ${link.structParent}` : ''}>>`,
    });
    fields.push({ name: f.name, page: pageOrder.indexOf(page) });
  }
  for (const index of links.keys()) {
    if (!input.fields.some((f) => f.index === index)) throw new Error(`The printed PDF links to sig:${index}, which is no signatory of this document`);
  }
  // The structure tree calls the box a Link; it is now a form field.
  const widgetNums = new Set(updates.map((u) => u.num));
  for (const o of objects.values()) {
    if (!/^<<\/Type \/StructElem\b/.test(o.body) || !/\/S \/Link\b/.test(o.body)) continue;
    const refs = [...o.body.matchAll(/\/Obj (\d+) 0 R/g)].map((m) => Number(m[1]));
    if (refs.length > 0 && refs.every((r) => widgetNums.has(r))) updates.push({ num: o.num, body: o.body.replace('/S /Link', '/S /Form') });
  }
  let nextNum = size;
  if (updates.length > 0 || input.fields.length > 0) {
    nextNum = size + 1;
    if (input.fields.length > 0) {
      updates.push({ num: acroFormNum, body: `<</Fields [${input.fields.map((f) => `${links.get(f.index)!.num} 0 R`).join(' ')}] /SigFlags 1>>` });
      updates.push({ num: root, body: catalog.body.replace(/^<</, `<</AcroForm ${acroFormNum} 0 R\n`) });
    } else nextNum = size;
  }
  const infoTarget = infoNum ? Number(infoNum) : nextNum++;
  const infoBody = Object.entries(input.info)
    .map(([k, v]) => `/${k} ${v instanceof Date ? pdfDate(v) : pdfText(v)}`)
    .join('\n');
  updates.push({ num: infoTarget, body: `<<${infoBody}>>` });

  // Append: objects, then one cross-reference subsection per object, then the trailer.
  const enc = new TextEncoder();
  const chunks: string[] = [];
  let offset = printed.byteLength;
  const sep = text.endsWith('\n') ? '' : '\n';
  chunks.push(sep);
  offset += sep.length;
  const offsets = new Map<number, number>();
  for (const u of updates) {
    const s = `${u.num} 0 obj\n${u.body}\nendobj\n`;
    offsets.set(u.num, offset);
    chunks.push(s);
    offset += s.length; // ASCII only: the bodies hold hex strings and Skia's ASCII dictionaries
  }
  const xrefAt = offset;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (const n of nums) xref += `${n} 1\n${String(offsets.get(n)).padStart(10, '0')} 00000 n \n`;
  const newSize = Math.max(size, nextNum);
  xref += `trailer\n<</Size ${newSize}\n/Root ${root} 0 R\n/Info ${infoTarget} 0 R\n/Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  chunks.push(xref);
  const appended = chunks.join('');
  if (/[^\t\n\r -~]/.test(appended)) return undefined;
  const tailBytes = enc.encode(appended);
  const bytes = new Uint8Array(printed.byteLength + tailBytes.byteLength);
  bytes.set(printed, 0);
  bytes.set(tailBytes, printed.byteLength);
  return { bytes, fields };
}

/**
 * The dictionaries of all objects, located through the cross-reference table (never by scanning, so
 * that bytes inside a compressed stream cannot pass for an object). Stream data is not read.
 */
function readObjects(text: string, xrefOffset: number): Map<number, PdfObject> | undefined {
  if (!text.startsWith('xref', xrefOffset)) return undefined;
  const objects = new Map<number, PdfObject>();
  const head = /^xref\s+/.exec(text.slice(xrefOffset, xrefOffset + 16));
  let at = xrefOffset + (head?.[0].length ?? 0);
  for (;;) {
    const sub = /^(\d+) (\d+)\s+/.exec(text.slice(at, at + 32));
    if (!sub) break;
    const first = Number(sub[1]);
    const count = Number(sub[2]);
    at += sub[0].length;
    for (let i = 0; i < count; i++, at += 20) {
      const entry = text.slice(at, at + 20);
      if (entry[17] !== 'n') continue;
      const num = first + i;
      const start = Number(entry.slice(0, 10));
      const header = /^(\d+) 0 obj\s*/.exec(text.slice(start, start + 32));
      if (!header || Number(header[1]) !== num) return undefined;
      const bodyStart = start + header[0].length;
      // A dictionary is read by matching its brackets (never past it: stream data follows some).
      if (text.startsWith('<<', bodyStart)) {
        const end = dictionaryEnd(text, bodyStart);
        if (end < 0) return undefined;
        objects.set(num, { num, body: text.slice(bodyStart, end) });
      } else {
        const end = text.indexOf('endobj', bodyStart);
        if (end < 0) return undefined;
        objects.set(num, { num, body: text.slice(bodyStart, end).trim() });
      }
    }
  }
  return objects.size > 0 ? objects : undefined;
}

/** The offset just past the dictionary that starts at `start` (`<<`), skipping strings; -1 if unterminated. */
function dictionaryEnd(text: string, start: number): number {
  let depth = 0;
  for (let j = start; j < text.length; ) {
    const c = text[j]!;
    if (c === '<' && text[j + 1] === '<') {
      depth++;
      j += 2;
    } else if (c === '>' && text[j + 1] === '>') {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else if (c === '<') {
      const close = text.indexOf('>', j);
      if (close < 0) return -1;
      j = close + 1;
    } else if (c === '(') {
      let nest = 0;
      for (; j < text.length; j++) {
        const d = text[j]!;
        if (d === '\\') j++;
        else if (d === '(') nest++;
        else if (d === ')' && --nest === 0) break;
      }
      j++;
    } else j++;
  }
  return -1;
}

/** Page object numbers in document order, from the page tree (/Kids), or undefined if unreadable. */
function pageNumbersInOrder(objects: Map<number, PdfObject>, pages: PdfObject[]): number[] | undefined {
  const pageSet = new Set(pages.map((p) => p.num));
  const rootNode = [...objects.values()].find((o) => /^<<\/Type \/Pages\b/.test(o.body) && !/\/Parent \d+ 0 R/.test(o.body));
  if (!rootNode) return undefined;
  const out: number[] = [];
  const stack = [rootNode.num];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const num = stack.pop()!;
    if (seen.has(num)) return undefined;
    seen.add(num);
    if (pageSet.has(num)) {
      out.push(num);
      continue;
    }
    const kids = /\/Kids \[([^\]]*)\]/.exec(objects.get(num)?.body ?? '')?.[1];
    if (kids === undefined) return undefined;
    const refs = [...kids.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    for (let i = refs.length - 1; i >= 0; i--) stack.push(refs[i]!);
  }
  return out.length === pages.length ? out : undefined;
}
