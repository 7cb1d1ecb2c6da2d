import type { Meeting } from '../../../shared/minutes';

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export interface AutosaverOptions {
  save(meeting: Meeting): Promise<void>;
  onState(state: SaveState, error: string | null): void;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  /** A change is never older than this when its save starts, however fast the typing. */
  maxWaitMs?: number;
  /** Retry delays after a failed save (the last one repeats). */
  retryMs?: readonly number[];
  timers?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void; now(): number };
}

/**
 * Autosave that never drops an edit.
 * - Only the latest document matters: `queue` replaces the pending one (every save is a whole document).
 * - One save in flight at a time; a change made during a save is saved right after it.
 * - A failed save keeps the document pending, reports "failed", and retries with backoff until it
 *   succeeds or a newer change supersedes it (which is then retried the same way).
 * - `flush()` saves now and resolves when everything queued so far is stored (window close, reload).
 */
export class Autosaver {
  private pending: Meeting | null = null;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private firstQueuedAt = 0;
  private failures = 0;
  private readonly o: Required<Omit<AutosaverOptions, 'save' | 'onState'>> & Pick<AutosaverOptions, 'save' | 'onState'>;

  constructor(options: AutosaverOptions) {
    this.o = {
      debounceMs: 400,
      maxWaitMs: 900,
      retryMs: [500, 1000, 2000, 4000],
      timers: {
        set: (fn, ms) => setTimeout(fn, ms),
        clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
        now: () => Date.now(),
      },
      ...options,
    };
  }

  get hasUnsaved(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  queue(meeting: Meeting): void {
    const now = this.o.timers.now();
    if (this.pending === null) this.firstQueuedAt = now;
    this.pending = meeting;
    if (this.failures === 0) this.o.onState('pending', null);
    if (this.inFlight) return; // saved as soon as the current save ends
    const wait = Math.max(0, Math.min(this.o.debounceMs, this.firstQueuedAt + this.o.maxWaitMs - now));
    this.schedule(wait);
  }

  /** Saves whatever is pending now and resolves once it is stored (or rejects if it cannot be). */
  async flush(): Promise<void> {
    this.clearTimer();
    for (let attempt = 0; this.hasUnsaved; attempt++) {
      if (this.inFlight) {
        await this.inFlight.catch(() => undefined);
        continue;
      }
      if (attempt > 3) throw new Error('The minutes could not be saved');
      await this.run().catch(() => undefined);
    }
  }

  /**
   * The page is going away: send the pending document now, even while another save is in flight
   * (the main process handles saves in the order they were sent). Nothing can be awaited here.
   */
  sendNow(): void {
    this.clearTimer();
    const doc = this.pending;
    if (doc === null) return;
    this.pending = null;
    void this.o.save(doc).catch(() => undefined);
  }

  private schedule(ms: number) {
    this.clearTimer();
    this.timer = this.o.timers.set(() => {
      this.timer = null;
      void this.run().catch(() => undefined);
    }, ms);
  }

  private clearTimer() {
    if (this.timer !== null) this.o.timers.clear(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.inFlight || this.pending === null) return this.inFlight ?? Promise.resolve();
    const doc = this.pending;
    this.pending = null;
    this.o.onState('saving', null);
    const attempt = this.o
      .save(doc)
      .then(() => {
        this.failures = 0;
        this.inFlight = null;
        if (this.pending !== null) {
          this.firstQueuedAt = this.o.timers.now();
          this.o.onState('pending', null);
          this.schedule(0);
        } else this.o.onState('saved', null);
      })
      .catch((error: unknown) => {
        // Keep the document unless a newer one arrived meanwhile; never lose it.
        if (this.pending === null) this.pending = doc;
        this.inFlight = null;
        const delay = this.o.retryMs[Math.min(this.failures, this.o.retryMs.length - 1)]!;
        this.failures++;
        this.o.onState('failed', error instanceof Error ? error.message : String(error));
        this.schedule(delay);
        throw error;
      });
    this.inFlight = attempt;
    return attempt;
  }
}
