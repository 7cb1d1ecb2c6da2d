/**
 * A small signature copy written by hand, laid out as our finisher leaves a Chromium PDF (classic
 * cross-reference table, Info with MinutaFingerprint, one widget per signature field, AcroForm),
 * so that the signing core can be tested without a browser. Revisions are appended with `appendRevision`,
 * the way another program (or an attacker) would.
 */

export function minimalSignatureCopy(fields: string[] = ['Head of Cambodia Delegation', 'Head of Lao Delegation']): Buffer {
  const objs: string[] = [];
  const widgetNums = fields.map((_, i) => 6 + i);
  objs[1] = '<</Type /Catalog /Pages 2 0 R /AcroForm 5 0 R>>';
  objs[2] = '<</Type /Pages /Kids [3 0 R] /Count 1>>';
  objs[3] = `<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [${widgetNums.map((n) => `${n} 0 R`).join(' ')}]>>`;
  const content = 'BT /F1 12 Tf 72 760 Td (Minutes) Tj ET';
  objs[4] = `<</Length ${content.length}>>\nstream\n${content}\nendstream`;
  objs[5] = `<</Fields [${widgetNums.map((n) => `${n} 0 R`).join(' ')}] /SigFlags 1>>`;
  fields.forEach((name, i) => {
    objs[6 + i] = `<</Type /Annot /Subtype /Widget /FT /Sig /T (${name}) /F 4 /Rect [${72 + i * 160} 600 ${212 + i * 160} 680] /P 3 0 R>>`;
  });
  const infoNum = 6 + fields.length;
  objs[infoNum] = '<</Title (Minutes) /MinutaFingerprint (0123456789abcdef)>>';
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let n = 1; n < objs.length; n++) {
    offsets[n] = out.length;
    out += `${n} 0 obj\n${objs[n]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objs.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objs.length; n++) out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${objs.length} /Root 1 0 R /Info ${infoNum} 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Appends new revisions of objects (num → body) with a cross-reference section and trailer. */
export function appendRevision(pdf: Buffer, objects: Record<number, string>, extraTrailer = ''): Buffer {
  const text = pdf.toString('latin1');
  const lastTrailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(lastTrailer)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(lastTrailer)![1];
  const info = /\/Info (\d+ \d+ R)/.exec(lastTrailer)?.[1];
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  let tail = '';
  const offsets: [number, number][] = [];
  for (const [num, body] of Object.entries(objects)) {
    offsets.push([Number(num), pdf.length + tail.length]);
    tail += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = pdf.length + tail.length;
  tail += 'xref\n';
  for (const [num, off] of offsets.sort((a, b) => a[0] - b[0])) tail += `${num} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  const newSize = Math.max(size, ...offsets.map(([n]) => n + 1));
  tail += `trailer\n<</Size ${newSize} /Root ${root}${info ? ` /Info ${info}` : ''} /Prev ${prev}${extraTrailer}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(tail, 'latin1')]);
}
