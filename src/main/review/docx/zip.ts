import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { MinutaError, excerpt } from '../../../shared/errors';
import { DOCX_READ_BOUNDS, type DocxReadBounds } from './bounds';

/**
 * The ZIP layer of a reviewed DOCX, through fflate: the directory is checked first (entry count, names,
 * declared sizes), then only the parts asked for are inflated, in a stream whose every chunk is counted
 * against the bounds, so a zip bomb is stopped after at most one chunk past a bound, never expanded.
 */

/** An Office file encrypted with a password is not a ZIP but an OLE compound file (MS-OFFCRYPTO). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const REQUIRED = ['[Content_Types].xml', 'word/document.xml'];
/**
 * Input is pushed to the inflater in slices of this size: the granularity of the bounds checks (one
 * slice inflates to at most about 16 MB, deflate's ratio being bounded near 1032:1).
 */
const CHUNK = 16 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;
const refuse = (message: string): never => {
  throw new MinutaError('invalid', message, 'file');
};

/** Why an entry name may not be unpacked anywhere, or undefined when it is a plain relative name. */
function unsafeName(name: string): string | undefined {
  if (name.length === 0) return 'an empty entry name';
  // eslint-disable-next-line no-control-regex -- a NUL or control character in a name is itself the problem
  if (/[\u0000-\u001f]/.test(name)) return `an entry name with a control character ("${excerpt(name)}")`;
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return `an absolute entry name ("${excerpt(name)}")`;
  if (name.split(/[/\\]/).includes('..')) return `an entry name that climbs out of the archive ("${excerpt(name)}")`;
  return undefined;
}

interface DirectoryEntry {
  name: string;
  size: number;
  originalSize: number;
  compression: number;
}

function directory(bytes: Uint8Array, bounds: DocxReadBounds): Map<string, DirectoryEntry> {
  const entries = new Map<string, DirectoryEntry>();
  try {
    unzipSync(bytes, {
      // Called once per central-directory entry before anything is inflated; returning false inflates nothing.
      filter: (f) => {
        if (entries.size >= bounds.maxEntries) refuse(`The DOCX has more than ${bounds.maxEntries} entries: it is not a document Minuta will read`);
        const problem = unsafeName(f.name);
        if (problem) refuse(`The DOCX contains ${problem}: refused`);
        const key = f.name.toLowerCase();
        if (entries.has(key)) refuse(`The DOCX contains the entry "${excerpt(f.name)}" twice: refused`);
        entries.set(key, { name: f.name, size: f.size, originalSize: f.originalSize, compression: f.compression });
        return false;
      },
    });
  } catch (e) {
    if (e instanceof MinutaError) throw e;
    refuse('The file is not a ZIP archive, so not a DOCX (a Word document is a ZIP of XML parts)');
  }
  return entries;
}

/**
 * The named parts of a DOCX that are present, keyed by their lower-cased names (OPC part names are
 * case-insensitive), inflated within the bounds (DOCX_READ_BOUNDS; tests pass smaller ones). Refuses
 * what is not a ZIP, an encrypted Office file, a ZIP that is not a DOCX, and anything out of bounds,
 * each with its own message.
 */
export function readZipParts(bytes: Uint8Array, wanted: readonly string[], bounds: DocxReadBounds = DOCX_READ_BOUNDS): Map<string, Uint8Array> {
  if (bytes.byteLength > bounds.maxFileBytes) refuse(`The file is ${mb(bytes.byteLength)}; a reviewed DOCX may be at most ${mb(bounds.maxFileBytes)}`);
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    refuse('The file is password-protected or encrypted (an Office file sealed with a password): remove the password in Word and save again');
  }
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse('The file is not a ZIP archive, so not a DOCX (a Word document is a ZIP of XML parts)');
  const entries = directory(bytes, bounds);
  const missing = REQUIRED.filter((n) => !entries.has(n.toLowerCase()));
  if (missing.length > 0) refuse(`The ZIP is not a Word document: it has no ${missing.join(' and no ')}`);

  const want = new Map<string, DirectoryEntry>();
  for (const name of wanted) {
    const e = entries.get(name.toLowerCase());
    if (!e) continue;
    if (e.compression !== 0 && e.compression !== 8) refuse(`The part ${e.name} uses an unsupported compression (method ${e.compression})`);
    if (e.originalSize > bounds.maxPartBytes) refuse(`The part ${e.name} declares ${mb(e.originalSize)} expanded; a part may be at most ${mb(bounds.maxPartBytes)}`);
    want.set(name.toLowerCase(), e);
  }

  const out = new Map<string, Uint8Array>();
  let total = 0;
  const unzip = new Unzip((file) => {
    const key = file.name.toLowerCase();
    const entry = want.get(key);
    if (!entry) return;
    if (out.has(key)) refuse(`The DOCX holds the part ${entry.name} twice: refused`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (err) {
        if (err instanceof MinutaError) throw err;
        refuse(`The part ${entry.name} of the DOCX is damaged (${excerpt(err.message, 80)})`);
      }
      size += data.byteLength;
      total += data.byteLength;
      if (size > bounds.maxPartBytes) refuse(`The part ${entry.name} expands past ${mb(bounds.maxPartBytes)}: refused as a zip bomb`);
      if (total > bounds.maxTotalBytes) refuse(`The DOCX expands past ${mb(bounds.maxTotalBytes)}: refused as a zip bomb`);
      if (size > bounds.ratioFloorBytes && size / Math.max(entry.size, 1) > bounds.maxRatio) {
        refuse(`The part ${entry.name} expands more than ${bounds.maxRatio} times its compressed size: refused as a zip bomb`);
      }
      if (data.byteLength > 0) chunks.push(data);
      if (final) out.set(key, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.byteLength; at += CHUNK) unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.byteLength);
  } catch (e) {
    if (e instanceof MinutaError) throw e;
    refuse(`The DOCX is a damaged ZIP archive (${excerpt(e instanceof Error ? e.message : String(e), 80)})`);
  }
  for (const [key, e] of want) {
    if (!out.has(key)) refuse(`The part ${e.name} of the DOCX could not be read: the ZIP archive is damaged`);
  }
  return out;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}
