import type { Db } from './db';
import type { MeetingSummary, MeetingView, NamedVersion, RevisionInfo, SaveResult, SearchHit, StoreOptions, StoredMeeting } from './types';
import type { Meeting, MeetingChanges } from '../../shared/minutes';
import { MinutaError } from '../../shared/errors';
import { createCatalog } from './catalog';
import { createRevisionReads } from './revisionReads';
import { createRevisionWrites } from './revisionWrites';
import { createSearch } from './search';
import { createVersions } from './versions';
import { createTrash } from './trash';
import { meetingOf } from './headState';
import { createAudit } from './audit';
import { createWorkflow } from './workflow';
import { recordRoutingStep, type RoutingRecord } from './routing';
import { writeTransaction } from './db';
import { createComments } from './comments';
import { createDecisionStore } from './decisions';
import type { CommentThread } from '../../shared/minutes/comments';
import type { ReviewImport, Suggestion } from '../../shared/minutes/reviewSuggestions';
import { createSuggestions, type ImportDraft, type SuggestionDraft } from './suggestions';
import { createSuggestionDecisions } from './suggestionDecisions';

/** The review suggestions a minutes file carries with its meeting. */
export interface ReviewBundle {
  imports: readonly ReviewImport[];
  suggestions: readonly Suggestion[];
}

