import { createHash } from 'node:crypto';
import { MinutaError, excerpt, listProblems } from '../../shared/errors';
import { signatureAppearance } from './appearance';
import type { CertificateSummary } from './certificates';
import { buildCadesSignature } from './cms';
import type { SigningCredentials } from './credentials';
import { PdfFile } from './pdf/file';
import { isSigned, pageOrder, signatureFields, type SignatureField } from './pdf/fields';
import { PdfRef, isName, pdfDateString, serialize, textString, type PdfDict } from './pdf/syntax';
import { buildUpdate, streamBody, type UpdateObject } from './pdf/update';

/**
 * Signing one empty signature field of a Minuta signature copy, as an incremental update (PAdES
 * baseline B-B, /SubFilter /ETSI.CAdES.detached):
 *  1. append the signature dictionary (a fixed-size hex /Contents placeholder and a fixed-width
 *     /ByteRange), the appearance of the box, the widget's new revision (/V, /AP) and the AcroForm's
 *     (/SigFlags 3: signatures exist, append only);
 *  2. set /ByteRange to everything but the placeholder, hash those bytes, build the CMS signature;
 *  3. write the signature's hex into the placeholder. Nothing before the update changes.
 */

/** Bytes reserved for the CMS signature: room for a 4096-bit RSA signer with a three-certificate chain. */
export const SIGNATURE_SPACE = 16_384;
const BYTE_RANGE_WIDTH = 10;

export interface SignOptions {
  field: string;
  credentials: SigningCredentials;
  /** The claimed signing time (/M); now by default. */
  now?: Date;
  reason?: string;
  location?: string;
  /**
   * Certify instead of only signing (DocMDP permissions: 1 no change at all, 2 filling in and signing
   * fields, 3 also annotations). Must come first. When `field` names no existing field, an invisible
   * certification field of that name is made.
   */
  certify?: 1 | 2 | 3;
}

/** Who signed what: enough for the audit log and for attaching the signed copy to the record. */
export interface SignedField {
  field: string;
  /** 0-based page of the box. */
  page: number | undefined;
  signer: CertificateSummary;
  signedAt: Date;
  /** SHA-256 (hex) of the bytes the signature covers. */
  signedBytesDigest: string;
  /** The certificate name was not Latin: the box shows a Latin substitute (see appearance.ts). */
  appearanceNameSubstituted: boolean;
  /** DocMDP level, for a certification. */
  certification?: 1 | 2 | 3;
}

export interface SignResult {
  bytes: Uint8Array;
  signed: SignedField;
}

/** Refuses a PDF that is not a Minuta signature copy; returns its signature fields. */
export function minutaSignatureFields(file: PdfFile): SignatureField[] {
  const info = file.dict(file.trailer.get('Info'));
  const fields = signatureFields(file);
  if (fields.length === 0 || !info?.has('MinutaFingerprint')) {
    throw new MinutaError('invalid', 'This PDF is not a Minuta signature copy: it has no signature fields made by Minuta');
  }
  return fields;
}

function findField(file: PdfFile, fields: SignatureField[], name: string): SignatureField {
  const field = fields.find((f) => f.name === name);
  if (!field) {
    throw new MinutaError('not-found', `No signature field "${excerpt(name, 80)}"; the fields are: ${listProblems(fields.map((f) => `"${f.name}"`), 12)}`, 'field');
  }
  if (isSigned(field, file)) {
    throw new MinutaError('conflict', `The field "${field.name}" is already signed`, 'field');
  }
  return field;
}

/** DocMDP level 1 (no changes at all) after a certification forbids even signing. */
function refuseIfCertifiedNoChanges(file: PdfFile): void {
  const root = file.dict(file.trailer.get('Root'));
  const perms = file.dict(root?.get('Perms'));
  const sig = file.dict(perms?.get('DocMDP'));
  const refs = file.resolve(sig?.get('Reference'));
  if (!Array.isArray(refs)) return;
  for (const r of refs) {
    const ref = file.dict(r);
    const params = file.dict(ref?.get('TransformParams'));
    if (isName(ref?.get('TransformMethod'), 'DocMDP') && params?.get('P') === 1) {
      throw new MinutaError('forbidden', 'This document was certified with "no changes allowed": it cannot be signed');
    }
  }
}

