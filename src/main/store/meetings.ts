import type { Db } from './db';
import type { MeetingSummary, NamedVersion, RevisionInfo, SaveResult, SearchHit, StoreOptions, StoredMeeting } from './types';
import type { Meeting, MeetingChanges } from '../../shared/minutes';
import { createCatalog } from './catalog';
import { createRevisionReads } from './revisionReads';
import { createRevisionWrites } from './revisionWrites';
import { createSearch } from './search';
import { createVersions } from './versions';
import { meetingOf } from './headState';
import { createComments } from './comments';
import { writeTransaction } from './db';
import type { CommentThread } from '../../shared/minutes/comments';

export type { MeetingSummary, NamedVersion, RevisionInfo, SaveResult, SearchHit, StoreOptions, StoredMeeting } from './types';

/**
 * The store's one entry point: meetings (catalog.ts), revisions (revisionReads.ts / revisionWrites.ts,
 * over the in-memory head of headState.ts), named versions (versions.ts), search (search.ts) and the
 * hashes that let nothing damaged be served (hashes.ts, integrity.ts). Callers hand in validated
 * values; nothing here parses user input.
 */
export function createMeetingStore(db: Db, options: StoreOptions = {}) {
  const now = options.now ?? (() => new Date());
  const catalog = createCatalog(db);
  const reads = createRevisionReads(db);
  // Reads the head for the indexer at the meeting's current seq (verified, cached).
  const currentHead = (meetingId: string) => {
    const row = catalog.row(meetingId);
    return row ? reads.headAt(meetingId, row.seq) : undefined;
  };
  const search = createSearch(db, currentHead);
  const writes = createRevisionWrites(db, catalog, reads, search, {
    now,
    foldGapMs: options.foldGapMs ?? 60_000,
    foldSpanMs: options.foldSpanMs ?? 10 * 60_000,
  });
  const versions = createVersions(db, now);
  const comments = createComments(db, now);
  // A minutes file's meeting and its comment threads arrive together or not at all.
  const createWithComments = writeTransaction(db, (meeting: Meeting, threads: readonly CommentThread[], author: string): StoredMeeting => {
    const stored = writes.create(meeting, author);
    comments.importThreads(stored.id, threads);
    return stored;
  });

  // A consistent snapshot: the seq and the revision it stands for are read in one transaction.
  const get = db.transaction((id: string): StoredMeeting | undefined => {
    const row = catalog.row(id);
    if (!row) return undefined;
    const state = reads.headAt(id, row.seq);
    return { id, title: row.title, startsOn: row.startsOn, updatedAt: row.updatedAt, meeting: meetingOf(state), revisionId: state.revisionId, seq: row.seq };
  });

  return {
    list: (): MeetingSummary[] => catalog.list(),
    /** The head document, verified (`corrupt` when it fails its hashes). Do not mutate what it returns. */
    get: (id: string): StoredMeeting | undefined => get(id),
    /** Adds a meeting (import, template, duplicate). Keeps the document's id unless it is taken. */
    create: (meeting: Meeting, author: string): StoredMeeting => writes.create(meeting, author),
    /** Adds a meeting with the comment threads of its minutes file, in one transaction. */
    createWithComments: (meeting: Meeting, threads: readonly CommentThread[], author: string): StoredMeeting =>
      threads.length === 0 ? writes.create(meeting, author) : createWithComments(meeting, threads, author),
    /** Comment threads (comments.ts): list, add, reply, resolve/reopen; never edited or deleted. */
    comments,
    /** Applies a save's changes on `base` (the seq they start from), folding one author's burst. */
    save: (id: string, base: number, changes: MeetingChanges, author: string): SaveResult => writes.save(id, base, changes, author),
    /** Makes `meeting` the head, computing the changes itself; checks `base` when one is given. */
    saveDocument: (id: string, meeting: Meeting, author: string, base?: number): SaveResult =>
      writes.saveDocument(id, meeting, author, base),
    /** When the head fails its hashes: the last intact revision becomes the head again (as a new revision). */
    recover: (id: string, author: string): { revisionId: number; seq: number } => writes.recover(id, author),
    revisions: (id: string): RevisionInfo[] => reads.history(id),
    /** One revision's document, verified; undefined when there is no such revision. */
    revision: (meetingId: string, revisionId: number): Meeting | undefined => db.transaction(() => reads.document(meetingId, revisionId))(),
    nameVersion: (meetingId: string, name: string, author: string, revisionId?: number): number =>
      versions.name(meetingId, name, author, revisionId),
    namedVersions: (meetingId: string): NamedVersion[] => versions.list(meetingId),
    /** Brings the search index up to date with every save (the app also calls it when idle). */
    flushIndex: (): number => search.flush(),
    /** Best hits first, one per meeting, with a snippet and the block of the best hit. */
    search: (input: string, limit = 50): SearchHit[] => search.search(input, limit),
  };
}

export type MeetingStore = ReturnType<typeof createMeetingStore>;
