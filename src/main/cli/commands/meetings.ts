import type { z } from 'zod';
import { assertPrintable } from '../../../shared/format';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MinutaError, excerpt } from '../../../shared/errors';
import { createFromTemplate, isoDateProblem, serializeInterchange, TEMPLATE_NAMES, type TemplateName } from '../../../shared/minutes';
import { contract } from '../../../shared/ipc/contract';
import { readMinutesBundle } from '../../interchange/minutesFile';
import { readBounded } from '../../files/readBounded';
import { writeFileAtomically } from '../../files/writeAtomically';
import { closeQuietly, openDatabase, writeTransaction, type Db } from '../../store/db';
import type { MeetingStore } from '../../store/meetings';
import type { StoredMeeting } from '../../store/types';
import { backupDatabase } from '../../store/backup';
import { checkDatabase, type CheckReport } from '../../store/integrity';
import { toMinutaError } from '../../store/storageErrors';
import { nextMeetingFrom } from '../../services/nextMeeting';
import { suggestedFileName } from '../../export/service';
import { ExportWorker } from '../../export/worker/client';
import type { Printer } from '../../export/pdf/printer';
import { type ComparisonFormat, compareVersions, exportComparison } from '../../export/comparison';
import { defineCommand, type CommandContext, type CommandSpec } from '../registry';

/**
 * Meetings as files and records: import, list, search, create, next, save, export, compare, verify,
 * backup, check, delete, restore-deleted. Each is the service the app uses (the store, the export
 * worker, the signature-copy and verify modules), declared for the registry (registry.ts).
 */

const GROUP = 'Meetings';

export function meetingOrThrow(store: MeetingStore, id: string): StoredMeeting {
  const found = store.get(id);
  if (!found) throw new MinutaError('not-found', `no meeting with id ${excerpt(id, 64)}`);
  return found;
}

const summaryOf = (m: { id: string; title: string; startsOn: string }) => ({ id: m.id, title: m.title, startsOn: m.startsOn });

/** The meeting's sign-off state (draft, in-review, approved, sealed), or undefined for an unknown meeting. */
export function workflowStateOf(store: MeetingStore, meetingId: string): string | undefined {
  return store.get(meetingId) ? store.workflow.status(meetingId).state : undefined;
}

const dateProblem = (name: string, value: string | undefined) => {
  const problem = value === undefined ? undefined : isoDateProblem(value);
  return problem ? `--${name}: ${problem}` : undefined;
};

/** A request checked by the app's own IPC schema; a problem is `invalid` naming the CLI's option. */
function appRequest<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  throw new MinutaError('invalid', `${field === 'id' ? 'ID' : `--${field === 'startsOn' ? 'date' : field}`}: ${issue.message}`, field);
}

/** The check's verdict: "ok: …" alone, or one line per problem. */
function checkLines(report: CheckReport): { ok: boolean; lines: string[] } {
  if (report.problems.length === 0) return { ok: true, lines: [`ok: ${report.meetings} meetings, ${report.revisions} revisions checked`] };
  return { ok: false, lines: report.problems.map((p) => `damaged: ${p}`) };
}

/**
 * The backup's own check: the copy is written beside the target, must open and pass the same check as
 * `minuta check`, and only then replaces the target. A damaged source therefore leaves no copy, and an
 * older good backup under the same name is kept.
 */
async function backupVerified(db: Db, target: string): Promise<CheckReport> {
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  const removePartial = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  };
  let report: CheckReport;
  try {
    await backupDatabase(db, partial);
    const copy = openDatabase(partial);
    try {
      report = checkDatabase(copy);
    } finally {
      copy.close();
    }
  } catch (error) {
    removePartial();
    throw error;
  }
  if (report.problems.length > 0) {
    removePartial();
    throw new MinutaError('corrupt', `the copy failed its check, no backup written: ${report.problems[0]}`);
  }
  renameSync(partial, target);
  removePartial();
  return report;
}

type Format = 'json' | 'docx' | 'pdf';

/**
 * `export ID --version NAME|sealed|approved`: the clean signature copy of a named version, as the app
 * makes it (approved or sealed only: `checkCopyState`), audited; `--format json`: that version's file.
 */
