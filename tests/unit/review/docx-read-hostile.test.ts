import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { MAX_ERROR_MESSAGE, MinutaError } from '../../../src/shared/errors';
import { DOCX_READ_BOUNDS, readReviewedDocx } from '../../../src/main/review/docx';
import { readZipParts } from '../../../src/main/review/docx/zip';
import { seeded } from '../../support/fuzz';
import { makeReviewCopy } from '../../support/reviewCopyFile';
import { wordStyleDocx, wordStyleParts, zipParts } from '../../support/wordStyleDocx';

/**
 * Hostile and odd files: each is refused with MinutaError('invalid', …) whose bounded message names the
 * problem; and no mutation of a real file makes the reader throw anything else.
 */

const refusal = (bytes: Uint8Array, read: (b: Uint8Array) => unknown = readReviewedDocx): MinutaError => {
  try {
    read(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(MinutaError);
    const err = e as MinutaError;
    expect(err.code).toBe('invalid');
    expect(err.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    return err;
  }
  throw new Error('the file was read, not refused');
};
const parts = wordStyleParts;
const withPart = (name: string, xml: string | Uint8Array) => zipParts({ ...parts(), [name]: xml });

/** Rewrites the uncompressed size an entry declares, in its local header and in the central directory (a lying header). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const enc = new TextEncoder().encode(name);
  const nameAt = (at: number, len: number) => enc.length === len && enc.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true))) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true))) view.setUint32(i + 24, size, true);
  }
  return out;
}

const bomb = (bytes: number) => `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${' '.repeat(bytes)}</w:document>`;

describe('files that are not a DOCX', () => {
  it('refuses what is not a ZIP', () => {
    expect(refusal(new TextEncoder().encode('{"format":"minuta","version":2}')).message).toMatch(/not a ZIP archive, so not a DOCX/);
    expect(refusal(new Uint8Array(0)).message).toMatch(/not a ZIP archive/);
    const pk = new Uint8Array(300).fill(7);
    pk.set([0x50, 0x4b, 3, 4]);
    expect(refusal(pk).message).toMatch(/not a ZIP archive/);
  });

  it('refuses a ZIP that is not a Word document, naming what it lacks', () => {
    expect(refusal(zipParts({ 'hello.txt': 'hello' })).message).toBe('The ZIP is not a Word document: it has no [Content_Types].xml and no word/document.xml');
    const { 'word/document.xml': _, ...rest } = parts();
    expect(refusal(zipParts(rest)).message).toMatch(/not a Word document: it has no word\/document\.xml$/);
  });

  it('refuses a password-protected or encrypted DOCX (an OLE compound file)', () => {
    // What Word writes for "Encrypt with password" ([MS-OFFCRYPTO]): a compound file whose header starts
    // with this signature, minor version 0x3E, major 3, byte order FFFE, 512-byte sectors. (LibreOffice
    // 7.4 through UNO would not save an encrypted DOCX, so the header is written here.)
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24);
    expect(refusal(ole).message).toMatch(/password-protected or encrypted/);
  });

  it('refuses a file larger than the bound before reading it', () => {
    const big = new Uint8Array(DOCX_READ_BOUNDS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 3, 4]);
    expect(refusal(big).message).toMatch(/a reviewed DOCX may be at most 64 MB/);
  });
});

describe('zip bombs and hostile archives', () => {
  it('refuses a part that expands too many times its size, while inflating', () => {
    const zip = withPart('word/document.xml', bomb(16 * 1024 * 1024));
    expect(refusal(zip).message).toBe('The part word/document.xml expands more than 200 times its compressed size: refused as a zip bomb');
    // The same with a header that lies about the size: only counting while inflating can catch it.
    expect(refusal(declareSize(zip, 'word/document.xml', 1000)).message).toMatch(/expands more than 200 times/);
  });

  it('refuses a part that declares, or turns out to have, more than the part bound', () => {
    const zip = withPart('word/document.xml', bomb(2 * 1024 * 1024));
    const small = { ...DOCX_READ_BOUNDS, maxPartBytes: 1024 * 1024, maxRatio: 1e9 };
    const read = (b: Uint8Array) => readZipParts(b, ['word/document.xml'], small);
    expect(refusal(zip, read).message).toBe('The part word/document.xml declares 2 MB expanded; a part may be at most 1 MB');
    const lying = declareSize(zip, 'word/document.xml', 10);
    expect(refusal(lying, read).message).toBe('The part word/document.xml expands past 1 MB: refused as a zip bomb');
    // Refused at the first chunk past the bound: the inflated part is never held whole.
    const total = { ...small, maxPartBytes: 64 * 1024 * 1024, maxTotalBytes: 1024 * 1024 };
    expect(refusal(zip, (b) => readZipParts(b, ['word/styles.xml', 'word/document.xml'], total)).message).toBe('The DOCX expands past 1 MB: refused as a zip bomb');
  });

  it('refuses too many entries', () => {
    const many: Record<string, string> = { ...parts() };
    for (let i = 0; i < DOCX_READ_BOUNDS.maxEntries; i++) many[`word/media/i${i}.txt`] = '';
    expect(refusal(zipParts(many)).message).toBe(`The DOCX has more than ${DOCX_READ_BOUNDS.maxEntries} entries: it is not a document Minuta will read`);
  });

  it.each([
    ['../../evil.xml', /climbs out of the archive \("\.\.\/\.\.\/evil\.xml"\)/],
    ['word/../../evil.xml', /climbs out of the archive/],
    ['word\\..\\..\\evil.xml', /climbs out of the archive/],
    ['/etc/evil.xml', /an absolute entry name \("\/etc\/evil\.xml"\)/],
    ['C:/Windows/evil.xml', /an absolute entry name/],
  ])('refuses the entry name %s', (name, message) => {
    expect(refusal(zipParts({ ...parts(), [name]: 'x' })).message).toMatch(message);
  });

  it('refuses a part that is there twice (names differing only in case)', () => {
    expect(refusal(zipParts({ ...parts(), 'WORD/document.xml': parts()['word/document.xml']! })).message).toMatch(/contains the entry "WORD\/document\.xml" twice/);
  });
});

describe('hostile and broken XML', () => {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>';
  const external =
    '<?xml version="1.0"?><!DOCTYPE w:styles SYSTEM "file:///etc/passwd"><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';

  it('refuses a DTD and its entities, in any part, never resolving them', () => {
    expect(refusal(withPart('word/document.xml', laughs)).message).toBe(
      'The part word/document.xml of the DOCX declares a DTD (<!DOCTYPE …>): refused; entities in it are never resolved',
    );
    expect(refusal(withPart('word/styles.xml', external)).message).toMatch(/^The part word\/styles\.xml of the DOCX declares a DTD/);
  });

  it('refuses an entity that is not declared, as malformed XML', () => {
    const xml = parts()['word/document.xml']!.replace('Opening', '&xxe;');
    expect(refusal(withPart('word/document.xml', xml)).message).toMatch(/^The part word\/document\.xml of the DOCX is not well-formed XML \(line 4, column \d+\): .*entity/);
  });

  it('refuses malformed XML, naming the part and the line', () => {
    const xml = parts()['word/comments.xml']!;
    expect(refusal(withPart('word/comments.xml', xml.slice(0, xml.length - 40))).message).toMatch(/^The part word\/comments\.xml of the DOCX is not well-formed XML \(line \d+, column \d+\)/);
    expect(refusal(withPart('docProps/custom.xml', '<Properties><property></Properties>')).message).toMatch(/^The part docProps\/custom\.xml of the DOCX is not well-formed XML \(line 1/);
  });

  it('refuses a part that is not UTF-8 and nesting past the bound', () => {
    expect(refusal(withPart('word/document.xml', new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e]))).message).toBe('The part word/document.xml of the DOCX is not valid UTF-8 text');
    const deep = `<w:document xmlns:w="${'http://schemas.openxmlformats.org/wordprocessingml/2006/main'}">${'<w:sdt>'.repeat(300)}${'</w:sdt>'.repeat(300)}</w:document>`;
    expect(refusal(withPart('word/document.xml', deep)).message).toMatch(/nests elements deeper than 256 levels/);
  });
});

describe('random damage to real files', () => {
  let copy: Uint8Array;
  beforeAll(async () => {
    copy = (await makeReviewCopy()).bytes;
  });

  it('never throws anything but MinutaError(invalid) on 200 seeded mutations of a real review copy and the Word-style file', () => {
    const rng = seeded(20261130);
    const pick = (n: number) => Math.floor(rng() * n);
    const outcomes = { read: 0, refused: 0 };
    const word = wordStyleDocx();
    const xmlParts = unzipSync(copy);
    for (let i = 0; i < 200; i++) {
      let bytes: Uint8Array;
      let how: string;
      if (i % 2 === 0) {
        // Damage the archive itself: flipped bytes, a cut, or a slice repeated.
        bytes = (i % 4 === 0 ? copy : word).slice();
        const kind = pick(3);
        if (kind === 0) for (let k = 0, n = 1 + pick(8); k < n; k++) bytes[pick(bytes.length)] = pick(256);
        else if (kind === 1) bytes = bytes.subarray(0, pick(bytes.length));
        else {
          const at = pick(bytes.length);
          bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(pick(bytes.length)).subarray(0, 512), ...bytes.subarray(at)]);
        }
        how = `archive mutation ${kind}`;
      } else {
        // Damage one XML part and zip it again, so the damage reaches the XML and OOXML layers.
        const names = ['word/document.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'word/styles.xml', 'docProps/custom.xml'];
        const name = names[pick(names.length)]!;
        const xml = xmlParts[name]!.slice();
        for (let k = 0, n = 1 + pick(6); k < n; k++) xml[pick(xml.length)] = '<>/"=&; wp:'.charCodeAt(pick(11));
        bytes = zipParts({ ...xmlParts, [name]: xml }, 0);
        how = `XML mutation of ${name}`;
      }
      try {
        readReviewedDocx(bytes);
        outcomes.read++;
      } catch (e) {
        if (!(e instanceof MinutaError) || e.code !== 'invalid') throw new Error(`case ${i} (${how}) threw ${String(e)}`, { cause: e });
        expect(e.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
        outcomes.refused++;
      }
    }
    // Both outcomes occur: the fuzz reaches past the ZIP layer.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

describe('odd values', () => {
  it('refuses an over-long attribute it reads (an author of 10,000 characters)', () => {
    const xml = parts()['word/document.xml']!.replace('w:author="Ana Lopes"', `w:author="${'A'.repeat(10_000)}"`);
    expect(refusal(withPart('word/document.xml', xml)).message).toBe(
      'The part word/document.xml of the DOCX has an attribute w:author of 10000 characters on w:del; at most 4096 are read',
    );
  });

  it('reads hostile custom property names as plain own properties, polluting nothing', () => {
    const custom = parts()['docProps/custom.xml']!.replace('name="MinutaBaseRevision"', 'name="__proto__"').replace('name="MinutaRevision"', 'name="constructor"');
    const read = readReviewedDocx(withPart('docProps/custom.xml', custom));
    expect(Object.getPrototypeOf(read.custom)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(read.custom, '__proto__')?.value).toBe('3');
    expect(read.custom.constructor).toBe('5');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
