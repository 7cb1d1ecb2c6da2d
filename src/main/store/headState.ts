import { canonicalJson } from '../../shared/canonicalJson';
import { MinutaError, excerpt, listProblems } from '../../shared/errors';
import {
  DEEPEST_BLOCK_LEVEL,
  ENVELOPE_BYTES,
  HEAD_LEVEL,
  LIMITS,
  formatPath,
  interchangeBytes,
  joinMeeting,
  walkIds,
  type BlockRecord,
  type IdWalk,
  type Meeting,
  type MeetingHead,
} from '../../shared/minutes';
import { manifestText, sha256 } from './hashes';
import { HEAD_BLOCK_ID } from './searchText';

export { HEAD_BLOCK_ID };

/** One block record with everything the document-wide rules need, computed once when it arrives. */
export interface RecordEntry {
  record: BlockRecord;
  /** Canonical JSON, as stored. */
  json: string;
  hash: string;
  /** Upper bound of its bytes in a minutes file (see interchangeBytes). */
  bytes: number;
  walk: IdWalk;
}

/**
 * What the store knows of a meeting's head revision, kept in memory while the meeting is open so that
 * a save is validated against it record by record: which block owns every id, the delegations, the
 * register, each record's references and size. Valid for exactly one `seq`: any save, by this process
 * or another, moves the seq and the next access reloads it (verified) from the database.
 */
export interface HeadState {
  meetingId: string;
  seq: number;
  revisionId: number;
  head: MeetingHead;
  headJson: string;
  headBytes: number;
  headWalk: IdWalk;
  body: string[];
  bodyJson: string;
  records: Map<string, RecordEntry>;
  /** Declared id → the block that declares it (HEAD_BLOCK_ID for the head). */
  owners: Map<string, string>;
  /** Delegation id → the block that declares it. */
  delegations: Map<string, string>;
  bytes: number;
  /** The joined document once asked for (meetingOf); shares leaf objects with `records`. Read-only. */
  joined: Meeting | undefined;
  /** The manifest's canonical text once asked for (manifestTextOf), patched in place by an edit. */
  manifestJson: string | undefined;
}

/** The document of a head state, joined from its records on first use after a save. */
export function meetingOf(state: HeadState): Meeting {
  state.joined ??= joinMeeting(state.head, state.body, (id) => state.records.get(id)?.record);
  return state.joined;
}

export function recordEntry(record: BlockRecord, json = canonicalJson(record), hash = sha256(json)): RecordEntry {
  return { record, json, hash, bytes: interchangeBytes(record, DEEPEST_BLOCK_LEVEL), walk: walkIds(record) };
}

export interface HeadInput {
  head: MeetingHead;
  json: string;
}
export function headInput(head: MeetingHead): HeadInput {
  return { head, json: canonicalJson(head) };
}

export function emptyState(meetingId: string): HeadState {
  return {
    meetingId,
    seq: 0,
    revisionId: 0,
    head: undefined as unknown as MeetingHead,
    headJson: '',
    headBytes: 0,
    headWalk: { ids: [], delegations: [], refs: [] },
    body: [],
    bodyJson: '[]',
    records: new Map(),
    owners: new Map(),
    delegations: new Map(),
    bytes: ENVELOPE_BYTES,
    joined: undefined,
    manifestJson: undefined,
  };
}

export interface Applied {
  /** Blocks whose record is new, changed or gone (HEAD_BLOCK_ID when the head changed). */
  changed: string[];
  /** Records to store (new content). */
  added: RecordEntry[];
  removed: string[];
}

const isContainer = (record: BlockRecord) => record.type === 'section' || record.type === 'session';

interface Problem {
  message: string;
  path: string;
}

const where = (owner: string, path: readonly (string | number)[]) =>
  owner === HEAD_BLOCK_ID ? formatPath(['head', ...path]) : `block ${owner}${path.length > 0 ? ` ${formatPath(path)}` : ''}`;