async function exportVersion(ctx: CommandContext, store: MeetingStore, db: Db, meetingId: string, asked: string, format: Format, out: string): Promise<number> {
  // `--version sealed` (or `approved`): the version the workflow pinned, unless a version bears that name.
  const status = store.workflow.status(meetingId);
  const byState = (asked === 'sealed' || asked === 'approved') && !store.namedVersions(meetingId).some((v) => v.name === asked);
  if (byState && status.state !== asked) throw new MinutaError('invalid', `meeting ${meetingId} is ${status.state}, not ${asked}`);
  const versionName = byState ? (status.versionName ?? '') : asked;
  const version = store.namedVersions(meetingId).find((v) => v.name === versionName);
  if (!version) throw new MinutaError('not-found', `meeting ${meetingId} has no version named "${excerpt(versionName, 80)}"`);
  const meeting = store.revision(meetingId, version.revisionId);
  if (!meeting) throw new MinutaError('not-found', `revision ${version.revisionId} of meeting ${meetingId} is missing`);
  if (format === 'json') {
    const bytes = new TextEncoder().encode(serializeInterchange(meeting, store.comments.list(meetingId)));
    writeFileAtomically(out, bytes);
    return bytes.byteLength;
  }
  const state = workflowStateOf(store, meetingId) ?? 'not approved (no workflow state is recorded)';
  // Loaded on demand, as the printer is: the other commands never load the PDF reader and signer.
  const { checkCopyState, exportSignatureCopy } = await import('../../export/signatureCopy');
  checkCopyState(state);
  // As in the app: a sealed copy prints the audit head it was made at, and the export is audited after it.
  const auditHead = state === 'sealed' ? store.audit.head(meetingId) : undefined;
  const printer = format === 'pdf' ? new (await import('../../export/pdf/playwrightPrinter')).PlaywrightPrinter() : undefined;
  try {
    const bytes = await exportSignatureCopy(
      meeting,
      { revisionId: version.revisionId, versionName, state, ...(auditHead ? { auditHead } : {}) },
      { format, ...(printer ? { printer } : {}) },
    );
    writeFileAtomically(out, bytes);
    writeTransaction(db, () => store.audit.append(meetingId, ctx.author, 'signature-copy', { format, version: versionName, revisionId: version.revisionId, bytes: bytes.byteLength }))();
    return bytes.byteLength;
  } finally {
    await printer?.close();
  }
}

/** The head as a file (json: with the revision and seq it was written from, for `save`) or a draft DOCX/PDF. */
async function exportHead(ctx: CommandContext, found: StoredMeeting, comments: Parameters<typeof serializeInterchange>[1], format: Format, out: string, tools: HeadExportTools): Promise<number> {
  // Refused before the browser starts: characters no shipped font draws would print as boxes.
  if (format !== 'json') assertPrintable(found.meeting, { allowMissingGlyphs: ctx.options['allow-missing-glyphs'] === true });
  const bytes =
    format === 'json'
      ? new TextEncoder().encode(serializeInterchange(found.meeting, comments, {
          base: { revision: found.revisionId, seq: found.seq },
          review: ctx.open().store.suggestions.bundle(found.id),
        }))
      : format === 'pdf'
        ? await tools.worker().pdf(found.meeting, await tools.printer())
        : await tools.worker().docx(found.meeting);
  writeFileAtomically(out, bytes);
  return bytes.byteLength;
}

/** One export worker and one browser for a whole batch, started on first use. */
interface HeadExportTools {
  worker(): ExportWorker;
  printer(): Promise<Printer>;
  close(): Promise<void>;
}

function headExportTools(): HeadExportTools {
  let worker: ExportWorker | undefined;
  let printer: Promise<Printer & { close(): Promise<void> }> | undefined;
  return {
    // The same export worker as the app's, so the CLI exports exactly what the app does.
    worker: () => (worker ??= new ExportWorker()),
    // Loaded on demand: listing or importing never pays for the browser driver.
    printer: () => (printer ??= import('../../export/pdf/playwrightPrinter').then((m) => new m.PlaywrightPrinter())),
    close: async () => {
      await Promise.all([printer?.then((p) => p.close()), worker?.close()]);
    },
  };
}

