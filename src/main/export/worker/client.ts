import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, MinutaError } from '../../../shared/errors';
import type { Meeting } from '../../../shared/minutes';
import type { Printer } from '../pdf/printer';
import type { Preview } from '../preview';
import type { RedlineSource, RenderOptions, WorkerRequest, WorkerResponse, WorkerResults } from './protocol';
import type { ReviewCopyInput } from '../reviewCopy';

/**
 * The main process's side of the export worker (exportWorker.ts): one worker thread, started on first
 * use, answering one typed request at a time per caller (protocol.ts). The main thread only sends the
 * meeting (a structured clone: measured in tests/bench/export.bench.ts), drives the printer for a PDF,
 * and receives the bytes (transferred, not copied). A worker that dies fails what it was doing, with
 * an `internal` error, and the next request starts a new one.
 */

const WORKER_FILE = 'exportWorker.js';

/**
 * The built worker, out/main/exportWorker.js (its own entry in electron.vite.config.ts). Looked for
 * beside the calling bundle (out/main/index.js, out/main/cli.js), one folder up (a shared chunk in
 * out/main/chunks/), and, when this module runs from source (vitest), in the project's out/main.
 */
export function builtExportWorker(): URL {
  for (const rel of [`./${WORKER_FILE}`, `../${WORKER_FILE}`, `../../../../out/main/${WORKER_FILE}`]) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new MinutaError('unavailable', `The export worker (${WORKER_FILE}) is not built: run \`npm run build\` first`);
}

type Kind = WorkerRequest['kind'];
type Payload<K extends Kind> = Omit<Extract<WorkerRequest, { kind: K }>, 'id' | 'kind'>;

export class ExportWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  /** Open requests, with the worker each was sent to (a stopped worker fails only its own). */
  private readonly pending = new Map<number, { worker: Worker; resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /** `file`: the worker script; the built one by default. */
  constructor(private readonly file: URL | string = builtExportWorker()) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file);
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, p] of this.pending) {
        if (p.worker !== worker) continue;
        this.pending.delete(id);
        p.reject(error);
      }
    };
    worker.on('message', (res: WorkerResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (![...this.pending.values()].some((q) => q.worker === worker)) worker.unref();
      if (res.ok) p.resolve(res.value);
      else {
        const { code, message, path } = res.error;
        p.reject(code && (ERROR_CODES as readonly string[]).includes(code) ? new MinutaError(code, message, path) : new Error(message));
      }
    });
    worker.on('error', (e) => fail(new MinutaError('internal', `The export worker failed: ${e.message}`)));
    worker.on('exit', (code) => fail(new MinutaError('internal', `The export worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private request<K extends Kind>(kind: K, payload: Payload<K>, transfer: ArrayBuffer[] = []): Promise<WorkerResults[K]> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<WorkerResults[K]>((resolve, reject) => {
      this.pending.set(id, { worker, resolve: resolve as (v: unknown) => void, reject });
      // While a request is open the worker keeps the process alive; idle, it does not (a CLI exits).
      worker.ref();
      try {
        const message = { id, kind, ...payload } as unknown as WorkerRequest;
        worker.postMessage(message, transfer);
      } catch (e) {
        this.pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  docx(meeting: Meeting, options: RenderOptions = {}): Promise<Uint8Array> {
    return this.request('docx', { meeting, options });
  }

  /** Laid out and finished in the worker, printed here by `printer`. */
  async pdf(meeting: Meeting, printer: Printer, options: RenderOptions & { finish?: 'incremental' | 'rewrite' } = {}): Promise<Uint8Array> {
    return this.printed(await this.request('pdf-html', { meeting, options }), printer, options);
  }

  /** A comparison's redline as DOCX with tracked changes, laid out and rendered in the worker. */
  redlineDocx(redline: RedlineSource, options: RenderOptions = {}): Promise<Uint8Array> {
    return this.request('redline-docx', { redline, options });
  }

  /** A comparison's redline as PDF: laid out and finished in the worker, printed here by `printer`. */
  async redlinePdf(redline: RedlineSource, printer: Printer, options: RenderOptions = {}): Promise<Uint8Array> {
    return this.printed(await this.request('redline-pdf-html', { redline, options }), printer, options);
  }

  redlinePreview(redline: RedlineSource, options: RenderOptions = {}): Promise<Preview> {
    return this.request('redline-preview', { redline, options });
  }

  /** Prints the HTML of PDF job `job` here and has the worker finish it. */
  private async printed({ job, html }: { job: number; html: string }, printer: Printer, options: RenderOptions & { finish?: 'incremental' | 'rewrite' }): Promise<Uint8Array> {
    let printed: Uint8Array;
    try {
      printed = await printer.print(html);
    } catch (e) {
      void this.request('release', { job }).catch(() => undefined);
      throw e;
    }
    // Transferred: a view on part of a larger buffer (a pooled Buffer) is copied out first.
    const own = printed.byteOffset === 0 && printed.byteLength === printed.buffer.byteLength && printed.buffer instanceof ArrayBuffer ? printed : printed.slice();
    return this.request('pdf-finish', { job, printed: own, options }, [own.buffer as ArrayBuffer]);
  }

  preview(meeting: Meeting, options: RenderOptions = {}): Promise<Preview> {
    return this.request('preview', { meeting, options });
  }

  reviewCopy(input: ReviewCopyInput): Promise<Uint8Array> {
    return this.request('review-copy', { input });
  }

  /** Stops the worker; what it was doing fails. The next request would start a new one. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (!w) return;
    // Node does not count a terminating worker as keeping the process alive: a CLI whose last await is
    // this one would end with the promise unsettled (exit code 13). A timer holds it until the exit.
    const alive = setInterval(() => undefined, 1_000);
    try {
      await w.terminate();
    } finally {
      clearInterval(alive);
    }
  }
}