export type { MeetingSummary, MeetingView, NamedVersion, RevisionInfo, SaveResult, SearchHit, StoreOptions, StoredMeeting } from './types';

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
  const audit = createAudit(db, now);
  const trash = createTrash(db, now);
  const comments = createComments(db, now);
  const suggestions = createSuggestions(db, now);
  const tracker = createDecisionStore(db, now);
  // A minutes file's meeting, its comment threads and its review suggestions arrive together or not at all.
  const createWithComments = writeTransaction(db, (meeting: Meeting, threads: readonly CommentThread[], author: string, review?: ReviewBundle): StoredMeeting => {
    const stored = writes.create(meeting, author);
    comments.importThreads(stored.id, threads);
    if (review && review.imports.length > 0) suggestions.importBundle(stored.id, review.imports, review.suggestions, stored.revisionId);
    return stored;
  });

  // A consistent snapshot: the seq and the revision it stands for are read in one transaction.
  const get = db.transaction((id: string): StoredMeeting | undefined => {
    const row = catalog.row(id);
    if (!row) return undefined;
    const state = reads.headAt(id, row.seq);
    return { id, title: row.title, startsOn: row.startsOn, updatedAt: row.updatedAt, meeting: meetingOf(state), revisionId: state.revisionId, seq: row.seq };
  });

  const headOf = (id: string) => {
    const found = get(id);
    return found && { revisionId: found.revisionId, meeting: found.meeting, seq: found.seq };
  };
  const workflow = createWorkflow(db, {
    audit,
    now,
    head: headOf,
    nameVersion: (meetingId, name, author, revisionId) => versions.name(meetingId, name, author, revisionId),
    create: (meeting, author) => writes.create(meeting, author),
  });
  // A name pins a revision for good: it is an event of the record, so it is audited in the same transaction.
  const nameVersion = writeTransaction(db, (meetingId: string, name: string, author: string, revisionId?: number): number => {
    const pinned = versions.name(meetingId, name, author, revisionId);
    audit.append(meetingId, author, 'named-version', { name, revisionId: pinned });
    return pinned;
  });
  const decisions = createSuggestionDecisions(db, {
    suggestions,
    audit,
    now,
    head: headOf,
    revision: (meetingId, revisionId) => reads.document(meetingId, revisionId),
    saveDocument: (meetingId, meeting, author, base, saveOptions) => writes.saveDocument(meetingId, meeting, author, base, saveOptions),
  });
  // Sealed minutes never change: no review comes back into them, and none of their suggestions is decided.
  const refuseSealed = (meetingId: string) => {
    if (catalog.row(meetingId) && workflow.status(meetingId).state === 'sealed') {
      throw new MinutaError('read-only', 'These minutes are sealed: they take no review suggestions; corrections go into a corrigendum');
    }
  };
  const reject = writeTransaction(db, (meetingId: string, ids: readonly string[], user: string, reason?: string) => {
    refuseSealed(meetingId);
    return decisions.reject(meetingId, ids, user, reason);
  });
  // A reviewed copy and its audit entry are one event of the record.
  const addReview = writeTransaction(db, (meetingId: string, imp: ImportDraft, drafts: readonly SuggestionDraft[]) => {
    refuseSealed(meetingId);
    const added = suggestions.add(meetingId, imp, drafts);
    audit.append(meetingId, imp.importedBy, 'review-import', {
      importId: added.import.id,
      fileName: imp.fileName,
      sha256: imp.sha256,
      reviewer: imp.reviewer,
      baseRevision: imp.baseRevision,
      suggestions: added.suggestions.length,
      ...(imp.delegationId ? { delegationId: imp.delegationId } : {}),
    });
    return added;
  });
  const routing = writeTransaction(db, (meetingId: string, record: RoutingRecord, author: string) => {
    const head = headOf(meetingId);
    if (!head) throw new MinutaError('not-found', `No meeting with id ${meetingId}`, 'id');
    const { meeting, step } = recordRoutingStep(head.meeting, record, author);
    const saved = writes.saveDocument(meetingId, meeting, author, record.base ?? head.seq);
    audit.append(meetingId, author, 'routing-step', {
      step: record.step,
      stepId: step.id,
      kind: step.kind,
      date: step.date,
      signedBy: step.signedBy,
      ...(step.signerPersonId ? { signerPersonId: step.signerPersonId } : {}),
      revisionId: saved.revisionId,
    });
    return saved;
  });

  return {
    /** The home list by default ('archived' and 'trash' list those instead), each with its sign-off state. */
    list: (view: MeetingView = 'active'): MeetingSummary[] => {
      const states = workflow.states();
      return catalog.list(view).map((m) => ({ ...m, state: states.get(m.id) ?? 'draft' }));
    },
    /** To the trash (restorable); the meeting leaves the home list and search. */
    trash: (id: string, author: string): void => trash.trash(id, author),
    /** Out of the trash, as it was. */
    restore: (id: string): void => trash.restore(id),
    setArchived: (id: string, archived: boolean): void => trash.setArchived(id, archived),
    /** Deletes the meetings in the trash for good, with their whole history; returns how many. */
    emptyTrash: (): number => trash.empty(),
    /** The head document, verified (`corrupt` when it fails its hashes). Do not mutate what it returns. */
    get: (id: string): StoredMeeting | undefined => get(id),
    /** Adds a meeting (import, template, duplicate). Keeps the document's id unless it is taken. */
    create: (meeting: Meeting, author: string): StoredMeeting => writes.create(meeting, author),
    /** Adds a meeting with the comment threads of its minutes file, in one transaction. */
    createWithComments: (meeting: Meeting, threads: readonly CommentThread[], author: string, review?: ReviewBundle): StoredMeeting =>
      threads.length === 0 && !review?.imports.length ? writes.create(meeting, author) : createWithComments(meeting, threads, author, review),
    /**
     * Review suggestions (suggestions.ts, suggestionDecisions.ts): a reviewed copy added with its audit
     * entry, lists, and decisions (accepting makes one revision attributed to the reviewers).
     */
    suggestions: { ...suggestions, add: addReview, accept: decisions.accept, reject, undecidedFrom: decisions.undecidedFrom },
    /** Comment threads (comments.ts): list, add, reply, resolve/reopen; never edited or deleted. */
    comments,
    /** The decisions tracker's storage (decisions.ts): follow-ups (appended), series links, matters arising. */
    decisions: tracker,
    /** Applies a save's changes on `base` (the seq they start from), folding one author's burst. */
    save: (id: string, base: number, changes: MeetingChanges, author: string): SaveResult => writes.save(id, base, changes, author),
    /** Makes `meeting` the head, computing the changes itself; checks `base` when one is given. */
    saveDocument: (id: string, meeting: Meeting, author: string, base?: number, options?: { fold?: boolean }): SaveResult =>
      writes.saveDocument(id, meeting, author, base, options),
    /** When the head fails its hashes: the last intact revision becomes the head again (as a new revision). */
    recover: (id: string, author: string): { revisionId: number; seq: number } => writes.recover(id, author),
    revisions: (id: string): RevisionInfo[] => reads.history(id),
    /** One revision's document, verified; undefined when there is no such revision. */
    revision: (meetingId: string, revisionId: number): Meeting | undefined => db.transaction(() => reads.document(meetingId, revisionId))(),
    nameVersion: (meetingId: string, name: string, author: string, revisionId?: number): number =>
      nameVersion(meetingId, name, author, revisionId),
    namedVersions: (meetingId: string): NamedVersion[] => versions.list(meetingId),
    /** The meeting's save sequence (moved on by every save), without reading its document; undefined when there is none. */
    seqOf: (id: string): number | undefined => catalog.row(id)?.seq,
    /** The meetings that may hold decisions (flagged in the search index, or not indexed yet). */
    meetingsWithDecisions: (): Set<string> => search.meetingsWithDecisions(),
    /** Brings the search index up to date with every save, or with those of at most `maxMeetings` meetings (the app's idle timer). */
    flushIndex: (maxMeetings?: number): number => search.flush(maxMeetings),
    /** Best hits first, one per meeting, with a snippet and the block of the best hit; `decisions`: in decisions only. */
    search: (input: string, limit = 50, options: { decisions?: boolean } = {}): SearchHit[] => search.search(input, limit, options),
    /** The sign-off workflow: states, transitions, sealing, corrigenda, attachments (workflow.ts). */
    workflow,
    /** The audit log: `append` for events recorded elsewhere (signature copies, signatures), `head`, `verify`. */
    audit,
    /** Records a routing step as it happens (its date and signer): a normal save, audited. */
    recordRoutingStep: (meetingId: string, record: RoutingRecord, author: string) => routing(meetingId, record, author),
  };
}

export type MeetingStore = ReturnType<typeof createMeetingStore>;
