import { basename } from 'node:path';
import type { MeetingStore } from '../store/meetings';
import { MinutaError } from '../../shared/errors';
import { isoDateProblem } from '../../shared/minutes';
import { STATE_LABELS, TRANSITION_RULES, MAX_NOTE, type Transition } from '../../shared/workflow/states';
import { readScanFile } from './scanFile';
import { writeFileAtomically } from '../files/writeAtomically';

/**
 * The sign-off workflow's commands, called from src/main/cli/run.ts once the database is open:
 *   status ID · submit ID · approve ID · reopen ID --reason R [--to draft|review] · seal ID
 *   route ID --step N --date D [--person PERSON_ID] · attach ID FILE · attachment ID N --out FILE
 *   audit ID · audit verify [ID] · corrigendum ID
 * Transitions take --note TEXT. Each change is made by the CLI's author (--author / MINUTA_AUTHOR).
 */
export const WORKFLOW_COMMANDS: Record<string, ReadonlySet<string>> = {
  status: new Set(),
  submit: new Set(['--note']),
  approve: new Set(['--note']),
  reopen: new Set(['--reason', '--to']),
  seal: new Set(['--note']),
  route: new Set(['--step', '--date', '--person', '--by']),
  attach: new Set(),
  attachment: new Set(['--out']),
  audit: new Set(),
  corrigendum: new Set(),
};

export const WORKFLOW_USAGE = `  status ID                               sign-off state, approved/sealed version, audit chain
                                          head, corrigenda and attachments
  submit ID | approve ID | seal ID [--note TEXT]
                                          Draft → In review → Approved (names the version)
                                          → Sealed (final: no change ever after)
  reopen ID --reason TEXT [--to draft|review]
                                          return approved (or in-review) minutes for editing
  route ID --step N --date YYYY-MM-DD [--person PERSON_ID] [--by NAME]
                                          record routing step N as it happened: its date and
                                          who signed it (printed; a save, audited)
  attach ID FILE                          attach the signed scan (PDF, PNG or JPEG, ≤ 50 MB) to
                                          the sealed version; its SHA-256 goes into the audit log
  attachment ID N --out FILE              save attachment N out of the record
  audit ID                                print the meeting's audit log, oldest first
  audit verify [ID]                       check every audit chain (or one); exit 1 naming the
                                          first broken entry
  corrigendum ID                          a new meeting correcting sealed minutes; prints its id`;

/** What is wrong with the command line, before the database is opened (undefined: nothing). */
export function workflowUsageProblem(command: string, args: readonly string[], flags: ReadonlyMap<string, string>): string | undefined {
  const n = args.length;
  if (command === 'audit') return n === 1 || (n <= 2 && args[0] === 'verify') ? undefined : 'audit takes a meeting id, or verify [ID]';
  if (command === 'attach') return n === 2 ? undefined : 'attach takes a meeting id and a file';
  if (command === 'attachment') return n === 2 && /^\d+$/.test(args[1]!) && flags.has('--out') ? undefined : 'attachment takes a meeting id, a number and --out FILE';
  if (n !== 1) return `${command} takes a meeting id`;
  if (command === 'reopen') {
    if (!flags.get('--reason')?.trim()) return 'reopen needs --reason TEXT (why the approved minutes are reopened)';
    const to = flags.get('--to') ?? 'draft';
    if (to !== 'draft' && to !== 'review') return `reopen --to draft or review, not ${to.slice(0, 20)}`;
  }
  if (command === 'route') {
    const step = flags.get('--step') ?? '';
    if (!/^[1-9]\d{0,3}$/.test(step)) return 'route needs --step N (1 for the first routing step)';
    const date = flags.get('--date');
    if (!date) return 'route needs --date YYYY-MM-DD';
    const problem = isoDateProblem(date);
    if (problem) return `--date: ${problem}`;
  }
  if ((flags.get('--by')?.length ?? 0) > 200) return '--by must be at most 200 characters';
  for (const flag of ['--note', '--reason']) {
    if ((flags.get(flag)?.length ?? 0) > MAX_NOTE) return `${flag} must be at most ${MAX_NOTE} characters`;
  }
  return undefined;
}

