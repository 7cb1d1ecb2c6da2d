import { describe, expect, it } from 'vitest';
import { findInMeeting, matchesInText, replaceAll, replaceInRuns, replaceMatches, textFields } from '../../../src/shared/find/find';
import { readFileSync } from 'node:fs';
import { validateMeeting, type Meeting } from '../../../src/shared/minutes';
import { fixturePath } from '../minutes/helpers';
import { loadFixture } from '../../support/temp';

const plain = { matchCase: false, wholeWord: false };
const ranges = (text: string, query: string, options = plain, locale?: string) =>
  matchesInText(text, query, options, locale).map((r) => text.slice(r.start, r.end) + '@' + r.start);

describe('matchesInText', () => {
  it('finds every non-overlapping match, ignoring case unless asked', () => {
    expect(ranges('Card, card, CARD', 'card')).toEqual(['Card@0', 'card@6', 'CARD@12']);
    expect(ranges('Card, card, CARD', 'card', { matchCase: true, wholeWord: false })).toEqual(['card@6']);
    expect(ranges('aaaa', 'aa')).toEqual(['aa@0', 'aa@2']);
    expect(ranges('anything', '')).toEqual([]);
  });

  it('keeps offsets of the original text when folding changes a character’s length (İ)', () => {
    const text = 'İstanbul and Ankara';
    expect(ranges(text, 'ankara')).toEqual(['Ankara@13']);
  });

  it('whole word: English by spaces and punctuation', () => {
    expect(ranges('card cards discard card.', 'card', { matchCase: false, wholeWord: true })).toEqual(['card@0', 'card@19']);
  });

  it('whole word in Khmer, Lao and Burmese, written without spaces (Intl.Segmenter)', () => {
    // Khmer: "meeting" + "committee". (ICU builds differ on whether កិច្ចប្រជុំ is one word or two;
    // either way it is whole, and part of គណៈកម្មាធិការ is not.)
    const khmer = 'កិច្ចប្រជុំគណៈកម្មាធិការ';
    expect(ranges(khmer, 'កិច្ចប្រជុំ', { matchCase: false, wholeWord: true }, 'km')).toEqual(['កិច្ចប្រជុំ@0']);
    expect(ranges(khmer, 'គណៈកម្ម', { matchCase: false, wholeWord: true }, 'km')).toEqual([]);
    expect(ranges(khmer, 'គណៈកម្ម', plain, 'km')).toEqual(['គណៈកម្ម@11']);
    expect(ranges(khmer, 'ប្រជុំ', { matchCase: false, wholeWord: false }, 'km')).toEqual(['ប្រជុំ@5']);
    // Lao: ກອງປະຊຸມ (meeting) followed by ຄະນະກໍາມະການ (committee).
    const lao = 'ກອງປະຊຸມຄະນະກຳມະການແມ່ນ້ຳຂອງ';
    expect(ranges(lao, 'ກອງປະຊຸມ', { matchCase: false, wholeWord: true }, 'lo')).toEqual(['ກອງປະຊຸມ@0']);
    // Half a Lao word is found as text, never as a whole word.
    expect(ranges(lao, 'ກອງປະ', { matchCase: false, wholeWord: true }, 'lo')).toEqual([]);
    expect(ranges(lao, 'ກອງປະ', plain, 'lo')).toEqual(['ກອງປະ@0']);
    // Burmese: အစည်းအဝေး (meeting) in a run of text.
    const burmese = 'မြန်မာနိုင်ငံအစည်းအဝေး';
    expect(ranges(burmese, 'အစည်းအဝေး', { matchCase: false, wholeWord: true }, 'my')).toEqual(['အစည်းအဝေး@13']);
  });
});

describe('rich text', () => {
  it('replaces across runs, in the formatting of the run where the match starts', () => {
    const runs = [{ text: 'the pink ', bold: true }, { text: 'card holders' }];
    expect(replaceInRuns(runs, { start: 4, end: 13 }, 'blue pass')).toEqual([{ text: 'the blue pass', bold: true }, { text: ' holders' }]);
    expect(replaceInRuns(runs, { start: 0, end: 21 }, '')).toEqual([]);
  });
});

