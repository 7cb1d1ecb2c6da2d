import { describe, expect, it } from 'vitest';
import { plain, richTextToString, type Meeting } from '../../../src/shared/minutes';
import type { ReviewChange, Suggestion } from '../../../src/shared/minutes/reviewSuggestions';
import { acceptSuggestions, applySuggestion, checkSuggestion, overlaps, reassess } from '../../../src/shared/review/acceptSuggestion';
import { loadFixture } from '../../support/temp';

/**
 * Accepting one suggestion, or a selection, on the current minutes of the 2019 seed: text, marks,
 * items and blocks; a paragraph edited after the review copy still takes a suggestion whose words are
 * there (found again by quote); overlapping suggestions of two delegations: accept one, the other
 * conflicts and is never applied blindly.
 */

const INTRO = 'b_19008';
const base = loadFixture(2019);
const textOf = (m: Meeting, id = INTRO) => richTextToString((m.body.find((b) => b.id === id) as { text: { text: string }[] }).text);
const runsOf = (m: Meeting, id = INTRO) => (m.body.find((b) => b.id === id) as { text: { text: string; bold?: boolean }[] }).text;
const introBase = textOf(base);

function replace(quote: string, insert: string, target = INTRO, from: Meeting = base): Extract<ReviewChange, { kind: 'text' }> {
  const text = textOf(from, target);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}"`);
  return { kind: 'text', target, path: 'text', start, end: start + quote.length, quote, insert: plain(insert) };
}

let n = 0;
const suggestion = (change: ReviewChange, author: string): Suggestion => ({
  id: `s_${++n}`,
  importId: `i_${author.replace(/\W/g, '')}`,
  author,
  tracked: true,
  change,
  status: 'open',
});
const sameBase = () => ({ revision: 1, meeting: base });

describe('applying one suggestion', () => {
  it('replaces words and keeps the marks of the runs around them', () => {
    const m = structuredClone(base);
    const block = m.body.find((b) => b.id === INTRO) as { text: { text: string; bold?: boolean }[] };
    block.text = [{ text: 'After welcoming speech ', bold: true }, { text: introBase.slice('After welcoming speech '.length) }];
    const r = applySuggestion(m, replace('welcoming speech', 'the welcoming address', INTRO, m));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(textOf(r.meeting)).toBe(introBase.replace('welcoming speech', 'the welcoming address'));
    expect(runsOf(r.meeting)[0]).toEqual({ text: 'After ', bold: true });
    expect(runsOf(r.meeting)[2]).toEqual({ text: ' ', bold: true });
    // The input is never mutated.
    expect(textOf(m)).toBe(introBase);
  });

  it('sets bold on a span only', () => {
    const start = introBase.indexOf('IOM');
    const r = applySuggestion(base, { kind: 'format', target: INTRO, path: 'text', start, end: start + 3, quote: 'IOM', bold: true });
    expect(r.ok && runsOf(r.meeting).filter((x) => x.bold).map((x) => x.text)).toEqual(['IOM']);
  });

  it('inserts and removes a list item, inserts and removes a block', () => {
    const item = applySuggestion(base, { kind: 'insert-item', target: 'b_19010', path: 'items', index: 1, afterId: 'b_19011', value: { id: 'b_new1', text: plain('Border crossings are porous;') } });
    expect(item.ok && (item.meeting.body.find((b) => b.id === 'b_19010') as { items: { id: string }[] }).items.map((i) => i.id).slice(0, 3)).toEqual(['b_19011', 'b_new1', 'b_19012']);
    const removed = applySuggestion(base, { kind: 'remove-item', target: 'b_19010', path: 'items', index: 4, id: 'b_19015', quote: 'Migrants are still deceived by brokers.' });
    expect(removed.ok && (removed.meeting.body.find((b) => b.id === 'b_19010') as { items: unknown[] }).items).toHaveLength(4);
    const block = applySuggestion(base, { kind: 'insert-block', container: '~body', afterId: INTRO, block: { id: 'b_new2', type: 'paragraph', text: plain('A new paragraph.') } });
    expect(block.ok && block.meeting.body.map((b) => b.id).indexOf('b_new2')).toBe(base.body.findIndex((b) => b.id === INTRO) + 1);
    const gone = applySuggestion(base, { kind: 'remove-block', target: 'b_19009', quote: textOf(base, 'b_19009') }, base);
    expect(gone.ok && gone.meeting.body.some((b) => b.id === 'b_19009')).toBe(false);
  });

  it('finds a suggestion again by its quote in a paragraph edited after the review copy', () => {
    const later = structuredClone(base);
    (later.body.find((b) => b.id === INTRO) as { text: unknown }).text = plain(`In the morning, ${introBase}`);
    const change = replace('strong support', 'full support');
    expect(checkSuggestion(later, change, base)).toEqual({ ok: true, moved: true, at: introBase.indexOf('strong support') + 'In the morning, '.length });
    const r = applySuggestion(later, change, base);
    expect(r.ok && textOf(r.meeting)).toBe(`In the morning, ${introBase.replace('strong support', 'full support')}`);
  });

  it('places an insertion by the words around it once the text before it moved', () => {
    const at = introBase.indexOf('key note');
    const insert: ReviewChange = { kind: 'text', target: INTRO, path: 'text', start: at, end: at, quote: '', insert: plain('inspiring ') };
    const later = structuredClone(base);
    (later.body.find((b) => b.id === INTRO) as { text: unknown }).text = plain(introBase.replace('After welcoming', 'After the welcoming'));
    const r = applySuggestion(later, insert, base);
    expect(r.ok && textOf(r.meeting)).toContain('her inspiring key note');
  });

  it('is a conflict with a reason when the words are gone or the block is gone, and changes nothing', () => {
    const later = structuredClone(base);
    (later.body.find((b) => b.id === INTRO) as { text: unknown }).text = plain('Rewritten entirely.');
    const r = applySuggestion(later, replace('strong support', 'full support'), base);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('"strong support" is no longer there') });
    const gone = applySuggestion({ ...base, body: base.body.filter((b) => b.id !== INTRO) }, replace('strong support', 'full support'));
    expect(gone).toEqual({ ok: false, reason: expect.stringContaining('no longer in the minutes') });
    expect(applySuggestion(base, { kind: 'unplaced', deleted: '', inserted: 'x' }).ok).toBe(false);
    // A block edited since the review copy is not deleted blindly.
    const edited = structuredClone(base);
    (edited.body.find((b) => b.id === 'b_19009') as { text: unknown }).text = plain('Changed.');
    expect(applySuggestion(edited, { kind: 'remove-block', target: 'b_19009', quote: textOf(base, 'b_19009') }, base).ok).toBe(false);
  });

  it('refuses content that would not make valid minutes', () => {
    const r = applySuggestion(base, { kind: 'insert-item', target: 'b_19010', path: 'items', index: 0, value: { id: 'b_19011', text: plain('dup') } });
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('Duplicate id') });
  });
});

