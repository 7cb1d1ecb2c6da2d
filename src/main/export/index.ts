import type { Meeting } from '../../shared/minutes';
import { type FormatOptions, type LayoutDocument, assertPrintable, layoutMeeting, layoutToHtml } from '../../shared/format';
import { renderDocx } from './docx/render';
import { fontDataUrl } from './fonts';
import { finishPdf } from './pdf/finish';
import type { Printer } from './pdf/printer';

/**
 * The export service: minutes → agreed format → layout → PDF (Chromium + pdf-lib) or DOCX (docx).
 * Plain Node; the app, the CLI, the tests and the benchmark all come through here.
 */

/** What the agreed format renders to. */
export type ExportFormat = 'pdf' | 'docx';
/** What the app saves: a rendered document, the minutes file itself, or a table (the decisions tracker's CSV). */
export type SaveFormat = ExportFormat | 'json' | 'csv';

export interface ExportOptions extends FormatOptions {
  /** Needed for PDF: the app passes the Electron printer, the CLI and tests the Playwright one. */
  printer?: Printer;
  /** The export time (PDF creation date, DOCX properties); now by default. */
  now?: Date;
  /** How the PDF is finished (see finish.ts); tests use it to check the pdf-lib path too. */
  finish?: 'incremental' | 'rewrite';
  /** Export even when no shipped font draws some character (see assertPrintable); refused otherwise. */
  allowMissingGlyphs?: boolean;
}

/** The printable HTML of a layout, fonts inlined: what the printer prints and the preview shows. */
export function printableHtml(layout: LayoutDocument): string {
  return layoutToHtml(layout, { fontUrl: fontDataUrl });
}

export async function exportLayout(layout: LayoutDocument, format: ExportFormat, options: ExportOptions = {}): Promise<Uint8Array> {
  if (format === 'docx') return renderDocx(layout, options.now ? { now: options.now } : {});
  if (!options.printer) throw new Error('PDF export needs a printer');
  const printed = await options.printer.print(printableHtml(layout));
  const finished = await finishPdf(printed, layout, { ...(options.now ? { now: options.now } : {}), ...(options.finish ? { method: options.finish } : {}) });
  return finished.bytes;
}

export async function exportMeeting(meeting: Meeting, format: ExportFormat, options: ExportOptions = {}): Promise<Uint8Array> {
  assertPrintable(meeting, options);
  return exportLayout(await layoutMeeting(meeting, options), format, options);
}

export const EXPORT_EXTENSIONS: Record<SaveFormat, string> = { pdf: '.pdf', docx: '.docx', json: '.minuta.json', csv: '.csv' };