describe('a whole meeting', () => {
  it('lists every text field and no id, type, enumeration or date', () => {
    const m = loadFixture(2019);
    const fields = textFields(m);
    const paths = fields.map((f) => f.path.join('.'));
    expect(paths[0]).toMatch(/^titleBlock\./);
    expect(paths.some((p) => /(^|\.)(id|type|kind|numbering|start|end|date)$/.test(p) || /Id$/.test(p))).toBe(false);
    expect(fields.every((f) => !/^\d{4}-\d{2}-\d{2}$/.test(f.text))).toBe(true);
  });

  it('replace all changes exactly the matches, leaves a valid meeting, and counts them', () => {
    const m = loadFixture(2018);
    const before = findInMeeting(m, 'pink card', plain);
    expect(before.length).toBeGreaterThan(0);
    const { meeting, count } = replaceAll(m, 'pink card', 'blue pass', plain);
    expect(count).toBe(before.length);
    expect(findInMeeting(meeting, 'pink card', plain)).toEqual([]);
    expect(findInMeeting(meeting, 'blue pass', { matchCase: true, wholeWord: false }).length).toBe(count);
    expect(validateMeeting(meeting).ok).toBe(true);
    // The original is untouched (the store's undo history keeps it).
    expect(findInMeeting(m, 'pink card', plain).length).toBe(before.length);
    // Nothing to replace: the same object back (no empty undo step, no save).
    expect(replaceAll(m, 'zzz-not-there', 'x', plain).meeting).toBe(m);
  });

  it('never turns an enumeration or an id into text (a query equal to one finds nothing there)', () => {
    const m = loadFixture(2019);
    const { meeting } = replaceAll(m, 'decimal', 'X', plain);
    expect(validateMeeting(meeting).ok).toBe(true);
    const { meeting: again } = replaceAll(m, 'b_', 'X', plain);
    expect(again.body.map((b) => b.id)).toEqual(m.body.map((b) => b.id));
  });

  it('never turns a decision’s outcome, method or print style into text, but replaces voters and explanations', () => {
    const m = JSON.parse(readFileSync(fixturePath('fomc-2013-12.minuta.json'), 'utf8')).meeting as Meeting;
    for (const enumValue of ['adopted', 'vote', 'notation-vote', 'names']) {
      const { meeting } = replaceAll(m, enumValue, 'X', plain);
      expect(validateMeeting(meeting).ok, enumValue).toBe(true);
    }
    const { meeting, count } = replaceAll(m, 'Rosengren', 'R.', { matchCase: true, wholeWord: true });
    // The register, the attendance list, the voter's label and his explanation.
    expect(count).toBe(4);
    expect(JSON.stringify(meeting)).not.toContain('Rosengren');
  });

  it('replace one changes only that match', () => {
    const m = loadFixture(2018);
    const all = findInMeeting(m, 'the', plain);
    const next = replaceMatches(m, [all[3]!], 'THE');
    expect(findInMeeting(next, 'THE', { matchCase: true, wholeWord: false })).toHaveLength(
      findInMeeting(m, 'THE', { matchCase: true, wholeWord: false }).length + 1,
    );
    expect(findInMeeting(next, 'the', plain)).toHaveLength(all.length);
  });
});

describe('word count', () => {
  it('counts words of every script, Khmer and Lao included, by Intl.Segmenter', async () => {
    const { countWords } = await import('../../../src/shared/find/wordCount');
    const { plain: rich } = await import('../../../src/shared/minutes');
    const m = loadFixture(2019);
    const base = { ...m, titleBlock: { title: rich('') }, venue: {}, body: [] } as unknown as typeof m;
    const withText = (text: string) => ({ ...base, body: [{ id: 'b_count1', type: 'paragraph', text: rich(text) }] }) as unknown as typeof m;
    const zero = countWords(base);
    expect(countWords(withText('The pink card holders, 12 of them.')) - zero).toBe(7);
    // "meeting of the committee" in Khmer: several words, no space.
    expect(countWords(withText('កិច្ចប្រជុំគណៈកម្មាធិការ')) - zero).toBeGreaterThanOrEqual(2);
    expect(countWords(withText('ກອງປະຊຸມຄະນະກຳມະການ')) - zero).toBeGreaterThanOrEqual(2);
    expect(countWords(loadFixture(2018))).toBeGreaterThan(1000);
  });
});
