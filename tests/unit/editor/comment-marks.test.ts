import { describe, expect, it } from 'vitest';
import { marksOf, sameMarksOr } from '../../../src/renderer/src/state/commentsSlice';
import type { CommentThreadView } from '../../../src/shared/ipc/contract';

// A thread as listComments answers it, reduced to what marksOf reads.
const thread = (id: string, blockId: string, start: number): CommentThreadView =>
  ({ id, anchor: { blockId }, place: { state: 'range', blockId, path: 'text', start, end: start + 3 }, resolution: null }) as unknown as CommentThreadView;

describe('comment marks after a reload', () => {
  it('keeps the previous object when the marks are the same, so no field renders again', () => {
    const before = marksOf([thread('t1', 'b1', 0)]);
    const reread = marksOf([thread('t1', 'b1', 0)]);
    expect(reread).not.toBe(before);
    expect(sameMarksOr(before, reread)).toBe(before);
    expect(sameMarksOr(before, reread).ranges).toBe(before.ranges);
  });

  it('takes the new marks when a range moved or a thread came', () => {
    const before = marksOf([thread('t1', 'b1', 0)]);
    const moved = marksOf([thread('t1', 'b1', 4)]);
    expect(sameMarksOr(before, moved)).toBe(moved);
    const more = marksOf([thread('t1', 'b1', 0), thread('t2', 'b2', 1)]);
    expect(sameMarksOr(before, more)).toBe(more);
    expect(sameMarksOr(before, more).blocks).toEqual({ b1: 1, b2: 1 });
  });
});
