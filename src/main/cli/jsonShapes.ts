import { z } from 'zod';
import type { JsonShape } from './registry';

/**
 * The shapes of `--json` output, one per kind of result: the CLI checks every value against its
 * command's shape before printing it (a drift is an internal error, never a silently changed output),
 * the README's table is generated from them (`jsonShapesTable`), and the tests parse each command's
 * output with them. Objects are strict: a new field is a deliberate, documented change.
 *
 * Errors in --json mode are one line on stderr: {"error":{"code","message","path"?,"usage"?}} (`usage`
 * for exit 2, wrong usage), so stdout carries only results.
 */

const str = z.string();
const int = z.int();
const meetingRef = z.strictObject({ id: str, title: str, startsOn: str });
const transition = z.strictObject({ id: str, state: z.enum(['draft', 'in-review', 'approved', 'sealed']), versionName: str.optional() });
const checkResult = z.strictObject({ name: str, ok: z.boolean().nullable(), detail: str });
/** Signature reports come from the verifier (src/main/signoff/verify.ts); their core is fixed here. */
const signature = z.looseObject({ field: str, signed: z.boolean(), valid: z.boolean(), problems: z.array(str) });

export const JSON_SHAPES = {
  meeting: { kind: 'document', summary: 'the meeting made or imported', schema: meetingRef },
  meetings: { kind: 'lines', summary: 'one line per meeting, in the order of the home list', schema: z.strictObject({ id: str, startsOn: str, title: str, state: str.optional() }) },
  hits: { kind: 'lines', summary: 'one line per meeting found, best first', schema: z.strictObject({ id: str, title: str, startsOn: str, snippet: str, blockId: str }) },
  saved: {
    kind: 'document',
    summary: 'the revision the file became (`changed`: the blocks it changed)',
    schema: z.strictObject({ id: str, revision: int, seq: int, changed: z.array(str) }),
  },
  exported: {
    kind: 'lines',
    summary: 'one line per file written (one for `export ID`, one per meeting for `export --all`)',
    schema: z.strictObject({ id: str, file: str, format: z.enum(['json', 'docx', 'pdf']), version: str.optional(), bytes: int }),
  },
  comparison: {
    kind: 'document',
    summary: 'the two revisions compared, and the change list (`text`) or the file written',
    schema: z.strictObject({ id: str, a: int, b: int, format: z.enum(['text', 'docx', 'pdf']), file: str.optional(), text: str.optional() }),
  },
  copies: {
    kind: 'lines',
    summary: 'one line per file: the copy verified against the record, or why it cannot be read',
    schema: z.union([
      z.looseObject({ file: str, matches: z.boolean(), kind: z.enum(['pdf', 'docx']), differences: z.array(str), checks: z.array(checkResult), signatures: z.array(signature) }),
      z.strictObject({ file: str, unreadable: z.strictObject({ code: str, message: str }) }),
    ]),
  },
  backup: { kind: 'document', summary: 'the verified copy written', schema: z.strictObject({ file: str, meetings: int, revisions: int }) },
  check: { kind: 'document', summary: 'the database check (exit 1 when `problems` is not empty)', schema: z.strictObject({ ok: z.boolean(), meetings: int, revisions: int, problems: z.array(str) }) },
  trash: { kind: 'document', summary: 'the meeting moved', schema: z.strictObject({ id: str, action: z.enum(['deleted', 'restored']) }) },
  history: {
    kind: 'lines',
    summary: 'one line per revision, oldest first',
    schema: z.strictObject({ revision: int, savedAt: str, author: str, origin: str, changed: z.array(z.strictObject({ id: str, label: str })), names: z.array(str) }),
  },
  versions: { kind: 'lines', summary: 'one line per named version', schema: z.strictObject({ name: str, revision: int, namedBy: str, namedAt: str }) },
  named: { kind: 'document', summary: 'the version named', schema: z.strictObject({ id: str, name: str, revision: int }) },
  restored: { kind: 'document', summary: 'the new revision (`changed` empty: nothing differed)', schema: z.strictObject({ id: str, revision: int, from: int, changed: z.array(str) }) },
  threads: {
    kind: 'lines',
    summary: 'one line per comment thread, in document order',
    schema: z.strictObject({
      thread: str,
      state: z.enum(['open', 'resolved']),
      blockId: str,
      path: str.optional(),
      quote: str.optional(),
      detached: z.boolean(),
      comments: z.array(z.strictObject({ id: str, author: str, at: str, text: str })),
    }),
  },
  comment: {
    kind: 'document',
    summary: 'the thread started, replied to, resolved or reopened',
    schema: z.strictObject({ id: str, thread: str, action: z.enum(['started', 'replied', 'resolved', 'reopened']) }),
  },
  reviewCopy: { kind: 'document', summary: 'the review copy written', schema: z.strictObject({ file: str, revision: int, baseRevision: int, threads: int }) },
  status: {
    kind: 'document',
    summary: 'the sign-off state, its version, the audit chain head, what may follow, corrigenda and attachments',
    schema: z.strictObject({
      id: str,
      state: str,
      revisionId: int.optional(),
      versionName: str.optional(),
      changedBy: str.optional(),
      changedAt: str.optional(),
      allowed: z.array(str),
      corrects: str.optional(),
      corrigenda: z.array(str),
      chain: z.strictObject({ hash: str, length: int }),
      attachments: z.array(z.strictObject({ id: int, kind: str, name: str, mediaType: str, size: int, sha256: str, revisionId: int, addedBy: str, addedAt: str })),
    }),
  },
  transition: { kind: 'document', summary: 'the state reached (and the version approval named)', schema: transition },
  routed: { kind: 'document', summary: 'the routing step recorded and the revision it made', schema: z.strictObject({ id: str, step: int, revision: int }) },
  attached: {
    kind: 'document',
    summary: 'the attachment stored',
    schema: z.strictObject({ id: str, attachment: int, mediaType: str, size: int, sha256: str }),
  },
  file: { kind: 'document', summary: 'the file written', schema: z.strictObject({ file: str, bytes: int }) },
  audit: {
    kind: 'lines',
    summary: 'one line per audit entry, oldest first',
    schema: z.strictObject({ seq: int, at: str, actor: str, action: str, details: z.record(str, z.unknown()), hash: str }),
  },
  chains: {
    kind: 'lines',
    summary: 'one line per audit chain checked (exit 1 when one is not `ok`)',
    schema: z.strictObject({ meetingId: str, ok: z.boolean(), length: int, head: str.optional(), problem: str.optional() }),
  },
  signed: {
    kind: 'document',
    summary: 'the field signed or certified, by whom, the file written, and what the database recorded (`sign --db`)',
    schema: z.strictObject({ field: str, subject: str, fingerprint: str, file: str, latinSubstitute: z.boolean(), recorded: str.optional() }),
  },
  signatures: {
    kind: 'document',
    summary: 'every signature field of the PDF and its verdict',
    schema: z.strictObject({ file: str, allSignedValid: z.boolean(), signatures: z.array(signature) }),
  },
  reviewImported: {
    kind: 'document',
    summary: 'the reviewed copy brought back: import id, how many suggestions and comment threads, reviewer',
    schema: z.strictObject({ id: str, suggestions: int, threads: int, reviewer: str, delegationId: str.optional() }),
  },
  suggestions: {
    kind: 'document',
    summary: "the meeting's review imports, its suggestions (with where each applies now) and which delegations answered",
    schema: z.strictObject({ imports: z.array(z.record(str, z.unknown())), suggestions: z.array(z.record(str, z.unknown())), delegations: z.array(z.record(str, z.unknown())) }),
  },
  accepted: {
    kind: 'document',
    summary: 'the revision the acceptance made (absent: none applied), the suggestions accepted and those that conflict',
    schema: z.strictObject({ revision: int.optional(), accepted: z.array(str), conflicts: z.array(z.strictObject({ id: str, reason: str })) }),
  },
  rejected: { kind: 'document', summary: 'the suggestions rejected', schema: z.strictObject({ rejected: z.array(str) }) },
  decisions: {
    kind: 'lines',
    summary: 'one line per decision, agreement or recommendation, with its follow-up status and history',
    schema: z.record(str, z.unknown()).and(z.object({ meetingId: str, objectId: str, status: str, label: str, date: str, text: str })),
  },
  followUp: {
    kind: 'document',
    summary: 'the decision followed up and its follow-up history, oldest first',
    schema: z.strictObject({ meetingId: str, objectId: str, history: z.array(z.record(str, z.unknown())) }),
  },
  text: {
    kind: 'lines',
    summary: 'the text output, one `line` per line (a command ported from the old parser, not yet structured)',
    schema: z.strictObject({ line: str }),
  },
} satisfies Record<string, JsonShape>;

export type ShapeName = keyof typeof JSON_SHAPES;

/** The fields of a shape, for the README's table: `{ id: string, revision: number, changed?: string[] }`. */
export function describeShape(schema: z.ZodType): string {
  return render(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema);
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
}

function render(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(render).join(' | ');
  if (Array.isArray(s.type)) return s.type.map((t) => render({ ...s, type: t })).join('|');
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join('|');
  if (s.type === 'array') return `${render(s.items ?? {})}[]`;
  if (s.type === 'object' && s.properties) {
    const req = new Set(s.required ?? []);
    const open = s.additionalProperties !== false ? ', …' : '';
    return `{ ${Object.entries(s.properties)
      .map(([k, v]) => `${k}${req.has(k) ? '' : '?'}: ${render(v)}`)
      .join(', ')}${open} }`;
  }
  if (s.type === 'object') return 'object';
  if (s.type === 'integer') return 'number';
  return s.type ?? 'any';
}
