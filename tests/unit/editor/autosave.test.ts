import { describe, expect, it } from 'vitest';
import { Autosaver, type SaveState } from '../../../src/renderer/src/state/autosave';
import type { Meeting } from '../../../src/shared/minutes';

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
      await new Promise((r) => setTimeout(r, 0)); // let settled saves schedule their follow-ups first
      for (;;) {
        const next = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        await new Promise((r) => setTimeout(r, 0));
      }
      now = end;
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

const doc = (n: number) => ({ id: `m_${n}` }) as unknown as Meeting;

describe('Autosaver', () => {
  it('saves the latest document after the debounce, and within the max wait while typing goes on', async () => {
    const c = clock();
    const saved: string[] = [];
    const states: SaveState[] = [];
    const s = new Autosaver({ save: async (m) => void saved.push(m.id), onState: (st) => states.push(st), timers: c.timers });
    s.queue(doc(1));
    await c.advance(200);
    s.queue(doc(2));
    await c.advance(200);
    s.queue(doc(3));
    await c.advance(200);
    s.queue(doc(4));
    expect(saved).toEqual([]);
    await c.advance(400); // 900 ms max wait since the first change
    expect(saved).toEqual(['m_4']);
    expect(states.at(-1)).toBe('saved');
  });

  it('never drops an edit: a failed save is reported, retried with backoff, and superseded only by a newer one', async () => {
    const c = clock();
    const saved: string[] = [];
    let failing = 2;
    const states: SaveState[] = [];
    const s = new Autosaver({
      save: async (m) => {
        if (failing-- > 0) throw new Error('disk full');
        saved.push(m.id);
      },
      onState: (st) => states.push(st),
      timers: c.timers,
    });
    s.queue(doc(1));
    await c.advance(400);
    expect(states).toContain('failed');
    expect(s.hasUnsaved).toBe(true);
    await c.advance(500);
    expect(saved).toEqual([]);
    s.queue(doc(2));
    await c.advance(1000);
    expect(saved).toEqual(['m_2']);
    expect(states.at(-1)).toBe('saved');
    expect(s.hasUnsaved).toBe(false);
  });

  it('saves a change made during a save right after it, one save in flight at a time', async () => {
    const c = clock();
    const order: string[] = [];
    let inFlight = 0;
    let release!: () => void;
    const s = new Autosaver({
      save: (m) => {
        inFlight++;
        expect(inFlight).toBe(1);
        order.push(`start ${m.id}`);
        return new Promise<void>((r) => {
          release = () => {
            inFlight--;
            order.push(`end ${m.id}`);
            r();
          };
        });
      },
      onState: () => undefined,
      timers: c.timers,
    });
    s.queue(doc(1));
    await c.advance(400);
    s.queue(doc(2));
    await c.advance(2000);
    release();
    await c.advance(10);
    release();
    await c.advance(10);
    expect(order).toEqual(['start m_1', 'end m_1', 'start m_2', 'end m_2']);
  });

  it('flush() stores what is pending at once and resolves when it is stored', async () => {
    const c = clock();
    const saved: string[] = [];
    const s = new Autosaver({ save: async (m) => void saved.push(m.id), onState: () => undefined, timers: c.timers });
    s.queue(doc(1));
    await s.flush();
    expect(saved).toEqual(['m_1']);
    expect(s.hasUnsaved).toBe(false);
  });
});
