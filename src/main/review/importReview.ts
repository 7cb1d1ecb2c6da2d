import { createHash } from 'node:crypto';
import { MinutaError, excerpt } from '../../shared/errors';
import type { Meeting } from '../../shared/minutes';
import type { CommentThread } from '../../shared/minutes/comments';
import { SUGGESTION_LIMITS, type ReviewImport } from '../../shared/minutes/reviewSuggestions';
import { delegationsOf, matchReviewer, MAX_REVIEW_FILE_BYTES } from '../../shared/review/reviewers';
import type { MeetingStore } from '../store/meetings';
import type { StoredSuggestion, SuggestionDraft } from '../store/suggestions';
import { writeTransaction, type Db } from '../store/db';
import { readAndMapReview } from './readReview';

/**
 * Bringing a reviewed copy back: THE one place that combines reading the file, mapping it onto the
 * minutes and storing what it proposes. Reading (src/main/review/docx/) and mapping
 * (src/shared/review/fromDocx.ts) are `ImportReviewedFile`, provided by their own modules; this module
 * checks what comes in and out of them, matches the reviewer to a delegation and stores the import,
 * its suggestions and its comment threads in one transaction (a refused file changes nothing).
 */

/** The versions a reviewed file may have been made from. */
export interface ReviewBase {
  /** The version the user picked (a DOCX not made by Minuta, or to override the file's own). */
  chosen?: { revisionId: number; meeting: Meeting };
  /** A revision of this meeting by number: a review copy names the one it was made from (MinutaRevision). */
  revision(revisionId: number): Meeting | undefined;
  /** Who saved which revision when: a review copy's own tracked changes are theirs, not the reviewer's. */
  revisions?(): readonly { id: number; author: string; savedAt: string }[];
}

export interface ReviewContext {
  meetingId: string;
  /** The meeting now: its title names a file of another meeting, its register matches authors. */
  current: Meeting;
  fileName: string;
}

/** What reading and mapping a reviewed file yields. */
export interface MappedReview {
  /** The revision the copy was made from (its MinutaRevision property, or `base.chosen`). */
  baseRevision: number;
  /** The file's last author (docProps/core.xml lastModifiedBy), else its creator. */
  reviewer: string;
  suggestions: SuggestionDraft[];
  threads: CommentThread[];
}

/**
 * Reads a reviewed DOCX and maps it onto the minutes. Refuses (MinutaError `invalid`, naming the
 * problem) a file that is not a DOCX, hostile, of another meeting, or without changes.
 */
export type ImportReviewedFile = (bytes: Uint8Array, base: ReviewBase, context: ReviewContext) => MappedReview | Promise<MappedReview>;

export interface ImportRequest {
  meetingId: string;
  fileName: string;
  bytes: Uint8Array;
  /** The delegation the user says this copy answers for (else matched from the reviewer's name). */
  delegationId?: string;
  /** A revision number the user picked as the copy's base. */
  baseRevision?: number;
}

