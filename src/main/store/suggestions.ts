import { writeTransaction, type Db } from './db';
import { MinutaError, excerpt } from '../../shared/errors';
import { newId } from '../../shared/minutes';
import { SUGGESTION_LIMITS, type ReviewChange, type ReviewImport, type Suggestion, type SuggestionStatus } from '../../shared/minutes/reviewSuggestions';

/**
 * Review imports and their suggestions (migration 007): adding what a reviewed file proposes, listing
 * it by meeting, import, delegation or block, and recording decisions. What was proposed never changes
 * (the triggers hold that against any SQL); a decision is final. Accepting, which also makes a revision,
 * is suggestionDecisions.ts. Callers hand in validated values.
 */

/** A suggestion as a reader/mapper hands it over: everything but what the store gives it. */
export type SuggestionDraft = Omit<Suggestion, 'id' | 'importId' | 'status' | 'decision'>;
/** A review import as the service describes it: everything but its id and time. */
export type ImportDraft = Omit<ReviewImport, 'id' | 'importedAt'>;
/** A stored suggestion with, while it is conflicting, why. */
export type StoredSuggestion = Suggestion & { conflict?: string };

interface SuggestionRow {
  id: string;
  import_id: string;
  author: string;
  organisation_id: string | null;
  delegation_id: string | null;
  at: string | null;
  tracked: number;
  change: string;
  status: SuggestionStatus;
  decided_by: string | null;
  decided_at: string | null;
  revision_id: number | null;
  reason: string | null;
}
interface ImportRow {
  id: string;
  meeting_id: string;
  file_name: string;
  sha256: string;
  base_revision: number;
  reviewer: string;
  delegation_id: string | null;
  imported_at: string;
  imported_by: string;
}

/** The object a change is on (listing by block): its target, its container for an inserted block, the block near unplaced text. */
export function changeTarget(c: ReviewChange): string | undefined {
  return c.kind === 'insert-block' ? (c.afterId ?? c.container) : c.kind === 'unplaced' ? c.near : c.target;
}

const toImport = (r: ImportRow): ReviewImport => ({
  id: r.id,
  meetingId: r.meeting_id,
  fileName: r.file_name,
  sha256: r.sha256,
  baseRevision: r.base_revision,
  reviewer: r.reviewer,
  ...(r.delegation_id !== null ? { delegationId: r.delegation_id } : {}),
  importedAt: r.imported_at,
  importedBy: r.imported_by,
});

const toSuggestion = (r: SuggestionRow): StoredSuggestion => ({
  id: r.id,
  importId: r.import_id,
  author: r.author,
  ...(r.organisation_id !== null ? { organisationId: r.organisation_id } : {}),
  ...(r.delegation_id !== null ? { delegationId: r.delegation_id } : {}),
  ...(r.at !== null ? { at: r.at } : {}),
  tracked: r.tracked === 1,
  change: JSON.parse(r.change) as ReviewChange,
  status: r.status,
  ...(r.decided_by !== null && r.decided_at !== null
    ? { decision: { by: r.decided_by, at: r.decided_at, ...(r.revision_id !== null ? { revisionId: r.revision_id } : {}), ...(r.reason !== null ? { reason: r.reason } : {}) } }
    : {}),
  ...(r.status === 'conflicting' && r.reason !== null ? { conflict: r.reason } : {}),
});

