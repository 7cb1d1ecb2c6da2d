import { unzipSync, strFromU8 } from 'fflate';
import { canonicalJson } from '../../shared/canonicalJson';
import { MinutaError, excerpt, listProblems } from '../../shared/errors';
import { fingerprint, layoutMeeting, recordJson, sha256Hex, shortFingerprint } from '../../shared/format';
import { parseInterchange, type Meeting } from '../../shared/minutes';
import { renderDocx } from '../export/docx/render';
import { COPY_INFO_KEYS, RECORD_FILE_NAME, decodeStream, pageContentDigests } from '../export/pdf/pdfa';
import { PdfFile } from '../signoff/pdf/file';
import { pageOrder, textOf } from '../signoff/pdf/fields';
import { PdfRef, PdfString, isDict, type PdfDict } from '../signoff/pdf/syntax';
import { verifySignatures, type SignatureReport, type VerifyOptions } from '../signoff/verify';
import { pdftotextPages, type PageTextReader } from './pageText';

/**
 * Verifying a copy (issue 13, point 5): a PDF or DOCX signature copy of ours, signed or not, is
 * checked against itself and against the record in the database, and the answer is one report:
 * which meeting and version it is, whether it matches the record (and if not, what differs), whether
 * the record changed since (newer revisions), whether the version is sealed, and its signatures.
 *
 * A PDF copy matches when: its embedded record's SHA-256 is the fingerprint in its metadata; every
 * page prints that fingerprint (as pdftotext reads it); every page's drawing is what was exported
 * (the page digests recorded at export); the embedded record equals the stored revision after
 * canonicalisation; and every signature made on it is valid. A DOCX copy: its custom properties'
 * fingerprint is the stored revision's, its footer prints it, and its text is the text the stored
 * revision renders to.
 */

/** A copy larger than this is not one of ours (a 200-page signature copy is about 4 MB). */
export const MAX_COPY_BYTES = 256 * 1024 * 1024;
/** The parts of a DOCX read, each at most this large once inflated (a zip bomb is refused). */
const MAX_DOCX_PART = 64 * 1024 * 1024;

export interface RecordSource {
  /** The stored document of that revision; undefined when the meeting or the revision is not there. */
  revision(meetingId: string, revisionId: number): Meeting | undefined;
  /** Revision ids of the meeting, oldest first; empty when the meeting is not there. */
  revisionIds(meetingId: string): number[];
  /** The workflow state of the meeting ('sealed', …) when the workflow records one. */
  state(meetingId: string): string | undefined;
}

export interface CopyCheck {
  /** What was compared. */
  name: 'embedded record' | 'fingerprint' | 'printed fingerprint' | 'page content' | 'stored record' | 'text' | 'signatures';
  /** undefined: could not be checked here (named in detail). */
  ok: boolean | undefined;
  detail: string;
}

export interface CopyReport {
  kind: 'pdf' | 'docx';
  meetingId?: string;
  title?: string;
  versionName?: string;
  revisionId?: number;
  /** The state the copy says its version was in when it was made. */
  copyState?: string;
  /** The fingerprint the copy names (metadata / properties). */
  fingerprint?: string;
  /** Every check passed (unchecked ones aside) and the record was found. */
  matches: boolean;
  /** What differs, in words; empty when it matches. */
  differences: string[];
  checks: CopyCheck[];
  record: {
    found: boolean;
    /** Revisions saved after the copy's one. */
    newerRevisions: number;
    latestRevisionId?: number;
    sealed: boolean;
    state?: string;
  };
  signatures: SignatureReport[];
}

export interface VerifyCopyOptions {
  pageText?: PageTextReader;
  /** CA certificates the user trusts (settings, or `--trust`): signers' chains are checked against them. */
  trustAnchors?: VerifyOptions['trustAnchors'];
}

const notOurs = (what: string) => new MinutaError('invalid', `This is not a Minuta signature copy: ${what}`);

/** Verifies one copy; throws `invalid`/`corrupt` only when the file cannot be read as a copy at all. */
export async function verifyCopy(bytes: Uint8Array, source: RecordSource, options: VerifyCopyOptions = {}): Promise<CopyReport> {
  if (bytes.byteLength > MAX_COPY_BYTES) throw new MinutaError('invalid', `The file is larger than ${MAX_COPY_BYTES / 1024 / 1024} MB: not a signature copy`);
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head === '%PDF-') return verifyPdf(bytes, source, options);
  if (head.startsWith('PK\x03\x04')) return verifyDocx(bytes, source);
  throw new MinutaError('invalid', 'This is neither a PDF nor a Word document');
}

interface Identity {
  meetingId?: string;
  revisionId?: number;
  versionName?: string;
  copyState?: string;
  fingerprint?: string;
}

