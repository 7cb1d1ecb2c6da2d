import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import { MinutaError } from '../../../shared/errors';
import { PdfFile } from '../../signoff/pdf/file';
import { pageOrder, textOf } from '../../signoff/pdf/fields';
import { buildUpdate, streamBody, type UpdateObject } from '../../signoff/pdf/update';
import { PdfRef, PdfString, isDict, isName, pdfDateString, serialize, textString, type PdfDict, type PdfValue } from '../../signoff/pdf/syntax';

/**
 * Making a finished signature copy PDF/A-3b (ISO 19005-3, level B), as one incremental update on top
 * of Chromium's bytes and the finisher's (the signing core reads it, and signs after it):
 *  - XMP metadata (pdfaid:part 3, conformance B) matching the document information dictionary entry
 *    for entry (title, author, subject, keywords, creator, producer, dates); the Info dictionary is
 *    rewritten with the same dates in the same form;
 *  - an output intent (GTS_PDFA1) with an sRGB ICC profile, which covers the DeviceRGB/DeviceGray
 *    colours and the transparency (page groups, soft masks) that PDF/A-2 and -3 allow;
 *  - the record (the version's minutes file, src/shared/format/fingerprint.ts) as an associated file:
 *    `/AF` on the catalog and an `/EmbeddedFiles` name tree, `/AFRelationship /Source`,
 *    `/Subtype /application#2Fjson`, `/Params` with size, dates and MD5 checksum;
 *  - an empty appearance for every signature widget (every annotation needs one, unsigned fields
 *    too), the print flag on every annotation, and a file identifier (/ID) in the trailer.
 * Chromium already embeds every font (TrueType subsets as CIDFontType2, Identity-H), writes no
 * JavaScript, encryption or LZW. What this relies on is checked with qpdf in tests/e2e/signature-copy.test.ts.
 *
 * Also recorded: the SHA-256 of each page's decoded content (`MinutaPageDigests`), so that verify can
 * name a page whose drawing was changed after export.
 */

/** Where Debian's icc-profiles-free puts sRGB (scripts/setup.sh installs it); MINUTA_ICC_PROFILE overrides. */
export const DEFAULT_ICC_PROFILE = '/usr/share/color/icc/sRGB.icc';

/** The name the record has inside the PDF, as `pdfdetach -list` shows it. */
export const RECORD_FILE_NAME = 'minutes.minuta.json';

/** Info entries a signature copy adds, read back by verify (src/main/copies/verifyCopy.ts). */
export const COPY_INFO_KEYS = {
  meetingId: 'MinutaMeetingId',
  revisionId: 'MinutaRevision',
  versionName: 'MinutaVersion',
  state: 'MinutaState',
  auditHead: 'MinutaAuditHead',
  pageDigests: 'MinutaPageDigests',
  fingerprint: 'MinutaFingerprint',
} as const;

export interface PdfACopy {
  /** The record's bytes (UTF-8 JSON), embedded as they are. */
  record: Uint8Array;
  /** The export time: the record's dates, and the Info and XMP dates. */
  now: Date;
  /** More Info entries (text). */
  info: Record<string, string>;
  /** An sRGB ICC profile; read from MINUTA_ICC_PROFILE or DEFAULT_ICC_PROFILE when absent. */
  iccProfile?: Uint8Array;
}

export function loadIccProfile(env: Readonly<Record<string, string | undefined>> = process.env): Uint8Array {
  const path = env['MINUTA_ICC_PROFILE'] ?? DEFAULT_ICC_PROFILE;
  try {
    const bytes = new Uint8Array(readFileSync(path));
    // An ICC profile says 'acsp' at offset 36 and its colour space at 16 ('RGB ').
    const tag = (at: number) => Buffer.from(bytes.subarray(at, at + 4)).toString('latin1');
    if (bytes.byteLength < 128 || tag(36) !== 'acsp' || tag(16) !== 'RGB ') throw new MinutaError('invalid', `${path} is not an RGB ICC profile`);
    return bytes;
  } catch (error) {
    if (error instanceof MinutaError) throw error;
    throw new MinutaError(
      'unavailable',
      `No sRGB colour profile for PDF/A at ${path}: install Debian's icc-profiles-free (apt-get install icc-profiles-free) or set MINUTA_ICC_PROFILE`,
    );
  }
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

/** A stream of binary data kept ASCII (what an incremental update of ours writes): deflated, then hex. */
function binaryStream(dict: string, data: Uint8Array): string {
  return streamBody(`${dict} /Filter [/ASCIIHexDecode /FlateDecode]`, `${hex(deflateSync(data, { level: 9 }))}>`);
}

/** XML text: markup escaped, everything outside ASCII as a character reference (the update is ASCII). */
function xml(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) out += ' ';
    else if (c > 0x7e) out += `&#x${c.toString(16).toUpperCase()};`;
    else out += ch;
  }
  return out;
}