export function createSuggestions(db: Db, now: () => Date) {
  // Prepared on first use: a store may be opened on an older schema (a migration's own test).
  const prepare = () => ({
    meetingExists: db.prepare('SELECT 1 FROM meetings WHERE id = ?').pluck(),
    imports: db.prepare('SELECT * FROM review_imports WHERE meeting_id = ? ORDER BY rowid'),
    importById: db.prepare('SELECT * FROM review_imports WHERE id = ?'),
    byMeeting: db.prepare('SELECT * FROM suggestions WHERE meeting_id = ? ORDER BY seq'),
    byImport: db.prepare('SELECT * FROM suggestions WHERE import_id = ? ORDER BY seq'),
    byId: db.prepare('SELECT * FROM suggestions WHERE id = ? AND meeting_id = ?'),
    count: db.prepare('SELECT count(*) FROM suggestions WHERE meeting_id = ?').pluck(),
    idTaken: db.prepare('SELECT 1 FROM review_imports WHERE id = @id UNION ALL SELECT 1 FROM suggestions WHERE id = @id').pluck(),
    insertImport: db.prepare(
      `INSERT INTO review_imports (id, meeting_id, file_name, sha256, base_revision, reviewer, delegation_id, imported_at, imported_by)
       VALUES (@id, @meetingId, @fileName, @sha256, @baseRevision, @reviewer, @delegationId, @importedAt, @importedBy)`,
    ),
    insertSuggestion: db.prepare(
      `INSERT INTO suggestions (id, meeting_id, import_id, author, organisation_id, delegation_id, at, tracked, target, change, status, decided_by, decided_at, revision_id, reason)
       VALUES (@id, @meetingId, @importId, @author, @organisationId, @delegationId, @at, @tracked, @target, @change, @status, @decidedBy, @decidedAt, @revisionId, @reason)`,
    ),
    undecided: db.prepare("UPDATE suggestions SET status = @status, reason = @reason WHERE id = @id AND status IN ('open', 'conflicting')"),
    decide: db.prepare(
      "UPDATE suggestions SET status = @status, decided_by = @by, decided_at = @at, revision_id = @revisionId, reason = @reason WHERE id = @id AND status IN ('open', 'conflicting')",
    ),
  });
  let statements: ReturnType<typeof prepare> | undefined;
  const sql = () => (statements ??= prepare());

  const freshId = (prefix: string) => {
    for (;;) {
      const id = newId(prefix);
      if (!sql().idTaken.get({ id })) return id;
    }
  };
  const mustExist = (meetingId: string) => {
    if (!sql().meetingExists.get(meetingId)) throw new MinutaError('not-found', `No meeting with id ${excerpt(meetingId)}`, 'id');
  };

  const insertImport = (meetingId: string, imp: ImportDraft & { id?: string; importedAt?: string }): string => {
    const id = imp.id !== undefined && !sql().idTaken.get({ id: imp.id }) ? imp.id : freshId('ri');
    sql().insertImport.run({
      id,
      meetingId,
      fileName: imp.fileName,
      sha256: imp.sha256,
      baseRevision: imp.baseRevision,
      reviewer: imp.reviewer,
      delegationId: imp.delegationId ?? null,
      importedAt: imp.importedAt ?? now().toISOString(),
      importedBy: imp.importedBy,
    });
    return id;
  };

  const insertSuggestion = (meetingId: string, importId: string, s: SuggestionDraft & Partial<Pick<Suggestion, 'id' | 'status' | 'decision'>>) => {
    const id = s.id !== undefined && !sql().idTaken.get({ id: s.id }) ? s.id : freshId('sg');
    const status = s.status ?? 'open';
    sql().insertSuggestion.run({
      id,
      meetingId,
      importId,
      author: s.author,
      organisationId: s.organisationId ?? null,
      delegationId: s.delegationId ?? null,
      at: s.at ?? null,
      tracked: s.tracked ? 1 : 0,
      target: changeTarget(s.change) ?? null,
      change: JSON.stringify(s.change),
      status,
      decidedBy: status === 'accepted' || status === 'rejected' ? (s.decision?.by ?? 'unknown') : null,
      decidedAt: status === 'accepted' || status === 'rejected' ? (s.decision?.at ?? now().toISOString()) : null,
      revisionId: status === 'accepted' ? (s.decision?.revisionId ?? null) : null,
      reason: s.decision?.reason ?? null,
    });
    return id;
  };

  const listImports = (meetingId: string): ReviewImport[] => (sql().imports.all(meetingId) as ImportRow[]).map(toImport);
  const list = (meetingId: string): StoredSuggestion[] => (sql().byMeeting.all(meetingId) as SuggestionRow[]).map(toSuggestion);

  /** One reviewed file and what it proposes, together or not at all. */
  const add = writeTransaction(db, (meetingId: string, imp: ImportDraft, drafts: readonly SuggestionDraft[]): { import: ReviewImport; suggestions: StoredSuggestion[] } => {
    mustExist(meetingId);
    if (drafts.length > SUGGESTION_LIMITS.maxPerImport) {
      throw new MinutaError('invalid', `A reviewed copy brings at most ${SUGGESTION_LIMITS.maxPerImport} suggestions; this one has ${drafts.length}`);
    }
    if ((sql().count.get(meetingId) as number) + drafts.length > SUGGESTION_LIMITS.maxPerImport * 10) {
      throw new MinutaError('invalid', `A meeting holds at most ${SUGGESTION_LIMITS.maxPerImport * 10} suggestions`);
    }
    const importId = insertImport(meetingId, imp);
    for (const d of drafts) insertSuggestion(meetingId, importId, d);
    return { import: toImport(sql().importById.get(importId) as ImportRow), suggestions: (sql().byImport.all(importId) as SuggestionRow[]).map(toSuggestion) };
  });

  /** The named suggestions of the meeting, each once, in the order asked; `not-found` for an unknown id. */
  const get = (meetingId: string, ids: readonly string[]): StoredSuggestion[] => {
    const out: StoredSuggestion[] = [];
    for (const id of new Set(ids)) {
      const row = sql().byId.get(id, meetingId) as SuggestionRow | undefined;
      if (!row) throw new MinutaError('not-found', `Meeting ${excerpt(meetingId)} has no suggestion ${excerpt(id)}`, 'suggestionIds');
      out.push(toSuggestion(row));
    }
    return out;
  };

  return {
    add,
    get,
    list,
    imports: listImports,
    import: (importId: string): ReviewImport | undefined => {
      const row = sql().importById.get(importId) as ImportRow | undefined;
      return row && toImport(row);
    },
    /** What a minutes file carries: every import and suggestion of the meeting, in the stored form. */
    bundle: (meetingId: string): { imports: ReviewImport[]; suggestions: Suggestion[] } => ({ imports: listImports(meetingId), suggestions: list(meetingId).map(bareSuggestion) }),
    listByImport: (importId: string): StoredSuggestion[] => (sql().byImport.all(importId) as SuggestionRow[]).map(toSuggestion),
    listByDelegation: (meetingId: string, delegationId: string): StoredSuggestion[] => list(meetingId).filter((s) => s.delegationId === delegationId),
    listByBlock: (meetingId: string, blockId: string): StoredSuggestion[] => list(meetingId).filter((s) => changeTarget(s.change) === blockId),
    /** Between open and conflicting (inside the caller's transaction); a decided suggestion is left as it is. */
    setUndecided: (id: string, status: 'open' | 'conflicting', reason?: string): void => {
      sql().undecided.run({ id, status, reason: status === 'conflicting' ? (reason ?? null) : null });
    },
    /** Records a decision (inside the caller's transaction); `conflict` when it was already decided. */
    decide: (id: string, status: 'accepted' | 'rejected', by: string, at: string, revisionId?: number, reason?: string): void => {
      const done = sql().decide.run({ id, status, by, at, revisionId: revisionId ?? null, reason: reason ?? null });
      if (done.changes !== 1) throw new MinutaError('conflict', `Suggestion ${excerpt(id)} was already decided (in another window or program)`, 'suggestionIds');
    },
    /** Adds the imports and suggestions of a minutes file to a meeting just created from it (inside the caller's transaction). */
    importBundle: (meetingId: string, imports: readonly ReviewImport[], suggestions: readonly Suggestion[], baseRevision: number): void => {
      const ids = new Map<string, string>();
      for (const imp of imports) {
        // The file's revision numbers are another database's: the review is now of the meeting as created here.
        ids.set(imp.id, insertImport(meetingId, { ...imp, baseRevision }));
      }
      for (const s of suggestions) {
        const importId = ids.get(s.importId);
        if (!importId) throw new MinutaError('invalid', `Suggestion ${excerpt(s.id)} names review import ${excerpt(s.importId)}, which the file does not have`, 'suggestions');
        // A decision's revision is another database's too: who and when are kept, the number is not.
        const { decision } = s;
        insertSuggestion(meetingId, importId, { ...s, ...(decision ? { decision: { by: decision.by, at: decision.at, ...(decision.reason ? { reason: decision.reason } : {}) } } : {}) });
      }
    },
  };
}

export type SuggestionStore = ReturnType<typeof createSuggestions>;

/** The stored form without the store's own note (the `.minuta.json` file, the shared schema). */
export const bareSuggestion = ({ conflict: _conflict, ...s }: StoredSuggestion): Suggestion => s;
