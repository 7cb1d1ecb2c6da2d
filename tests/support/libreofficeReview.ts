import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Reviewed copies made by LibreOffice itself: soffice runs headless on a throwaway profile, listening
 * on a named pipe (nothing on the network); tests/support/libreoffice_review.py opens the review copy
 * through UNO as the given user, records changes (or not), applies the edits and saves as DOCX.
 *
 * LibreOffice 7.4 driven through UNO aborts on documents with comments, so comments are added the other
 * way round: UNO also saves the edited document as flat ODT, office:annotation elements are written
 * into that XML (a reply as LibreOffice 7.4 writes one: a second annotation on its parent's range,
 * since 7.4's ODF has no reply link), and `soffice --convert-to docx` writes the DOCX, comments and all.
 */

export type LibreOfficeEdit =
  | { op: 'replace'; find: string; text: string }
  | { op: 'insert'; after: string; text: string }
  | { op: 'delete'; find: string }
  | { op: 'bold'; find: string }
  | { op: 'deleteParagraph'; find: string };

export interface LibreOfficeNote {
  author: string;
  /** ISO time without zone, as LibreOffice writes dc:date. */
  date: string;
  text: string;
}

export interface LibreOfficeComment extends LibreOfficeNote {
  /** The text the comment covers (its first occurrence in the document body, within one text node). */
  on: string;
  replies?: LibreOfficeNote[];
  resolved?: boolean;
}

export interface LibreOfficeReview {
  user: { given: string; family: string; initials?: string };
  track: boolean;
  edits: LibreOfficeEdit[];
  comments?: LibreOfficeComment[];
}

export interface LibreOfficeReviewed {
  docx: Uint8Array;
  /** The document's text once LibreOffice accepts every change (paragraphs separated by "\n"). */
  accepted: string;
}

const SCRIPT = resolve('tests/support/libreoffice_review.py');
const PYTHON = '/usr/bin/python3';

/** Why LibreOffice cannot make reviewed copies here, or undefined when it can (CI has both soffice and python3-uno). */
export function libreOfficeMissing(): string | undefined {
  if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) return 'soffice is not installed (apt-get install libreoffice-writer-nogui)';
  if (spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8' }).status !== 0) return 'python3-uno is not installed (apt-get install python3-uno)';
  return undefined;
}

const xmlText = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const xmlAttr = (s: string) => xmlText(s).replaceAll('"', '&quot;');

function annotation(name: string, note: LibreOfficeNote, resolved: boolean): string {
  return (
    `<office:annotation office:name="${xmlAttr(name)}" loext:resolved="${resolved}">` +
    `<dc:creator>${xmlText(note.author)}</dc:creator><dc:date>${xmlText(note.date)}</dc:date>` +
    `<text:p>${xmlText(note.text)}</text:p></office:annotation>`
  );
}

/** Writes the comments into a flat ODT: each annotation (then its replies) before its text, their ends after it. */
export function addAnnotations(fodt: string, comments: readonly LibreOfficeComment[]): string {
  let out = fodt;
  comments.forEach((c, i) => {
    const body = out.indexOf('<office:body>');
    const quoted = xmlText(c.on);
    const at = out.indexOf(quoted, body);
    if (body < 0 || at < 0) throw new Error(`comment anchor not found in the flat ODT: ${c.on}`);
    const names = [`__Annotation__minuta_${i}`, ...(c.replies ?? []).map((_, j) => `__Annotation__minuta_${i}_${j}`)];
    const notes = [c, ...(c.replies ?? [])];
    const starts = notes.map((n, j) => annotation(names[j]!, n, c.resolved === true)).join('');
    const ends = names.map((n) => `<office:annotation-end office:name="${n}"/>`).join('');
    out = out.slice(0, at) + starts + quoted + ends + out.slice(at + quoted.length);
  });
  return out;
}

function runSoffice(args: string[], timeoutMs: number): { code: number | null; stderr: string } {
  const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status, stderr: r.stderr };
}