export interface WorkflowIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** Runs one workflow command; returns the exit code (1 when `audit verify` finds a broken chain). */
export function runWorkflowCommand(
  store: MeetingStore,
  command: string,
  args: readonly string[],
  flags: ReadonlyMap<string, string>,
  author: string,
  io: WorkflowIo,
): number {
  const id = args[0]!;
  const wf = store.workflow;
  const transition = (t: Transition, note?: string) => {
    const s = wf.transition(id, t, author, note);
    io.stdout(`${id}: ${STATE_LABELS[s.state]}${s.versionName ? ` (${s.versionName})` : ''}`);
  };
  switch (command) {
    case 'status': {
      const s = wf.status(id);
      io.stdout(`state: ${STATE_LABELS[s.state]}${s.changedBy ? ` (by ${s.changedBy} at ${s.changedAt})` : ''}`);
      if (s.versionName) io.stdout(`version: ${s.versionName} (revision ${s.revisionId})`);
      io.stdout(`audit chain: ${s.chain.length} entries, head ${s.chain.hash}`);
      io.stdout(`next: ${s.allowed.map((t) => TRANSITION_RULES[t].label).join(', ') || '(none: sealed is final)'}`);
      if (s.corrects) io.stdout(`corrigendum to: ${s.corrects}`);
      for (const c of s.corrigenda) io.stdout(`corrigendum: ${c}`);
      for (const a of wf.attachments(id)) io.stdout(`attachment ${a.id}: ${a.kind} ${a.name} ${a.mediaType} ${a.size} bytes sha256 ${a.sha256}`);
      return 0;
    }
    case 'submit':
    case 'approve':
    case 'seal':
      transition(command, flags.get('--note'));
      return 0;
    case 'reopen':
      transition((flags.get('--to') ?? 'draft') === 'review' ? 'reopen-review' : 'reopen-draft', flags.get('--reason'));
      return 0;
    case 'route': {
      const step = Number(flags.get('--step'));
      const person = flags.get('--person');
      const by = flags.get('--by');
      const saved = store.recordRoutingStep(id, { step, date: flags.get('--date')!, ...(person ? { personId: person } : {}), ...(by ? { by } : {}) }, author);
      io.stdout(`${id}: routing step ${step} recorded (revision ${saved.revisionId})`);
      return 0;
    }
    case 'attach': {
      const file = args[1]!;
      const { bytes, mediaType } = readScanFile(file);
      const a = wf.attach(id, { name: basename(file).slice(0, 200), bytes, mediaType, kind: 'scan' }, author);
      io.stdout(`attachment ${a.id}: ${a.mediaType} ${a.size} bytes sha256 ${a.sha256}`);
      return 0;
    }
    case 'attachment': {
      writeFileAtomically(flags.get('--out')!, wf.attachmentBytes(id, Number(args[1])));
      return 0;
    }
    case 'audit': {
      if (args[0] === 'verify') {
        const reports = args[1] ? [store.audit.verify(args[1])] : store.audit.verifyAll();
        let ok = true;
        for (const r of reports) {
          if (r.ok) io.stdout(`ok: ${r.meetingId}: ${r.length} entries, head ${store.audit.head(r.meetingId).hash}`);
          else {
            ok = false;
            io.stderr(`minuta: broken: ${r.meetingId}: ${r.problem}`);
          }
        }
        if (reports.length === 0) io.stdout('ok: no audit log yet');
        return ok ? 0 : 1;
      }
      for (const e of wf.auditEntries(id)) {
        io.stdout(`${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${JSON.stringify(e.details)}\t${e.hash}`);
      }
      return 0;
    }
    case 'corrigendum':
      io.stdout(wf.corrigendum(id, author).id);
      return 0;
    default:
      throw new MinutaError('internal', `unknown workflow command ${command}`);
  }
}