function newReport(kind: CopyReport['kind'], id: Identity): CopyReport {
  return {
    kind,
    ...(id.meetingId !== undefined ? { meetingId: id.meetingId } : {}),
    ...(id.versionName !== undefined ? { versionName: id.versionName } : {}),
    ...(id.revisionId !== undefined ? { revisionId: id.revisionId } : {}),
    ...(id.copyState !== undefined ? { copyState: id.copyState } : {}),
    ...(id.fingerprint !== undefined ? { fingerprint: id.fingerprint } : {}),
    matches: false,
    differences: [],
    checks: [],
    record: { found: false, newerRevisions: 0, sealed: false },
    signatures: [],
  };
}

function check(report: CopyReport, name: CopyCheck['name'], ok: boolean | undefined, detail: string): void {
  report.checks.push({ name, ok, detail });
  if (ok === false) report.differences.push(detail);
}

/** The record as the database has it: found, newer revisions, sealed; and the stored document. */
function lookUp(report: CopyReport, source: RecordSource): Meeting | undefined {
  const { meetingId, revisionId } = report;
  if (meetingId === undefined || revisionId === undefined) return undefined;
  const ids = source.revisionIds(meetingId);
  const stored = ids.includes(revisionId) ? source.revision(meetingId, revisionId) : undefined;
  const state = ids.length > 0 ? source.state(meetingId) : undefined;
  report.record = {
    found: stored !== undefined,
    newerRevisions: ids.filter((id) => id > revisionId).length,
    ...(ids.length > 0 ? { latestRevisionId: ids[ids.length - 1]! } : {}),
    sealed: state === 'sealed',
    ...(state !== undefined ? { state } : {}),
  };
  if (!stored) {
    const where = ids.length === 0 ? `meeting ${excerpt(meetingId, 60)} is not in this database` : `revision ${revisionId} of meeting ${excerpt(meetingId, 60)} is not in this database`;
    check(report, 'stored record', false, `the record cannot be compared: ${where}`);
  }
  return stored;
}

