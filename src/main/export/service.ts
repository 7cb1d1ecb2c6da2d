import { writeFileAtomically } from '../files/writeAtomically';
import { type InterchangeExtras, type Meeting, meetingTitle, serializeInterchange } from '../../shared/minutes';
import { assertPrintable } from '../../shared/format';
import { EXPORT_EXTENSIONS, type SaveFormat } from './index';
import type { Printer } from './pdf/printer';
import type { Preview } from './preview';
import { ExportWorker } from './worker/client';
import { renderTracker, type TrackerFormat, type TrackerTable } from './tracker';
import { checkCopyState, exportSignatureCopy, type SignatureCopyRequest } from './signatureCopy';
import type { RedlineSource } from './worker/protocol';
import type { CommentThread } from '../../shared/minutes/comments';
import type { ReviewCopyInput } from './reviewCopy';

export { previewOf, type Preview } from './preview';

/**
 * The export as the app offers it: pick a destination (a dialog port: Electron's save dialog in the
 * app, a fixed temp path in tests) while rendering, then write atomically. Layout and rendering (DOCX
 * bytes, the PDF's HTML and finishing, the preview) run in the export worker (worker/), so the main
 * process never stalls on a long document; only the printer runs here. The worker and the printer start
 * on first use and are kept warm for the next export; `close()` releases both.
 */

export interface SaveDialogPort {
  /** The path to write to, or undefined when the user cancels. */
  chooseDestination(request: { defaultName: string; format: SaveFormat }): Promise<string | undefined>;
}

export interface ExportServiceOptions {
  dialog: SaveDialogPort;
  /** Called once, on the first PDF export. */
  createPrinter: () => Printer;
  /** Called once, on the first export or preview; the built worker (worker/client.ts) by default. */
  createWorker?: () => ExportWorker;
}

export interface ExportResult {
  saved: boolean;
  path?: string;
  bytes?: number;
}

/** Longest title part of a suggested file name, in characters. */
export const FILE_NAME_TITLE_MAX = 80;

/**
 * A file name from the title: letters, digits, spaces and dashes, at most 80 characters, cut at a word
 * boundary ("…of Cambodia", never "…of Cambodi"); a single word longer than that is cut where it must be.
 */
