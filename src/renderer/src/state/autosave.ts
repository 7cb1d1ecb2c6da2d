import { diffMeetings, hasChanges, type Meeting, type MeetingChanges } from '../../../shared/minutes';

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';

/** One save as it goes over IPC (the meeting id is the caller's): what changed since `base`. */
export interface SaveRequest {
  /** The save sequence the changes start from (getMeeting's `seq`, then each save's answer). */
  base: number;
  changes: MeetingChanges;
}

export interface AutosaverOptions {
  /** The document as the store holds it at `seq` (what getMeeting answered). */
  meeting: Meeting;
  seq: number;
  /** Sends one save; resolves with the meeting's new seq. */
  save(request: SaveRequest): Promise<{ seq: number }>;
  onState(state: SaveState, error: string | null): void;
  /** Whether a failed save was refused because someone else saved since `base`: never retried. */
  isConflict?(error: unknown): boolean;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  /** A change is never older than this when its save starts, however fast the typing. */
  maxWaitMs?: number;
  /** Retry delays after a failed save (the last one repeats). */
  retryMs?: readonly number[];
  timers?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void; now(): number };
}

/** A save on its way: the document it brings the store to, and its outcome (true: stored). */
interface Flight {
  doc: Meeting;
  stored: Promise<boolean>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Autosave that sends only what changed and never drops an edit.
 * - It keeps the document as last acknowledged by the store and the seq it is at; each save sends
 *   `diffMeetings(acknowledged, latest)` from that seq (nothing at all when nothing differs), and the
 *   answer advances both. Since every diff starts from the acknowledged document, the latest pending
 *   document always carries every unsaved edit: `queue` simply replaces it.
 * - One save in flight at a time; a change made during a save is saved right after it.
 * - A failed save keeps the document pending, reports "failed", and retries with backoff.
 * - A save refused as a conflict (someone else saved since our seq) is not retried: it would be refused
 *   again, and it must not overwrite their work. The edits stay pending (and keep accumulating) until
 *   `restart` rebases them on the latest head; state "conflict" says so.
 * - `flush()` saves now and resolves when everything queued so far is stored (window close, reload).
 */
export class Autosaver {
  private acknowledged: Meeting;
  private base: number;
  private pending: Meeting | null = null;
  private inFlight: Flight | null = null;
  private conflictMessage: string | null = null;
  private timer: unknown = null;
  private firstQueuedAt = 0;
  private failures = 0;
  private readonly o: Required<Omit<AutosaverOptions, 'save' | 'onState' | 'meeting' | 'seq'>> &
    Pick<AutosaverOptions, 'save' | 'onState'>;

  constructor(options: AutosaverOptions) {
    const { meeting, seq, ...rest } = options;
    this.acknowledged = meeting;
    this.base = seq;
    this.o = {
      debounceMs: 400,
      maxWaitMs: 900,
      retryMs: [500, 1000, 2000, 4000],
      isConflict: () => false,
      timers: {
        set: (fn, ms) => setTimeout(fn, ms),
        clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
        now: () => Date.now(),
      },
      ...rest,
    };
  }

