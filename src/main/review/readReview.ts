import { basename } from 'node:path';
import { MinutaError, excerpt } from '../../shared/errors';
import { newId, type Meeting } from '../../shared/minutes';
import type { DocxRevision, ReviewedDocx } from '../../shared/review/reviewedDocx';
import { isoUtc, reviewerOf, suggestionsFromDocx, type IdKind } from '../../shared/review/fromDocx';
import { readReviewedDocx } from './docx';
import type { ImportReviewedFile, MappedReview, ReviewBase, ReviewContext } from './importReview';

/**
 * The reader and the mapper composed: a reviewed DOCX (src/main/review/docx/) mapped onto the version
 * of the minutes it shows (src/shared/review/fromDocx.ts). Which version that is comes from the file
 * itself — a review copy names its meeting and revision in custom properties — or from the user, for a
 * DOCX Minuta did not make. A copy of another meeting, or of a revision this meeting does not have, is
 * refused naming it.
 */

const ID_PREFIX: Record<IdKind, string> = { suggestion: 'sg', thread: 'c', comment: 'c', block: 'b', bullet: 'b' };

/** The version the file was made from: the user's pick, else the review copy's own MinutaRevision. */
function versionOf(doc: ReviewedDocx, base: ReviewBase, context: ReviewContext): { revisionId: number; meeting: Meeting } {
  const name = excerpt(basename(context.fileName), 80);
  const own = doc.custom['MinutaMeetingId'];
  if (own !== undefined && own !== context.meetingId) {
    throw new MinutaError(
      'invalid',
      `${name} is a review copy of another meeting (${excerpt(own, 64)}), not of “${excerpt(context.current.titleBlock.title.map((r) => r.text).join(''), 80)}” (${context.meetingId})`,
      'bytes',
    );
  }
  if (base.chosen) return base.chosen;
  const stated = doc.custom['MinutaRevision'];
  if (stated === undefined) {
    throw new MinutaError('invalid', `${name} was not made by Minuta (it names no revision of the minutes): choose the version it was made from`, 'baseRevision');
  }
  const revisionId = /^[1-9]\d{0,15}$/.test(stated.trim()) ? Number(stated.trim()) : NaN;
  const meeting = Number.isSafeInteger(revisionId) ? base.revision(revisionId) : undefined;
  if (!meeting) throw new MinutaError('invalid', `${name} was made from revision ${excerpt(stated, 20)}, which meeting ${context.meetingId} does not have`, 'baseRevision');
  return { revisionId, meeting };
}

/**
 * A review copy already carries tracked changes: its redline of the changes since its base, attributed
 * to the revisions' authors at their save times. Those are the version's own text, not the reviewer's:
 * a revision by one of them dated no later than the copy's version was saved is the copy's.
 */
function copyRevisions(base: ReviewBase, revisionId: number): ((r: DocxRevision) => boolean) | undefined {
  const history = base.revisions?.().filter((r) => r.id <= revisionId);
  if (!history || history.length === 0) return undefined;
  const authors = new Set(history.map((r) => r.author));
  const savedAt = Math.max(...history.map((r) => Date.parse(r.savedAt)));
  return (r) => {
    const at = Date.parse(isoUtc(r.date) ?? '');
    // Word and LibreOffice keep a revision's date to the second.
    return authors.has(r.author) && Number.isFinite(at) && at <= savedAt + 1000;
  };
}

export const readAndMapReview: ImportReviewedFile = (bytes, base, context): MappedReview => {
  const doc = readReviewedDocx(bytes);
  const { revisionId, meeting } = versionOf(doc, base, context);
  const reviewer = reviewerOf(doc);
  const isCopyRevision = copyRevisions(base, revisionId);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const mapping = suggestionsFromDocx(doc, meeting, {
    // The store gives the import its id; the drafts leave the mapper's placeholder behind.
    importId: 'imp_pending',
    reviewer,
    newId: (kind) => newId(ID_PREFIX[kind]),
    now: () => now,
    ...(isCopyRevision ? { isCopyRevision } : {}),
  });
  const suggestions = mapping.suggestions.map(({ id: _id, importId: _importId, status: _status, decision: _decision, ...draft }) => draft);
  return { baseRevision: revisionId, reviewer, suggestions, threads: mapping.threads };
};
