import type { Db } from './db';
import { MinutaError, excerpt } from '../../shared/errors';
import { joinMeeting, type BlockRecord, type Meeting, type MeetingHead } from '../../shared/minutes';
import { revisionDigest, sha256 } from './hashes';
import { HEAD_BLOCK_ID, applyChanges, emptyState, recordEntry, type HeadState } from './headState';
import { indexEntries } from './searchText';

/** A revision row as stored. */
export interface RevisionRow {
  id: number;
  meetingId: string;
  head: string;
  body: string;
  manifest: string;
  digest: string;
}

export interface VerifiedRevision {
  id: number;
  head: MeetingHead;
  headJson: string;
  body: string[];
  /** Block id → [record, its canonical JSON, its hash], for every block of the document. */
  records: Map<string, { record: BlockRecord; json: string; hash: string }>;
}

/** What to do about damage, after the finding itself; `minuta check` prints the finding alone. */
const ADVICE =
  '. The stored minutes are damaged and are not shown. ' +
  'Recover the meeting (it goes back to its last intact revision; nothing is deleted) or restore a backup.';

const damaged = (meetingId: string, revisionId: number, what: string) =>
  new MinutaError('corrupt', `Meeting ${meetingId}, revision ${revisionId}: ${what}${ADVICE}`);

/** The finding of a `corrupt` error without the advice. */
const finding = (error: unknown) => (error instanceof Error ? error.message.replace(ADVICE, '') : String(error));

function parse<T>(text: string, meetingId: string, revisionId: number, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw damaged(meetingId, revisionId, `${what} is not readable JSON`);
  }
}

/**
 * Checks a revision against its digest and every record against its hash, and parses it. Anything
 * that does not match is `corrupt`, naming the meeting, the revision and the block.
 */
export function verifyRevision(row: RevisionRow, recordText: (hash: string) => string | undefined): VerifiedRevision {
  const { meetingId, id } = row;
  if (revisionDigest(row.head, row.body, row.manifest) !== row.digest) {
    throw damaged(meetingId, id, 'its head, block list or manifest does not match its digest');
  }
  const manifest = parse<Record<string, string>>(row.manifest, meetingId, id, 'the manifest');
  const records: VerifiedRevision['records'] = new Map();
  for (const [blockId, hash] of Object.entries(manifest)) {
    const json = recordText(hash);
    if (json === undefined) throw damaged(meetingId, id, `the record of block ${excerpt(blockId)} is missing`);
    if (sha256(json) !== hash) throw damaged(meetingId, id, `the record of block ${excerpt(blockId)} does not match its hash`);
    const record = parse<BlockRecord>(json, meetingId, id, `the record of block ${excerpt(blockId)}`);
    if (record.id !== blockId) throw damaged(meetingId, id, `the record filed as block ${excerpt(blockId)} is another block`);
    records.set(blockId, { record, json, hash });
  }
  return {
    id,
    head: parse<MeetingHead>(row.head, meetingId, id, 'the head'),
    headJson: row.head,
    body: parse<string[]>(row.body, meetingId, id, 'the block list'),
    records,
  };
}

/** The document of a verified revision. */
export function documentOf(meetingId: string, revision: VerifiedRevision): Meeting {
  try {
    return joinMeeting(revision.head, revision.body, (id) => revision.records.get(id)?.record);
  } catch (error) {
    throw damaged(meetingId, revision.id, `its blocks do not fit together (${(error as Error).message})`);
  }
}

/** The in-memory head state of a verified revision, with every document-wide rule checked. */
export function stateOf(meetingId: string, seq: number, revision: VerifiedRevision): HeadState {
  const state = emptyState(meetingId);
  try {
    applyChanges(state, {
      head: { head: revision.head, json: revision.headJson },
      body: revision.body,
      records: [...revision.records.values()].map((r) => recordEntry(r.record, r.json, r.hash)),
    });
  } catch (error) {
    throw damaged(meetingId, revision.id, `it breaks the document's rules (${(error as Error).message})`);
  }
  state.seq = seq;
  state.revisionId = revision.id;
  return state;
}

