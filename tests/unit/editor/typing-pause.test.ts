import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The preview's patch waits for a pause in the typing (typingPause.ts): run at once when no key came,
 * postponed while keys keep coming, run once the keys stop for the quiet time, cancellable.
 */
describe('whenTypingPauses', () => {
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as { window?: unknown }).window;
    vi.resetModules();
  });

  it('runs at once without typing, waits while keys come, runs after the pause, and can be cancelled', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const page = new EventTarget();
    (globalThis as { window?: unknown }).window = page;
    const { whenTypingPauses } = await import('../../../src/renderer/src/preview/typingPause');
    const key = () => page.dispatchEvent(new Event('keydown'));

    let runs = 0;
    whenTypingPauses(() => runs++, 200);
    expect(runs).toBe(1);

    key();
    whenTypingPauses(() => runs++, 200);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(150);
    key(); // typing on: the quiet time starts again
    vi.advanceTimersByTime(150);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(60);
    expect(runs).toBe(2);

    key();
    const cancel = whenTypingPauses(() => runs++, 200);
    cancel();
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(2);
  });
});
