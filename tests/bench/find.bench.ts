import { describe, expect, it } from 'vitest';
import { findInMeeting, replaceAll } from '../../src/shared/find/find';
import { countWords } from '../../src/shared/find/wordCount';
import { generateLongMeeting } from './generate';
import { report, time } from './stats';

/**
 * Find, replace all and the word count over the generated ~200-page meeting: what the find bar and the
 * status bar cost once typing pauses (they are never run per keystroke). Figures only.
 */
const RUNS = Number(process.env['MINUTA_BENCH_RUNS'] ?? 10);

describe('find and count on the 200-page meeting', () => {
  it('prints find (plain, whole word), replace all, and the word count', () => {
    const { meeting } = generateLongMeeting(200);
    const plain = { matchCase: false, wholeWord: false };
    const whole = { matchCase: false, wholeWord: true };
    const counts = { plain: 0, whole: 0, words: 0 };
    const samples = { plain: [] as number[], whole: [] as number[], replace: [] as number[], words: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      samples.plain.push(time(() => (counts.plain = findInMeeting(meeting, 'the', plain).length)));
      samples.whole.push(time(() => (counts.whole = findInMeeting(meeting, 'the', whole).length)));
      samples.replace.push(time(() => replaceAll(meeting, 'the', 'THE', plain)));
      samples.words.push(time(() => (counts.words = countWords(meeting))));
    }
    report(`find "the" (${counts.plain} matches)`, samples.plain);
    report(`find "the", whole word (${counts.whole} matches)`, samples.whole);
    report('replace all "the"', samples.replace);
    report(`word count (${counts.words} words)`, samples.words);
    expect(counts.whole).toBeLessThanOrEqual(counts.plain);
  });
});
