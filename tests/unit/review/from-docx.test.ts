import { describe, expect, it } from 'vitest';
import { layoutContent } from '../../../src/shared/format/agreed';
import { type Meeting, parseInterchange, validateMeeting } from '../../../src/shared/minutes';
import { CommentThread } from '../../../src/shared/minutes/comments';
import { Suggestion } from '../../../src/shared/minutes/reviewSuggestions';
import { applyChanges } from '../../../src/shared/review/applyChanges';
import { fieldText, findAnchorOwner } from '../../../src/shared/review/comments';
import { type FromDocxOptions, isoUtc, reviewerOf, suggestionsFromDocx } from '../../../src/shared/review/fromDocx';
import type { DocxComment, ReviewedDocx } from '../../../src/shared/review/reviewedDocx';
import { readFixture } from '../minutes/helpers';
import {
  type CopyPara,
  acceptedText,
  comment,
  copyOf,
  counterIds,
  deleteParagraph,
  deleteWord,
  insertAfterWord,
  insertParagraph,
  replaceWord,
  reviewedDocx,
  setBold,
  visibleText,
  wordsOf,
} from '../../support/reviewedCopy';

/** The 2019 minutes' review copy, reviewed by hand-picked edits: each kind of change lands where it should. */

const load = (): Meeting => {
  const r = parseInterchange(readFixture('minutes-2019.minuta.json'));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.meeting;
};
const base = load();

const CHOU = { author: 'H.E. Mrs.  chou bun eng', date: '2026-11-30T09:15:00Z' };
const options = (): FromDocxOptions => ({ importId: 'imp_1', reviewer: 'Delegation Reviewer', newId: counterIds(), now: () => '2026-11-30T12:00:00Z' });

/** The paragraph of the copy that prints the block's field starting with `start`. */
function para(paras: CopyPara[], start: string): CopyPara {
  const p = paras.find((x) => visibleText(x).startsWith(start));
  if (!p) throw new Error(`no paragraph starting ${start}`);
  return p;
}
/** The n-th occurrence of a word in a paragraph's visible text. */
function word(p: CopyPara, w: string, nth = 0): { start: number; end: number } {
  const text = visibleText(p);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(w, at + 1);
  if (at < 0) throw new Error(`no word ${w}`);
  return { start: at, end: at + w.length };
}

function both(paras: CopyPara[], extra: Partial<ReviewedDocx> = {}) {
  const tracked = suggestionsFromDocx(reviewedDocx(paras, true, CHOU, extra), base, options());
  const untracked = suggestionsFromDocx(reviewedDocx(paras, false, CHOU, extra), base, options());
  for (const m of [tracked, untracked]) for (const s of m.suggestions) expect(Suggestion.safeParse(s).error).toBeUndefined();
  expect(untracked.suggestions.map((s) => s.change)).toEqual(tracked.suggestions.map((s) => s.change));
  return { tracked, untracked };
}

/** Applied to the base, the minutes print the reviewed copy's accepted text, word for word. */
function expectRoundTrip(paras: CopyPara[], changes: Suggestion[]): Meeting {
  const applied = applyChanges(
    base,
    changes.map((s) => s.change),
  );
  const v = validateMeeting(applied);
  expect(v.ok ? [] : v.errors).toEqual([]);
  const printed = layoutContent(applied)
    .flatMap((b) =>
      b.kind === 'paragraph' || b.kind === 'heading'
        ? [b.runs]
        : b.kind === 'title'
          ? b.lines.map((l) => l.runs)
          : b.kind === 'list'
            ? b.items.map((i) => i.runs)
            : b.kind === 'signatures'
              ? b.cells.flatMap((c) => [c.role, c.name, ...c.titleLines])
              : [],
    )
    .map((rs) => rs.map((r) => r.text).join(''))
    .join('\n');
  expect(wordsOf(printed, 'en').join(' ')).toBe(wordsOf(acceptedText(paras), 'en').join(' '));
  return applied;
}

