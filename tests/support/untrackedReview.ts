import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * A review copy as a reviewer returns it with change tracking off, made without an office suite: words
 * of its document.xml replaced (each `from` must occur), and the reviewer named as the file's last
 * author (docProps/core.xml), as Word and LibreOffice do on saving. For tests that need a reviewed file
 * quickly; the LibreOffice-made ones are tests/support/libreofficeReview.ts.
 */
export function untrackedReview(copy: Uint8Array, edits: readonly (readonly [from: string, to: string])[], reviewer?: string): Uint8Array {
  const parts = unzipSync(copy);
  let xml = strFromU8(parts['word/document.xml']!);
  for (const [from, to] of edits) {
    if (!xml.includes(from)) throw new Error(`untrackedReview: the copy has no "${from}"`);
    xml = xml.replace(from, to);
  }
  parts['word/document.xml'] = strToU8(xml);
  if (reviewer !== undefined) {
    const core = strFromU8(parts['docProps/core.xml']!);
    const escaped = reviewer.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    parts['docProps/core.xml'] = strToU8(
      /<cp:lastModifiedBy>/.test(core)
        ? core.replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, `<cp:lastModifiedBy>${escaped}</cp:lastModifiedBy>`)
        : core.replace('</cp:coreProperties>', `<cp:lastModifiedBy>${escaped}</cp:lastModifiedBy></cp:coreProperties>`),
    );
  }
  return zipSync(parts);
}
