import { describe, expect, it } from 'vitest';
import { Autosaver, type SaveRequest, type SaveState } from '../../../src/renderer/src/state/autosave';
import { joinMeeting, parseInterchange, plain, splitMeeting, type BlockRecord, type Meeting } from '../../../src/shared/minutes';
import { MinutaError } from '../../../src/shared/errors';
import { updateBlock } from '../../../src/renderer/src/model/tree';
import { readFixture } from '../minutes/helpers';

/** A manual clock: timers run only when the test advances time. */
function clock() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    timers: {
      set: (fn: () => void, ms: number) => {
        timers.set(++seq, { at: now + ms, fn });
        return seq;
      },
      clear: (h: unknown) => void timers.delete(h as number),
      now: () => now,
    },
    async advance(ms: number) {
      const end = now + ms;
      await settle(); // let settled saves schedule their follow-ups first
      for (;;) {
        const next = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        await settle();
      }
      now = end;
      await settle();
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

const opened: Meeting = (() => {
  const parsed = parseInterchange(readFixture('minutes-2019.minuta.json'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.meeting;
})();
const paragraphs = opened.body.filter((b) => b.type === 'paragraph').map((b) => b.id);
/** The opened document with paragraph `n` reading `text` (an immutable edit, as the editor makes). */
const typed = (m: Meeting, n: number, text: string) =>
  updateBlock(m, paragraphs[n]!, (b: { text: unknown }) => ({ ...b, text: plain(text) }) as never);
const textOf = (m: Meeting, n: number) => (m.body.find((b) => b.id === paragraphs[n]) as { text: { text: string }[] }).text[0]!.text;

/**
 * The other end of a save, as the protocol defines it: a seq that grows by one per successful save,
 * a refusal (conflict) for any other base, and the changes joined onto the stored records.
 */
function storeEnd(start: Meeting, seq = 7) {
  const end = {
    seq,
    doc: start,
    requests: [] as SaveRequest[],
    /** Next saves fail with this (once each), before the base check. */
    failNext: [] as Error[],
    /** Saves wait for release() when true. */
    hold: false,
    held: [] as (() => void)[],
    release() {
      end.held.shift()?.();
    },
    /** Someone else saves (another window): the seq moves on. */
    otherSaves(fn: (m: Meeting) => Meeting) {
      end.doc = fn(end.doc);
      end.seq++;
    },
    async save(request: SaveRequest): Promise<{ seq: number }> {
      end.requests.push(structuredClone(request));
      if (end.hold) await new Promise<void>((r) => end.held.push(r));
      const failure = end.failNext.shift();
      if (failure) throw failure;
      if (request.base !== end.seq) throw new MinutaError('conflict', 'This meeting was changed by Ana at 14:02 (in another window or program) since you opened it.');
      const { head, body, blocks } = splitMeeting(end.doc);
      const records = new Map<string, BlockRecord>(blocks);
      for (const r of request.changes.blocks ?? []) records.set(r.id, r);
      end.doc = joinMeeting(request.changes.head ?? head, request.changes.body ?? body, (id) => records.get(id));
      return { seq: ++end.seq };
    },
  };
  return end;
}

function saverFor(end: ReturnType<typeof storeEnd>, c: ReturnType<typeof clock>, states: SaveState[] = []) {
  return new Autosaver({
    meeting: end.doc,
    seq: end.seq,
    save: (r) => end.save(r),
    isConflict: (e) => e instanceof MinutaError && e.code === 'conflict',
    onState: (st) => states.push(st),
    timers: c.timers,
  });
}

describe('Autosaver', () => {
  it('saves the latest document after the debounce, and within the max wait while typing goes on', async () => {
    const c = clock();
    const end = storeEnd(opened);
    const states: SaveState[] = [];
    const s = saverFor(end, c, states);
    let m = opened;
    for (const text of ['T', 'Ty', 'Typ', 'Type']) {
      m = typed(m, 0, text);
      s.queue(m);
      if (text !== 'Type') await c.advance(200);
    }
    expect(end.requests).toEqual([]);
    await c.advance(400); // 900 ms max wait since the first change
    expect(end.requests).toHaveLength(1);
    expect(textOf(end.doc, 0)).toBe('Type');
    expect(states.at(-1)).toBe('saved');
  });

  it('sends only the changed block from the seq it opened at, then from the seq each save answers', async () => {
    const c = clock();
    const end = storeEnd(opened, 41);
    const s = saverFor(end, c);
    const first = typed(opened, 0, 'First edit');
    s.queue(first);
    await c.advance(1000);
    const second = typed(first, 1, 'Second edit');
    s.queue(second);
    await c.advance(1000);
    expect(end.requests.map((r) => r.base)).toEqual([41, 42]);
    expect(end.requests.map((r) => r.changes.blocks?.map((b) => b.id))).toEqual([[paragraphs[0]], [paragraphs[1]]]);
    expect(end.requests.every((r) => r.changes.head === undefined && r.changes.body === undefined)).toBe(true);
    expect(end.doc).toEqual(second);
    expect(s.lastAcknowledged).toBe(second);
  });

  it('sends nothing when there is no change, e.g. an edit undone back to the stored text', async () => {
    const c = clock();
    const end = storeEnd(opened);
    const states: SaveState[] = [];
    const s = saverFor(end, c, states);
    s.queue(typed(opened, 0, 'Typed'));
    s.queue(structuredClone(opened)); // undone: other objects, same content
    await c.advance(2000);
    expect(end.requests).toEqual([]);
    expect(states.at(-1)).toBe('saved');
    expect(s.hasUnsaved).toBe(false);
  });

  it('never drops an edit: a failed save is reported and retried with backoff, carrying every unsaved edit', async () => {
    const c = clock();
    const end = storeEnd(opened);
    end.failNext.push(new Error('disk full'), new Error('disk full'));
    const states: SaveState[] = [];
    const s = saverFor(end, c, states);
    const first = typed(opened, 0, 'First');
    s.queue(first);
    await c.advance(400);
    expect(states).toContain('failed');
    expect(s.hasUnsaved).toBe(true);
    await c.advance(500); // the first retry fails too
    expect(end.requests).toHaveLength(2);
    s.queue(typed(first, 1, 'Second'));
    await c.advance(1000);
    expect(end.requests).toHaveLength(3);
    expect(end.requests[2]!.base).toBe(7);
    expect(end.requests[2]!.changes.blocks?.map((b) => b.id).sort()).toEqual([paragraphs[0], paragraphs[1]].sort());
    expect([textOf(end.doc, 0), textOf(end.doc, 1)]).toEqual(['First', 'Second']);
    expect(states.at(-1)).toBe('saved');
    expect(s.hasUnsaved).toBe(false);
  });

  it('saves a change made during a save right after it, one save in flight at a time', async () => {
    const c = clock();
    const end = storeEnd(opened);
    end.hold = true;
    const s = saverFor(end, c);
    const first = typed(opened, 0, 'First');
    s.queue(first);
    await c.advance(400);
    s.queue(typed(first, 0, 'First, then more'));
    await c.advance(2000);
    expect(end.requests).toHaveLength(1);
    end.release();
    await c.advance(10);
    expect(end.requests).toHaveLength(2);
    expect(end.requests[1]!.base).toBe(8);
    end.release();
    await c.advance(10);
    expect(textOf(end.doc, 0)).toBe('First, then more');
    expect(s.hasUnsaved).toBe(false);
  });

  it('flush() stores what is pending at once and resolves when it is stored', async () => {
    const c = clock();
    const end = storeEnd(opened);
    const s = saverFor(end, c);
    s.queue(typed(opened, 0, 'Now'));
    await s.flush();
    expect(textOf(end.doc, 0)).toBe('Now');
    expect(s.hasUnsaved).toBe(false);
  });

  it('a conflict is not retried and keeps the edits (more keep coming) until restart() from the new head', async () => {
    const c = clock();
    const end = storeEnd(opened);
    const states: SaveState[] = [];
    const s = saverFor(end, c, states);
    end.otherSaves((m) => typed(m, 2, 'Their edit'));
    const mine = typed(opened, 0, 'My edit');
    s.queue(mine);
    await c.advance(1000);
    expect(states.at(-1)).toBe('conflict');
    expect(s.conflict).toMatch(/changed by Ana at 14:02/);
    const more = typed(mine, 1, 'More of mine');
    s.queue(more);
    await c.advance(60_000);
    expect(end.requests).toHaveLength(1); // never retried blindly
    expect(s.hasUnsaved).toBe(true);
    expect(states.at(-1)).toBe('conflict');
    await expect(s.flush()).rejects.toThrow(/changed by Ana/);
    expect(s.lastAcknowledged).toBe(opened); // what the unsaved edits start from, for the rebase

    s.restart(end.doc, end.seq);
    s.queue(typed(typed(end.doc, 0, 'My edit'), 1, 'More of mine'));
    await c.advance(1000);
    expect(end.requests.at(-1)!.base).toBe(8);
    expect([textOf(end.doc, 0), textOf(end.doc, 1), textOf(end.doc, 2)]).toEqual(['My edit', 'More of mine', 'Their edit']);
    expect(states.at(-1)).toBe('saved');
  });

  it('sendNow() while a save is in flight sends the rest at once, from the in-flight document and the seq after it', async () => {
    const c = clock();
    const end = storeEnd(opened);
    end.hold = true;
    const states: SaveState[] = [];
    const s = saverFor(end, c, states);
    const first = typed(opened, 0, 'In flight');
    s.queue(first);
    await c.advance(400);
    s.queue(typed(first, 1, 'Typed just before unload'));
    s.sendNow();
    expect(end.requests).toHaveLength(2); // left synchronously, before the first one is answered
    expect(end.requests[1]!.base).toBe(8);
    expect(end.requests[1]!.changes.blocks?.map((b) => b.id)).toEqual([paragraphs[1]]);
    end.release();
    end.release();
    await c.advance(10);
    expect([textOf(end.doc, 0), textOf(end.doc, 1)]).toEqual(['In flight', 'Typed just before unload']);
    expect(end.seq).toBe(9);
    expect(s.hasUnsaved).toBe(false);
    expect(states.at(-1)).toBe('saved');
    // The page survived: the next save starts from the seq the second save answered.
    end.hold = false;
    s.queue(typed(end.doc, 2, 'Later'));
    await c.advance(1000);
    expect(end.requests.at(-1)!.base).toBe(9);
    expect(textOf(end.doc, 2)).toBe('Later');
  });

  it('sendNow() after an in-flight save that then fails: the refusal of the chained save is no conflict, all is retried', async () => {
    const c = clock();
    const end = storeEnd(opened);
    end.hold = true;
    end.failNext.push(new Error('disk full'));
    const states: SaveState[] = [];
    const s = saverFor(end, c, states);
    const first = typed(opened, 0, 'In flight');
    s.queue(first);
    await c.advance(400);
    s.queue(typed(first, 1, 'Sent on unload'));
    s.sendNow();
    end.hold = false;
    end.release();
    end.release();
    await c.advance(10);
    expect(states).not.toContain('conflict');
    expect(s.conflict).toBeNull();
    await c.advance(1000); // the retry
    expect([textOf(end.doc, 0), textOf(end.doc, 1)]).toEqual(['In flight', 'Sent on unload']);
    expect(end.requests.at(-1)!.base).toBe(7);
    expect(s.hasUnsaved).toBe(false);
  });
});