describe('overlapping suggestions of several delegations', () => {
  // Cambodia replaces "strong support" and Lao "her strong support for": the same words.
  const cambodia = suggestion(replace('strong support', 'full support'), 'Sok Dara');
  const lao = suggestion(replace('her strong support for', 'its support to'), 'Khamla Vong');
  const myanmar = suggestion(replace('Chief of IOM Mission', 'Chief of Mission of IOM'), 'Aung Thu');

  it('knows which changes overlap', () => {
    expect(overlaps(cambodia.change, lao.change)).toBe(true);
    expect(overlaps(cambodia.change, myanmar.change)).toBe(false);
  });

  it('accepting one marks the other conflicting; the third still applies', () => {
    const first = acceptSuggestions(base, [cambodia], sameBase);
    expect(first.applied).toEqual([cambodia.id]);
    const after = reassess(first.meeting, [lao, myanmar], [cambodia], sameBase);
    expect(after.get(lao.id)).toEqual({ status: 'conflicting', reason: expect.stringContaining('Sok Dara') });
    expect(after.get(myanmar.id)).toEqual({ status: 'open' });
  });

  it('a selection of both applies the first and reports the second as a conflict, in one document', () => {
    const both = acceptSuggestions(base, [cambodia, lao, myanmar], sameBase);
    expect(both.applied).toEqual([cambodia.id, myanmar.id]);
    expect(both.conflicts.get(lao.id)).toContain('overlaps');
    expect(textOf(both.meeting)).toBe(introBase.replace('strong support', 'full support').replace('Chief of IOM Mission', 'Chief of Mission of IOM'));
  });

  it('several changes of one field made on the same base apply at their own offsets', () => {
    const a = suggestion(replace('After welcoming speech', 'After the welcoming speech'), 'Sok Dara');
    const b = suggestion(replace('Head of Myanmar Delegation', 'Head of the Myanmar Delegation'), 'Sok Dara');
    const out = acceptSuggestions(base, [a, b], sameBase);
    expect(out.applied).toHaveLength(2);
    expect(textOf(out.meeting)).toBe(introBase.replace('After welcoming speech', 'After the welcoming speech').replace('Head of Myanmar Delegation', 'Head of the Myanmar Delegation'));
  });
});