describe('suggestionsFromDocx: changes', () => {
  it('an untouched copy brings nothing', () => {
    const m = suggestionsFromDocx(reviewedDocx(copyOf(base), true, CHOU), base, options());
    expect(m).toEqual({ suggestions: [], threads: [], unplaced: 0, untracked: 0 });
  });

  it('words replaced: one change per contiguous phrase, on the field and offsets they came from, attributed to the register', () => {
    const paras = copyOf(base);
    const p = para(paras, 'The second technical');
    // "second technical" → "third expert": two adjacent words, one suggestion.
    replaceWord(p, word(p, 'second'), 'third');
    replaceWord(p, word(p, 'technical'), 'expert');
    const { tracked, untracked } = both(paras);
    expect(tracked.suggestions).toHaveLength(1);
    const s = tracked.suggestions[0]!;
    const text = fieldText(findAnchorOwner(base, 'b_19001'), 'text')!;
    expect(s).toEqual({
      id: 'sg_1',
      importId: 'imp_1',
      // The file's name, matched to "H.E. Mrs. Chou Bun Eng" case- and space-insensitively.
      author: 'H.E. Mrs. chou bun eng',
      organisationId: 'o_19ncct',
      delegationId: 'd_19001',
      at: CHOU.date,
      tracked: true,
      change: { kind: 'text', target: 'b_19001', path: 'text', start: 4, end: 20, quote: text.slice(4, 20), insert: [{ text: 'third expert' }] },
      status: 'open',
    });
    expect(s.change.kind === 'text' && s.change.quote).toBe('second technical');
    // Tracking off: the same change, by the file's last author, not tracked.
    expect(untracked.suggestions[0]).toMatchObject({ author: 'Delegation Reviewer', tracked: false, at: CHOU.date });
    expect(untracked.suggestions[0]!.organisationId).toBeUndefined();
    expect(untracked.untracked).toBe(1);
    expectRoundTrip(paras, tracked.suggestions);
  });

  it('words inserted and deleted in several blocks, a delegation paragraph and a signatory title line', () => {
    const paras = copyOf(base);
    const a = para(paras, 'Migrants are still deceived');
    insertAfterWord(a, word(a, 'still'), ' often');
    const d = para(paras, "The Inter-Ministerial Delegation of Lao People's");
    deleteWord(d, word(d, 'Inter-Ministerial'.split('-')[0]!));
    const t = para(paras, 'Deputy Minister of Ministry');
    replaceWord(t, word(t, 'Deputy'), 'Vice');
    const { tracked } = both(paras);
    expect(tracked.suggestions.map((s) => s.change)).toEqual([
      { kind: 'text', target: 'd_19002', path: 'description.0', start: 4, end: 9, quote: 'Inter', insert: [] },
      // " often" after "still", or "often " before "deceived": the word diff's choice, the same words.
      { kind: 'text', target: 'b_19015', path: 'text', start: 19, end: 19, quote: '', insert: [{ text: 'often ' }] },
      expect.objectContaining({ kind: 'text', target: 'g_19003', path: 'titleLines.0', start: 0, end: 6, quote: 'Deputy', insert: [{ text: 'Vice' }] }),
    ]);
    expectRoundTrip(paras, tracked.suggestions);
  });

  it('bold set on words (w:rPrChange) is a format change on their span; untracked, the same change', () => {
    const paras = copyOf(base);
    const p = para(paras, 'Migrants are still deceived');
    setBold(p, { start: word(p, 'deceived').start, end: word(p, 'brokers').end }, true);
    const { tracked, untracked } = both(paras);
    expect(tracked.suggestions.map((s) => s.change)).toEqual([{ kind: 'format', target: 'b_19015', path: 'text', start: 19, end: 39, quote: 'deceived by brokers', bold: true }].map((c) => ({ ...c, end: 19 + 'deceived by brokers'.length })));
    expect(tracked.suggestions[0]).toMatchObject({ tracked: true, author: 'H.E. Mrs. chou bun eng' });
    expect(untracked.suggestions[0]).toMatchObject({ tracked: false });
    const applied = applyChanges(
      base,
      tracked.suggestions.map((s) => s.change),
    );
    const list = applied.body.find((b) => b.id === 'b_19010');
    expect(list?.type === 'list' && list.items[4]!.text).toEqual([{ text: 'Migrants are still ' }, { text: 'deceived by brokers', bold: true }, { text: '.' }]);
  });

  it('a bullet deleted is a remove-item; a paragraph typed after a bullet a new bullet; a block deleted whole a remove-block', () => {
    const paras = copyOf(base);
    deleteParagraph(para(paras, 'Some people still go to work'));
    const i = paras.indexOf(para(paras, 'Data management system'));
    insertParagraph(paras, i, 'Brokers advertise on social media.', true);
    deleteParagraph(para(paras, 'The venue and date of the next meeting'));
    const { tracked } = both(paras);
    expect(tracked.suggestions.map((s) => s.change)).toEqual([
      { kind: 'insert-item', target: 'b_19010', path: 'items', index: 4, afterId: 'b_19014', value: { id: 'bl_1', text: [{ text: 'Brokers advertise on social media.' }] } },
      expect.objectContaining({ kind: 'remove-item', target: 'b_19010', path: 'items', index: 2, id: 'b_19013' }),
      expect.objectContaining({ kind: 'remove-block', target: 'b_19018' }),
    ]);
    expect(tracked.suggestions.every((s) => s.tracked && s.author === 'H.E. Mrs. chou bun eng')).toBe(true);
    expectRoundTrip(paras, tracked.suggestions);
  });

  it('a bullet moved (w:moveFrom / w:moveTo) comes back as removed at its old place and added at its new one, by the mover', () => {
    const paras = copyOf(base);
    const moved = para(paras, 'Migrants are still deceived');
    const text = visibleText(moved);
    deleteParagraph(moved);
    insertParagraph(paras, paras.indexOf(para(paras, 'Collaboration and coordination')), text, true);
    const doc = reviewedDocx(paras, true, CHOU);
    // Word's moves: the same revisions as deletion and insertion, named as one move.
    for (const p of doc.paragraphs) {
      for (const r of [p.mark, ...p.runs.map((x) => x.revision)]) {
        if (!r) continue;
        r.kind = r.kind === 'deleted' ? 'movedFrom' : 'movedTo';
        r.moveName = 'move1';
      }
    }
    const m = suggestionsFromDocx(doc, base, options());
    expect(m.suggestions.map((s) => s.change)).toEqual([
      { kind: 'insert-item', target: 'b_19010', path: 'items', index: 1, afterId: 'b_19011', value: { id: 'bl_1', text: [{ text }] } },
      expect.objectContaining({ kind: 'remove-item', target: 'b_19010', path: 'items', index: 4, id: 'b_19015', quote: text }),
    ]);
    expect(m.suggestions.every((s) => s.tracked && s.author === 'H.E. Mrs. chou bun eng')).toBe(true);
    expectRoundTrip(paras, m.suggestions);
  });

  it('a paragraph typed after a block, outside its bookmark, is a new paragraph block after it', () => {
    const paras = copyOf(base);
    insertParagraph(paras, paras.indexOf(para(paras, 'After the opening session')), 'The meeting paused for lunch.', false);
    const { tracked } = both(paras);
    expect(tracked.suggestions.map((s) => s.change)).toEqual([
      { kind: 'insert-block', container: '~body', afterId: 'b_19009', block: { id: 'b_1', type: 'paragraph', text: [{ text: 'The meeting paused for lunch.' }] } },
    ]);
    expectRoundTrip(paras, tracked.suggestions);
  });

  it('a word of the title is a change of the meeting’s own title field', () => {
    const paras = copyOf(base);
    const t = para(paras, 'Minutes of the Second');
    replaceWord(t, word(t, 'Second'), '2nd');
    const { tracked } = both(paras);
    expect(tracked.suggestions.map((s) => s.change)).toEqual([{ kind: 'text', target: base.id, path: 'titleBlock.title', start: 15, end: 21, quote: 'Second', insert: [{ text: '2nd' }] }]);
    expectRoundTrip(paras, tracked.suggestions);
  });

  it('words typed in generated text (a written-out date, a name from the register) are unplaced, near their block, never dropped', () => {
    const paras = copyOf(base);
    const date = para(paras, '30-31 October 2019');
    replaceWord(date, word(date, 'October'), 'November');
    const name = para(paras, 'Major General Aung Thu');
    replaceWord(name, word(name, 'Aung'), 'Aye');
    const { tracked } = both(paras);
    expect(tracked.unplaced).toBe(2);
    expect(tracked.suggestions.map((s) => s.change)).toEqual([
      // The title's date: by the first block, the nearest.
      { kind: 'unplaced', near: 'b_19001', deleted: 'October', inserted: 'November' },
      { kind: 'unplaced', near: 'b_19021', deleted: 'Aung', inserted: 'Aye' },
    ]);
    // Unplaced changes are never applied.
    expect(applyChanges(base, tracked.suggestions.map((s) => s.change))).toEqual(base);
  });

  it('a block retyped without tracking, its bookmark lost, is still matched to its block', () => {
    const paras = copyOf(base);
    const p = para(paras, 'The minutes is not bound');
    replaceWord(p, word(p, 'legal'), 'juridical');
    delete p.bookmark;
    const m = suggestionsFromDocx(reviewedDocx(paras, false, CHOU), base, options());
    expect(m.suggestions.map((s) => s.change)).toEqual([expect.objectContaining({ kind: 'text', target: 'b_19019', path: 'text', quote: 'legal', insert: [{ text: 'juridical' }] })]);
    expectRoundTrip(paras, m.suggestions);
  });

  it('Khmer without spaces: one word of a run replaced, found by the segmenter, offsets in UTF-16', () => {
    const km: Meeting = structuredClone(base);
    const p0 = km.body[0]!;
    if (p0.type !== 'paragraph') throw new Error('expected a paragraph');
    p0.text = [{ text: 'កិច្ចប្រជុំពិគ្រោះយោបល់បច្ចេកទេស ក្រសួងមហាផ្ទៃ' }];
    km.language = 'km';
    const paras = copyOf(km);
    const p = para(paras, 'កិច្ចប្រជុំ');
    const seg = [...new Intl.Segmenter('km', { granularity: 'word' }).segment(visibleText(p))].filter((s) => s.isWordLike);
    expect(seg.length).toBeGreaterThan(3);
    const target = seg[1]!;
    replaceWord(p, { start: target.index, end: target.index + target.segment.length }, 'ថ្មី');
    const m = suggestionsFromDocx(reviewedDocx(paras, true, CHOU), km, options());
    expect(m.suggestions.map((s) => s.change)).toEqual([
      { kind: 'text', target: p0.id, path: 'text', start: target.index, end: target.index + target.segment.length, quote: target.segment, insert: [{ text: 'ថ្មី' }] },
    ]);
  });

  it('revision times without a zone are UTC; bad ones are left out', () => {
    expect(isoUtc('2026-11-30T10:00:00')).toBe('2026-11-30T10:00:00Z');
    expect(isoUtc('2026-11-30T10:00:00.123456789')).toBe('2026-11-30T10:00:00Z');
    expect(isoUtc('2026-11-30T12:00:00+02:00')).toBe('2026-11-30T10:00:00Z');
    expect(isoUtc('yesterday')).toBeUndefined();
    expect(isoUtc(undefined)).toBeUndefined();
  });

  it('the reviewer of untracked changes is the last author, else the creator', () => {
    expect(reviewerOf({ core: { lastModifiedBy: '  Souk  Vanna ', creator: 'Minuta' } })).toBe('Souk Vanna');
    expect(reviewerOf({ core: { lastModifiedBy: ' ', creator: 'Keo Sophal' } })).toBe('Keo Sophal');
    expect(reviewerOf({ core: {} })).toBe('Reviewer');
  });
});

