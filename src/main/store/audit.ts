import type { Db } from './db';
import { sha256 } from './hashes';
import { canonicalJson } from '../../shared/canonicalJson';
import { MinutaError } from '../../shared/errors';
import type { AuditAction } from '../../shared/workflow/states';

/**
 * The audit log: per meeting, an append-only chain of entries. Each entry's hash is
 *
 *     hash = SHA-256( prev_hash ‖ canonicalJson({ meetingId, seq, at, actor, action, details }) )
 *
 * (hex, the previous entry's hash or 64 zeros for the first), so changing, removing, reordering or
 * inserting an entry breaks the chain from there on, and the head (last hash, length) printed on a
 * sealed copy pins the whole log as it was then. Migration 004's triggers refuse UPDATE, DELETE,
 * REPLACE and any insert that is not the next link; `verify` finds what someone did around them.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  meetingId: string;
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  /** Plain JSON data of the event (state names, revision, version name, SHA-256 of a file, …). */
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  /** The last entry's hash (GENESIS_HASH for an empty log). */
  hash: string;
  length: number;
}

export interface ChainReport {
  meetingId: string;
  length: number;
  ok: boolean;
  /** The first broken entry and what is wrong with it. */
  problem?: string;
}

/** The one definition of an entry's hash. */
export function entryHash(prevHash: string, e: Pick<AuditEntry, 'meetingId' | 'seq' | 'at' | 'actor' | 'action' | 'details'>): string {
  const canonical = canonicalJson({ meetingId: e.meetingId, seq: e.seq, at: e.at, actor: e.actor, action: e.action, details: e.details });
  return sha256(prevHash + canonical);
}

interface Row {
  meetingId: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: string;
  prevHash: string;
  hash: string;
}

const COLUMNS = 'meeting_id AS meetingId, seq, at, actor, action, details, prev_hash AS prevHash, hash';

export function createAudit(db: Db, now: () => Date) {
  const q = {
    last: db.prepare(`SELECT seq, hash FROM audit_log WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1`),
    insert: db.prepare(
      `INSERT INTO audit_log (meeting_id, seq, at, actor, action, details, prev_hash, hash)
       VALUES (@meetingId, @seq, @at, @actor, @action, @details, @prevHash, @hash)`,
    ),
    entries: db.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE meeting_id = ? ORDER BY seq`),
    chains: db.prepare('SELECT DISTINCT meeting_id FROM audit_log ORDER BY meeting_id').pluck(),
  };

  const parse = (r: Row): AuditEntry => {
    let details: Record<string, unknown>;
    try {
      details = JSON.parse(r.details) as Record<string, unknown>;
    } catch {
      details = { unreadable: r.details.slice(0, 80) };
    }
    return { ...r, action: r.action as AuditAction, details };
  };

  /** Appends one entry; callers run it inside their own write transaction, with the change it records. */
  function append(meetingId: string, actor: string, action: AuditAction, details: Record<string, unknown>): AuditEntry {
    const last = q.last.get(meetingId) as { seq: number; hash: string } | undefined;
    const entry = { meetingId, seq: (last?.seq ?? 0) + 1, at: now().toISOString(), actor, action, details };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = entryHash(prevHash, entry);
    q.insert.run({ ...entry, details: canonicalJson(details), prevHash, hash });
    return { ...entry, prevHash, hash };
  }

  function head(meetingId: string): ChainHead {
    const last = q.last.get(meetingId) as { seq: number; hash: string } | undefined;
    return { hash: last?.hash ?? GENESIS_HASH, length: last?.seq ?? 0 };
  }

  /**
   * Walks a chain in order and names the first entry that breaks it: an edited entry, or one moved to
   * another place (its number is in its hash), no longer matches its hash; a removed one leaves a gap
   * in the numbering; an inserted one (numbers shifted, hashes recomputed from there) leaves a link that
   * does not point at the entry before it, unless the whole rest of the log was rewritten, which the
   * chain head printed on a sealed copy shows.
   */
  function verify(meetingId: string): ChainReport {
    const rows = q.entries.all(meetingId) as Row[];
    const name = (r: Row) => `entry ${r.seq} (${r.action.slice(0, 40)} by ${r.actor.slice(0, 60)} at ${r.at.slice(0, 30)})`;
    let prev = GENESIS_HASH;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const expectedSeq = i + 1;
      if (r.seq !== expectedSeq) {
        return { meetingId, length: rows.length, ok: false, problem: `${name(r)} is out of sequence: entry ${expectedSeq} is missing (removed)` };
      }
      let details: unknown;
      try {
        details = JSON.parse(r.details);
      } catch {
        return { meetingId, length: rows.length, ok: false, problem: `${name(r)} is not readable (edited)` };
      }
      const computed = entryHash(r.prevHash, { ...r, action: r.action as AuditAction, details: details as Record<string, unknown> });
      if (computed !== r.hash) return { meetingId, length: rows.length, ok: false, problem: `${name(r)} does not match its hash: it was edited, or moved from another place in the log` };
      if (r.prevHash !== prev) {
        return { meetingId, length: rows.length, ok: false, problem: `${name(r)} does not follow the entry before it: an entry was removed, inserted or reordered` };
      }
      prev = r.hash;
    }
    return { meetingId, length: rows.length, ok: true };
  }

  return {
    append,
    head,
    verify,
    /** Every chain in the database (meetings that have an audit log). */
    verifyAll: (): ChainReport[] => (q.chains.all() as string[]).map(verify),
    list: (meetingId: string): AuditEntry[] => (q.entries.all(meetingId) as Row[]).map(parse),
  };
}

export type Audit = ReturnType<typeof createAudit>;

/** A bounded refusal for an entry that cannot be written (the meeting is missing). */
export const noMeeting = (id: string) => new MinutaError('not-found', `No meeting with id ${id}`, 'id');
