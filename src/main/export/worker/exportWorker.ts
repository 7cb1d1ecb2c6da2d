import { parentPort } from 'node:worker_threads';
import { type LayoutDocument, layoutMeeting } from '../../../shared/format';
import { isMinutaError } from '../../../shared/errors';
import { renderDocx } from '../docx/render';
import { printableHtml } from '../index';
import { finishPdf } from '../pdf/finish';
import { previewOf } from '../preview';
import { layoutRedline } from '../../../shared/review/redline';
import { renderReviewCopy } from '../reviewCopy';
import type { WireError, WorkerRequest, WorkerResponse, WorkerResults } from './protocol';

/**
 * The export worker (a worker_threads entry, built as out/main/exportWorker.js): lays meetings out and
 * renders them — DOCX bytes, the printable HTML of a PDF and its finishing, the preview — off the main
 * process's thread, so that exporting a 200-page meeting never stalls the window, saves or search.
 * The protocol is protocol.ts; the main process talks to it through client.ts.
 */
if (!parentPort) throw new Error('exportWorker.ts runs as a worker thread (see client.ts)');
const port = parentPort;

/** Layouts of PDFs being printed by the main process, by job (the `pdf-html` request's id). */
const printing = new Map<number, LayoutDocument>();

/** The bytes as an ArrayBuffer of their own, so they can be transferred rather than copied. */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
}

async function handle(req: WorkerRequest): Promise<WorkerResults[keyof WorkerResults]> {
  switch (req.kind) {
    case 'docx': {
      const layout = await layoutMeeting(req.meeting, { sealed: req.options.sealed ?? false });
      return own(await renderDocx(layout, req.options.now ? { now: req.options.now } : {}));
    }
    case 'pdf-html': {
      const layout = await layoutMeeting(req.meeting, { sealed: req.options.sealed ?? false });
      printing.set(req.id, layout);
      return { job: req.id, html: printableHtml(layout) };
    }
    case 'pdf-finish': {
      const layout = printing.get(req.job);
      printing.delete(req.job);
      if (!layout) throw new Error(`no PDF job ${req.job} in the export worker`);
      const finished = await finishPdf(req.printed, layout, {
        ...(req.options.now ? { now: req.options.now } : {}),
        ...(req.options.finish ? { method: req.options.finish } : {}),
      });
      return own(finished.bytes);
    }
    case 'release':
      printing.delete(req.job);
      return null;
    case 'preview':
      return previewOf(await layoutMeeting(req.meeting, { sealed: req.options.sealed ?? false }));
    // A comparison's redline: laid out by the agreed format too, then rendered like any minutes.
    case 'redline-docx': {
      const layout = await layoutRedline(req.redline.a, req.redline.b, req.redline.comparison, req.redline.options);
      return own(await renderDocx(layout, req.options.now ? { now: req.options.now } : {}));
    }
    case 'redline-pdf-html': {
      const layout = await layoutRedline(req.redline.a, req.redline.b, req.redline.comparison, req.redline.options);
      printing.set(req.id, layout);
      return { job: req.id, html: printableHtml(layout) };
    }
    case 'redline-preview':
      return previewOf(await layoutRedline(req.redline.a, req.redline.b, req.redline.comparison, req.redline.options));
    case 'review-copy':
      return own(await renderReviewCopy(req.input));
  }
}

function wire(e: unknown): WireError {
  if (isMinutaError(e)) return { code: e.code, message: e.message, ...(e.path !== undefined ? { path: e.path } : {}) };
  return { code: undefined, message: e instanceof Error ? e.message : String(e) };
}

port.on('message', (req: WorkerRequest) => {
  void handle(req).then(
    (value) => {
      const response: WorkerResponse = { id: req.id, ok: true, value };
      port.postMessage(response, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []);
    },
    (e: unknown) => port.postMessage({ id: req.id, ok: false, error: wire(e) } satisfies WorkerResponse),
  );
});
