import DocumentWorker from './documentWorker?worker&inline';
import type { Meeting } from '../../../shared/minutes';
import { doWork, type WorkRequest, type WorkResult } from './documentWork';
import type { WorkAnswer, WorkMessage } from './messages';

/**
 * Runs document work (documentWork.ts) in the document worker, off the page's main thread: only the
 * structured clone of the meeting (10–20 ms for 200 pages) and of the answer stay here, and the meeting
 * is cloned once per document, however many requests name it (the preview, find's count and the word
 * count of one pause). Where no worker can be started (or it fails to load), the same work runs on
 * the page instead, exactly as before: slower to type over, never wrong.
 */
type Pending = { request: WorkRequest; resolve: (value: never) => void; reject: (error: Error) => void };

let worker: Worker | null | undefined;
let nextId = 1;
let nextRef = 1;
const pending = new Map<number, Pending>();
/** The number of each meeting object sent to the worker. */
const sent = new WeakMap<Meeting, number>();

function onThePage(p: Pending): void {
  doWork(p.request).then((v) => p.resolve(v as never), p.reject);
}

function start(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new DocumentWorker();
  } catch {
    return (worker = null);
  }
  worker.onmessage = (e: MessageEvent<WorkAnswer>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.value as never);
    else if (e.data.resend) {
      sent.delete(p.request.meeting);
      post(p);
    } else p.reject(new Error(e.data.message ?? 'The document worker failed'));
  };
  // A worker that cannot load (or dies): give up on it and do its open work on the page.
  worker.onerror = (e) => {
    e.preventDefault();
    worker?.terminate();
    worker = null;
    const open = [...pending.values()];
    pending.clear();
    open.forEach(onThePage);
  };
  return worker;
}

function post(p: Pending): void {
  const w = start();
  if (!w) return onThePage(p);
  const id = nextId++;
  const { meeting, ...request } = p.request;
  const known = sent.get(meeting);
  const ref = known ?? nextRef++;
  const message: WorkMessage = known === undefined ? { id, ref, meeting, request } : { id, ref, request };
  pending.set(id, p);
  try {
    w.postMessage(message);
    sent.set(meeting, ref);
  } catch {
    // Not cloneable (never for a validated meeting): do it here rather than fail.
    pending.delete(id);
    onThePage(p);
  }
}

export function runDocumentWork<R extends WorkRequest>(request: R): Promise<WorkResult<R>> {
  return new Promise((resolve, reject) => post({ request, resolve: resolve as (value: never) => void, reject }));
}
