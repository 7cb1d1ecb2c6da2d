import { z } from 'zod';
import { LIMITS } from './limits';
import { boundedArray, longText } from './scalars';

/**
 * Inline rich text: a flat list of runs. Deliberately small — bold and italic
 * are all the seeds use (bold speaker names, bold headings). No nesting, no
 * HTML: every renderer (HTML, DOCX, search) maps a run in one line, and a diff
 * of two versions is a diff of runs.
 */
export const TextRun = z.strictObject({
  text: longText(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
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