/** `name.pdf`, else `name (2).pdf`, … : a batch never overwrites one meeting's file with another's. */
function freeName(dir: string, name: string, taken: Set<string>): string {
  const dot = name.endsWith('.minuta.json') ? name.length - '.minuta.json'.length : name.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
    if (!taken.has(candidate) && !existsSync(join(dir, candidate))) {
      taken.add(candidate);
      return join(dir, candidate);
    }
  }
}

async function runExport(ctx: CommandContext): Promise<void> {
  const format = (ctx.string('format') ?? 'json') as Format;
  const out = ctx.string('out')!;
  const asked = ctx.string('version');
  const tools = headExportTools();
  try {
    if (ctx.options['all'] === true) {
      mkdirSync(out, { recursive: true });
      const { store } = ctx.open();
      const meetings = store.list();
      const taken = new Set<string>();
      for (const [i, m] of meetings.entries()) {
        const found = meetingOrThrow(store, m.id);
        const file = freeName(out, suggestedFileName(found.meeting, format), taken);
        ctx.progress(`[${i + 1}/${meetings.length}] ${excerpt(found.title, 60)}`);
        const bytes = await exportHead(ctx, found, format === 'json' ? store.comments.list(m.id) : [], format, file, tools);
        ctx.print({ id: m.id, file, format, bytes }, file);
      }
      return;
    }
    const { store, db } = ctx.open();
    const found = meetingOrThrow(store, ctx.args[0]!);
    if (asked !== undefined && asked !== 'head') {
      const bytes = await exportVersion(ctx, store, db, found.id, asked, format, out);
      ctx.print({ id: found.id, file: out, format, version: asked, bytes });
      return;
    }
    const comments = format === 'json' ? store.comments.list(found.id) : [];
    // Done with the database: a long PDF export should not hold it open.
    ctx.close();
    const bytes = await exportHead(ctx, found, comments, format, out, tools);
    ctx.print({ id: found.id, file: out, format, ...(asked ? { version: asked } : {}), bytes });
  } finally {
    await tools.close();
  }
}

/** `verify FILE|DIR…`: a folder stands for its PDF and DOCX files. */
function copiesIn(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let folder = false;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      // Not there: verify reports it as unreadable, by its name.
    }
    if (!folder) return [path];
    return readdirSync(path)
      .filter((f) => /\.(pdf|docx)$/i.test(f))
      .sort()
      .map((f) => join(path, f));
  });
}

async function runVerify(ctx: CommandContext): Promise<number> {
  const { MAX_COPY_BYTES, storeRecordSource, verifyCopy } = await import('../../copies/verifyCopy');
  const { reportLines } = await import('../../copies/report');
  const { store } = ctx.open();
  const source = storeRecordSource(store, (id) => workflowStateOf(store, id));
  const legacyJson = ctx.string('format') === 'json';
  const files = copiesIn(ctx.args);
  if (files.length === 0) throw new MinutaError('not-found', 'no PDF or DOCX file to verify');
  const tally = { match: 0, differ: 0, unreadable: 0 };
  const all: unknown[] = [];
  let code = 0;
  for (const [i, file] of files.entries()) {
    ctx.progress(`[${i + 1}/${files.length}] ${excerpt(file, 80)}`);
    try {
      const report = await verifyCopy(readBounded(file, MAX_COPY_BYTES), source);
      if (legacyJson) all.push({ file, ...report });
      else ctx.print({ file, ...report }, reportLines(file, report));
      tally[report.matches ? 'match' : 'differ']++;
      if (!report.matches) code = Math.max(code, 1);
    } catch (error) {
      const failure = toMinutaError(error);
      if (failure.code === 'internal') throw error;
      const message = failure.message.split('\n')[0]!;
      if (legacyJson) all.push({ file, unreadable: failure.message });
      else if (ctx.json) ctx.print({ file, unreadable: { code: failure.code, message } });
      if (!ctx.json) ctx.io.stderr(`minuta: ${excerpt(file, 200)}: cannot be read: ${message}`);
      tally.unreadable++;
      code = 2;
    }
  }
  // `--format json` (before --json): one array of reports, kept for the scripts written against it.
  if (legacyJson) ctx.io.stdout(JSON.stringify(all, null, 2));
  else if (files.length > 1) ctx.print(undefined, `summary: ${files.length} files: ${tally.match} match the record, ${tally.differ} do not, ${tally.unreadable} cannot be read`);
  return code;
}

