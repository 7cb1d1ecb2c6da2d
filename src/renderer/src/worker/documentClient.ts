import DocumentWorker from './documentWorker?worker&inline';
import { doWork, type WorkRequest, type WorkResult } from './documentWork';

/**
 * Runs document work (documentWork.ts) in the document worker, off the page's main thread: only the
 * structured clone of the meeting (a few milliseconds for 200 pages) and of the answer stay here.
 * Where no worker can be started (or it fails to load), the same work runs on the page instead,
 * exactly as before: slower to type over, never wrong.
 */
type Pending = { request: WorkRequest; resolve: (value: never) => void; reject: (error: Error) => void };

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

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
  worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; value?: unknown; message?: string }>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.value as never);
    else p.reject(new Error(e.data.message ?? 'The document worker failed'));
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

export function runDocumentWork<R extends WorkRequest>(request: R): Promise<WorkResult<R>> {
  return new Promise((resolve, reject) => {
    const p: Pending = { request, resolve: resolve as (value: never) => void, reject };
    const w = start();
    if (!w) return onThePage(p);
    const id = nextId++;
    pending.set(id, p);
    try {
      w.postMessage({ id, request });
    } catch {
      // Not cloneable (never for a validated meeting): do it here rather than fail.
      pending.delete(id);
      onThePage(p);
    }
  });
}
