import type { PdfFile } from './file';
import { serialize } from './syntax';

/**
 * Writing an incremental update (ISO 32000-1, 7.5.6): new revisions of objects and new objects are
 * appended after the last %%EOF, with a cross-reference section for just them whose trailer points
 * back (/Prev) at the previous one. The bytes before are never touched, so every earlier signature
 * still covers exactly what it signed.
 */

export interface UpdateObject {
  num: number;
  /** The object's body: a value, or a stream dictionary followed by `stream … endstream`. ASCII only. */
  body: string;
}

export interface AppendedUpdate {
  /** The text to append to the file (ASCII). */
  text: string;
  /** Offsets of each object in the whole file. */
  offsets: Map<number, number>;
}

/** A stream object body: the dictionary (with /Length set here) and the data. */
export function streamBody(dict: string, data: string): string {
  return `<<${dict} /Length ${data.length}>>\nstream\n${data}\nendstream`;
}

/** `id`: a file identifier (/ID) for a file that has none yet (PDF/A requires one); an existing one is kept. */
export function buildUpdate(file: PdfFile, objects: readonly UpdateObject[], newSize: number, id?: string): AppendedUpdate {
  let offset = file.bytes.byteLength;
  const parts: string[] = [];
  const sep = file.text.endsWith('\n') || file.text.endsWith('\r') ? '' : '\n';
  parts.push(sep);
  offset += sep.length;
  const offsets = new Map<number, number>();
  for (const o of objects) {
    const s = `${o.num} 0 obj\n${o.body}\nendobj\n`;
    offsets.set(o.num, offset);
    parts.push(s);
    offset += s.length;
  }
  const xrefAt = offset;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  // Consecutive numbers share one subsection.
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const last = file.trailer;
  const keep = ['Root', 'Info', 'ID']
    .filter((k) => last.has(k))
    .map((k) => ` /${k} ${serialize(last.get(k)!)}`)
    .join('');
  const newId = id && !last.has('ID') ? ` /ID [<${id}> <${id}>]` : '';
  xref += `trailer\n<</Size ${newSize}${keep}${newId} /Prev ${file.sections[file.sections.length - 1]!.offset}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  parts.push(xref);
  const text = parts.join('');
  if (/[^\t\n\r\x20-\x7e]/.test(text)) throw new Error('An incremental update must be ASCII');
  return { text, offsets };
}