/** The first path where two JSON values differ ("meeting.body[3].text[0].text"), for the report. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (canonicalJson(a) === canonicalJson(b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const sub = Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], sub);
      if (d !== undefined) return d;
    }
  }
  return path || '(the whole record)';
}

// ------------------------------------------------------------------------------------------ PDF

function embeddedRecord(file: PdfFile, catalog: PdfDict): Uint8Array | undefined {
  const names = file.dict(file.dict(catalog.get('Names'))?.get('EmbeddedFiles'));
  const list = file.resolve(names?.get('Names'));
  if (!Array.isArray(list)) return undefined;
  for (let i = 0; i + 1 < list.length; i += 2) {
    const name = list[i];
    if (!(name instanceof PdfString) || name.text() !== RECORD_FILE_NAME) continue;
    const spec = file.dict(list[i + 1]);
    const ef = file.dict(spec?.get('EF'));
    const ref = ef?.get('F');
    if (!(ref instanceof PdfRef)) return undefined;
    const o = file.object(ref.num);
    if (!o || !isDict(o.value) || o.stream === undefined) return undefined;
    try {
      return decodeStream(file, o.value, o.stream);
    } catch {
      return new Uint8Array(); // a stream that no longer decodes: an altered record
    }
  }
  return undefined;
}

const PRINTED_FINGERPRINT = /Fingerprint ((?:[0-9a-f]{4} ){3}[0-9a-f]{4})/;

async function verifyPdf(bytes: Uint8Array, source: RecordSource, options: VerifyCopyOptions): Promise<CopyReport> {
  const file = PdfFile.read(bytes);
  const info = file.dict(file.trailer.get('Info'));
  const catalog = file.dict(file.trailer.get('Root'));
  if (!catalog) throw notOurs('the PDF has no catalog');
  const infoText = (k: string) => textOf(info?.get(k));
  const record = embeddedRecord(file, catalog);
  const metaFingerprint = infoText(COPY_INFO_KEYS.fingerprint);
  if (record === undefined && metaFingerprint === undefined) throw notOurs('it carries neither a record nor a fingerprint');
  const revisionText = infoText(COPY_INFO_KEYS.revisionId);
  const id: Identity = {
    ...(infoText(COPY_INFO_KEYS.meetingId) !== undefined ? { meetingId: infoText(COPY_INFO_KEYS.meetingId)! } : {}),
    ...(revisionText && /^\d{1,15}$/.test(revisionText) ? { revisionId: Number(revisionText) } : {}),
    ...(infoText(COPY_INFO_KEYS.versionName) !== undefined ? { versionName: infoText(COPY_INFO_KEYS.versionName)! } : {}),
    ...(infoText(COPY_INFO_KEYS.state) !== undefined ? { copyState: infoText(COPY_INFO_KEYS.state)! } : {}),
    ...(metaFingerprint !== undefined ? { fingerprint: metaFingerprint } : {}),
  };
  const report = newReport('pdf', id);
  const title = infoText('Title');
  if (title !== undefined) report.title = title;

  // The embedded record, and its SHA-256 against the fingerprint.
  let embedded: Meeting | undefined;
  let recordHash: string | undefined;
  if (record === undefined) check(report, 'embedded record', false, 'the copy carries no embedded record (not a signature copy, or it was removed)');
  else {
    recordHash = await sha256Hex(record);
    const parsed = parseInterchange(new TextDecoder('utf-8', { fatal: false }).decode(record));
    if (!parsed.ok) check(report, 'embedded record', false, `the embedded record is not a valid minutes file: ${listProblems(parsed.errors, 1)}`);
    else {
      embedded = parsed.meeting;
      check(report, 'embedded record', true, `the copy carries the record of meeting ${excerpt(embedded.id, 60)}`);
      if (report.meetingId !== undefined && report.meetingId !== embedded.id) {
        check(report, 'embedded record', false, `the embedded record is of meeting ${excerpt(embedded.id, 60)}, the copy says ${excerpt(report.meetingId, 60)}`);
      }
      report.meetingId ??= embedded.id;
    }
    if (metaFingerprint === undefined) check(report, 'fingerprint', false, 'the copy names no fingerprint in its metadata');
    else if (metaFingerprint !== recordHash) {
      check(report, 'fingerprint', false, `the embedded record's SHA-256 (${recordHash.slice(0, 16)}…) is not the copy's fingerprint (${metaFingerprint.slice(0, 16)}…): the record or the fingerprint was altered`);
    } else check(report, 'fingerprint', true, `the embedded record's SHA-256 is the fingerprint ${recordHash}`);
  }

  // What the pages print.
  const expectedShort = recordHash !== undefined ? shortFingerprint(recordHash) : metaFingerprint !== undefined ? shortFingerprint(metaFingerprint) : undefined;
  const pages = (options.pageText ?? pdftotextPages)(bytes);
  if (pages === undefined) check(report, 'printed fingerprint', undefined, 'page text not checked: pdftotext (poppler-utils) is not installed');
  else if (expectedShort !== undefined) {
    const wrong: string[] = [];
    const order = pageOrder(file);
    if (pages.length !== order.length) wrong.push(`pdftotext read ${pages.length} of ${order.length} pages`);
    pages.forEach((text, i) => {
      const printed = PRINTED_FINGERPRINT.exec(text)?.[1];
      if (printed !== expectedShort) wrong.push(printed ? `page ${i + 1} prints fingerprint ${printed}` : `page ${i + 1} prints no fingerprint`);
    });
    if (wrong.length) check(report, 'printed fingerprint', false, `the printed fingerprint is not the record's (${expectedShort}): ${listProblems(wrong)}`);
    else check(report, 'printed fingerprint', true, `every page prints fingerprint ${expectedShort}`);
  }

  // Each page's drawing, against the digests recorded at export.
  const recorded = infoText(COPY_INFO_KEYS.pageDigests)?.split(',');
  if (!recorded) check(report, 'page content', false, 'the copy records no page digests');
  else {
    const now = pageContentDigests(file, pageOrder(file));
    const changed = now.flatMap((d, i) => (d !== recorded[i] ? [`page ${i + 1}`] : []));
    if (now.length !== recorded.length) changed.push(`${now.length} pages instead of ${recorded.length}`);
    if (changed.length) check(report, 'page content', false, `the content of ${listProblems(changed)} was changed after the copy was made`);
    else check(report, 'page content', true, `the content of all ${now.length} pages is as exported`);
  }

  // The record in the database.
  const stored = lookUp(report, source);
  if (stored && embedded) {
    const storedJson = JSON.parse(recordJson(stored)) as unknown;
    const copyJson = JSON.parse(new TextDecoder().decode(record)) as unknown;
    const at = firstDifference(copyJson, storedJson);
    if (at === undefined) check(report, 'stored record', true, `the embedded record equals revision ${report.revisionId} as stored`);
    else check(report, 'stored record', false, `the embedded record differs from revision ${report.revisionId} as stored, first at ${excerpt(at, 120)}`);
  }

  report.signatures = (await verifySignatures(bytes, options.trustAnchors ? { trustAnchors: options.trustAnchors } : {})).signatures;
  const broken = report.signatures.filter((s) => s.signed && !s.valid);
  const signed = report.signatures.filter((s) => s.signed).length;
  if (broken.length) check(report, 'signatures', false, listProblems(broken.map((s) => `the signature "${excerpt(s.field, 60)}" is not valid: ${s.problems[0] ?? 'unknown'}`)));
  else check(report, 'signatures', true, `${signed} of ${report.signatures.length} signature fields signed, every signature valid`);

  report.matches = report.differences.length === 0 && report.record.found;
  return report;
}

// ----------------------------------------------------------------------------------------- DOCX

function docxParts(bytes: Uint8Array): Record<string, string> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => (f.name === 'docProps/custom.xml' || f.name === 'word/document.xml' || /^word\/footer\d*\.xml$/.test(f.name)) && f.originalSize <= MAX_DOCX_PART,
    });
  } catch {
    throw new MinutaError('invalid', 'The Word document cannot be read (its zip structure is damaged)');
  }
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&' : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

function customProperties(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:\w+>([\s\S]*?)<\/vt:\w+>\s*<\/property>/g)) out.set(unescapeXml(m[1]!), unescapeXml(m[2]!));
  return out;
}

/** The text a DOCX part shows: its w:t runs, paragraph by paragraph. */
function docxText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''))
    .filter((p) => p !== '')
    .join('\n');
}