describe('suggestionsFromDocx: bounds', () => {
  it('a pasted paragraph longer than a run may be comes back in runs within the bounds; a bad import id is refused', () => {
    const paras = copyOf(base);
    const long = 'word '.repeat(9_000).trim();
    insertParagraph(paras, paras.indexOf(para(paras, 'Data management system')), long, true);
    const m = suggestionsFromDocx(reviewedDocx(paras, true, CHOU), base, options());
    expect(m.suggestions).toHaveLength(1);
    expect(Suggestion.safeParse(m.suggestions[0]).error).toBeUndefined();
    const change = m.suggestions[0]!.change;
    expect(change.kind).toBe('insert-item');
    const runs = (change as { value: { text: { text: string }[] } }).value.text;
    expect(runs.map((r) => r.text.length)).toEqual([20_000, 20_000, long.length - 40_000]);
    expect(runs.map((r) => r.text).join('')).toBe(long);
    expect(() => suggestionsFromDocx(reviewedDocx(paras, true, CHOU), base, { ...options(), importId: 'not an id' })).toThrow(expect.objectContaining({ code: 'invalid', path: 'importId' }));
  });
});

describe('suggestionsFromDocx: comments', () => {
  it('a thread with a reply, resolved, on words of one field: a range anchor; across blocks: the block', () => {
    const paras = copyOf(base);
    const p = para(paras, 'Collaboration and coordination');
    comment(p, word(p, 'coordination'), 'c0');
    const q = para(paras, 'After the opening session');
    comment(q, { start: 0, end: visibleText(q).length }, 'c2');
    comment(para(paras, 'After welcoming speech'), { start: 0, end: 5 }, 'c2');
    // A comment on words the reviewer then deleted: by their block.
    const gone = para(paras, 'Migrants are still deceived');
    comment(gone, word(gone, 'brokers'), 'c3');
    deleteWord(gone, word(gone, 'brokers'));
    const comments: DocxComment[] = [
      { id: 'c0', author: 'Chou Bun Eng', date: '2026-11-30T09:00:00Z', text: ['Which ministries?'] },
      { id: 'c1', author: 'Secretariat', date: '2026-11-30T09:30:00', text: ['NCCT and MoLVT.', 'Both.'], parentId: 'c0', done: true },
      { id: 'c2', author: 'Chou Bun Eng', text: ['  '] },
      { id: 'c3', author: 'Chou Bun Eng', date: '2026-11-30T09:40:00Z', text: ['Not only brokers.'] },
    ];
    const m = suggestionsFromDocx(reviewedDocx(paras, true, CHOU, { comments }), base, options());
    expect(m.suggestions.map((s) => s.change.kind)).toEqual(['text']);
    for (const t of m.threads) expect(CommentThread.safeParse(t).error).toBeUndefined();
    expect(m.threads).toEqual([
      {
        id: 'th_1',
        anchor: { blockId: 'b_19011', range: { path: 'text', start: 18, end: 30, quote: 'coordination' } },
        comments: [
          { id: 'cm_1', author: 'Chou Bun Eng', at: '2026-11-30T09:00:00Z', text: 'Which ministries?' },
          { id: 'cm_2', author: 'Secretariat', at: '2026-11-30T09:30:00Z', text: 'NCCT and MoLVT.\nBoth.' },
        ],
        resolution: { resolved: true, by: 'Secretariat', at: '2026-11-30T09:30:00Z' },
      },
      // Over two blocks: anchored on the first block it covers; no date: the import's time.
      { id: 'th_2', anchor: { blockId: 'b_19008' }, comments: [{ id: 'cm_3', author: 'Chou Bun Eng', at: '2026-11-30T12:00:00Z', text: '(empty comment)' }] },
      { id: 'th_3', anchor: { blockId: 'b_19010' }, comments: [{ id: 'cm_4', author: 'Chou Bun Eng', at: '2026-11-30T09:40:00Z', text: 'Not only brokers.' }] },
    ]);
  });
});

describe('applyChanges', () => {
  it('refuses a quote that is not the base text (conflict) and overlapping changes (invalid); leaves the base as it was', () => {
    const before = structuredClone(base);
    const change = { kind: 'text' as const, target: 'b_19001', path: 'text', start: 4, end: 10, quote: 'second', insert: [] };
    expect(() => applyChanges(base, [{ ...change, quote: 'SECOND' }])).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => applyChanges(base, [change, { ...change, start: 8, end: 12, quote: 'nd t' }])).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => applyChanges(base, [{ ...change, target: 'b_nothere' }])).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(base).toEqual(before);
  });
});
