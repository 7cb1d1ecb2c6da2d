import { describe, expect, it } from 'vitest';
import { mergeIdList, plainTextOf, putMineBack, rebase, findBlock } from '../../../src/renderer/src/state/rebase';
import { appendChild, removeBlock, updateBlock, type AnyBlock } from '../../../src/renderer/src/model/tree';
import { plain, splitMeeting, type Meeting } from '../../../src/shared/minutes';
import { meetingFixture } from '../minutes/helpers';

const base = meetingFixture('minutes-2018.minuta.json');

/** A copy of the block with its first text string replaced (whatever the block type). */
function retext<B>(block: B, text: string): B {
  const copy = structuredClone(block);
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const v = stack.shift();
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['text'] === 'string') {
        o['text'] = text;
        return copy;
      }
      stack.push(...Object.values(o));
    }
  }
  throw new Error('no text');
}
const edit = (m: Meeting, id: string, text: string) => updateBlock(m, id, (b: AnyBlock) => retext(b, text));
const block = (m: Meeting, id: string) => findBlock(m, id) as AnyBlock | undefined;
const words = (m: Meeting, id: string) => plainTextOf(block(m, id));

// Ids in the 2018 minutes: a top-level paragraph, an opening-remarks section of five remarks, and
// sessions of presentations.
const SUMMARY = 'b_18001';
const REMARKS = 'b_18010';
const [R1, R2, R3] = ['b_18005', 'b_18006', 'b_18007'];
const SESSION = 'b_18038';
const PRESENTATION = 'b_18019';

/** Every block the user changed is in the result as the user left it, or offered: never dropped. */
function expectNothingLost(mine: Meeting, theirs: Meeting, result: ReturnType<typeof rebase>) {
  const b = splitMeeting(base).blocks;
  const out = splitMeeting(result.meeting).blocks;
  const offered = new Set(result.offers.map((o) => o.key));
  for (const [id, record] of splitMeeting(mine).blocks) {
    if (JSON.stringify(b.get(id)) === JSON.stringify(record)) continue;
    if (record.type === 'section' || record.type === 'session') continue; // child lists merge; own fields checked below
    const kept = JSON.stringify(out.get(id)) === JSON.stringify(record);
    expect(kept || offered.has(id), `block ${id} of mine is neither kept nor offered`).toBe(true);
  }
  // …and everything they changed that the user did not touch is in the result as they left it.
  for (const [id, record] of splitMeeting(theirs).blocks) {
    if (JSON.stringify(b.get(id)) === JSON.stringify(record)) continue;
    if (offered.has(id) || record.type === 'section' || record.type === 'session') continue;
    expect(out.get(id), `their block ${id}`).toEqual(record);
  }
}

