import { writeTransaction, type Db } from './db';
import { MinutaError } from '../../shared/errors';
import { meetingDate, meetingTitle, newId, type Meeting } from '../../shared/minutes';
import { HEAD_BLOCK_ID, searchEntries, toFtsQuery } from './searchText';

export interface MeetingSummary {
  id: string;
  title: string;
  startsOn: string;
  updatedAt: string;
}

export interface StoredMeeting extends MeetingSummary {
  meeting: Meeting;
  revisionId: number;
}

export interface RevisionInfo {
  id: number;
  author: string;
  startedAt: string;
  savedAt: string;
  /** Autosaves folded into this revision (a burst of typing by one author). */
  saves: number;
  /** Ids of the top-level blocks that changed (HEAD_BLOCK_ID for title, dates, venue, register). */
  changed: string[];
  /** Names of the versions that pin this revision. */
  names: string[];
}

export interface SaveResult {
  revisionId: number;
  /** True when the save was folded into the author's current burst instead of opening a revision. */
  folded: boolean;
  changed: string[];
}

export interface SearchHit {
  id: string;
  title: string;
  startsOn: string;
  snippet: string;
}

export interface StoreOptions {
  now?: () => Date;
  /** Saves by one author closer together than this fold into one revision. */
  foldGapMs?: number;
  /** …as long as the burst is no longer than this, so history keeps a point every few minutes. */
  foldSpanMs?: number;
}

interface HeadCache {
  revisionId: number;
  blocks: Map<string, string>;
}

/**
 * All SQL about meetings, revisions, named versions and search. Callers hand in validated Meeting
 * objects; nothing here parses user input.
 */
