import { writeTransaction, type Db } from './db';
import type { Audit } from './audit';
import type { SaveResult } from './types';
import type { StoredSuggestion, SuggestionStore } from './suggestions';
import { MinutaError, boundMessage, excerpt } from '../../shared/errors';
import type { Meeting } from '../../shared/minutes';
import type { Suggestion } from '../../shared/minutes/reviewSuggestions';
import { acceptSuggestions, reassess } from '../../shared/review/acceptSuggestion';

/**
 * Deciding suggestions. Accepting applies a selection to the current head (src/shared/review/
 * acceptSuggestion.ts) and saves the result as ONE new revision through the normal save path (base
 * check, workflow state, conflict), attributed to the reviewer(s) who proposed it; the audit log
 * records that this user accepted them into that revision. Every other undecided suggestion is then
 * reassessed: one that now overlaps an accepted one, or whose words are gone, is marked conflicting.
 * All of it is one transaction: a refused save decides nothing.
 */

export interface AcceptResult {
  /** The revision the acceptance made; absent when nothing could be applied. */
  revisionId?: number;
  /** The meeting's save sequence now (the base of the next save). */
  seq: number;
  accepted: string[];
  /** Asked-for suggestions that could not be applied, with why (they are now conflicting). */
  conflicts: { id: string; reason: string }[];
}

interface Deps {
  suggestions: SuggestionStore;
  audit: Audit;
  now: () => Date;
  head: (meetingId: string) => { meeting: Meeting; seq: number } | undefined;
  revision: (meetingId: string, revisionId: number) => Meeting | undefined;
  saveDocument: (meetingId: string, meeting: Meeting, author: string, base: number, options: { fold: boolean }) => SaveResult;
}

const undecided = (s: Suggestion) => s.status === 'open' || s.status === 'conflicting';

/** "Sok Dara" or "Sok Dara, Khamla Vong": the revision's author, bounded like every author. */
const authorsOf = (list: readonly Suggestion[]) => boundMessage([...new Set(list.map((s) => s.author))].join(', '), 200);

