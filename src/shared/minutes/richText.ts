import { z } from 'zod';
import { LIMITS } from './limits';
import { Id, boundedArray, longText } from './scalars';

/**
 * Inline rich text: a flat list of runs. Deliberately small — bold and italic
 * are all the seeds use (bold speaker names, bold headings). No nesting, no
 * HTML: every renderer (HTML, DOCX, search) maps a run in one line, and a diff
 * of two versions is a diff of runs.
 */
/** A run of a footnote's text: marks only (a note holds no notes and no cross-references). */
export const FootnoteRun = z.strictObject({
  text: longText(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export type FootnoteRun = z.infer<typeof FootnoteRun>;
export const FootnoteText = boundedArray(FootnoteRun, LIMITS.maxRuns);
export type FootnoteText = z.infer<typeof FootnoteText>;

export const TextRun = z.strictObject({
  text: longText(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  /**
   * A footnote hung on this run: the format numbers notes through the document and prints the mark
   * after the run's text (which may be '' when the note hangs on nothing but its place).
   */
  footnote: FootnoteText.optional(),
  /**
   * A cross-reference: the id of a numbered target (a paragraph or statement block, a heading, a
   * list item, an agenda item, an annex). The format prints the target's number as laid out in place
   * of `text`, which keeps the last-known rendering (for search, and for a reader without the format).
   */
  xref: Id.optional(),
});
export type TextRun = z.infer<typeof TextRun>;

export const RichText = boundedArray(TextRun, LIMITS.maxRuns);
export type RichText = z.infer<typeof RichText>;

/** Helpers for building rich text in code (templates, tests, importers). */
export const plain = (text: string): RichText => (text === '' ? [] : [{ text }]);
export const bold = (text: string): TextRun => ({ text, bold: true });

/** The characters of a rich text without its marks. */
export function richTextToString(rt: RichText): string {
  let s = '';
  for (const run of rt) s += run.text;
  return s;
}
