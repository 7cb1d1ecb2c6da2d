import { writeTransaction, type Db } from './db';
import { isMinutaError } from '../../shared/errors';
import type { SearchHit } from './types';
import type { HeadState } from './headState';
import { HEAD_BLOCK_ID, headText, recordText, toFtsQuery } from './searchText';
import { holdsDecisions } from '../../shared/decisions/collect';
import type { BlockRecord } from '../../shared/minutes';

/**
 * The search index (migration 002, one row per block since 003): writes happen in the save's own
 * transaction as a durable "pending" mark, and the re-indexing itself (tokenising: the slowest part)
 * when the app is idle or just before a search, so a search never sees stale text.
 */
export function createSearch(db: Db, headOf: (meetingId: string) => HeadState | undefined) {
  const ranked = (only: string) =>
    db.prepare(
      `SELECT s.rowid AS rowid, b.meeting_id AS id, b.block_id AS blockId
       FROM (SELECT rowid, bm25(search_index) AS score FROM search_index WHERE search_index MATCH ?
               AND rowid NOT IN (SELECT b.id FROM meetings m JOIN search_blocks b ON b.meeting_id = m.id WHERE m.deleted_at IS NOT NULL)
               ${only}
             ORDER BY score LIMIT ?) s
       JOIN search_blocks b ON b.id = s.rowid
       ORDER BY s.score`,
    );
  const q = {
    // Deleting from search_blocks removes the FTS row too (trigger search_blocks_forget).
    indexDelete: db.prepare('DELETE FROM search_blocks WHERE meeting_id = ? AND block_id = ?'),
    indexDeleteAll: db.prepare('DELETE FROM search_blocks WHERE meeting_id = ?'),
    indexBlock: db.prepare('INSERT INTO search_blocks (meeting_id, block_id, decision) VALUES (?, ?, ?)'),
    indexText: db.prepare('INSERT INTO search_index (rowid, text) VALUES (?, ?)'),
    markPending: db.prepare('INSERT OR IGNORE INTO search_pending (meeting_id, block_id) VALUES (?, ?)'),
    pending: db.prepare('SELECT meeting_id AS meetingId, block_id AS blockId FROM search_pending ORDER BY meeting_id'),
    clearPending: db.prepare('DELETE FROM search_pending WHERE meeting_id = ?'),
    // The best `?` rows by bm25 (what `rank` means), joined to their blocks. `ORDER BY score LIMIT`
    // lets SQLite keep only the best rows while scoring, where `ORDER BY rank` would sort every match
    // (tens of thousands of rows for a common word over 10,000 meetings). No snippets here: a snippet
    // re-reads and tokenises its row, so it is made only for the one best row of each meeting kept.
    // A meeting in the trash keeps its rows (a restore needs no re-indexing) but is never a hit; the
    // partial index meetings_in_trash keeps that exclusion small when the trash is empty.
    ranked: ranked(''),
    // Decisions only: each matching row's flag is looked up by its key, so the full-text match still
    // drives the query (`rowid IN (SELECT …)` made FTS5 probe every flagged row: seconds over 10,000 meetings).
    rankedDecisions: ranked('AND (SELECT decision FROM search_blocks d WHERE d.id = search_index.rowid) = 1'),
    // The rowid is bound as a BigInt: better-sqlite3 binds a JS number as REAL, and FTS5 then ignores
    // `rowid = ?` altogether, so every hit showed the snippet of the first matching row of the index.
    snippet: db
      .prepare(`SELECT snippet(search_index, 0, '[', ']', '…', 10) FROM search_index WHERE search_index MATCH ? AND rowid = ?`)
      .pluck(),
    meeting: db.prepare('SELECT title, starts_on AS startsOn FROM meetings WHERE id = ?'),
    // Meetings with a block that holds decisions, or with blocks the index has not caught up with.
    withDecisions: db
      .prepare('SELECT meeting_id FROM search_blocks WHERE decision = 1 UNION SELECT meeting_id FROM search_pending')
      .pluck(),
  };

  function put(meetingId: string, blockId: string, text: string, record?: BlockRecord) {
    q.indexDelete.run(meetingId, blockId);
    if (text) q.indexText.run(q.indexBlock.run(meetingId, blockId, record && holdsDecisions(record) ? 1 : 0).lastInsertRowid, text);
  }

  /** Indexes every block of a state at once (a new meeting, a recovery). */
  function indexAll(state: HeadState) {
    q.indexDeleteAll.run(state.meetingId);
    put(state.meetingId, HEAD_BLOCK_ID, headText(state.head));
    for (const [id, entry] of state.records) put(state.meetingId, id, recordText(entry.record), entry.record);
  }

  /**
   * Re-indexes the blocks saved since the last flush, from the verified heads: every one, or those of
   * at most `maxMeetings` meetings (the idle timer's bite, so that catching up a whole database after
   * an upgrade never holds the main process for long in one go).
   */
  const flush = writeTransaction(db, (maxMeetings: number): number => {
    const pending = new Map<string, Set<string>>();
    for (const { meetingId, blockId } of q.pending.all() as Array<{ meetingId: string; blockId: string }>) {
      let set = pending.get(meetingId);
      if (!set) pending.set(meetingId, (set = new Set()));
      set.add(blockId);
    }
    let done = 0;
    for (const [meetingId, blocks] of pending) {
      if (done >= maxMeetings) break;
      let state: HeadState | undefined;
      try {
        state = headOf(meetingId);
      } catch (error) {
        // A damaged head is not indexed (never served); its marks stay until it is recovered.
        if (isMinutaError(error) && error.code === 'corrupt') continue;
        throw error;
      }
      if (state) {
        for (const blockId of blocks) {
          if (blockId === HEAD_BLOCK_ID) put(meetingId, blockId, headText(state.head));
          else {
            const entry = state.records.get(blockId);
            if (entry) put(meetingId, blockId, recordText(entry.record), entry.record);
            else q.indexDelete.run(meetingId, blockId);
          }
        }
      }
      q.clearPending.run(meetingId);
      done++;
    }
    return done;
  });

  return {
    /** In the save's transaction: these blocks' rows must be rewritten (or dropped) by the next flush. */
    markChanged(meetingId: string, blockIds: Iterable<string>) {
      for (const id of blockIds) q.markPending.run(meetingId, id);
    },
    indexAll,
    flush: (maxMeetings = Infinity): number => flush(maxMeetings),
    /**
     * The meetings that may hold decisions: those with a block flagged in the index, and those the
     * index has not caught up with (a read-only database cannot catch up). The tracker reads only these.
     */
    meetingsWithDecisions(): Set<string> {
      if (!db.readonly) flush(Infinity);
      return new Set(q.withDecisions.all() as string[]);
    },
    /**
     * Best hits first, one per meeting (its best block), with a snippet around the match;
     * `decisions`: only blocks that hold decisions (agreements, recommendations, decisions).
     */
    search(input: string, limit = 50, options: { decisions?: boolean } = {}): SearchHit[] {
      const rankedRows = options.decisions ? q.rankedDecisions : q.ranked;
      const query = toFtsQuery(input);
      if (!query) return [];
      if (!db.readonly) flush(Infinity);
      // One hit per meeting: take a few times as many rows as meetings wanted, more if they cluster.
      const bestRows = (rows: number): Array<{ rowid: number; id: string; blockId: string }> => {
        const ranked = rankedRows.all(query, rows) as Array<{ rowid: number; id: string; blockId: string }>;
        const seen = new Set<string>();
        const best = ranked.filter((row) => !seen.has(row.id) && seen.add(row.id)).slice(0, limit);
        return best.length >= limit || ranked.length < rows ? best : bestRows(rows * 4);
      };
      const best = bestRows(limit * 4);
      const hits: SearchHit[] = best.map(({ rowid, id, blockId }) => {
        const { title, startsOn } = q.meeting.get(id) as { title: string; startsOn: string };
        return { id, title, startsOn, snippet: q.snippet.get(query, BigInt(rowid)) as string, blockId };
      });
      return hits;
    },
  };
}

export type Search = ReturnType<typeof createSearch>;
