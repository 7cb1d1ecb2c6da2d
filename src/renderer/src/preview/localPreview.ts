import type { UncoveredCharacter } from '../../../shared/format/coverage';
import type { Meeting } from '../../../shared/minutes';
import { call } from '../api/client';
import { runDocumentWork } from '../worker/documentClient';
import type { PreviewContent } from './mountPreview';

let fonts: Promise<string> | undefined;

/** The shipped fonts' @font-face rules (data: URLs only main can make): asked for once per session. */
export function previewFontCss(): Promise<string> {
  fonts ??= call('previewFonts', {})
    .then((r) => r.css)
    .catch((error: unknown) => {
      fonts = undefined; // ask again next time rather than keep a failure
      throw error;
    });
  return fonts;
}

/**
 * The preview of a document the renderer holds, laid out by the same format module that prints it,
 * in the document worker (off the main thread): no round trip of the body through main, only the
 * fonts (once). What prints is still what main lays out from the stored document; this is the same
 * function over the same data. Also answers which characters no shipped font draws (the preview warns).
 *
 * The stylesheet is the content rules alone, without the @page rule (its footer carries the
 * fingerprint, which every edit changes, and a screen does not draw it): so it stays the same from one
 * edit to the next and the frame keeps its styles. The body comes as one chunk per layout block too,
 * which refreshPreview compares to replace only the elements that changed.
 */
export async function localPreview(meeting: Meeting, sealed = false): Promise<PreviewContent & { missing: UncoveredCharacter[] }> {
  const [work, fontCss] = await Promise.all([runDocumentWork({ kind: 'preview', meeting, sealed }), previewFontCss()]);
  return { css: work.css, fontCss, chunks: work.chunks, missing: work.missing, ...work.content };
}