async function verifyDocx(bytes: Uint8Array, source: RecordSource): Promise<CopyReport> {
  const parts = docxParts(bytes);
  const document = parts['word/document.xml'];
  if (document === undefined) throw new MinutaError('invalid', 'This zip file is not a Word document (no word/document.xml)');
  const props = customProperties(parts['docProps/custom.xml'] ?? '');
  const fp = props.get(COPY_INFO_KEYS.fingerprint);
  if (fp === undefined || !props.has(COPY_INFO_KEYS.meetingId)) throw notOurs('the Word document names no Minuta meeting and fingerprint in its custom properties');
  const revisionText = props.get(COPY_INFO_KEYS.revisionId);
  const report = newReport('docx', {
    meetingId: props.get(COPY_INFO_KEYS.meetingId)!,
    ...(revisionText && /^\d{1,15}$/.test(revisionText) ? { revisionId: Number(revisionText) } : {}),
    ...(props.has(COPY_INFO_KEYS.versionName) ? { versionName: props.get(COPY_INFO_KEYS.versionName)! } : {}),
    ...(props.has(COPY_INFO_KEYS.state) ? { copyState: props.get(COPY_INFO_KEYS.state)! } : {}),
    fingerprint: fp,
  });

  const footers = Object.entries(parts)
    .filter(([k]) => k.startsWith('word/footer'))
    .map(([, v]) => docxText(v))
    .join('\n');
  const printed = PRINTED_FINGERPRINT.exec(footers)?.[1];
  if (printed !== shortFingerprint(fp)) check(report, 'printed fingerprint', false, `the footer prints ${printed ? `fingerprint ${printed}` : 'no fingerprint'}, the document's properties name ${shortFingerprint(fp)}`);
  else check(report, 'printed fingerprint', true, `the footer prints fingerprint ${printed}`);

  const stored = lookUp(report, source);
  if (stored) {
    const storedFp = await fingerprint(stored);
    if (storedFp !== fp) check(report, 'fingerprint', false, `the copy's fingerprint (${fp.slice(0, 16)}…) is not the stored revision's (${storedFp.slice(0, 16)}…)`);
    else check(report, 'fingerprint', true, `the copy's fingerprint is revision ${report.revisionId}'s as stored`);
    // The text the stored revision renders to, as a copy of the same version.
    const state = report.copyState === 'sealed' ? 'sealed' : 'approved';
    const audit = /^([0-9a-f]{64}) (\d{1,15})$/.exec(props.get(COPY_INFO_KEYS.auditHead) ?? '');
    const auditHead = audit && state === 'sealed' ? { auditHead: { hash: audit[1]!, length: Number(audit[2]) } } : {};
    const layout = await layoutMeeting(stored, { copy: { versionName: report.versionName ?? '', state, ...auditHead } });
    const expected = docxText(docxParts(await renderDocx(layout))['word/document.xml'] ?? '');
    const actual = docxText(document);
    if (expected === actual) check(report, 'text', true, 'the text is what the stored revision prints');
    else {
      const a = expected.split('\n');
      const b = actual.split('\n');
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      check(report, 'text', false, `the text differs from what the stored revision prints, first in paragraph ${i + 1}: "${excerpt(b[i] ?? '(missing)', 60)}"`);
    }
  }
  report.matches = report.differences.length === 0 && report.record.found;
  return report;
}

/** The record source over the store (and the workflow's state, when it exists). */
export function storeRecordSource(
  store: { revision(meetingId: string, revisionId: number): Meeting | undefined; revisions(meetingId: string): { id: number }[] },
  state: (meetingId: string) => string | undefined = () => undefined,
): RecordSource {
  return {
    revision: (m, r) => store.revision(m, r),
    revisionIds: (m) => store.revisions(m).map((r) => r.id).sort((a, b) => a - b),
    state,
  };
}