export const MEETING_COMMANDS: readonly CommandSpec[] = [
  defineCommand({
    name: 'import',
    group: GROUP,
    summary: 'add a meeting from a minutes file; prints its id',
    args: [{ name: 'FILE.minuta.json' }],
    options: [],
    output: 'meeting',
    run: (ctx) => {
      // Read and checked whole before the database is opened: a refused file changes nothing.
      const bundle = readMinutesBundle(ctx.args[0]!);
      const { store } = ctx.open();
      const stored = store.createWithComments(bundle.meeting, bundle.comments, ctx.author);
      ctx.print(summaryOf(stored), stored.id);
    },
  }),
  defineCommand({
    name: 'list',
    group: GROUP,
    summary: 'the meetings: id<TAB>date<TAB>title, one line per meeting',
    args: [],
    options: [],
    output: 'meetings',
    run: (ctx) => {
      for (const m of ctx.open().store.list()) ctx.print({ id: m.id, startsOn: m.startsOn, title: m.title, ...(m.state ? { state: m.state } : {}) }, `${m.id}\t${m.startsOn}\t${m.title}`);
    },
  }),
  defineCommand({
    name: 'search',
    group: GROUP,
    summary: 'full-text search: id<TAB>title<TAB>snippet, best first',
    args: [{ name: 'QUERY' }],
    options: [{ name: 'decisions', type: 'boolean', summary: 'in agreements, recommendations and decisions only' }],
    output: 'hits',
    run: (ctx) => {
      const hits = ctx.open().store.search(ctx.args[0]!, 50, { decisions: ctx.options['decisions'] === true });
      for (const hit of hits) ctx.print(hit, `${hit.id}\t${hit.title}\t${hit.snippet.replace(/\s+/g, ' ')}`);
    },
  }),
  defineCommand({
    name: 'create',
    group: GROUP,
    summary: 'a new meeting from a template (as the app’s "New meeting"); prints its id',
    args: [],
    options: [
      { name: 'template', choices: TEMPLATE_NAMES, required: true, summary: 'the form to start from' },
      { name: 'title', value: 'TITLE', required: true, summary: 'the meeting’s title' },
      { name: 'date', value: 'YYYY-MM-DD', required: true, summary: 'its first day' },
    ],
    output: 'meeting',
    check: (_args, o) => dateProblem('date', o['date'] as string),
    run: (ctx) => {
      // The app's request schema: the same title and date rules as "New meeting".
      const { template, title, startsOn } = appRequest(contract.createMeeting.request, { template: ctx.string('template'), title: ctx.string('title'), startsOn: ctx.string('date') });
      const stored = ctx.open().store.create(createFromTemplate(template as TemplateName, { title, startDate: startsOn }), ctx.author);
      ctx.print(summaryOf(stored), stored.id);
    },
  }),
  defineCommand({
    name: 'next',
    group: GROUP,
    summary: 'the next meeting of a series (as the app’s "Next meeting…"): same structure, register and standing wording, discussion cleared; prints its id',
    args: [{ name: 'ID' }],
    options: [
      { name: 'date', value: 'YYYY-MM-DD', required: true, summary: 'the new meeting’s first day' },
      { name: 'title', value: 'TITLE', summary: 'its title (default: the previous one’s)' },
    ],
    output: 'meeting',
    check: (_args, o) => dateProblem('date', o['date'] as string),
    run: (ctx) => {
      // The app's "Next meeting…" request: the same title and date rules.
      const { id, title, startsOn } = appRequest(contract.duplicateMeeting.request, { id: ctx.args[0], startsOn: ctx.string('date'), ...(ctx.string('title') !== undefined ? { title: ctx.string('title') } : {}) });
      const { store } = ctx.open();
      const previous = meetingOrThrow(store, id);
      const stored = store.create(nextMeetingFrom(previous.meeting, { title, startsOn }), ctx.author);
      ctx.print(summaryOf(stored), stored.id);
    },
  }),
  defineCommand({
    name: 'save',
    group: GROUP,
    summary: 'make a minutes file the new revision of meeting ID (checked as import checks it); prints the revision',
    details:
      'The file must name the revision it was exported from (`minuta export ID --format json` writes it): if the meeting changed since, the save is refused as a conflict (exit 1), unless --force. The file’s comment threads are not saved (comments are kept apart from revisions: use `comment`).',
    args: [{ name: 'ID' }, { name: 'FILE.minuta.json' }],
    options: [{ name: 'force', type: 'boolean', summary: 'save even if the meeting changed since the file was exported' }],
    output: 'saved',
    run: (ctx) => {
      const [id, file] = ctx.args as [string, string];
      const bundle = readMinutesBundle(file);
      const { store } = ctx.open();
      const found = meetingOrThrow(store, id);
      if (bundle.meeting.id !== id) throw new MinutaError('invalid', `${excerpt(basename(file), 80)} holds meeting ${excerpt(bundle.meeting.id, 64)}, not ${excerpt(id, 64)}`, 'meeting.id');
      let base: number | undefined;
      if (ctx.options['force'] !== true) {
        if (!bundle.base) throw new MinutaError('conflict', `${excerpt(basename(file), 80)} does not say which revision it was exported from: export it with \`minuta export ${id} --format json\`, or save with --force`);
        if (bundle.base.seq !== found.seq) {
          throw new MinutaError('conflict', `meeting ${id} changed since revision ${bundle.base.revision}, which ${excerpt(basename(file), 80)} was exported from (it is now at revision ${found.revisionId}): nothing saved; export it again, or save with --force`);
        }
        // Checked again inside the write transaction (another process may save in between).
        base = bundle.base.seq;
      }
      const saved = store.saveDocument(id, bundle.meeting, ctx.author, base, { fold: false });
      ctx.print({ id, revision: saved.revisionId, seq: saved.seq, changed: saved.changed }, String(saved.revisionId));
    },
  }),
  defineCommand({
    name: 'export',
    group: GROUP,
    summary: 'write a meeting (or --all of them, into a folder) as a minutes file, a Word document or a PDF with signature fields',
    details:
      'PDF needs Chromium, Chrome or Edge (MINUTA_CHROMIUM=path). --version head (the default) writes the current text (DOCX and PDF marked DRAFT until sealed; JSON names the revision, for `save`); --version NAME|sealed|approved writes the clean signature copy of that named version, for approved or sealed minutes only (PDF/A-3b with the record embedded), and audits it. With --all, prints each file written.',
    args: [{ name: 'ID', optional: true }],
    options: [
      { name: 'out', value: 'FILE|DIR', required: true, summary: 'the file to write (with --all: the folder)' },
      { name: 'format', choices: ['json', 'docx', 'pdf'], summary: 'what to write (default json)' },
      { name: 'version', value: 'NAME|sealed|approved|head', summary: 'which version (default head)' },
      { name: 'all', type: 'boolean', summary: 'every meeting (the home list), one file each, named from its title and date' },
      { name: 'allow-missing-glyphs', type: 'boolean', summary: 'export even when no shipped font draws some characters (they print as boxes)' },
    ],
    output: 'exported',
    check: (args, o) => {
      if (o['all'] === true && args.length > 0) return 'export takes a meeting id or --all, not both';
      if (o['all'] !== true && args.length !== 1) return 'export takes a meeting id (or --all)';
      if (o['all'] === true && o['version'] !== undefined && o['version'] !== 'head') return 'export --all writes the current versions: no --version';
      return undefined;
    },
    run: runExport,
  }),
  defineCommand({
    name: 'compare',
    group: GROUP,
    summary: 'compare two versions (A, B: a revision number or a version’s name): a change list (text, to stdout without --out), a redline PDF, or a DOCX with tracked changes',
    args: [{ name: 'ID' }, { name: 'A' }, { name: 'B' }],
    takes: 'a meeting id and two versions',
    options: [
      { name: 'format', choices: ['text', 'pdf', 'docx'], summary: 'what to write (default text)' },
      { name: 'out', value: 'FILE', summary: 'the file to write (needed for pdf and docx)' },
    ],
    output: 'comparison',
    check: (_args, o) => ((o['format'] ?? 'text') !== 'text' && o['out'] === undefined ? `compare --format ${String(o['format'])} needs --out FILE` : undefined),
    run: async (ctx) => {
      const [id, refA, refB] = ctx.args as [string, string, string];
      const format = (ctx.string('format') ?? 'text') as ComparisonFormat;
      const versions = compareVersions(ctx.open().store, id, refA, refB);
      ctx.close();
      const out = ctx.string('out');
      const result = { id, a: versions.a.revisionId, b: versions.b.revisionId, format };
      if (format === 'text' && !out) {
        const text = new TextDecoder().decode(await exportComparison(versions, 'text')).trimEnd();
        ctx.print({ ...result, text }, text);
        return;
      }
      const printer = format === 'pdf' ? new (await import('../../export/pdf/playwrightPrinter')).PlaywrightPrinter() : undefined;
      try {
        writeFileAtomically(out!, await exportComparison(versions, format, printer ? { printer } : {}));
      } finally {
        await printer?.close();
      }
      ctx.print({ ...result, file: out! });
    },
  }),
  defineCommand({
    name: 'verify',
    group: GROUP,
    summary: 'check signature copies (PDF or DOCX; a folder: its PDF and DOCX files) against the record: exit 0 every copy matches, 1 one does not, 2 one cannot be read',
    details: 'With more than one file, a summary line follows. --format json (older) prints one JSON array of the reports; --json one report per line.',
    args: [{ name: 'FILE|DIR', variadic: true }],
    options: [{ name: 'format', choices: ['text', 'json'], summary: 'text (default), or one JSON array (prefer --json)' }],
    output: 'copies',
    run: runVerify,
  }),
  defineCommand({
    name: 'backup',
    group: GROUP,
    summary: 'online copy of the whole database, checked as `check` does; a damaged source leaves no copy',
    args: [{ name: 'FILE' }],
    options: [],
    output: 'backup',
    run: async (ctx) => {
      const report = await backupVerified(ctx.open().db, ctx.args[0]!);
      ctx.print({ file: ctx.args[0]!, meetings: report.meetings, revisions: report.revisions });
    },
  }),
  defineCommand({
    name: 'check',
    group: GROUP,
    summary: 'verify the database: SQLite’s integrity and foreign keys, every revision’s hashes, the search index; exit 0 with "ok: …", 1 naming each damaged part',
    args: [],
    options: [],
    output: 'check',
    run: (ctx) => {
      const report = checkDatabase(ctx.open().db);
      const verdict = checkLines(report);
      const value = { ok: verdict.ok, meetings: report.meetings, revisions: report.revisions, problems: report.problems };
      if (verdict.ok) ctx.print(value, verdict.lines[0]);
      else {
        ctx.print(value);
        if (!ctx.json) for (const line of verdict.lines) ctx.io.stderr(`minuta: ${line}`);
      }
      return verdict.ok ? 0 : 1;
    },
  }),
  defineCommand({
    name: 'delete',
    group: GROUP,
    summary: 'move a meeting to the trash (restorable; the app’s "Empty trash" deletes it for good)',
    args: [{ name: 'ID' }],
    options: [],
    output: 'trash',
    run: (ctx) => {
      const id = ctx.args[0]!;
      ctx.open().store.trash(id, ctx.author);
      ctx.print({ id, action: 'deleted' }, `moved to the trash: ${id}`);
    },
  }),
  defineCommand({
    name: 'restore-deleted',
    group: GROUP,
    summary: 'take a meeting out of the trash, as it was',
    args: [{ name: 'ID' }],
    options: [],
    output: 'trash',
    run: (ctx) => {
      const id = ctx.args[0]!;
      ctx.open().store.restore(id);
      ctx.print({ id, action: 'restored' }, `restored: ${id}`);
    },
  }),
];

/** Used by `sign --db`: opens and closes its own database, after the copy is written. */
export function withDatabase<T>(dbPath: string, warn: (line: string) => void, fn: (db: Db) => T): T {
  const db = openDatabase(dbPath);
  try {
    return fn(db);
  } finally {
    closeQuietly(db, (e) => warn(`minuta: warning: ${e.message}`));
  }
}

