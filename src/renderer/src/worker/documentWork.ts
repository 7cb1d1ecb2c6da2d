import { layoutBodyChunks, layoutContentCss, layoutMeeting, previewContent } from '../../../shared/format';
import { uncoveredCharacters, type UncoveredCharacter } from '../../../shared/format/coverage';
import { countWords } from '../../../shared/find/wordCount';
import { findInMeeting, type FindOptions } from '../../../shared/find/find';
import type { ExportPreview } from '../../../shared/ipc/contract';
import type { Meeting } from '../../../shared/minutes';

/**
 * The work on a whole document the renderer does while the user types: the live preview's layout,
 * the characters no shipped font draws, the word count, the find bar's count of matches. Pure functions of the document, run in the
 * document worker (documentWorker.ts) so that a 200-page meeting never holds up a keystroke, or here
 * on the page when no worker could be started.
 */
export interface PreviewWork {
  /** The preview without its stylesheets. */
  content: Omit<ExportPreview, 'css'>;
  /**
   * The content rules (layoutContentCss, without the @page rule): they follow the meeting's format
   * template, not its words, so the page keeps its stylesheet from one keystroke to the next.
   */
  css: string;
  /** The body, one markup string per layout block (layoutBodyChunks). */
  chunks: string[];
  missing: UncoveredCharacter[];
}

export async function previewWork(meeting: Meeting, sealed: boolean): Promise<PreviewWork> {
  const layout = await layoutMeeting(meeting, { sealed });
  const chunks = layoutBodyChunks(layout);
  // Joined with nothing: the body's children are then exactly the chunks' elements, no text between
  // them, which is what mountPreview's patching counts on (white space between blocks lays out as nothing).
  return { content: previewContent(layout, chunks.join('')), css: layoutContentCss(layout), chunks, missing: uncoveredCharacters(meeting) };
}

export function wordsWork(meeting: Meeting): number {
  return countWords(meeting);
}

export type WorkRequest =
  | { kind: 'preview'; meeting: Meeting; sealed: boolean }
  | { kind: 'words'; meeting: Meeting }
  | { kind: 'matches'; meeting: Meeting; query: string; options: FindOptions };
export type WorkResult<R extends WorkRequest> = R extends { kind: 'preview' } ? PreviewWork : number;

export async function doWork(request: WorkRequest): Promise<PreviewWork | number> {
  switch (request.kind) {
    case 'preview':
      return previewWork(request.meeting, request.sealed);
    case 'words':
      return wordsWork(request.meeting);
    case 'matches':
      // The same function that replace-all uses, so what is counted is what is replaced.
      return findInMeeting(request.meeting, request.query, request.options).length;
  }
}
