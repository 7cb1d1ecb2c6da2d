import { basename } from 'node:path';
import { isoDateProblem } from '../../../shared/minutes';
import { MAX_NOTE, STATE_LABELS, TRANSITION_RULES, type Transition } from '../../../shared/workflow/states';
import { writeFileAtomically } from '../../files/writeAtomically';
import { readScanFile } from '../../workflow/scanFile';
import { createMeetingStore } from '../../store/meetings';
import type { SignedField } from '../../signoff/sign';
import type { SignoffIo } from '../../signoff/cli';
import { defineCommand, type CommandContext, type CommandSpec, type OptionValues } from '../registry';
import { meetingOrThrow, withDatabase } from './meetings';

/**
 * Sign-off: the workflow (status, submit, approve, seal, reopen, route, attach, attachment, audit,
 * corrigendum: src/main/store/workflow.ts, as the app's workflow bar) and the signatures (sign,
 * certify, verify-signatures: src/main/signoff/, loaded only when one of them runs).
 */

const WORKFLOW = 'Sign-off';
const SIGNATURES = 'Signatures (files only; no database unless `sign --db`)';

const noteProblem = (o: OptionValues) => {
  for (const flag of ['note', 'reason']) if (typeof o[flag] === 'string' && o[flag].length > MAX_NOTE) return `--${flag} must be at most ${MAX_NOTE} characters`;
  return undefined;
};

function transition(ctx: CommandContext, t: Transition, note: string | undefined): void {
  const id = ctx.args[0]!;
  const s = ctx.open().store.workflow.transition(id, t, ctx.author, note);
  ctx.print({ id, state: s.state, ...(s.versionName ? { versionName: s.versionName } : {}) }, `${id}: ${STATE_LABELS[s.state]}${s.versionName ? ` (${s.versionName})` : ''}`);
}

const transitionCommand = (name: 'submit' | 'approve' | 'seal', summary: string) =>
  defineCommand({
    name,
    group: WORKFLOW,
    summary,
    args: [{ name: 'ID' }],
    options: [{ name: 'note', value: 'TEXT', summary: 'a note for the audit log' }],
    output: 'transition',
    check: (_args, o) => noteProblem(o),
    run: (ctx) => transition(ctx, name, ctx.string('note')),
  });

/**
 * `sign --db`: the same audit entry (and attachment, when sealed) as the app's "Sign as…", when that
 * database has the copy's meeting; a copy of a meeting it does not have stays a file-only signature.
 */
function signatureRecorder(ctx: CommandContext) {
  return async (input: Uint8Array, signed: SignedField, out: { path: string; bytes: Uint8Array }): Promise<string> => {
    const { copyMeetingId, recordSignature } = await import('../../signoff/record');
    return withDatabase(ctx.dbPath, ctx.io.stderr, (db) => {
      const recorded = recordSignature(db, createMeetingStore(db), copyMeetingId(input), ctx.author, signed, out);
      if (!recorded.audited) return 'not recorded: the database does not have this copy\'s meeting';
      return `recorded in the audit log of meeting ${recorded.meetingId}${recorded.attached ? '; the signed copy is attached to the sealed record' : ''}`;
    });
  };
}

async function sign(ctx: CommandContext, command: 'sign' | 'certify'): Promise<number> {
  const { signFile, signedLines } = await import('../../signoff/cli');
  const io: SignoffIo = { ...ctx.io, ...(command === 'sign' && ctx.dbGiven ? { recordSignature: signatureRecorder(ctx) } : {}) };
  const permissions = ctx.string('permissions');
  const outcome = await signFile(
    command,
    ctx.args[0]!,
    { field: ctx.string('field'), p12: ctx.string('p12')!, out: ctx.string('out')!, ...(permissions ? { permissions: Number(permissions) as 1 | 2 | 3 } : {}) },
    ctx.flags,
    io,
  );
  const { signed } = outcome;
  ctx.print(
    {
      field: signed.field,
      subject: signed.signer.subject,
      fingerprint: signed.signer.fingerprint,
      file: outcome.file,
      latinSubstitute: signed.appearanceNameSubstituted === true,
      ...(outcome.recorded ? { recorded: outcome.recorded } : {}),
    },
    signedLines(command, outcome),
  );
  if (outcome.recordFailed) {
    ctx.io.stderr(ctx.json ? JSON.stringify({ error: { code: 'invalid', message: outcome.recordFailed } }) : `minuta: ${outcome.recordFailed}`);
    return 1;
  }
  return 0;
}

const signOptions = [
  { name: 'p12', value: 'KEY.p12', required: true, summary: 'the signer’s key and certificate (PKCS#12)' },
  { name: 'password-file', value: 'FILE', summary: 'the key’s password (first line); else MINUTA_P12_PASSWORD, else a prompt' },
  { name: 'out', value: 'FILE.pdf', required: true, summary: 'the signed copy to write' },
] as const;