describe('re-applying unsaved edits on a newer head (rebase)', () => {
  it('re-applies edits of blocks they did not touch, and keeps theirs', () => {
    const mine = edit(edit(base, SUMMARY, 'My summary'), R1, 'My opening remark');
    const theirs = edit(base, R2, 'Their opening remark');
    const result = rebase(base, mine, theirs);
    expect(result.offers).toEqual([]);
    expect(words(result.meeting, SUMMARY)).toContain('My summary');
    expect(words(result.meeting, R1)).toContain('My opening remark');
    expect(words(result.meeting, R2)).toContain('Their opening remark');
    expect(result.reapplied).toBe(2);
    expectNothingLost(mine, theirs, result);
  });

  it('leaves a block changed on both sides as theirs and offers the user’s text; "Use mine" puts it back', () => {
    const mine = edit(edit(base, R1, 'My wording of the remark'), SUMMARY, 'My summary');
    const theirs = edit(base, R1, 'Their wording of the remark');
    const result = rebase(base, mine, theirs);
    expect(words(result.meeting, R1)).toContain('Their wording of the remark');
    expect(words(result.meeting, SUMMARY)).toContain('My summary');
    expect(result.offers).toEqual([
      expect.objectContaining({ key: R1, label: 'Remark', reason: 'changed-on-both-sides', text: expect.stringContaining('My wording of the remark') }),
    ]);
    expectNothingLost(mine, theirs, result);
    const mineBack = putMineBack(result.meeting, mine, R1);
    expect(block(mineBack, R1)).toEqual(block(mine, R1));
    expect(words(mineBack, SUMMARY)).toContain('My summary');
  });

  it('does not offer a block both sides changed the same way', () => {
    const mine = edit(base, R1, 'Same words');
    const theirs = edit(base, R1, 'Same words');
    expect(rebase(base, mine, theirs).offers).toEqual([]);
  });

  it('offers a block they removed but the user edited; "Use mine" puts it back after the block it followed', () => {
    const mine = edit(base, R2, 'I was still writing this');
    const theirs = removeBlock(base, R2);
    const result = rebase(base, mine, theirs);
    expect(block(result.meeting, R2)).toBeUndefined();
    expect(result.offers).toEqual([expect.objectContaining({ key: R2, reason: 'removed-by-them', text: expect.stringContaining('I was still writing this') })]);
    const back = putMineBack(result.meeting, mine, R2);
    const remarks = (block(back, REMARKS) as { blocks: AnyBlock[] }).blocks.map((b) => b.id);
    expect(remarks.slice(0, 3)).toEqual([R1, R2, R3]);
  });

  it('merges child lists: the user’s new block and removal, their new block, all in place', () => {
    const mineNew = { ...(block(base, R1) as object), id: 'b_mine', paragraphs: [plain('Added by me')] } as unknown as AnyBlock;
    const theirsNew = { ...(block(base, R1) as object), id: 'b_theirs', paragraphs: [plain('Added by them')] } as unknown as AnyBlock;
    const mine = removeBlock(appendChild(base, REMARKS, mineNew), R3);
    const theirs = edit(appendChild(base, REMARKS, theirsNew), R1, 'Their edit');
    const result = rebase(base, mine, theirs);
    const remarks = (block(result.meeting, REMARKS) as { blocks: AnyBlock[] }).blocks.map((b) => b.id);
    expect(remarks).not.toContain(R3);
    expect(remarks).toContain('b_mine');
    expect(remarks).toContain('b_theirs');
    expect(words(result.meeting, R1)).toContain('Their edit');
    expect(result.offers).toEqual([]);
    expectNothingLost(mine, theirs, result);
  });

  it('keeps the user’s session title over their new presentation in that session (own fields and children separately)', () => {
    const mine = updateBlock(base, SESSION, (s: AnyBlock) => ({ ...s, title: plain('My session title') }) as AnyBlock);
    const extra = { ...(block(base, PRESENTATION) as object), id: 'b_theirpres' } as unknown as AnyBlock;
    const theirs = appendChild(base, SESSION, extra);
    const result = rebase(base, mine, theirs);
    const session = block(result.meeting, SESSION) as { title: unknown; items: AnyBlock[] };
    expect(session.title).toEqual(plain('My session title'));
    expect(session.items.map((b) => b.id)).toContain('b_theirpres');
  });

  it('merges the head field by field, offering a field both changed', () => {
    const mine = { ...base, venue: { ...base.venue, city: 'Siem Reap (mine)' }, titleBlock: { ...base.titleBlock, title: plain('My title') } };
    const theirs = { ...base, titleBlock: { ...base.titleBlock, title: plain('Their title') }, dates: { ...base.dates, end: '2018-05-26' } };
    const result = rebase(base, mine, theirs);
    expect(result.meeting.venue.city).toBe('Siem Reap (mine)');
    expect(result.meeting.dates.end).toBe('2018-05-26');
    expect(result.meeting.titleBlock.title).toEqual(plain('Their title'));
    expect(result.offers).toEqual([expect.objectContaining({ key: 'head.titleBlock', label: 'Title block', text: expect.stringContaining('My title') })]);
    expect(putMineBack(result.meeting, mine, 'head.titleBlock').titleBlock.title).toEqual(plain('My title'));
  });

  it('places a block moved by both sides once, and still re-applies the rest', () => {
    const moved = block(base, R3)!;
    const mine = edit(appendChild(removeBlock(base, R3), SESSION, moved), SUMMARY, 'My summary');
    const theirs = appendChild(removeBlock(base, R3), null, moved);
    const result = rebase(base, mine, theirs);
    expect(result.offers).toEqual([]);
    expect(words(result.meeting, SUMMARY)).toContain('My summary');
    expect(splitMeeting(result.meeting).blocks.has(R3)).toBe(true);
    expect(JSON.stringify(result.meeting).split(`"id":"${R3}"`)).toHaveLength(2);
  });
});

describe('mergeIdList', () => {
  it('takes the only side that changed whole, and replays the user’s additions and removals on theirs', () => {
    expect(mergeIdList(['a', 'b', 'c'], ['c', 'b', 'a'], ['a', 'b', 'c'])).toEqual(['c', 'b', 'a']);
    expect(mergeIdList(['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'c'])).toEqual(['a', 'c']);
    expect(mergeIdList(['a', 'b', 'c'], ['a', 'x', 'b'], ['a', 'b', 'c', 'y'])).toEqual(['a', 'x', 'b', 'y']);
    expect(mergeIdList(['a', 'b'], ['x', 'a', 'b'], ['b'])).toEqual(['x', 'b']);
  });
});

describe('rebase after a reload from the store', () => {
  /** The same data with every object's keys in reverse order, as canonical JSON may differ from the editor's copy. */
  const reordered = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as T;

  it('compares records as data, not as key order: an edit where only they reordered keys is re-applied', () => {
    const mine = edit(base, R2, 'My words.');
    const theirs = reordered(edit(base, R1, 'Their words.'));
    const result = rebase(base, mine, theirs);
    expect(result.offers).toEqual([]);
    expect(words(result.meeting, R2)).toContain('My words.');
    expect(words(result.meeting, R1)).toContain('Their words.');
  });
});