export function suggestedFileName(meeting: Meeting, format: SaveFormat): string {
  const clean = meetingTitle(meeting).normalize('NFC').replace(/[^\p{L}\p{M}\p{N} -]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return `${cutAtWord(clean, FILE_NAME_TITLE_MAX) || 'minutes'} ${meeting.dates.start}${EXPORT_EXTENSIONS[format]}`;
}

function cutAtWord(text: string, max: number): string {
  // Counted in code points so that a Khmer or Lao title is never cut inside a surrogate pair.
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max + 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > 0 ? head.slice(0, space) : chars.slice(0, max).join('');
  return cut.replace(/[\s-]+$/u, '');
}

export { writeFileAtomically };

export interface ExportService {
  /** `comments`, `review`: the threads and review suggestions a minutes file (json) carries with the meeting. */
  /** A PDF or DOCX is refused before the dialog opens when no shipped font draws some character (assertPrintable), unless `allowMissingGlyphs`. */
  exportToFile(
    meeting: Meeting,
    format: SaveFormat,
    options?: { sealed?: boolean; comments?: readonly CommentThread[]; review?: InterchangeExtras['review']; allowMissingGlyphs?: boolean },
  ): Promise<ExportResult>;
  /** A clean signature copy of one version (signatureCopy.ts), rendered while the user picks a file name. */
  exportCopyToFile(meeting: Meeting, request: SignatureCopyRequest, format: 'pdf' | 'docx'): Promise<ExportResult>;
  preview(meeting: Meeting, options?: { sealed?: boolean }): Promise<Preview>;
  /** A comparison's redline (PDF, or DOCX with tracked changes), rendered in the worker while the user picks a file. */
  exportRedlineToFile(redline: RedlineSource, format: 'pdf' | 'docx', defaultName: string): Promise<ExportResult>;
  /** A comparison's redline, paged like the preview (the in-app compare view). */
  previewRedline(redline: RedlineSource): Promise<Preview>;
  /** The DOCX review copy (reviewCopy.ts), rendered in the worker while the user picks where to save it. */
  exportReviewCopy(input: ReviewCopyInput): Promise<ExportResult>;
  /** The decisions tracker as a table (tracker.ts): PDF through the same printer as the minutes, DOCX, CSV. */
  exportTrackerToFile(table: TrackerTable, format: TrackerFormat): Promise<ExportResult>;
  close(): Promise<void>;
}

export function createExportService(options: ExportServiceOptions): ExportService {
  let printer: Printer | undefined;
  let worker: ExportWorker | undefined;
  const renderer = () => (worker ??= options.createWorker?.() ?? new ExportWorker());
  return {
    async exportToFile(meeting, format, { sealed = false, comments = [], review, allowMissingGlyphs = false } = {}) {
      if (format !== 'json') assertPrintable(meeting, { allowMissingGlyphs });
      // Render while the user picks a file name: a 200-page PDF takes a second or two (most of it in
      // Chromium's print pipeline, see README "Benchmarks"), which the dialog hides. A cancelled export
      // costs that work and nothing else; a failed render is reported once a destination is chosen,
      // exactly as if it had started then.
      if (format === 'pdf') printer ??= options.createPrinter();
      const rendering = (async () =>
        format === 'json'
          ? new TextEncoder().encode(serializeInterchange(meeting, comments, { review }))
          : format === 'pdf'
            ? renderer().pdf(meeting, printer!, { sealed })
            : renderer().docx(meeting, { sealed }))();
      rendering.catch(() => undefined); // observed below, unless the user cancels
      const path = await options.dialog.chooseDestination({ defaultName: suggestedFileName(meeting, format), format });
      if (!path) return { saved: false };
      const bytes = await rendering;
      writeFileAtomically(path, bytes);
      return { saved: true, path, bytes: bytes.byteLength };
    },
    async exportCopyToFile(meeting, request, format) {
      checkCopyState(request.state); // refused before any dialog opens
      if (format === 'pdf') printer ??= options.createPrinter();
      // In the main process, not the worker: a copy is made rarely, and its PDF/A step reads the printed file.
      const rendering = exportSignatureCopy(meeting, request, { format, ...(format === 'pdf' ? { printer: printer! } : {}) });
      rendering.catch(() => undefined);
      const name = suggestedFileName(meeting, format);
      const ext = EXPORT_EXTENSIONS[format];
      const version = request.versionName.replace(/[^\p{L}\p{M}\p{N} -]+/gu, ' ').trim().slice(0, 40);
      const path = await options.dialog.chooseDestination({ defaultName: `${name.slice(0, -ext.length)} ${version} signature copy${ext}`, format });
      if (!path) return { saved: false };
      const bytes = await rendering;
      writeFileAtomically(path, bytes);
      return { saved: true, path, bytes: bytes.byteLength };
    },
    async exportRedlineToFile(redline, format, defaultName) {
      if (format === 'pdf') printer ??= options.createPrinter();
      const rendering = format === 'pdf' ? renderer().redlinePdf(redline, printer!) : renderer().redlineDocx(redline);
      rendering.catch(() => undefined); // observed below, unless the user cancels
      const path = await options.dialog.chooseDestination({ defaultName, format });
      if (!path) return { saved: false };
      const bytes = await rendering;
      writeFileAtomically(path, bytes);
      return { saved: true, path, bytes: bytes.byteLength };
    },
    async previewRedline(redline) {
      return renderer().redlinePreview(redline);
    },
    async exportTrackerToFile(table, format) {
      if (format === 'pdf') printer ??= options.createPrinter();
      // A table of decisions is small (a few pages): rendered here, the printer doing the PDF's work.
      const rendering = renderTracker(table, format, printer);
      rendering.catch(() => undefined); // observed below, unless the user cancels
      const path = await options.dialog.chooseDestination({ defaultName: `Decisions ${table.today}${EXPORT_EXTENSIONS[format]}`, format });
      if (!path) return { saved: false };
      const bytes = await rendering;
      writeFileAtomically(path, bytes);
      return { saved: true, path, bytes: bytes.byteLength };
    },
    async exportReviewCopy(input) {
      const rendering = renderer().reviewCopy(input);
      rendering.catch(() => undefined); // observed below, unless the user cancels
      const name = suggestedFileName(input.current.meeting, 'docx');
      const path = await options.dialog.chooseDestination({ defaultName: `${name.slice(0, -'.docx'.length)} review copy.docx`, format: 'docx' });
      if (!path) return { saved: false };
      const bytes = await rendering;
      writeFileAtomically(path, bytes);
      return { saved: true, path, bytes: bytes.byteLength };
    },
    async preview(meeting, { sealed = false } = {}) {
      return renderer().preview(meeting, { sealed });
    },
    async close() {
      const p = printer;
      const w = worker;
      printer = undefined;
      worker = undefined;
      await Promise.all([p?.close(), w?.close()]);
    },
  };
}