/** A certification comes first: refuses it once anything is signed or certified. */
function refuseLateCertification(file: PdfFile, fields: SignatureField[]): void {
  const signed = fields.filter((f) => isSigned(f, file));
  if (signed.length > 0) {
    throw new MinutaError('conflict', `A certification must come before every other signature; already signed: ${listProblems(signed.map((f) => `"${f.name}"`))}`);
  }
  if (file.dict(file.dict(file.trailer.get('Root'))?.get('Perms'))?.has('DocMDP')) throw new MinutaError('conflict', 'This document is already certified');
}

export function signPdf(pdf: Uint8Array, options: SignOptions): SignResult {
  const now = options.now ?? new Date();
  const file = PdfFile.read(pdf);
  const fields = minutaSignatureFields(file);
  const certify = options.certify;
  if (certify !== undefined) refuseLateCertification(file, fields);
  // A certification may use a field of its own, made here and invisible; a signature only an existing one.
  const existing = certify !== undefined && !fields.some((f) => f.name === options.field) ? undefined : findField(file, fields, options.field);
  refuseIfCertifiedNoChanges(file);
  const creds = options.credentials;

  const size = file.trailer.get('Size');
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw new MinutaError('corrupt', 'The PDF trailer has no valid /Size');
  let next = size;
  const sigNum = next++;
  const objects: UpdateObject[] = [];
  const rootRef = file.trailer.get('Root');
  const root = file.dict(rootRef);
  const acroRef = root?.get('AcroForm');
  const acroForm = file.dict(acroRef);
  if (!root || !acroForm || !(rootRef instanceof PdfRef)) throw new MinutaError('corrupt', 'The PDF has no readable catalog or form');
  const updatedForm: PdfDict = new Map(acroForm);
  const updatedRoot: PdfDict = new Map(root);

  // 1. The signature dictionary, with placeholders at fixed widths.
  const placeholderRange = `[0 ${'0'.padEnd(BYTE_RANGE_WIDTH)} ${'0'.padEnd(BYTE_RANGE_WIDTH)} ${'0'.padEnd(BYTE_RANGE_WIDTH)}]`;
  const contentsPlaceholder = `<${'0'.repeat(SIGNATURE_SPACE * 2)}>`;
  const sigEntries: string[] = [
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    `/ByteRange ${placeholderRange}`,
    `/Contents ${contentsPlaceholder}`,
    `/M ${serialize(pdfDateString(now))}`,
    `/Name ${serialize(textString(creds.summary.commonName))}`,
  ];
  if (options.reason) sigEntries.push(`/Reason ${serialize(textString(options.reason))}`);
  if (options.location) sigEntries.push(`/Location ${serialize(textString(options.location))}`);
  if (certify !== undefined) {
    // DocMDP (ISO 32000-1, 12.8.2.2): the catalog's /Perms names this signature, and P says what may follow.
    sigEntries.push(`/Reference [<</Type /SigRef /TransformMethod /DocMDP /TransformParams <</Type /TransformParams /P ${certify} /V /1.2>>>>]`);
    updatedRoot.set('Perms', new Map([['DocMDP', new PdfRef(sigNum, 0)]]));
  }
  sigEntries.push('/Prop_Build <</App <</Name /Minuta>>>>');
  objects.push({ num: sigNum, body: `<<${sigEntries.join('\n')}>>` });

  let field: { name: string; page: number | undefined; substituted: boolean };
  if (existing) {
    // 2. The appearance of the box and its fonts.
    const apNum = next++;
    const regularNum = next++;
    const boldNum = next++;
    const [x1, y1, x2, y2] = existing.rect;
    const appearance = signatureAppearance(creds.summary, now, x2 - x1, y2 - y1);
    objects.push({
      num: apNum,
      body: streamBody(
        `/Type /XObject /Subtype /Form /BBox [0 0 ${serialize(x2 - x1)} ${serialize(y2 - y1)}] /Resources <</Font <</F1 ${regularNum} 0 R /F2 ${boldNum} 0 R>>>>`,
        appearance.content,
      ),
    });
    objects.push({ num: regularNum, body: '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>' });
    objects.push({ num: boldNum, body: '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding>>' });

    // 3. The field (and its widget, when separate) point at the signature and the appearance.
    const fieldDict: PdfDict = new Map(existing.field);
    fieldDict.set('V', new PdfRef(sigNum, 0));
    const ap: PdfDict = new Map([['N', new PdfRef(apNum, 0)]]);
    if (existing.widgetRef.num === existing.fieldRef.num) {
      fieldDict.set('AP', ap);
    } else {
      const widget: PdfDict = new Map(existing.widget);
      widget.set('AP', ap);
      objects.push({ num: existing.widgetRef.num, body: serialize(widget) });
    }
    objects.push({ num: existing.fieldRef.num, body: serialize(fieldDict) });
    field = { name: existing.name, page: existing.page, substituted: appearance.nameSubstituted };
  } else {
    // An invisible certification field on the first page (zero box, printed nowhere, locked).
    const fieldNum = next++;
    const pages = pageOrder(file);
    const pageNum = pages[0];
    const page = pageNum === undefined ? undefined : file.dict(new PdfRef(pageNum, 0));
    if (pageNum === undefined || !page) throw new MinutaError('corrupt', 'The PDF has no readable first page');
    objects.push({
      num: fieldNum,
      body: `<</Type /Annot /Subtype /Widget /FT /Sig /T ${serialize(textString(options.field))} /F 132 /Rect [0 0 0 0] /P ${pageNum} 0 R /V ${sigNum} 0 R>>`,
    });
    const fieldList = file.resolve(acroForm.get('Fields'));
    updatedForm.set('Fields', [...(Array.isArray(fieldList) ? fieldList : []), new PdfRef(fieldNum, 0)]);
    const annots = page.get('Annots');
    const annotList = file.resolve(annots);
    const newAnnots = [...(Array.isArray(annotList) ? annotList : []), new PdfRef(fieldNum, 0)];
    if (annots instanceof PdfRef) objects.push({ num: annots.num, body: serialize(newAnnots) });
    else {
      const updatedPage: PdfDict = new Map(page);
      updatedPage.set('Annots', newAnnots);
      objects.push({ num: pageNum, body: serialize(updatedPage) });
    }
    field = { name: options.field, page: 0, substituted: false };
  }

  // 4. The AcroForm: signatures exist, and the file must only be appended to (SigFlags 1 | 2).
  updatedForm.set('SigFlags', 3);
  if (acroRef instanceof PdfRef) {
    if (serialize(updatedForm) !== serialize(acroForm)) objects.push({ num: acroRef.num, body: serialize(updatedForm) });
  } else updatedRoot.set('AcroForm', updatedForm);
  if (serialize(updatedRoot) !== serialize(root)) objects.push({ num: rootRef.num, body: serialize(updatedRoot) });
  const newSize = next;

  // 5. Append, fill in /ByteRange, hash, sign, fill in /Contents.
  const update = buildUpdate(file, objects, newSize);
  const enc = new TextEncoder();
  const tail = enc.encode(update.text);
  const bytes = new Uint8Array(pdf.byteLength + tail.byteLength);
  bytes.set(pdf, 0);
  bytes.set(tail, pdf.byteLength);

  const sigAt = update.offsets.get(sigNum)!;
  const sigText = update.text.slice(sigAt - pdf.byteLength);
  const contentsStart = sigAt + sigText.indexOf(contentsPlaceholder);
  const contentsEnd = contentsStart + contentsPlaceholder.length;
  const rangeAt = sigAt + sigText.indexOf(placeholderRange);
  const range = [0, contentsStart, contentsEnd, bytes.byteLength - contentsEnd];
  const rangeText = `[${range.map((n, i) => (i === 0 ? String(n) : String(n).padEnd(BYTE_RANGE_WIDTH))).join(' ')}]`;
  if (rangeText.length !== placeholderRange.length) throw new MinutaError('invalid', 'The PDF is too large to sign (over 9 GB)');
  bytes.set(enc.encode(rangeText), rangeAt);

  const digest = createHash('sha256').update(bytes.subarray(0, contentsStart)).update(bytes.subarray(contentsEnd)).digest();
  const cms = buildCadesSignature(digest, creds);
  if (cms.byteLength > SIGNATURE_SPACE) throw new MinutaError('internal', `The signature (${cms.byteLength} bytes) does not fit the ${SIGNATURE_SPACE} bytes reserved for it`);
  bytes.set(enc.encode(Buffer.from(cms).toString('hex').toUpperCase()), contentsStart + 1);

  return {
    bytes,
    signed: {
      field: field.name,
      page: field.page,
      signer: creds.summary,
      signedAt: now,
      signedBytesDigest: digest.toString('hex'),
      appearanceNameSubstituted: field.substituted,
      ...(certify !== undefined ? { certification: certify } : {}),
    },
  };
}