export interface ImportOutcome {
  import: ReviewImport;
  suggestions: StoredSuggestion[];
  threads: number;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * THE reader and mapper of this build, `importReviewedFile(bytes, base, context)`: the DOCX reader
 * (src/main/review/docx/) and the mapper (src/shared/review/fromDocx.ts) composed (readReview.ts), for
 * the app and the CLI alike.
 */
export const importReviewedFile: ImportReviewedFile | undefined = readAndMapReview;

/** Reads, maps and stores a reviewed file; `read` is the reader and mapper (see ImportReviewedFile). */
export async function importReview(db: Db, store: MeetingStore, request: ImportRequest, user: string, read: ImportReviewedFile | undefined = importReviewedFile): Promise<ImportOutcome> {
  if (!read) throw new MinutaError('unavailable', 'Reading reviewed Word files is not available in this version of Minuta');
  if (request.bytes.length > MAX_REVIEW_FILE_BYTES) {
    throw new MinutaError('invalid', `${excerpt(request.fileName, 80)} is larger than ${MAX_REVIEW_FILE_BYTES / 1024 / 1024} MB`, 'bytes');
  }
  if (request.bytes.length === 0) throw new MinutaError('invalid', `${excerpt(request.fileName, 80)} is empty`, 'bytes');
  const found = store.get(request.meetingId);
  if (!found) throw new MinutaError('not-found', `No meeting with id ${excerpt(request.meetingId)}`, 'id');
  const revision = (revisionId: number) => store.revision(request.meetingId, revisionId);
  let chosen: ReviewBase['chosen'];
  if (request.baseRevision !== undefined) {
    const meeting = revision(request.baseRevision);
    if (!meeting) throw new MinutaError('not-found', `Meeting ${excerpt(request.meetingId)} has no revision ${request.baseRevision}`, 'baseRevision');
    chosen = { revisionId: request.baseRevision, meeting };
  }
  const revisions = () => store.revisions(request.meetingId);
  const mapped = await read(request.bytes, { ...(chosen ? { chosen } : {}), revision, revisions }, { meetingId: request.meetingId, current: found.meeting, fileName: request.fileName });
  return storeMappedReview(db, store, { ...request, sha256: sha256Hex(request.bytes) }, mapped, user);
}

/**
 * Stores an already mapped review (the end of importReview; tests and the seed scenarios hand in
 * pre-mapped drafts here). Checks the same things whoever mapped it.
 */
export function storeMappedReview(
  db: Db,
  store: MeetingStore,
  file: { meetingId: string; fileName: string; sha256: string; delegationId?: string },
  mapped: MappedReview,
  user: string,
): ImportOutcome {
  return writeTransaction(db, (): ImportOutcome => {
    const { meetingId } = file;
    const found = store.get(meetingId);
    if (!found) throw new MinutaError('not-found', `No meeting with id ${excerpt(meetingId)}`, 'id');
    if (!store.revision(meetingId, mapped.baseRevision)) {
      throw new MinutaError('invalid', `${excerpt(file.fileName, 80)} was made from revision ${mapped.baseRevision}, which meeting ${excerpt(meetingId)} does not have`, 'baseRevision');
    }
    const again = store.suggestions.imports(meetingId).find((i) => i.sha256 === file.sha256);
    if (again) {
      throw new MinutaError('invalid', `${excerpt(file.fileName, 80)} was already imported (as ${excerpt(again.fileName, 80)} by ${excerpt(again.importedBy, 60)} at ${again.importedAt.slice(0, 16).replace('T', ' ')} UTC)`, 'bytes');
    }
    if (mapped.suggestions.length === 0 && mapped.threads.length === 0) {
      throw new MinutaError('invalid', `${excerpt(file.fileName, 80)} has no changes and no comments: nothing to import`, 'bytes');
    }
    if (mapped.suggestions.length > SUGGESTION_LIMITS.maxPerImport) {
      throw new MinutaError('invalid', `${excerpt(file.fileName, 80)} proposes ${mapped.suggestions.length} changes; at most ${SUGGESTION_LIMITS.maxPerImport} are taken from one file`, 'bytes');
    }
    const meeting = found.meeting;
    const match = matchReviewer(meeting, mapped.reviewer);
    if (file.delegationId !== undefined && !delegationsOf(meeting).some((d) => d.id === file.delegationId)) {
      throw new MinutaError('invalid', `Meeting ${excerpt(meetingId)} has no delegation ${excerpt(file.delegationId)}`, 'delegationId');
    }
    const delegationId = file.delegationId ?? match.delegationId;
    // Each suggestion keeps its own author's register match (a copy passed round a delegation has several).
    const byAuthor = new Map<string, ReturnType<typeof matchReviewer>>();
    const drafts = mapped.suggestions.map((s): SuggestionDraft => {
      if (!byAuthor.has(s.author)) byAuthor.set(s.author, matchReviewer(meeting, s.author));
      const m = byAuthor.get(s.author)!;
      const organisationId = s.organisationId ?? m.organisationId;
      const delegation = s.delegationId ?? m.delegationId ?? delegationId;
      return { ...s, ...(organisationId ? { organisationId } : {}), ...(delegation ? { delegationId: delegation } : {}) };
    });
    const added = store.suggestions.add(
      meetingId,
      { meetingId, fileName: file.fileName, sha256: file.sha256, baseRevision: mapped.baseRevision, reviewer: mapped.reviewer, ...(delegationId ? { delegationId } : {}), importedBy: user },
      drafts,
    );
    store.comments.importThreads(meetingId, mapped.threads);
    return { import: added.import, suggestions: added.suggestions, threads: mapped.threads.length };
  })();
}