export interface CheckReport {
  meetings: number;
  revisions: number;
  problems: string[];
}

/**
 * The whole-database check behind `minuta check` and the verification of a backup: SQLite's own
 * integrity and foreign-key checks, then every revision's digest and records, then the search index
 * against each meeting's head (blocks still waiting in search_pending are allowed to lag).
 */
export function checkDatabase(db: Db, maxProblems = 50): CheckReport {
  const problems: string[] = [];
  const add = (p: string) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  if (!(integrity.length === 1 && integrity[0]!.integrity_check === 'ok')) {
    for (const row of integrity) add(`SQLite integrity_check: ${row.integrity_check}`);
    return { meetings: 0, revisions: 0, problems };
  }
  for (const row of db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>) {
    add(`foreign key: row ${row.rowid} of ${row.table} points at a missing ${row.parent}`);
  }
  const recordText = db.prepare('SELECT record FROM block_records WHERE meeting_id = ? AND hash = ?').pluck();
  const meetings = db.prepare('SELECT id FROM meetings ORDER BY id').pluck().all() as string[];
  const revisionsOf = db.prepare(
    'SELECT id, meeting_id AS meetingId, head, body, manifest, digest FROM revisions WHERE meeting_id = ? ORDER BY id',
  );
  const indexed = db.prepare(
    `SELECT b.block_id AS blockId, s.text FROM search_blocks b JOIN search_index s ON s.rowid = b.id WHERE b.meeting_id = ?`,
  );
  const pending = db.prepare('SELECT block_id FROM search_pending WHERE meeting_id = ?').pluck();
  let revisions = 0;
  for (const meetingId of meetings) {
    const rows = revisionsOf.all(meetingId) as RevisionRow[];
    if (rows.length === 0) add(`Meeting ${meetingId}: has no revision`);
    let head: VerifiedRevision | undefined;
    for (const row of rows) {
      revisions++;
      try {
        const verified = verifyRevision(row, (hash) => recordText.get(meetingId, hash) as string | undefined);
        if (row === rows.at(-1)) head = verified;
      } catch (error) {
        add(finding(error));
      }
    }
    if (!head) continue;
    try {
      stateOf(meetingId, 0, head);
    } catch (error) {
      add(finding(error));
      continue;
    }
    const expected = indexEntries(head.head, [...head.records.values()].map((r) => r.record));
    const lagging = new Set(pending.all(meetingId) as string[]);
    const actual = new Map((indexed.all(meetingId) as Array<{ blockId: string; text: string }>).map((r) => [r.blockId, r.text]));
    for (const [blockId, text] of expected) {
      if (lagging.has(blockId)) continue;
      const found = actual.get(blockId);
      if (found === undefined && text) add(`Meeting ${meetingId}: the search index lacks block ${blockId}`);
      else if (found !== undefined && found !== text) add(`Meeting ${meetingId}: the search index holds other words for block ${blockId}`);
    }
    for (const blockId of actual.keys()) {
      if (!expected.has(blockId) && !lagging.has(blockId)) add(`Meeting ${meetingId}: the search index holds block ${blockId}, which is not in the document`);
    }
  }
  return { meetings: meetings.length, revisions, problems };
}

export { HEAD_BLOCK_ID };

/**
 * The check at start-up: SQLite's quick_check (pages and structure, not index contents; fast even on a
 * large file). Meetings are verified one by one when opened. Empty `problems` when the file is sound.
 */
export function quickCheck(db: Db, maxProblems = 10): { ok: boolean; problems: string[] } {
  const rows = db.pragma(`quick_check(${maxProblems})`) as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((p) => p !== 'ok');
  return { ok: problems.length === 0, problems };
}
