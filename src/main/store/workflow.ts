import { writeTransaction, type Db } from './db';
import type { Audit, AuditEntry, ChainHead } from './audit';
import type { Meeting } from '../../shared/minutes';
import { richTextToString } from '../../shared/minutes';
import { MinutaError } from '../../shared/errors';
import { sha256Bytes } from './hashes';
import {
  STATE_LABELS,
  TRANSITION_RULES,
  allowedTransitions,
  type ScanType,
  type Transition,
  type WorkflowState,
} from '../../shared/workflow/states';

export interface WorkflowStatus {
  state: WorkflowState;
  /** The approved or sealed revision and the name that pins it. */
  revisionId?: number;
  versionName?: string;
  changedBy?: string;
  changedAt?: string;
  allowed: Transition[];
  /** The meeting this one corrects, when it is a corrigendum. */
  corrects?: string;
  /** Corrigenda made of this (sealed) meeting. */
  corrigenda: string[];
  chain: ChainHead;
}

export interface AttachmentInfo {
  id: number;
  kind: 'scan' | 'signed-copy';
  name: string;
  mediaType: ScanType;
  size: number;
  sha256: string;
  revisionId: number;
  addedBy: string;
  addedAt: string;
}

/** What the workflow needs from the rest of the store (the facade wires them). */
export interface WorkflowDeps {
  audit: Audit;
  now: () => Date;
  /** The head revision id and document of a meeting (verified). */
  head(meetingId: string): { revisionId: number; meeting: Meeting; seq: number } | undefined;
  nameVersion(meetingId: string, name: string, author: string, revisionId: number): number;
  create(meeting: Meeting, author: string): { id: string };
}

/**
 * The sign-off workflow over the store: states, transitions (each one write transaction together
 * with its audit entries), sealing, corrigenda and attachments. The rules are
 * src/shared/workflow/states.ts; migration 004's triggers hold the sealed record against any SQL.
 */