/** 2026-11-30T19:20:00+00:00: the XMP form of pdfDateString's D:20261130192000+00'00'. */
function xmpDate(d: Date): string {
  return `${d.toISOString().slice(0, 19)}+00:00`;
}

interface DocInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
}

function xmpPacket(info: DocInfo, now: Date): string {
  const alt = (s: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(s)}</rdf:li></rdf:Alt>`;
  const lines = [
    // begin="" (UTF-8) instead of the byte order mark: the packet stays ASCII; PDF/A forbids bytes= and encoding=.
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    '<pdfaid:part>3</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    ...(info.title !== undefined ? [`<dc:title>${alt(info.title)}</dc:title>`] : []),
    ...(info.author !== undefined ? [`<dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>`] : []),
    ...(info.subject !== undefined ? [`<dc:description>${alt(info.subject)}</dc:description>`] : []),
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    ...(info.creator !== undefined ? [`<xmp:CreatorTool>${xml(info.creator)}</xmp:CreatorTool>`] : []),
    `<xmp:CreateDate>${xmpDate(now)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(now)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(now)}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    ...(info.producer !== undefined ? [`<pdf:Producer>${xml(info.producer)}</pdf:Producer>`] : []),
    ...(info.keywords !== undefined ? [`<pdf:Keywords>${xml(info.keywords)}</pdf:Keywords>`] : []),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
  ];
  // Padding lets a later tool rewrite the packet in place, as XMP recommends.
  return `${lines.join('\n')}\n${' '.repeat(1024)}\n<?xpacket end="w"?>`;
}

/** The decoded bytes of a stream (FlateDecode and ASCIIHexDecode, the filters Chromium and we write). */
export function decodeStream(file: PdfFile, dict: PdfDict, raw: string): Uint8Array {
  const filter = file.resolve(dict.get('Filter'));
  const filters = filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
  let data: Uint8Array = Buffer.from(raw, 'latin1');
  for (const f of filters) {
    if (isName(f, 'FlateDecode')) data = inflateSync(data);
    else if (isName(f, 'ASCIIHexDecode')) {
      const text = Buffer.from(data).toString('latin1');
      const end = text.indexOf('>');
      const digits = (end < 0 ? text : text.slice(0, end)).replace(/\s+/g, '');
      data = Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex');
    } else throw new MinutaError('invalid', `The PDF uses a stream filter Minuta does not read (${isName(f) ? f.name : 'unknown'})`);
  }
  return data;
}

/** SHA-256 (hex) of each page's content, decoded, in page order: what a change to a page's drawing changes. */
export function pageContentDigests(file: PdfFile, pages: readonly number[]): string[] {
  return pages.map((num) => {
    const page = file.dict(new PdfRef(num, 0));
    const contents = file.resolve(page?.get('Contents'));
    const refs = Array.isArray(contents) ? contents : [page?.get('Contents')];
    const hash = createHash('sha256');
    for (const ref of refs) {
      if (!(ref instanceof PdfRef)) continue;
      const o = file.object(ref.num);
      if (!o || !isDict(o.value) || o.stream === undefined) continue;
      try {
        hash.update(decodeStream(file, o.value, o.stream));
      } catch {
        // A stream that no longer decodes is content that changed: hash its raw bytes instead.
        hash.update(Buffer.from(o.stream, 'latin1'));
      }
    }
    return hash.digest('hex');
  });
}