export const SIGNOFF_COMMANDS: readonly CommandSpec[] = [
  defineCommand({
    name: 'status',
    group: WORKFLOW,
    summary: 'sign-off state, approved/sealed version, audit chain head, corrigenda and attachments',
    args: [{ name: 'ID' }],
    options: [],
    output: 'status',
    run: (ctx) => {
      const id = ctx.args[0]!;
      const wf = ctx.open().store.workflow;
      const s = wf.status(id);
      const attachments = wf.attachments(id);
      ctx.print({ id, ...s, attachments }, [
        `state: ${STATE_LABELS[s.state]}${s.changedBy ? ` (by ${s.changedBy} at ${s.changedAt})` : ''}`,
        ...(s.versionName ? [`version: ${s.versionName} (revision ${s.revisionId})`] : []),
        `audit chain: ${s.chain.length} entries, head ${s.chain.hash}`,
        `next: ${s.allowed.map((t) => TRANSITION_RULES[t].label).join(', ') || '(none: sealed is final)'}`,
        ...(s.corrects ? [`corrigendum to: ${s.corrects}`] : []),
        ...s.corrigenda.map((c) => `corrigendum: ${c}`),
        ...attachments.map((a) => `attachment ${a.id}: ${a.kind} ${a.name} ${a.mediaType} ${a.size} bytes sha256 ${a.sha256}`),
      ]);
    },
  }),
  transitionCommand('submit', 'Draft → In review'),
  transitionCommand('approve', 'In review → Approved: names the version "Approved DATE by NAME"'),
  transitionCommand('seal', 'Approved → Sealed: final, no change ever after'),
  defineCommand({
    name: 'reopen',
    group: WORKFLOW,
    summary: 'return approved (or in-review) minutes for editing',
    args: [{ name: 'ID' }],
    options: [
      { name: 'reason', value: 'TEXT', required: true, summary: 'why (kept in the audit log)' },
      { name: 'to', choices: ['draft', 'review'], summary: 'back to Draft (default) or In review' },
    ],
    output: 'transition',
    check: (_args, o) => (typeof o['reason'] === 'string' && !o['reason'].trim() ? 'reopen needs --reason TEXT (why the approved minutes are reopened)' : noteProblem(o)),
    run: (ctx) => transition(ctx, ctx.string('to') === 'review' ? 'reopen-review' : 'reopen-draft', ctx.string('reason')),
  }),
  defineCommand({
    name: 'route',
    group: WORKFLOW,
    summary: 'record routing step N as it happened: its date and who signed it (printed; a save, audited)',
    args: [{ name: 'ID' }],
    options: [
      { name: 'step', value: 'N', required: true, summary: '1 for the first routing step' },
      { name: 'date', value: 'YYYY-MM-DD', required: true, summary: 'when it happened' },
      { name: 'person', value: 'PERSON_ID', summary: 'the signer, from the register' },
      { name: 'by', value: 'NAME', summary: 'the signer’s name as printed (default: the register’s, else the author)' },
    ],
    output: 'routed',
    check: (_args, o) => {
      if (!/^[1-9]\d{0,3}$/.test(String(o['step']))) return 'route needs --step N (1 for the first routing step)';
      const problem = isoDateProblem(String(o['date']));
      if (problem) return `--date: ${problem}`;
      if (typeof o['by'] === 'string' && o['by'].length > 200) return '--by must be at most 200 characters';
      return undefined;
    },
    run: (ctx) => {
      const id = ctx.args[0]!;
      const step = Number(ctx.string('step'));
      const person = ctx.string('person');
      const by = ctx.string('by');
      const saved = ctx.open().store.recordRoutingStep(id, { step, date: ctx.string('date')!, ...(person ? { personId: person } : {}), ...(by ? { by } : {}) }, ctx.author);
      ctx.print({ id, step, revision: saved.revisionId }, `${id}: routing step ${step} recorded (revision ${saved.revisionId})`);
    },
  }),
  defineCommand({
    name: 'attach',
    group: WORKFLOW,
    summary: 'attach the signed scan (PDF, PNG or JPEG, ≤ 50 MB) to the sealed version; its SHA-256 goes into the audit log',
    args: [{ name: 'ID' }, { name: 'FILE' }],
    options: [],
    output: 'attached',
    run: (ctx) => {
      const [id, file] = ctx.args as [string, string];
      const { bytes, mediaType } = readScanFile(file);
      const a = ctx.open().store.workflow.attach(id, { name: basename(file).slice(0, 200), bytes, mediaType, kind: 'scan' }, ctx.author);
      ctx.print({ id, attachment: a.id, mediaType: a.mediaType, size: a.size, sha256: a.sha256 }, `attachment ${a.id}: ${a.mediaType} ${a.size} bytes sha256 ${a.sha256}`);
    },
  }),
  defineCommand({
    name: 'attachment',
    group: WORKFLOW,
    summary: 'save attachment N out of the record (checked against its SHA-256)',
    args: [{ name: 'ID' }, { name: 'N' }],
    options: [{ name: 'out', value: 'FILE', required: true, summary: 'the file to write' }],
    output: 'file',
    check: (args) => (/^\d{1,9}$/.test(args[1]!) ? undefined : 'attachment takes a meeting id, a number and --out FILE'),
    run: (ctx) => {
      const bytes = ctx.open().store.workflow.attachmentBytes(ctx.args[0]!, Number(ctx.args[1]));
      writeFileAtomically(ctx.string('out')!, bytes);
      ctx.print({ file: ctx.string('out')!, bytes: bytes.byteLength });
    },
  }),
  defineCommand({
    name: 'audit',
    group: WORKFLOW,
    summary: 'the meeting’s audit log, oldest first: seq<TAB>time<TAB>who<TAB>action<TAB>details<TAB>hash',
    args: [{ name: 'ID' }],
    options: [],
    output: 'audit',
    run: (ctx) => {
      for (const e of ctx.open().store.workflow.auditEntries(ctx.args[0]!)) {
        ctx.print({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, details: e.details, hash: e.hash }, `${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${JSON.stringify(e.details)}\t${e.hash}`);
      }
    },
  }),
  defineCommand({
    name: 'audit verify',
    group: WORKFLOW,
    summary: 'check every audit chain (or one): "ok: …" per chain, or exit 1 naming the first broken entry',
    args: [{ name: 'ID', optional: true }],
    options: [],
    output: 'chains',
    run: (ctx) => {
      const { store } = ctx.open();
      const id = ctx.args[0];
      const reports = id ? [store.audit.verify(id)] : store.audit.verifyAll();
      let ok = true;
      for (const r of reports) {
        if (r.ok) {
          const head = store.audit.head(r.meetingId).hash;
          ctx.print({ meetingId: r.meetingId, ok: true, length: r.length, head }, `ok: ${r.meetingId}: ${r.length} entries, head ${head}`);
        } else {
          ok = false;
          ctx.print({ meetingId: r.meetingId, ok: false, length: r.length, ...(r.problem ? { problem: r.problem } : {}) });
          if (!ctx.json) ctx.io.stderr(`minuta: broken: ${r.meetingId}: ${r.problem}`);
        }
      }
      if (reports.length === 0) ctx.print(undefined, 'ok: no audit log yet');
      return ok ? 0 : 1;
    },
  }),
  defineCommand({
    name: 'corrigendum',
    group: WORKFLOW,
    summary: 'a new meeting correcting sealed minutes; prints its id',
    args: [{ name: 'ID' }],
    options: [],
    output: 'meeting',
    run: (ctx) => {
      const { store } = ctx.open();
      const made = store.workflow.corrigendum(ctx.args[0]!, ctx.author);
      const stored = meetingOrThrow(store, made.id);
      ctx.print({ id: stored.id, title: stored.title, startsOn: stored.startsOn }, stored.id);
    },
  }),
  defineCommand({
    name: 'sign',
    group: SIGNATURES,
    summary: 'sign one empty signature field (PAdES, as an incremental update); with --db, also audited on the copy’s meeting (and attached when it is sealed)',
    args: [{ name: 'FILE.pdf' }],
    options: [{ name: 'field', value: 'NAME', required: true, summary: 'the signature field to fill' }, ...signOptions],
    output: 'signed',
    run: (ctx) => sign(ctx, 'sign'),
  }),
  defineCommand({
    name: 'certify',
    group: SIGNATURES,
    summary: 'certify the copy before anyone signs it (DocMDP; 2: only signing may follow), in an invisible field',
    args: [{ name: 'FILE.pdf' }],
    options: [
      ...signOptions,
      { name: 'field', value: 'NAME', summary: 'the field’s name (default "Certification by the Secretariat")' },
      { name: 'permissions', choices: ['1', '2', '3'], summary: 'what may follow: 1 nothing, 2 signing (default), 3 also annotations' },
    ],
    output: 'signed',
    run: (ctx) => sign(ctx, 'certify'),
  }),
  defineCommand({
    name: 'verify-signatures',
    group: SIGNATURES,
    summary: 'check every signature of a PDF (chains against the CA certificates of --trust): exit 0 all valid, 1 one is not, 2 the file cannot be read',
    args: [{ name: 'FILE.pdf' }],
    options: [
      { name: 'trust', value: 'FILE|DIR', summary: 'CA certificates to check the chains against' },
      { name: 'format', choices: ['text', 'json'], summary: 'text (default), or the report as JSON (prefer --json)' },
    ],
    output: 'signatures',
    run: async (ctx) => {
      const { verifySignaturesOf, signatureReportLines } = await import('../../signoff/cli');
      const file = ctx.args[0]!;
      let report;
      try {
        report = await verifySignaturesOf(file, ctx.string('trust'));
      } catch (error) {
        ctx.fail(error);
        return 2;
      }
      if (ctx.string('format') === 'json') ctx.io.stdout(JSON.stringify(report, null, 2));
      else ctx.print({ file, ...report }, signatureReportLines(report));
      return report.allSignedValid ? 0 : 1;
    },
  }),
];
