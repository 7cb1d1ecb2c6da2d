import { describe, expect, it } from 'vitest';
import { emptyHistory, record, redo, undo } from '../../../src/renderer/src/state/history';
import type { Meeting } from '../../../src/shared/minutes';

const m = (n: number) => ({ id: `m_${n}` }) as unknown as Meeting;

describe('document history', () => {
  it('coalesces typing in one field into one step, and starts a new step on another field or a pause', () => {
    let h = emptyHistory();
    h = record(h, m(0), { field: 'a', typing: true, now: 0 });
    h = record(h, m(1), { field: 'a', typing: true, now: 300 });
    h = record(h, m(2), { field: 'a', typing: true, now: 600 });
    expect(h.past.map((s) => s.meeting.id)).toEqual(['m_0']);
    h = record(h, m(3), { field: 'b', typing: true, now: 700 });
    h = record(h, m(4), { field: 'b', typing: true, now: 5000 });
    expect(h.past.map((s) => s.meeting.id)).toEqual(['m_0', 'm_3', 'm_4']);
  });

  it('undoes and redoes across fields, returning the field to focus', () => {
    let h = emptyHistory();
    h = record(h, m(0), { field: 'a', typing: true, now: 0 });
    h = record(h, m(1), { field: 'b', typing: false, now: 10 });
    const u1 = undo(h, m(2), 'b')!;
    expect(u1.step).toEqual({ meeting: m(1), field: 'b' });
    const u2 = undo(u1.history, u1.step.meeting, 'b')!;
    expect(u2.step).toEqual({ meeting: m(0), field: 'a' });
    expect(undo(u2.history, m(0), 'a')).toBeNull();
    const r1 = redo(u2.history, m(0), 'a')!;
    expect(r1.step.meeting.id).toBe('m_1');
    const r2 = redo(r1.history, r1.step.meeting, 'a')!;
    expect(r2.step.meeting.id).toBe('m_2');
    // A new edit after undo drops the redo branch.
    const after = record(u1.history, m(9), { field: 'c', typing: true, now: 99 });
    expect(after.future).toEqual([]);
  });
});
