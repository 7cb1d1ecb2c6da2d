import type { Meeting } from '../../../shared/minutes';
import { doWork, type WorkRequest } from './documentWork';
import { HELD_MEETINGS, type WorkMessage } from './messages';

/**
 * The document worker (a dedicated Web Worker, bundled inline and started from a blob: URL, which the
 * CSP's `worker-src blob:` allows: file:// pages cannot start a worker from a file). One request at a
 * time, in order; each answer names its request.
 *
 * The meeting is sent once per document (documentClient numbers them) and held here, so that the
 * preview, find's count and the word count of the same pause share one copy: cloning a 200-page
 * meeting costs the page 10–20 ms each time.
 */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkMessage>) => void) | null;
  postMessage(message: unknown): void;
};

const held = new Map<number, Meeting>();

scope.onmessage = (e) => {
  const { id, ref, meeting, request } = e.data;
  if (meeting) {
    held.set(ref, meeting);
    for (const old of held.keys()) if (held.size > HELD_MEETINGS) held.delete(old);
  }
  const known = held.get(ref);
  if (!known) {
    // Dropped since (newer documents came): the page sends it again.
    scope.postMessage({ id, ok: false, resend: true });
    return;
  }
  doWork({ ...request, meeting: known } as WorkRequest).then(
    (value) => scope.postMessage({ id, ok: true, value }),
    (error: unknown) => scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
