import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 → the TrueType/OpenType file it wraps (W3C WOFF, section 5): Word and LibreOffice embed
 * sfnt fonts in a DOCX, and the app ships its fonts as fontsource's WOFF files. Each table is
 * inflated when it was compressed and written back with its original checksum, in the same order.
 * A file that is not WOFF, or whose tables do not inflate to their stated sizes, throws.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < 44 || src.getUint32(0) !== 0x774f4646 /* 'wOFF' */) throw new Error('not a WOFF 1.0 font');
  const flavor = src.getUint32(4);
  const numTables = src.getUint16(12);
  if (44 + numTables * 20 > woff.byteLength) throw new Error('WOFF table directory runs past the end of the file');

  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = src.getUint32(at + 4);
    const compLength = src.getUint32(at + 8);
    const origLength = src.getUint32(at + 12);
    if (offset + compLength > woff.byteLength) throw new Error(`WOFF table ${i} runs past the end of the file`);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? new Uint8Array(inflateSync(raw, { maxOutputLength: origLength })) : raw;
    if (data.byteLength !== origLength) throw new Error(`WOFF table ${i} is ${data.byteLength} bytes, not ${origLength}`);
    tables.push({ tag: src.getUint32(at), checksum: src.getUint32(at + 16), data });
  }

  // The sfnt offset table's binary-search fields (OpenType spec, "Table directory").
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const headerLength = 12 + numTables * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const total = tables.reduce((n, t) => n + padded(t.data.byteLength), headerLength);
  const out = new Uint8Array(total);
  const dst = new DataView(out.buffer);
  dst.setUint32(0, flavor);
  dst.setUint16(4, numTables);
  dst.setUint16(6, searchRange);
  dst.setUint16(8, entrySelector);
  dst.setUint16(10, numTables * 16 - searchRange);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    dst.setUint32(at, t.tag);
    dst.setUint32(at + 4, t.checksum);
    dst.setUint32(at + 8, offset);
    dst.setUint32(at + 12, t.data.byteLength);
    out.set(t.data, offset);
    offset += padded(t.data.byteLength);
  });
  return out;
}