export function createSuggestionDecisions(db: Db, deps: Deps) {
  const { suggestions } = deps;

  /** The version each import was made from, read once per call. */
  function basesFor(meetingId: string) {
    const cache = new Map<number, { revision: number; meeting: Meeting } | undefined>();
    const importBase = new Map<string, number | undefined>();
    return (s: Suggestion) => {
      if (!importBase.has(s.importId)) importBase.set(s.importId, suggestions.import(s.importId)?.baseRevision);
      const revision = importBase.get(s.importId);
      if (revision === undefined) return undefined;
      if (!cache.has(revision)) {
        const meeting = deps.revision(meetingId, revision);
        cache.set(revision, meeting && { revision, meeting });
      }
      return cache.get(revision);
    };
  }

  const refuseDecided = (chosen: readonly StoredSuggestion[]) => {
    const done = chosen.find((s) => !undecided(s));
    if (done) throw new MinutaError('conflict', `Suggestion ${excerpt(done.id)} was already ${done.status} by ${excerpt(done.decision?.by ?? 'someone', 60)}`, 'suggestionIds');
  };

  const accept = writeTransaction(db, (meetingId: string, ids: readonly string[], user: string, base?: number): AcceptResult => {
    const head = deps.head(meetingId);
    if (!head) throw new MinutaError('not-found', `No meeting with id ${excerpt(meetingId)}`, 'id');
    if (ids.length === 0) throw new MinutaError('invalid', 'No suggestion was chosen', 'suggestionIds');
    const chosen = suggestions.get(meetingId, ids);
    refuseDecided(chosen);
    const baseOf = basesFor(meetingId);
    const acceptedBefore = suggestions.list(meetingId).filter((s) => s.status === 'accepted');
    const outcome = acceptSuggestions(head.meeting, chosen, baseOf, acceptedBefore);
    const applied = chosen.filter((s) => outcome.applied.includes(s.id));
    let saved: SaveResult | undefined;
    const at = deps.now().toISOString();
    if (applied.length > 0) {
      // The normal save path: the caller's base is checked (another window's save is a conflict), and
      // an approved or sealed meeting refuses. Its own revision, never folded into someone's typing.
      saved = deps.saveDocument(meetingId, outcome.meeting, authorsOf(applied), base ?? head.seq, { fold: false });
      for (const s of applied) suggestions.decide(s.id, 'accepted', user, at, saved.revisionId);
    } else if (base !== undefined && base !== head.seq) {
      throw new MinutaError('conflict', 'This meeting was changed since you opened it (in another window or program); reopen it to decide its suggestions.');
    }
    const current = saved ? deps.head(meetingId)!.meeting : head.meeting;
    const all = suggestions.list(meetingId);
    const assessed = reassess(current, all.filter(undecided), all.filter((s) => s.status === 'accepted'), baseOf);
    for (const [id, verdict] of assessed) suggestions.setUndecided(id, verdict.status, verdict.reason);
    const conflicts = [...outcome.conflicts].map(([id, reason]) => ({ id, reason }));
    if (saved) {
      deps.audit.append(meetingId, user, 'suggestions-accepted', {
        revisionId: saved.revisionId,
        suggestionIds: applied.map((s) => s.id),
        reviewers: authorsOf(applied),
        ...(conflicts.length ? { conflicting: conflicts.map((c) => c.id) } : {}),
      });
    }
    return { ...(saved ? { revisionId: saved.revisionId } : {}), seq: saved?.seq ?? head.seq, accepted: applied.map((s) => s.id), conflicts };
  });

  const reject = writeTransaction(db, (meetingId: string, ids: readonly string[], user: string, reason?: string): StoredSuggestion[] => {
    if (!deps.head(meetingId)) throw new MinutaError('not-found', `No meeting with id ${excerpt(meetingId)}`, 'id');
    if (ids.length === 0) throw new MinutaError('invalid', 'No suggestion was chosen', 'suggestionIds');
    const chosen = suggestions.get(meetingId, ids);
    refuseDecided(chosen);
    const at = deps.now().toISOString();
    for (const s of chosen) suggestions.decide(s.id, 'rejected', user, at, undefined, reason);
    deps.audit.append(meetingId, user, 'suggestions-rejected', { suggestionIds: chosen.map((s) => s.id), reviewers: authorsOf(chosen), ...(reason ? { reason } : {}) });
    return suggestions.get(meetingId, ids);
  });

  /** The undecided suggestions of one reviewer (by name as the file gives it) or of one import. */
  const undecidedFrom = (meetingId: string, from: { author?: string; importId?: string }, options: { unplaced?: boolean } = {}): string[] => {
    const ids = suggestions
      .list(meetingId)
      .filter((s) => undecided(s) && (options.unplaced === true || s.change.kind !== 'unplaced') && (from.author === undefined || s.author === from.author) && (from.importId === undefined || s.importId === from.importId))
      .map((s) => s.id);
    if (ids.length === 0) {
      const who = from.author !== undefined ? `from ${excerpt(from.author, 60)}` : from.importId !== undefined ? `in import ${excerpt(from.importId)}` : '';
      throw new MinutaError('not-found', `Meeting ${excerpt(meetingId)} has no open suggestion ${who}`.trim(), from.author !== undefined ? 'from' : 'id');
    }
    return ids;
  };

  return {
    /** Accepts the chosen suggestions into one revision (see AcceptResult); `base`: the seq the user saw. */
    accept: (meetingId: string, ids: readonly string[], user: string, base?: number): AcceptResult => accept(meetingId, ids, user, base),
    reject: (meetingId: string, ids: readonly string[], user: string, reason?: string): StoredSuggestion[] => reject(meetingId, ids, user, reason),
    undecidedFrom,
  };
}