/** Makes a finished signature copy PDF/A-3b with its record embedded (see above). */
export function makePdfA(pdf: Uint8Array, copy: PdfACopy): Uint8Array {
  const file = PdfFile.read(pdf);
  const rootRef = file.trailer.get('Root');
  const infoRef = file.trailer.get('Info');
  const catalog = file.dict(rootRef);
  const size = file.trailer.get('Size');
  if (!(rootRef instanceof PdfRef) || !catalog || typeof size !== 'number') throw new MinutaError('internal', 'The printed PDF has no catalog');
  const oldInfo = file.dict(infoRef) ?? new Map<string, PdfValue>();
  let next = size;
  const alloc = () => next++;
  const objects: UpdateObject[] = [];

  // The output intent and its profile.
  const icc = copy.iccProfile ?? loadIccProfile();
  const iccNum = alloc();
  objects.push({ num: iccNum, body: binaryStream('/N 3', icc) });
  const intentNum = alloc();
  objects.push({
    num: intentNum,
    body: `<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /DestOutputProfile ${iccNum} 0 R>>`,
  });

  // The record, as an associated file.
  const date = serialize(pdfDateString(copy.now));
  const md5 = createHash('md5').update(copy.record).digest('hex').toUpperCase();
  const fileNum = alloc();
  objects.push({
    num: fileNum,
    body: binaryStream(`/Type /EmbeddedFile /Subtype /application#2Fjson /Params <</Size ${copy.record.byteLength} /CreationDate ${date} /ModDate ${date} /CheckSum <${md5}>>>`, copy.record),
  });
  const specNum = alloc();
  const name = serialize(new PdfString(RECORD_FILE_NAME));
  objects.push({
    num: specNum,
    body: `<</Type /Filespec /F ${name} /UF ${serialize(textString(RECORD_FILE_NAME))} /Desc ${serialize(textString('The minutes of this version as recorded (a Minuta minutes file); its SHA-256 is the fingerprint printed on every page'))} /AFRelationship /Source /EF <</F ${fileNum} 0 R /UF ${fileNum} 0 R>>>>`,
  });

  // Document information, and the same in XMP.
  const text = (key: string) => textOf(oldInfo.get(key));
  const docInfo: DocInfo = {};
  for (const [key, field] of [['Title', 'title'], ['Author', 'author'], ['Subject', 'subject'], ['Keywords', 'keywords'], ['Creator', 'creator'], ['Producer', 'producer']] as const) {
    const v = text(key);
    if (v !== undefined) docInfo[field] = v;
  }
  const metaNum = alloc();
  const packet = xmpPacket(docInfo, copy.now);
  objects.push({ num: metaNum, body: streamBody('/Type /Metadata /Subtype /XML', packet) });

  const info = new Map<string, PdfValue>(oldInfo);
  info.set('CreationDate', pdfDateString(copy.now));
  info.set('ModDate', pdfDateString(copy.now));
  for (const [k, v] of Object.entries(copy.info)) info.set(k, textString(v));
  info.set(COPY_INFO_KEYS.pageDigests, textString(pageContentDigests(file, pageOrder(file)).join(',')));
  const infoNum = infoRef instanceof PdfRef ? infoRef.num : alloc();
  objects.push({ num: infoNum, body: serialize(info) });

  // Every annotation printable, every widget with an appearance (an empty one until it is signed).
  for (const pageNum of pageOrder(file)) {
    const annots = file.resolve(file.dict(new PdfRef(pageNum, 0))?.get('Annots'));
    if (!Array.isArray(annots)) continue;
    for (const ref of annots) {
      if (!(ref instanceof PdfRef)) continue;
      const annot = file.dict(ref);
      if (!annot) continue;
      const flags = file.resolve(annot.get('F'));
      const printable = typeof flags === 'number' && (flags & 4) !== 0 && (flags & 0b100011) === 0;
      const needsAppearance = isName(annot.get('Subtype'), 'Widget') && !annot.has('AP');
      if (printable && !needsAppearance) continue;
      const updated = new Map(annot);
      if (!printable) updated.set('F', ((typeof flags === 'number' ? flags : 0) & ~0b100011) | 4);
      if (needsAppearance) {
        const rect = file.resolve(annot.get('Rect'));
        const [x1, y1, x2, y2] = Array.isArray(rect) && rect.every((n) => typeof n === 'number') ? (rect as number[]) : [0, 0, 0, 0];
        const apNum = alloc();
        objects.push({ num: apNum, body: streamBody(`/Type /XObject /Subtype /Form /BBox [0 0 ${Math.abs(x2! - x1!).toFixed(2)} ${Math.abs(y2! - y1!).toFixed(2)}] /Resources <<>>`, '') });
        updated.set('AP', new Map<string, PdfValue>([['N', new PdfRef(apNum, 0)]]));
      }
      objects.push({ num: ref.num, body: serialize(updated) });
    }
  }

  // The catalog: metadata, output intent, the associated file (merged into a name tree already there).
  const cat = new Map(catalog);
  cat.set('Metadata', new PdfRef(metaNum, 0));
  cat.set('OutputIntents', [new PdfRef(intentNum, 0)]);
  const af = file.resolve(catalog.get('AF'));
  cat.set('AF', [...(Array.isArray(af) ? af : []), new PdfRef(specNum, 0)]);
  const names = new Map(file.dict(catalog.get('Names')) ?? []);
  if (names.has('EmbeddedFiles')) throw new MinutaError('internal', 'The printed PDF already embeds files');
  names.set('EmbeddedFiles', new Map<string, PdfValue>([['Names', [new PdfString(RECORD_FILE_NAME), new PdfRef(specNum, 0)]]]));
  cat.set('Names', names);
  objects.push({ num: rootRef.num, body: serialize(cat) });

  const id = createHash('md5').update(pdf).update(copy.record).digest('hex').toUpperCase();
  const update = buildUpdate(file, objects, next, id);
  const tail = Buffer.from(update.text, 'latin1');
  const out = new Uint8Array(pdf.byteLength + tail.byteLength);
  out.set(pdf, 0);
  out.set(tail, pdf.byteLength);
  return out;
}
