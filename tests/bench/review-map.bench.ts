import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/shared/review/applyChanges';
import { suggestionsFromDocx } from '../../src/shared/review/fromDocx';
import type { ReviewedDocx } from '../../src/shared/review/reviewedDocx';
import { type CopyPara, copyOf, counterIds, deleteWord, fieldWords, insertAfterWord, replaceWord, reviewedDocx } from '../support/reviewedCopy';
import { generateLongMeeting } from './generate';
import { report } from './stats';

/**
 * Mapping a reviewed copy of the ~200-page meeting with 500 changes (words replaced, inserted and
 * deleted over 500 paragraphs, tracked; and the same copy with tracking off) onto the minutes. Issue
 * 12's budget is 2 s for reading and mapping together; the reader is measured with its own module.
 */

const RUNS = 5;
const CHANGES = 500;

function reviewed(paras: CopyPara[], tracked: boolean): ReviewedDocx {
  return reviewedDocx(paras, tracked, { author: 'Bench Reviewer', date: '2026-11-30T10:00:00Z' });
}

describe('review map benchmark', () => {
  it(`maps a reviewed copy of a 200-page meeting with ${CHANGES} changes`, () => {
    const { meeting } = generateLongMeeting(200);
    const paras = copyOf(meeting);
    const editable = paras.filter((p) => fieldWords(p, 'en').length >= 3);
    const step = Math.max(1, Math.floor(editable.length / CHANGES));
    let made = 0;
    for (let i = 0; i < editable.length && made < CHANGES; i += step, made++) {
      const p = editable[i]!;
      const words = fieldWords(p, 'en');
      const w = words[made % words.length]!;
      if (made % 3 === 0) replaceWord(p, w, `amended${made}`);
      else if (made % 3 === 1) insertAfterWord(p, w, ` inserted${made}`);
      else deleteWord(p, w);
    }
    for (const tracked of [true, false]) {
      const doc = reviewed(paras, tracked);
      const times: number[] = [];
      // CPU time too: on this shared machine the wall clock mostly measures the other processes.
      const cpu: number[] = [];
      let found = 0;
      let applied = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const c = process.cpuUsage();
        const m = suggestionsFromDocx(doc, meeting, { importId: 'imp_1', reviewer: 'Bench Reviewer', newId: counterIds(), now: () => '2026-11-30T12:00:00Z' });
        times.push(performance.now() - t);
        const used = process.cpuUsage(c);
        cpu.push((used.user + used.system) / 1000);
        found = m.suggestions.length;
        const ta = performance.now();
        applyChanges(
          meeting,
          m.suggestions.map((s) => s.change),
        );
        applied = performance.now() - ta;
      }
      console.log(`review map: ${paras.length} paragraphs, ${made} edits, ${found} suggestions (${tracked ? 'tracked' : 'untracked'}); applyChanges of all ${applied.toFixed(1)} ms`);
      report(`suggestionsFromDocx, 200 pages, ${CHANGES} changes, ${tracked ? 'tracked' : 'untracked'}`, times, '≤ 2 s with reading');
      report(`  the same, CPU time of the process`, cpu);
      expect(found).toBe(made);
    }
    // A copy whose bookmarks were all lost (or a DOCX not made by Minuta): one group, aligned whole.
    const bare = reviewed(paras, false);
    bare.paragraphs = bare.paragraphs.map(({ bookmark: _bookmark, ...p }) => p);
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      found = suggestionsFromDocx(bare, meeting, { importId: 'imp_1', reviewer: 'Bench Reviewer', newId: counterIds(), now: () => '2026-11-30T12:00:00Z' }).suggestions.length;
      times.push(performance.now() - t);
    }
    report(`suggestionsFromDocx, no bookmarks at all (${found} suggestions)`, times);
  });
});
