import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Meeting } from '../../src/shared/minutes';
import { createServices } from '../../src/main/services';
import { storeMappedReview } from '../../src/main/review/importReview';
import type { SuggestionDraft } from '../../src/main/store/suggestions';
import { fieldText } from '../../src/shared/review/comments';
import { indexIds } from '../../src/shared/review/compare';
import { tempDir } from '../support/temp';
import { generateLongMeeting } from './generate';
import { report } from './stats';

/**
 * Review suggestions on the generated ~200-page meeting: 500 word replacements from one reviewed copy
 * (one per block, as a delegation's review of a long draft). Prints the time to store the import, to
 * list the suggestions as the panel does (each placed on the current text), to accept one (a revision,
 * then the 499 others reassessed) and to accept all the rest in one revision. Figures only.
 */
const SUGGESTIONS = 500;

/** One replacement of a word of 5+ letters per paragraph-like block, up to SUGGESTIONS. */
function drafts(m: Meeting): SuggestionDraft[] {
  const out: SuggestionDraft[] = [];
  // Blocks and what has an id inside them (bullets, turns): whatever holds text a reviewer edits.
  const owners = [...indexIds(m).values()].map((p) => p.value as { id: string });
  for (const b of owners) {
    for (const path of ['text', 'paragraphs.0', 'question.paragraphs.0']) {
      const text = fieldText(b, path);
      const word = text && /\b[A-Za-z]{5,}\b/.exec(text);
      if (!text || !word) continue;
      out.push({ author: 'Bench Reviewer', tracked: true, change: { kind: 'text', target: b.id, path, start: word.index, end: word.index + word[0].length, quote: word[0], insert: [{ text: word[0].toUpperCase() }] } });
      break;
    }
    if (out.length === SUGGESTIONS) break;
  }
  return out;
}

describe('review suggestions benchmark', () => {
  it('stores, lists and accepts 500 suggestions on a 200-page meeting', async () => {
    const tmp = tempDir('minuta-bench-sg-');
    const services = createServices({ databasePath: join(tmp.dir, 'bench.sqlite'), version: 'bench', author: 'Secretariat' });
    try {
      const { meeting } = generateLongMeeting(200);
      const created = services.store.create(meeting, 'Ana Lopes');
      const list = drafts(meeting);
      let t = performance.now();
      const stored = storeMappedReview(services.db, services.store, { meetingId: meeting.id, fileName: 'bench.docx', sha256: 'b'.repeat(64) }, { baseRevision: created.revisionId, reviewer: 'Bench Reviewer', suggestions: list, threads: [] }, 'Secretariat');
      report(`store an import of ${list.length} suggestions`, [performance.now() - t]);
      const listTimes: number[] = [];
      for (let i = 0; i < 3; i++) {
        t = performance.now();
        const r = await services.dispatch('listSuggestions', { id: meeting.id });
        listTimes.push(performance.now() - t);
        expect(r.ok).toBe(true);
      }
      report(`listSuggestions (${list.length}, each placed on the text)`, listTimes);
      t = performance.now();
      const one = await services.dispatch('acceptSuggestions', { id: meeting.id, suggestionIds: [stored.suggestions[0]!.id] });
      report(`accept one, reassess ${list.length - 1}`, [performance.now() - t]);
      expect(one.ok).toBe(true);
      t = performance.now();
      const all = await services.dispatch('acceptAllFrom', { id: meeting.id, author: 'Bench Reviewer' });
      report(`accept all ${list.length - 1} others in one revision`, [performance.now() - t]);
      expect(all.ok && (all.value as { accepted: string[] }).accepted.length).toBe(list.length - 1);
    } finally {
      services.close();
      tmp.cleanup();
    }
  }, 300_000);
});