export function createWorkflow(db: Db, deps: WorkflowDeps) {
  const q = {
    state: db.prepare(
      `SELECT state, revision_id AS revisionId, version_name AS versionName, changed_by AS changedBy, changed_at AS changedAt
       FROM meeting_states WHERE meeting_id = ?`,
    ),
    upsert: db.prepare(
      `INSERT INTO meeting_states (meeting_id, state, revision_id, version_name, changed_by, changed_at)
       VALUES (@meetingId, @state, @revisionId, @versionName, @by, @at)
       ON CONFLICT (meeting_id) DO UPDATE SET state = excluded.state, revision_id = excluded.revision_id,
         version_name = excluded.version_name, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
    ),
    states: db.prepare('SELECT meeting_id AS id, state FROM meeting_states'),
    corrects: db.prepare('SELECT corrects FROM corrigenda WHERE meeting_id = ?').pluck(),
    corrigenda: db.prepare('SELECT meeting_id FROM corrigenda WHERE corrects = ? ORDER BY created_at, meeting_id').pluck(),
    link: db.prepare('INSERT INTO corrigenda (meeting_id, corrects, created_by, created_at) VALUES (?, ?, ?, ?)'),
    attach: db.prepare(
      `INSERT INTO attachments (meeting_id, revision_id, kind, name, media_type, size, sha256, bytes, added_by, added_at)
       VALUES (@meetingId, @revisionId, @kind, @name, @mediaType, @size, @sha256, @bytes, @by, @at)`,
    ),
    attachments: db.prepare(
      `SELECT id, kind, name, media_type AS mediaType, size, sha256, revision_id AS revisionId, added_by AS addedBy, added_at AS addedAt
       FROM attachments WHERE meeting_id = ? ORDER BY id`,
    ),
    attachmentBytes: db.prepare('SELECT bytes, sha256 FROM attachments WHERE meeting_id = ? AND id = ?'),
    exists: db.prepare('SELECT 1 FROM meetings WHERE id = ?').pluck(),
  };

  type StateRow = { state: WorkflowState; revisionId: number | null; versionName: string | null; changedBy: string; changedAt: string };
  const row = (meetingId: string) => q.state.get(meetingId) as StateRow | undefined;
  const stateOf = (meetingId: string): WorkflowState => row(meetingId)?.state ?? 'draft';
  const mustExist = (meetingId: string) => {
    if (!q.exists.get(meetingId)) throw new MinutaError('not-found', `No meeting with id ${meetingId}`, 'id');
  };

  function status(meetingId: string): WorkflowStatus {
    mustExist(meetingId);
    const r = row(meetingId);
    const state = r?.state ?? 'draft';
    const corrects = q.corrects.get(meetingId) as string | undefined;
    return {
      state,
      ...(r?.revisionId != null ? { revisionId: r.revisionId } : {}),
      ...(r?.versionName != null ? { versionName: r.versionName } : {}),
      ...(r ? { changedBy: r.changedBy, changedAt: r.changedAt } : {}),
      allowed: allowedTransitions(state),
      ...(corrects ? { corrects } : {}),
      corrigenda: q.corrigenda.all(meetingId) as string[],
      chain: deps.audit.head(meetingId),
    };
  }

  const transition = writeTransaction(db, (meetingId: string, t: Transition, author: string, note?: string): WorkflowStatus => {
    mustExist(meetingId);
    const rule = TRANSITION_RULES[t];
    const from = stateOf(meetingId);
    if (!rule.from.includes(from)) {
      const open = allowedTransitions(from).map((a) => TRANSITION_RULES[a].label.toLowerCase());
      throw new MinutaError(
        from === 'sealed' ? 'read-only' : 'conflict',
        `The meeting is ${STATE_LABELS[from]}: it cannot be ${pastTense(t)}` +
          (from === 'sealed' ? ' (sealed is final; make a corrigendum)' : open.length ? ` (possible now: ${open.join(', ')})` : ''),
        'transition',
      );
    }
    const text = note?.trim() ?? '';
    if (rule.needsReason && text === '') throw new MinutaError('invalid', `${rule.label} needs a reason`, 'note');
    const at = deps.now().toISOString();
    const head = deps.head(meetingId)!;
    let revisionId: number | null = null;
    let versionName: string | null = null;
    if (t === 'approve') {
      versionName = uniqueName(meetingId, `Approved ${at.slice(0, 10)} by ${author}`);
      revisionId = deps.nameVersion(meetingId, versionName, author, head.revisionId);
      deps.audit.append(meetingId, author, 'named-version', { name: versionName, revisionId });
    } else if (t === 'seal') {
      const approved = row(meetingId)!;
      // Approved refuses saves, so the head is the approved revision; anything else is not sealed.
      if (approved.revisionId !== head.revisionId) {
        throw new MinutaError('conflict', 'The meeting changed since it was approved: reopen it and approve it again before sealing', 'transition');
      }
      revisionId = approved.revisionId;
      versionName = approved.versionName;
    }
    const entry = deps.audit.append(meetingId, author, 'transition', {
      transition: t,
      from,
      to: rule.to,
      ...(text ? { [rule.needsReason ? 'reason' : 'note']: text } : {}),
      revisionId: revisionId ?? head.revisionId,
      ...(versionName ? { version: versionName } : {}),
    });
    q.upsert.run({ meetingId, state: rule.to, revisionId, versionName, by: author, at: entry.at });
    return status(meetingId);
  });

  function uniqueName(meetingId: string, base: string): string {
    const taken = db.prepare('SELECT 1 FROM named_versions WHERE meeting_id = ? AND name = ?').pluck();
    let name = base;
    for (let n = 2; taken.get(meetingId, name); n++) name = `${base} (${n})`;
    return name;
  }

  /** Sealing writes with synchronous=FULL: the one write that must survive a power cut as well. */
  function transitionDurably(meetingId: string, t: Transition, author: string, note?: string): WorkflowStatus {
    if (t !== 'seal') return transition(meetingId, t, author, note);
    const before = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('synchronous = FULL');
    try {
      return transition(meetingId, t, author, note);
    } finally {
      db.pragma(`synchronous = ${before}`);
    }
  }

  const corrigendum = writeTransaction(db, (meetingId: string, author: string): { id: string } => {
    const st = row(meetingId);
    mustExist(meetingId);
    if (st?.state !== 'sealed') throw new MinutaError('conflict', 'Only sealed minutes take a corrigendum; edit these minutes instead', 'id');
    const head = deps.head(meetingId)!;
    const source = head.meeting;
    const title = richTextToString(source.titleBlock.title).trim();
    const copy: Meeting = {
      ...source,
      titleBlock: {
        ...source.titleBlock,
        corrigendumTo: { meetingId, title: title.slice(0, 500) || meetingId, ...(st.versionName ? { version: st.versionName.slice(0, 500) } : {}) },
      },
    };
    const created = deps.create(copy, author);
    q.link.run(created.id, meetingId, author, deps.now().toISOString());
    deps.audit.append(meetingId, author, 'corrigendum', { corrigendum: created.id });
    deps.audit.append(created.id, author, 'corrigendum', { corrects: meetingId, sealedRevision: st.revisionId, version: st.versionName });
    return { id: created.id };
  });

  const attach = writeTransaction(
    db,
    (meetingId: string, file: { name: string; bytes: Uint8Array; mediaType: ScanType; kind: 'scan' | 'signed-copy' }, author: string): AttachmentInfo => {
      mustExist(meetingId);
      const st = row(meetingId);
      if (st?.state !== 'sealed' || st.revisionId == null) {
        throw new MinutaError('conflict', `A signed copy is attached to sealed minutes; this meeting is ${STATE_LABELS[st?.state ?? 'draft']}`, 'id');
      }
      const at = deps.now().toISOString();
      const hash = sha256Bytes(file.bytes);
      const id = Number(
        q.attach.run({
          meetingId,
          revisionId: st.revisionId,
          kind: file.kind,
          name: file.name,
          mediaType: file.mediaType,
          size: file.bytes.length,
          sha256: hash,
          bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
          by: author,
          at,
        }).lastInsertRowid,
      );
      deps.audit.append(meetingId, author, 'attachment', {
        attachment: id,
        kind: file.kind,
        name: file.name,
        mediaType: file.mediaType,
        size: file.bytes.length,
        sha256: hash,
        revisionId: st.revisionId,
      });
      return { id, kind: file.kind, name: file.name, mediaType: file.mediaType, size: file.bytes.length, sha256: hash, revisionId: st.revisionId, addedBy: author, addedAt: at };
    },
  );

  return {
    status,
    stateOf,
    /** Every meeting that left Draft, with its state (the home list's badges). */
    states: (): Map<string, WorkflowState> => new Map((q.states.all() as Array<{ id: string; state: WorkflowState }>).map((r) => [r.id, r.state])),
    transition: transitionDurably,
    corrigendum: (meetingId: string, author: string) => corrigendum(meetingId, author),
    attach: (meetingId: string, file: { name: string; bytes: Uint8Array; mediaType: ScanType; kind: 'scan' | 'signed-copy' }, author: string) =>
      attach(meetingId, file, author),
    attachments: (meetingId: string): AttachmentInfo[] => {
      mustExist(meetingId);
      return q.attachments.all(meetingId) as AttachmentInfo[];
    },
    /** An attachment's bytes, checked against the SHA-256 recorded (and audited) when it was added. */
    attachmentBytes(meetingId: string, id: number): Uint8Array {
      const found = q.attachmentBytes.get(meetingId, id) as { bytes: Buffer; sha256: string } | undefined;
      if (!found) throw new MinutaError('not-found', `Meeting ${meetingId} has no attachment ${id}`, 'attachment');
      if (sha256Bytes(found.bytes) !== found.sha256) throw new MinutaError('corrupt', `Attachment ${id} of meeting ${meetingId} does not match its SHA-256`);
      return new Uint8Array(found.bytes);
    },
    auditEntries: (meetingId: string): AuditEntry[] => {
      mustExist(meetingId);
      return deps.audit.list(meetingId);
    },
  };
}

function pastTense(t: Transition): string {
  return { submit: 'submitted for review', approve: 'approved', 'reopen-draft': 'returned to draft', 'reopen-review': 'returned to review', seal: 'sealed' }[t];
}

/** Why a save is refused in this state, or undefined when the state takes edits. */
export function editRefusal(state: WorkflowState): MinutaError | undefined {
  if (state === 'sealed') {
    return new MinutaError('read-only', 'These minutes are sealed: they can no longer change. Make a corrigendum for any correction.');
  }
  if (state === 'approved') {
    return new MinutaError('read-only', 'These minutes are approved: return them to draft or review (with a reason) before editing.');
  }
  return undefined;
}

export type Workflow = ReturnType<typeof createWorkflow>;