/** Lets LibreOffice review a copy: returns the DOCX it saved and its own accept-all text. Always stops the soffice it started. */
export async function reviewWithLibreOffice(copy: Uint8Array, review: LibreOfficeReview): Promise<LibreOfficeReviewed> {
  const dir = mkdtempSync(join(tmpdir(), 'minuta-lo-'));
  const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
  const pipe = `minuta_review_${process.pid}_${Date.now()}`;
  const files = { input: join(dir, 'copy.docx'), docx: join(dir, 'reviewed.docx'), fodt: join(dir, 'reviewed.fodt'), accepted: join(dir, 'accepted.txt') };
  writeFileSync(files.input, copy);
  // Its own process group, so that the whole of it (the soffice script, oosplash, soffice.bin) is stopped.
  const office = spawn('soffice', ['--headless', '--invisible', '--norestore', '--nologo', '--nodefault', profile, `--accept=pipe,name=${pipe};urp;`], {
    detached: true,
    stdio: 'ignore',
  });
  try {
    const job = { pipe, input: files.input, docx: files.docx, fodt: review.comments ? files.fodt : undefined, accepted: files.accepted, user: review.user, track: review.track, edits: review.edits };
    const r = spawnSync(PYTHON, [SCRIPT, JSON.stringify(job)], { encoding: 'utf8', timeout: 120_000 });
    // The script's last line says whether the review was made; it is printed only once every file is written.
    const said = r.stdout.trim().split('\n').at(-1) ?? '';
    if (said !== '{"ok": true}') throw new Error(`LibreOffice review failed: ${said || r.stderr.trim() || `exit ${r.status} ${r.signal ?? ''}`}`);
  } finally {
    try {
      if (office.pid !== undefined) process.kill(-office.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  try {
    let docx = readFileSync(files.docx);
    if (review.comments) {
      const commented = join(dir, 'commented.fodt');
      let fodt = addAnnotations(readFileSync(files.fodt, 'utf8'), review.comments);
      // LibreOffice 7.4 writes text:track-changes="false" in the flat ODT even while it records changes
      // (its direct DOCX says w:trackRevisions); the reviewer's setting is put back before converting.
      if (review.track) fodt = fodt.replace('<text:tracked-changes text:track-changes="false">', '<text:tracked-changes text:track-changes="true">');
      writeFileSync(commented, fodt);
      const out = join(dir, 'out');
      const r = runSoffice(['--headless', '--norestore', profile, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, commented], 120_000);
      const made = join(out, 'commented.docx');
      if (r.code !== 0 || !existsSync(made)) throw new Error(`soffice --convert-to docx failed: ${r.stderr}`);
      docx = readFileSync(made);
    }
    return { docx: new Uint8Array(docx), accepted: readFileSync(files.accepted, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The review the round-trip tests have LibreOffice make on a review copy of the 2018 minutes: Malee
 * Sirikul replaces, inserts and deletes words across several blocks, makes a name bold and deletes a
 * paragraph; comments with a reply and a resolved thread come with the tracked variant.
 */
export const MALEE_REVIEW = {
  user: { given: 'Malee', family: 'Sirikul', initials: 'MS' },
  name: 'Malee Sirikul',
  edits: [
    { op: 'replace', find: 'Consultative Meeting', text: 'Consultation Meeting' },
    { op: 'insert', after: 'representing the Myanmar Embassy to Cambodia', text: ' in Phnom Penh' },
    { op: 'delete', find: ' and appreciation' },
    { op: 'bold', find: 'H.E San Arun' },
    { op: 'deleteParagraph', find: 'Mrs. Sarah Knibbs' },
  ] satisfies LibreOfficeEdit[],
  comments: [
    {
      on: 'Hope for Justice',
      author: 'Malee Sirikul',
      date: '2026-07-01T10:00:00',
      text: 'Full name of the organisation?',
      replies: [{ author: 'Somchai Wongsa', date: '2026-07-01T11:30:00', text: 'It is the registered name.' }],
    },
    { on: 'head of the Lao delegation', author: 'Somchai Wongsa', date: '2026-07-02T09:00:00', text: 'Title checked.', resolved: true },
  ] satisfies LibreOfficeComment[],
} as const;
