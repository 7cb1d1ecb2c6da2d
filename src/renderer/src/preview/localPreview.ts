import { layoutMeeting, layoutRulesCss, previewContent } from '../../../shared/format';
import type { Meeting } from '../../../shared/minutes';
import { call } from '../api/client';
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
 * The preview of a document the renderer holds, laid out here by the same format module that prints
 * it: no round trip of the body through main, only the fonts (once). What prints is still what main
 * lays out from the stored document; this is the same function over the same data.
 */
export async function localPreview(meeting: Meeting, sealed = false): Promise<PreviewContent> {
  const [layout, fontCss] = await Promise.all([layoutMeeting(meeting, { sealed }), previewFontCss()]);
  return { css: layoutRulesCss(layout), fontCss, ...previewContent(layout) };
}