/**
 * Applies a save's changes to `state` IN PLACE, checking the model's document-wide rules for what
 * changed: the structure (joinMeeting's rules), ids unique across the whole document, every reference
 * resolving (all of them when the register or a delegation list changed), and the size limit from a
 * running total. Throws `invalid` naming the problems; the caller must then drop the state (it may be
 * half-applied) and let the next access reload it.
 */
export function applyChanges(
  state: HeadState,
  changes: { head?: HeadInput | undefined; body?: string[] | undefined; records?: readonly RecordEntry[] | undefined },
): Applied {
  const sent = new Map<string, RecordEntry>();
  for (const entry of changes.records ?? []) {
    if (sent.has(entry.record.id)) throw new MinutaError('invalid', `Block ${excerpt(entry.record.id)} is sent twice in one save`, 'changes.blocks');
    sent.set(entry.record.id, entry);
  }
  const head = changes.head ?? (state.head ? { head: state.head, json: state.headJson } : undefined);
  if (!head) throw new MinutaError('invalid', `Meeting ${state.meetingId}: a new meeting needs its head`, 'changes.head');
  if (head.head.id !== state.meetingId) {
    throw new MinutaError('invalid', `The document's id ${excerpt(head.head.id)} is not meeting ${state.meetingId}`, 'changes.head.id');
  }
  const body = changes.body ?? state.body;

  // Structure: exactly joinMeeting's rules (it throws `invalid` naming the block). An edit of leaves
  // already in the document (the common autosave) cannot change the structure: no join needed.
  const leavesInPlace =
    changes.body === undefined &&
    [...sent.values()].every((e) => !isContainer(e.record) && state.records.has(e.record.id) && !isContainer(state.records.get(e.record.id)!.record));
  let meeting: Meeting | undefined;
  let removed: string[] = [];
  if (!leavesInPlace) {
    meeting = joinMeeting(head.head, body, (id) => sent.get(id)?.record ?? state.records.get(id)?.record);
    const placed = new Set<string>();
    for (const block of meeting.body) {
      placed.add(block.id);
      if (block.type === 'section') {
        for (const inner of block.blocks) {
          placed.add(inner.id);
          if (inner.type === 'session') for (const item of inner.items) placed.add(item.id);
        }
      } else if (block.type === 'session') for (const item of block.items) placed.add(item.id);
    }
    for (const id of sent.keys()) {
      if (!placed.has(id)) throw new MinutaError('invalid', `Block ${excerpt(id)} is sent but not placed in the document`, 'changes.blocks');
    }
    removed = [...state.records.keys()].filter((id) => !placed.has(id));
  }
  const added = [...sent.values()].filter((e) => state.records.get(e.record.id)?.hash !== e.hash);
  const headChanged = head.json !== state.headJson;

  // Ids: release what the changed and removed parts declared, then claim what they declare now.
  const problems: Problem[] = [];
  const released: string[] = [];
  const release = (owner: string, walk: IdWalk | undefined) => {
    if (!walk) return;
    for (const { id } of walk.ids) {
      if (state.owners.get(id) === owner) {
        state.owners.delete(id);
        released.push(id);
      }
    }
    for (const id of walk.delegations) if (state.delegations.get(id) === owner) state.delegations.delete(id);
  };
  let delegationsChanged = false;
  for (const id of removed) {
    const old = state.records.get(id)!;
    if (old.walk.delegations.length > 0) delegationsChanged = true;
    release(id, old.walk);
  }
  for (const entry of added) {
    const old = state.records.get(entry.record.id);
    if ((old?.walk.delegations.length ?? 0) > 0 || entry.walk.delegations.length > 0) delegationsChanged = true;
    release(entry.record.id, old?.walk);
  }
  const headWalk = headChanged ? walkIds(head.head) : state.headWalk;
  if (headChanged) release(HEAD_BLOCK_ID, state.headWalk);
  const claim = (owner: string, walk: IdWalk) => {
    for (const { id, path } of walk.ids) {
      const other = state.owners.get(id);
      if (other !== undefined) {
        problems.push({
          message: `Duplicate id "${excerpt(id)}" at ${where(owner, path)} (already used in ${other === HEAD_BLOCK_ID ? 'the head' : `block ${other}`})`,
          path: `${owner}.id`,
        });
      } else state.owners.set(id, owner);
    }
    for (const id of walk.delegations) state.delegations.set(id, owner);
  };
  if (headChanged) claim(HEAD_BLOCK_ID, headWalk);
  for (const entry of added) claim(entry.record.id, entry.walk);

  // Commit the records, then check references against the new state.
  for (const id of removed) {
    state.bytes -= state.records.get(id)!.bytes;
    state.records.delete(id);
  }
  if (removed.length > 0) state.manifestJson = undefined;
  for (const entry of added) {
    const old = state.records.get(entry.record.id);
    state.bytes += entry.bytes - (old?.bytes ?? 0);
    state.records.set(entry.record.id, entry);
    // An edited block only changes its hash in the manifest: patch the text instead of re-sorting it.
    const key = JSON.stringify(entry.record.id);
    state.manifestJson = old && state.manifestJson?.replace(`${key}:"${old.hash}"`, `${key}:"${entry.hash}"`);
  }
  const people = new Set(head.head.people.map((p) => p.id));
  const organisations = new Set(head.head.organisations.map((o) => o.id));
  const agendaItems = new Set((head.head.agenda ?? []).map((a) => a.id));
  // A cross-reference names any id of the document (state.owners knows them all, head and blocks).
  const known = { person: people, organisation: organisations, delegation: state.delegations, agendaItem: agendaItems, target: state.owners };
  const checkRefs = (owner: string, walk: IdWalk) => {
    for (const ref of walk.refs) {
      if (!known[ref.kind].has(ref.id)) {
        problems.push({ message: `${where(owner, ref.path)}: ${ref.kind === 'target' ? 'Cross-reference to unknown' : `Unknown ${ref.kind}`} id "${excerpt(ref.id)}"`, path: `${owner}.${ref.path.join('.')}` });
      }
    }
  };
  // An id that is gone may be the target of a cross-reference anywhere in the document.
  const idsLost = released.some((id) => !state.owners.has(id));
  if (headChanged || delegationsChanged || idsLost) {
    checkRefs(HEAD_BLOCK_ID, headWalk);
    for (const [id, entry] of state.records) checkRefs(id, entry.walk);
  } else for (const entry of added) checkRefs(entry.record.id, entry.walk);

  if (headChanged) {
    const headBytes = interchangeBytes(head.head, HEAD_LEVEL);
    state.bytes += headBytes - state.headBytes;
    state.headBytes = headBytes;
  }
  if (state.bytes > LIMITS.maxDocumentBytes) {
    problems.push({
      message: `The document would be larger than the ${LIMITS.maxDocumentBytes / 1024 / 1024} MB a minutes file may hold`,
      path: 'changes',
    });
  }
  if (problems.length > 0) throw new MinutaError('invalid', listProblems(problems.map((p) => p.message)), problems[0]!.path);

  state.head = head.head;
  state.headJson = head.json;
  state.headWalk = headWalk;
  if (changes.body) {
    state.body = body;
    state.bodyJson = canonicalJson(body);
  }
  state.joined = meeting;
  return {
    changed: [...(headChanged ? [HEAD_BLOCK_ID] : []), ...added.map((e) => e.record.id), ...removed],
    added,
    removed,
  };
}

/** The manifest's canonical text: block id → record hash, keys sorted (hashes.ts). */
export function manifestTextOf(state: HeadState): string {
  if (state.manifestJson === undefined) {
    const manifest = new Map<string, string>();
    for (const [id, entry] of state.records) manifest.set(id, entry.hash);
    state.manifestJson = manifestText(manifest);
  }
  return state.manifestJson;
}