  get hasUnsaved(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /** The refusal's message while saves are held by a conflict, else null. */
  get conflict(): string | null {
    return this.conflictMessage;
  }

  /** The store's seq that the next save starts from (a restore from history checks it like a save). */
  get seq(): number {
    return this.base;
  }

  /** The document as the store last acknowledged it: what unsaved edits start from. */
  get lastAcknowledged(): Meeting {
    return this.acknowledged;
  }

  queue(meeting: Meeting): void {
    const now = this.o.timers.now();
    if (this.pending === null) this.firstQueuedAt = now;
    this.pending = meeting;
    if (this.conflictMessage !== null) return; // held until restart(); the banner says so
    if (this.failures === 0) this.o.onState('pending', null);
    if (this.inFlight) return; // saved as soon as the current save ends
    const wait = Math.max(0, Math.min(this.o.debounceMs, this.firstQueuedAt + this.o.maxWaitMs - now));
    this.schedule(wait);
  }

  /**
   * After a conflict: the caller has fetched the head (`meeting` at `seq`) and rebased the edits on
   * it; saving resumes from there, and the caller queues the rebased document as a normal edit.
   */
  restart(meeting: Meeting, seq: number): void {
    if (this.inFlight) throw new Error('restart() while a save is in flight');
    this.clearTimer();
    this.acknowledged = meeting;
    this.base = seq;
    this.pending = null;
    this.conflictMessage = null;
    this.failures = 0;
    this.o.onState('saved', null);
  }

  /** Saves whatever is pending now and resolves once it is stored (or rejects if it cannot be). */
  async flush(): Promise<void> {
    this.clearTimer();
    for (let attempt = 0; this.hasUnsaved; attempt++) {
      if (this.inFlight) {
        await this.inFlight.stored;
        continue;
      }
      if (this.conflictMessage !== null) throw new Error(this.conflictMessage);
      if (attempt > 3) throw new Error('The minutes could not be saved');
      await this.run();
    }
  }

  /**
   * The page is going away: send the pending changes now, even while another save is in flight.
   * Nothing can be awaited here. The main process handles saves in the order they were sent and the
   * seq grows by exactly one per successful save, so these changes are sent as starting from the
   * in-flight document at the seq after it; if the page survives, the outcome is applied in order.
   */
  sendNow(): void {
    this.clearTimer();
    const doc = this.pending;
    if (doc === null || this.conflictMessage !== null) return;
    const previous = this.inFlight;
    const changes = diffMeetings(previous ? previous.doc : this.acknowledged, doc);
    this.pending = null;
    if (!hasChanges(changes)) {
      if (!previous) this.acknowledged = doc;
      return;
    }
    this.launch(doc, previous ? this.base + 1 : this.base, changes, previous);
  }

  private schedule(ms: number) {
    this.clearTimer();
    this.timer = this.o.timers.set(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clearTimer() {
    if (this.timer !== null) this.o.timers.clear(this.timer);
    this.timer = null;
  }

  /** Starts the save of what is pending, if any and if allowed; resolves when that save has settled. */
  private async run(): Promise<void> {
    if (this.inFlight) {
      await this.inFlight.stored;
      return;
    }
    if (this.pending === null || this.conflictMessage !== null) return;
    const doc = this.pending;
    const changes = diffMeetings(this.acknowledged, doc);
    this.pending = null;
    if (!hasChanges(changes)) {
      // An undo back to the stored text, say: nothing to send, and the store already has this.
      this.acknowledged = doc;
      if (this.failures === 0) this.o.onState('saved', null);
      return;
    }
    this.o.onState('saving', null);
    await this.launch(doc, this.base, changes, null).stored;
  }

  private launch(doc: Meeting, base: number, changes: MeetingChanges, previous: Flight | null): Flight {
    // The request leaves now (sendNow relies on it); its outcome is applied after the previous one's.
    const sent = this.o.save({ base, changes }).then(
      (answer) => ({ ok: true as const, seq: answer.seq }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const flight: Flight = {
      doc,
      stored: (previous ? previous.stored : Promise.resolve(true)).then(async (previousStored) => {
        const outcome = await sent;
        if (outcome.ok) {
          this.succeeded(flight, outcome.seq);
          return true;
        }
        this.failed(flight, outcome.error, previousStored);
        return false;
      }),
    };
    this.inFlight = flight;
    return flight;
  }

  private succeeded(flight: Flight, seq: number) {
    this.acknowledged = flight.doc;
    this.base = seq;
    this.failures = 0;
    if (this.inFlight !== flight) return; // a later save is already on its way
    this.inFlight = null;
    if (this.pending !== null) {
      this.firstQueuedAt = this.o.timers.now();
      this.o.onState('pending', null);
      this.schedule(0);
    } else this.o.onState('saved', null);
  }

  private failed(flight: Flight, error: unknown, previousStored: boolean) {
    // A save chained by sendNow after a save that failed was sent from a seq the store never reached:
    // its refusal says nothing about anyone else, so it is an ordinary failure.
    if (previousStored && this.o.isConflict(error)) this.conflictMessage = messageOf(error);
    if (this.inFlight !== flight) return; // a later save carries these changes too, and settles next
    this.inFlight = null;
    // Keep the document unless a newer one arrived meanwhile (it holds these edits too); never lose it.
    if (this.pending === null) this.pending = flight.doc;
    if (this.conflictMessage !== null) {
      this.o.onState('conflict', this.conflictMessage);
      return;
    }
    const delay = this.o.retryMs[Math.min(this.failures, this.o.retryMs.length - 1)]!;
    this.failures++;
    this.o.onState('failed', messageOf(error));
    this.schedule(delay);
  }
}