export function createMeetingStore(db: Db, options: StoreOptions = {}) {
  const now = options.now ?? (() => new Date());
  const foldGapMs = options.foldGapMs ?? 60_000;
  const foldSpanMs = options.foldSpanMs ?? 10 * 60_000;

  const q = {
    insertMeeting: db.prepare(
      `INSERT INTO meetings (id, title, starts_on, created_at, updated_at)
       VALUES (@id, @title, @startsOn, @at, @at)`,
    ),
    updateMeeting: db.prepare(
      'UPDATE meetings SET title = @title, starts_on = @startsOn, updated_at = @at WHERE id = @id',
    ),
    exists: db.prepare('SELECT 1 FROM meetings WHERE id = ?').pluck(),
    list: db.prepare(
      'SELECT id, title, starts_on AS startsOn, updated_at AS updatedAt FROM meetings ORDER BY starts_on DESC, title',
    ),
    get: db.prepare(
      `SELECT m.id, m.title, m.starts_on AS startsOn, m.updated_at AS updatedAt, r.document, r.id AS revisionId
       FROM meetings m JOIN revisions r ON r.meeting_id = m.id
       WHERE m.id = ? ORDER BY r.id DESC LIMIT 1`,
    ),
    lastRevision: db.prepare(
      `SELECT r.id, r.author, r.origin, r.started_at AS startedAt, r.saved_at AS savedAt, r.changed,
              EXISTS (SELECT 1 FROM named_versions n WHERE n.revision_id = r.id) AS pinned
       FROM revisions r WHERE r.meeting_id = ? ORDER BY r.id DESC LIMIT 1`,
    ),
    insertRevision: db.prepare(
      `INSERT INTO revisions (meeting_id, author, origin, started_at, saved_at, saves, changed, document)
       VALUES (@meetingId, @author, @origin, @at, @at, 1, @changed, @document)`,
    ),
    foldRevision: db.prepare(
      'UPDATE revisions SET saved_at = @at, saves = saves + 1, changed = @changed, document = @document WHERE id = @id',
    ),
    revisions: db.prepare(
      `SELECT r.id, r.author, r.started_at AS startedAt, r.saved_at AS savedAt, r.saves, r.changed,
              (SELECT json_group_array(n.name) FROM named_versions n WHERE n.revision_id = r.id) AS names
       FROM revisions r WHERE r.meeting_id = ? ORDER BY r.id`,
    ),
    revisionDocument: db.prepare('SELECT document FROM revisions WHERE id = ? AND meeting_id = ?').pluck(),
    insertName: db.prepare(
      `INSERT INTO named_versions (meeting_id, revision_id, name, created_by, created_at)
       VALUES (@meetingId, @revisionId, @name, @author, @at)`,
    ),
    names: db.prepare(
      `SELECT name, revision_id AS revisionId, created_by AS createdBy, created_at AS createdAt
       FROM named_versions WHERE meeting_id = ? ORDER BY id`,
    ),
    // Deleting from search_blocks removes the FTS row too (trigger search_blocks_forget).
    indexDelete: db.prepare('DELETE FROM search_blocks WHERE meeting_id = ? AND block_id = ?'),
    indexDeleteAll: db.prepare('DELETE FROM search_blocks WHERE meeting_id = ?'),
    indexBlock: db.prepare('INSERT INTO search_blocks (meeting_id, block_id) VALUES (?, ?)'),
    indexText: db.prepare('INSERT INTO search_index (rowid, text) VALUES (?, ?)'),
    markPending: db.prepare('INSERT OR IGNORE INTO search_pending (meeting_id, block_id) VALUES (?, ?)'),
    pending: db.prepare('SELECT meeting_id AS meetingId, block_id AS blockId FROM search_pending ORDER BY meeting_id'),
    clearPending: db.prepare('DELETE FROM search_pending WHERE meeting_id = ?'),
    headDocument: db.prepare('SELECT document FROM revisions WHERE meeting_id = ? ORDER BY id DESC LIMIT 1').pluck(),
    search: db.prepare(
      `SELECT b.meeting_id AS id, m.title, m.starts_on AS startsOn,
              snippet(search_index, 0, '[', ']', '…', 10) AS snippet
       FROM search_index JOIN search_blocks b ON b.id = search_index.rowid
       JOIN meetings m ON m.id = b.meeting_id
       WHERE search_index MATCH ? ORDER BY rank LIMIT ?`,
    ),
  };

  // What the search index and the last revision hold for each meeting's blocks, so that a save can
  // tell which blocks changed without reading the previous document back.
  const heads = new Map<string, HeadCache>();

  /**
   * The document as JSON, and each top-level block's JSON (HEAD_BLOCK_ID: everything but the body).
   * The document string is assembled from the block strings so that a save serialises each part once.
   */
  function serialise(meeting: Meeting): { document: string; blocks: Map<string, string> } {
    const { body, ...head } = meeting;
    const headJson = JSON.stringify(head);
    const blocks = new Map<string, string>([[HEAD_BLOCK_ID, headJson]]);
    const bodyJson: string[] = [];
    for (const block of body) {
      const json = JSON.stringify(block);
      blocks.set(block.id, json);
      bodyJson.push(json);
    }
    return { document: `${headJson.slice(0, -1)},"body":[${bodyJson.join(',')}]}`, blocks };
  }

  function headOf(id: string, revisionId: number): HeadCache {
    const cached = heads.get(id);
    if (cached && cached.revisionId === revisionId) return cached;
    const row = q.revisionDocument.get(revisionId, id) as string;
    const head = { revisionId, blocks: serialise(JSON.parse(row) as Meeting).blocks };
    heads.set(id, head);
    return head;
  }

  function reindex(id: string, meeting: Meeting, only?: ReadonlySet<string>) {
    const entries = searchEntries(meeting);
    for (const blockId of only ?? entries.keys()) {
      q.indexDelete.run(id, blockId);
      const text = entries.get(blockId);
      if (text) q.indexText.run(q.indexBlock.run(id, blockId).lastInsertRowid, text);
    }
  }

  const create = writeTransaction(db, (meeting: Meeting, author: string): StoredMeeting => {
    const doc = q.exists.get(meeting.id) ? { ...meeting, id: newId('m') } : meeting;
    const at = now().toISOString();
    const { document, blocks } = serialise(doc);
    const summary = { id: doc.id, title: meetingTitle(doc), startsOn: meetingDate(doc), updatedAt: at };
    q.insertMeeting.run({ ...summary, at });
    const revisionId = Number(
      q.insertRevision.run({ meetingId: doc.id, author, origin: 'create', at, changed: JSON.stringify([...blocks.keys()]), document })
        .lastInsertRowid,
    );
    q.indexDeleteAll.run(doc.id);
    reindex(doc.id, doc);
    heads.set(doc.id, { revisionId, blocks });
    return { ...summary, meeting: doc, revisionId };
  });

  const save = writeTransaction(db, (id: string, meeting: Meeting, author: string): SaveResult => {
    if (meeting.id !== id) throw new MinutaError('conflict', `The document's id ${meeting.id} is not meeting ${id}`);
    const last = q.lastRevision.get(id) as
      | { id: number; author: string; origin: string; startedAt: string; savedAt: string; changed: string; pinned: number }
      | undefined;
    if (!last) throw new MinutaError('not-found', `No meeting with id ${id}`);
    const at = now();
    const atIso = at.toISOString();
    const previous = headOf(id, last.id);
    const { document, blocks } = serialise(meeting);
    const changed = new Set<string>();
    for (const [blockId, json] of blocks) if (previous.blocks.get(blockId) !== json) changed.add(blockId);
    for (const blockId of previous.blocks.keys()) if (!blocks.has(blockId)) changed.add(blockId);

    q.updateMeeting.run({ id, title: meetingTitle(meeting), startsOn: meetingDate(meeting), at: atIso });
    const fold =
      last.origin === 'save' &&
      last.author === author &&
      !last.pinned &&
      at.getTime() - Date.parse(last.savedAt) <= foldGapMs &&
      at.getTime() - Date.parse(last.startedAt) <= foldSpanMs;
    let revisionId: number;
    if (fold) {
      const union = new Set([...(JSON.parse(last.changed) as string[]), ...changed]);
      q.foldRevision.run({ id: last.id, at: atIso, changed: JSON.stringify([...union]), document });
      revisionId = last.id;
    } else {
      revisionId = Number(
        q.insertRevision.run({ meetingId: id, author, origin: 'save', at: atIso, changed: JSON.stringify([...changed]), document })
          .lastInsertRowid,
      );
    }
    // The index catches up later (flushIndex): tokenising is the slowest part of a save.
    for (const blockId of changed) q.markPending.run(id, blockId);
    heads.set(id, { revisionId, blocks });
    return { revisionId, folded: fold, changed: [...changed] };
  });

  /** Re-indexes every block saved since the last flush, from the head documents. */
  const flushIndex = writeTransaction(db, (): number => {
    const pending = new Map<string, Set<string>>();
    for (const { meetingId, blockId } of q.pending.iterate() as Iterable<{ meetingId: string; blockId: string }>) {
      let set = pending.get(meetingId);
      if (!set) pending.set(meetingId, (set = new Set()));
      set.add(blockId);
    }
    for (const [meetingId, blocks] of pending) {
      const document = q.headDocument.get(meetingId) as string | undefined;
      if (document !== undefined) reindex(meetingId, JSON.parse(document) as Meeting, blocks);
      q.clearPending.run(meetingId);
    }
    return pending.size;
  });

  const nameVersion = writeTransaction(db, (meetingId: string, name: string, author: string, revisionId?: number) => {
    const target = revisionId ?? (q.lastRevision.get(meetingId) as { id: number } | undefined)?.id;
    if (target === undefined || !q.revisionDocument.get(target, meetingId)) {
      throw new MinutaError('not-found', `No revision ${revisionId ?? '(latest)'} of meeting ${meetingId}`);
    }
    try {
      q.insertName.run({ meetingId, revisionId: target, name, author, at: now().toISOString() });
    } catch (error) {
      if (String(error).includes('UNIQUE')) throw new MinutaError('conflict', `A version named "${name}" already exists`);
      throw error;
    }
    return target;
  });

  return {
    list: (): MeetingSummary[] => q.list.all() as MeetingSummary[],
    get(id: string): StoredMeeting | undefined {
      const row = q.get.get(id) as (MeetingSummary & { document: string; revisionId: number }) | undefined;
      if (!row) return undefined;
      const { document, ...rest } = row;
      return { ...rest, meeting: JSON.parse(document) as Meeting };
    },
    /** Adds a meeting (import, template, duplicate). Keeps the document's id unless it is taken. */
    create: (meeting: Meeting, author: string): StoredMeeting => create(meeting, author),
    /** Saves the whole document as the new head, folding a burst of one author's saves into one revision. */
    save: (id: string, meeting: Meeting, author: string): SaveResult => save(id, meeting, author),
    revisions(id: string): RevisionInfo[] {
      return (q.revisions.all(id) as Array<Omit<RevisionInfo, 'changed' | 'names'> & { changed: string; names: string }>).map(
        (r) => ({ ...r, changed: JSON.parse(r.changed) as string[], names: JSON.parse(r.names) as string[] }),
      );
    },
    revision(meetingId: string, revisionId: number): Meeting | undefined {
      const doc = q.revisionDocument.get(revisionId, meetingId) as string | undefined;
      return doc === undefined ? undefined : (JSON.parse(doc) as Meeting);
    },
    /** Names a revision (the latest when none is given); that revision can then never change. */
    nameVersion: (meetingId: string, name: string, author: string, revisionId?: number): number =>
      nameVersion(meetingId, name, author, revisionId),
    namedVersions(meetingId: string) {
      return q.names.all(meetingId) as Array<{ name: string; revisionId: number; createdBy: string; createdAt: string }>;
    },
    /** Brings the search index up to date with every save (the app also calls it when idle). */
    flushIndex: (): number => flushIndex(),
    /** Best hits first, one per meeting, with a snippet around the match; always sees the latest saves. */
    search(input: string, limit = 50): SearchHit[] {
      const query = toFtsQuery(input);
      if (!query) return [];
      // A read-only database cannot catch its index up; it searches what was indexed.
      if (!db.readonly) flushIndex();
      const hits: SearchHit[] = [];
      const seen = new Set<string>();
      for (const row of q.search.iterate(query, limit * 20) as Iterable<SearchHit>) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        hits.push(row);
        if (hits.length >= limit) break;
      }
      return hits;
    },
  };
}

export type MeetingStore = ReturnType<typeof createMeetingStore>;
