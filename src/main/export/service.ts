import { writeFileAtomically } from '../files/writeAtomically';
import { type LayoutDocument, layoutBodyHtml, layoutCss, layoutMeeting } from '../../shared/format';
import { type Meeting, meetingTitle, serializeInterchange } from '../../shared/minutes';
import { EXPORT_EXTENSIONS, type SaveFormat, exportLayout } from './index';
import { fontDataUrl } from './fonts';
import type { Printer } from './pdf/printer';

/**
 * The export as the app offers it: pick a destination (a dialog port: Electron's save dialog in the
 * app, a fixed temp path in tests) while rendering, then write atomically. The printer starts on first use and is
 * kept warm for the next export; `close()` releases it.
 */

export interface SaveDialogPort {
  /** The path to write to, or undefined when the user cancels. */
  chooseDestination(request: { defaultName: string; format: SaveFormat }): Promise<string | undefined>;
}

export interface ExportServiceOptions {
  dialog: SaveDialogPort;
  /** Called once, on the first PDF export. */
  createPrinter: () => Printer;
}

export interface ExportResult {
  saved: boolean;
  path?: string;
  bytes?: number;
}

export interface Preview {
  /** The print stylesheet, fonts included (data: URLs): adopt it, do not inline it (CSP). */
  css: string;
  /** The body markup: the same that is printed. */
  body: string;
  lang: string;
  title: string;
  fingerprint: string;
  draftMark?: string;
  pageLabel: { before: string; between: string; after: string };
  fingerprintLabel: string;
  /** Page geometry for the paged preview, in millimetres. */
  page: { widthMm: number; heightMm: number; marginsMm: [number, number, number, number] };
}

/** A file name from the title: letters, digits, spaces and dashes, at most 80 characters. */
export function suggestedFileName(meeting: Meeting, format: SaveFormat): string {
  const base = meetingTitle(meeting).normalize('NFC').replace(/[^\p{L}\p{M}\p{N} -]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).trim();
  return `${base || 'minutes'} ${meeting.dates.start}${EXPORT_EXTENSIONS[format]}`;
}

export { writeFileAtomically };

export function previewOf(layout: LayoutDocument): Preview {
  const { furniture, meta } = layout;
  return {
    css: layoutCss(layout, { fontUrl: fontDataUrl }),
    body: layoutBodyHtml(layout),
    lang: meta.language,
    title: meta.title,
    fingerprint: meta.fingerprint,
    ...(furniture.draftMark ? { draftMark: furniture.draftMark } : {}),
    pageLabel: furniture.pageLabel,
    fingerprintLabel: furniture.fingerprintLabel,
    page: { widthMm: 210, heightMm: 297, marginsMm: furniture.page.marginsMm },
  };
}

export interface ExportService {
  exportToFile(meeting: Meeting, format: SaveFormat, options?: { sealed?: boolean }): Promise<ExportResult>;
  preview(meeting: Meeting, options?: { sealed?: boolean }): Promise<Preview>;
  close(): Promise<void>;
}

export function createExportService(options: ExportServiceOptions): ExportService {
  let printer: Printer | undefined;
  return {
    async exportToFile(meeting, format, { sealed = false } = {}) {
      // Render while the user picks a file name: a 200-page PDF takes a second or two (most of it in
      // Chromium's print pipeline, see README "Benchmarks"), which the dialog hides. A cancelled export
      // costs that work and nothing else; a failed render is reported once a destination is chosen,
      // exactly as if it had started then.
      if (format === 'pdf') printer ??= options.createPrinter();
      const rendering = (async () =>
        format === 'json'
          ? new TextEncoder().encode(serializeInterchange(meeting))
          : exportLayout(await layoutMeeting(meeting, { sealed }), format, printer ? { printer } : {}))();
      rendering.catch(() => undefined); // observed below, unless the user cancels
      const path = await options.dialog.chooseDestination({ defaultName: suggestedFileName(meeting, format), format });
      if (!path) return { saved: false };
      const bytes = await rendering;
      writeFileAtomically(path, bytes);
      return { saved: true, path, bytes: bytes.byteLength };
    },
    async preview(meeting, { sealed = false } = {}) {
      return previewOf(await layoutMeeting(meeting, { sealed }));
    },
    async close() {
      const p = printer;
      printer = undefined;
      await p?.close();
    },
  };
}
