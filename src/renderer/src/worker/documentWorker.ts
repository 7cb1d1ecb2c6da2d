import { doWork, type WorkRequest } from './documentWork';

/**
 * The document worker (a dedicated Web Worker, bundled inline and started from a blob: URL, which the
 * CSP's `worker-src blob:` allows: file:// pages cannot start a worker from a file). One request at a
 * time, in order; each answer names its request.
 */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; request: WorkRequest }>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (e) => {
  const { id, request } = e.data;
  doWork(request).then(
    (value) => scope.postMessage({ id, ok: true, value }),
    (error: unknown) => scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
