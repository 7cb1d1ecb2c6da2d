import type * as pkijs from 'pkijs';
import { laterChanges, type LaterChange } from './changes';
import { certificateSummary, type CertificateSummary } from './certificates';
import { checkCmsSignature } from './cms';
import { PdfFile } from './pdf/file';
import { signatureFields, textOf, type SignatureField } from './pdf/fields';
import { PdfString, isName, parsePdfDate, type PdfDict } from './pdf/syntax';
import { checkChain, type ChainCheck } from './trust';

/**
 * Verifying every signature field of a PDF the way a validator would: for each signed field, are the
 * signed bytes intact (message digest, CMS signature), what do they cover (the whole file, or an
 * earlier revision followed by appended ones), what did the later revisions change, and — when the
 * user gave trust anchors — does the signer's certificate chain up to one of them.
 */

export interface SignatureReport {
  field: string;
  /** 1-based page of the box. */
  page: number | undefined;
  signed: boolean;
  signer?: CertificateSummary;
  /** The claimed signing time (/M); B-B signatures have no trusted time. */
  signingTime?: Date;
  subFilter?: string;
  digestAlgorithm?: string;
  byteRange?: number[];
  /** The signed bytes are unchanged and the CMS signature verifies. */
  intact: boolean;
  /** The signature covers the file to its last byte. */
  coversWholeDocument: boolean;
  /** Revisions appended after this signature, and what they changed. */
  laterChanges: LaterChange[];
  /** Present when trust anchors were given. */
  chain?: ChainCheck;
  /** DocMDP permissions, when this is a certification signature (1: no changes, 2: form filling and signing, 3: also annotations). */
  certification?: number;
  /** intact, no disallowed later change, and (with trust anchors) a trusted chain. */
  valid: boolean;
  /** Every reason it is not valid, in words. */
  problems: string[];
}

export interface VerifyReport {
  signatures: SignatureReport[];
  /** Every signed field is valid (unsigned fields do not count). */
  allSignedValid: boolean;
}

export interface VerifyOptions {
  /** CA certificates the user trusts; without them the chain is not checked. */
  trustAnchors?: pkijs.Certificate[];
  /** When chains are checked; now by default. */
  at?: Date;
}

function docMdpLevel(file: PdfFile, sig: PdfDict): number | undefined {
  const refs = file.resolve(sig.get('Reference'));
  if (!Array.isArray(refs)) return undefined;
  for (const r of refs) {
    const ref = file.dict(r);
    if (!isName(ref?.get('TransformMethod'), 'DocMDP')) continue;
    const p = file.dict(ref?.get('TransformParams'))?.get('P');
    return typeof p === 'number' ? p : 2;
  }
  return undefined;
}

async function verifyField(file: PdfFile, field: SignatureField, options: VerifyOptions): Promise<SignatureReport> {
  const report: SignatureReport = {
    field: field.name,
    page: field.page === undefined ? undefined : field.page + 1,
    signed: false,
    intact: false,
    coversWholeDocument: false,
    laterChanges: [],
    valid: false,
    problems: [],
  };
  const sig = file.dict(field.field.get('V'));
  if (!sig) return report;
  report.signed = true;
  const problem = (p: string) => report.problems.push(p);
  const sub = sig.get('SubFilter');
  report.subFilter = isName(sub) ? sub.name : undefined;
  const m = textOf(sig.get('M'));
  if (m) report.signingTime = parsePdfDate(m);
  report.certification = docMdpLevel(file, sig);

  const range = file.resolve(sig.get('ByteRange'));
  const contents = sig.get('Contents');
  const size = file.bytes.byteLength;
  if (!Array.isArray(range) || range.length !== 4 || !range.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0) || !(contents instanceof PdfString)) {
    problem('the signature has no valid /ByteRange or /Contents');
    return report;
  }
  const [a, b, c, d] = range as [number, number, number, number];
  report.byteRange = [a, b, c, d];
  const end = c + d;
  // The gap must be exactly one hex string (the /Contents), and the signed part must end a revision.
  const gapOk = a === 0 && b > 0 && c > b && end <= size && file.text[b] === '<' && file.text[c - 1] === '>' && /^[0-9A-Fa-f\s]*$/.test(file.text.slice(b + 1, c - 1));
  const endsRevision = /%%EOF\s*$/.test(file.text.slice(Math.max(0, end - 16), end));
  if (!gapOk || !endsRevision) {
    problem('the /ByteRange does not describe this file (the signed ranges are not the document around one /Contents)');
    return report;
  }
  report.coversWholeDocument = end === size || /^\s*$/.test(file.text.slice(end));

  const signedParts = [file.bytes.subarray(0, b), file.bytes.subarray(c, end)];
  const der = new Uint8Array(Buffer.from(contents.bytes, 'latin1'));
  const cms = checkCmsSignature(trimDer(der), signedParts);
  report.digestAlgorithm = cms.digestAlgorithm;
  if (cms.signer) report.signer = certificateSummary(cms.signer);
  report.intact = cms.digestMatches && cms.signatureValid && cms.signingCertificateMatches !== false;
  if (cms.problem) problem(cms.problem);

  // The revision this signature closes: the sections that start before the end of its signed bytes.
  const signedSections = file.sections.filter((s) => s.offset < end).length;
  if (!report.coversWholeDocument && signedSections > 0) {
    report.laterChanges = laterChanges(file, signedSections);
    // A certification sets the rule for what may follow it: nothing (1), or annotations too (3).
    if (report.certification === 1) report.laterChanges = report.laterChanges.map((ch) => ({ ...ch, allowed: false }));
    if (report.certification === 3) report.laterChanges = report.laterChanges.map((ch) => (ch.kind === 'annotation' ? { ...ch, allowed: true } : ch));
    for (const ch of report.laterChanges) if (!ch.allowed) problem(`changed after signing: ${ch.description}`);
  }
  if (options.trustAnchors && cms.signer) {
    report.chain = await checkChain(cms.signer, cms.certificates, options.trustAnchors, options.at ?? new Date());
    if (!report.chain.trusted) problem(`the signer's certificate is not trusted: ${report.chain.problem ?? 'no path to a trust anchor'}`);
  }
  report.valid = report.problems.length === 0;
  return report;
}

/** The /Contents placeholder is zero-padded after the DER: keep only the DER's own length. */
function trimDer(der: Uint8Array): Uint8Array {
  if (der[0] !== 0x30) return der;
  const l = der[1] ?? 0;
  if (l < 0x80) return der.subarray(0, 2 + l);
  const n = l & 0x7f;
  if (n < 1 || n > 4) return der;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (der[2 + i] ?? 0);
  return der.subarray(0, Math.min(der.length, 2 + n + len));
}

/** Lists and checks every signature field. Throws a MinutaError only when the file cannot be read at all. */
export async function verifySignatures(pdf: Uint8Array, options: VerifyOptions = {}): Promise<VerifyReport> {
  const file = PdfFile.read(pdf);
  const fields = signatureFields(file);
  const signatures: SignatureReport[] = [];
  for (const f of fields) signatures.push(await verifyField(file, f, options));
  return { signatures, allSignedValid: signatures.every((s) => !s.signed || s.valid) };
}
