import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { words } from '../unit/minutes/helpers';
import type { Meeting } from '../../src/shared/minutes';

/**
 * Footnotes in printed text, for the tests that compare a real record's words with its exports.
 *
 * A footnote prints twice: its mark after the word it hangs on ("Appendix I.¹", which pdftotext gives
 * as "I.1" or "I. 1") and its text at the foot of the page, where the page break puts it — not where
 * the source's text (which lists its notes at the end) has it. So the comparison takes both out of the
 * printed words, in the notes' order, and says which it could not find: a missing mark or note text is
 * a failure of its own, not a shifted word sequence.
 */

export interface Note {
  /** The note's number as the format counts it (1, 2, … through the document). */
  n: number;
  /** The last word of the text the note hangs on ("I.", "Ranasinha,"). */
  anchor: string;
  /** The note's text, as words. */
  text: string[];
}

/** The notes of a meeting in document order: every run with a footnote, in the order the JSON has them. */
export function meetingNotes(meeting: Meeting): Note[] {
  const notes: Note[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string' && Array.isArray(o.footnote)) {
        const runWords = words(o.text);
        notes.push({
          n: notes.length + 1,
          anchor: runWords[runWords.length - 1] ?? '',
          text: words((o.footnote as { text: string }[]).map((r) => r.text).join('')),
        });
      }
      // The order of a document: front matter before the body (the JSON's key order is the schema's).
      for (const key of ['frontMatter', 'titleBlock', 'agenda', 'body', 'annexes']) if (key in o) walk(o[key]);
      for (const [key, value] of Object.entries(o)) if (!['frontMatter', 'titleBlock', 'agenda', 'body', 'annexes', 'footnote'].includes(key)) walk(value);
    }
  };
  walk(meeting);
  return notes;
}

/** Where `needle` starts in `hay` at or after `from`, or -1. */
function indexOfSeq(hay: readonly string[], needle: readonly string[], from = 0): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The printed words without the notes' marks and texts; `problems` names every mark or text not found.
 * A mark is the note's number glued to its anchor word ("I.1") or standing after it ("I." "1"); a note's
 * text is its number then its words, the number possibly glued to the first word ("1Not").
 */
export function withoutNotes(printed: readonly string[], notes: readonly Note[]): { words: string[]; problems: string[] } {
  const out = [...printed];
  const problems: string[] = [];
  // Texts first (a note text could contain a word that looks like a mark).
  for (const note of notes) {
    const spaced = [String(note.n), ...note.text];
    const glued = [`${note.n}${note.text[0] ?? ''}`, ...note.text.slice(1)];
    let at = indexOfSeq(out, spaced);
    let len = spaced.length;
    if (at === -1) {
      at = indexOfSeq(out, glued);
      len = glued.length;
    }
    if (at === -1) problems.push(`note ${note.n}'s text "${note.text.join(' ')}" is not printed`);
    else out.splice(at, len);
  }
  let from = 0;
  for (const note of notes) {
    let found = false;
    for (let i = from; i < out.length; i++) {
      if (out[i] === `${note.anchor}${note.n}`) {
        out[i] = note.anchor;
        found = true;
      } else if (out[i] === note.anchor && out[i + 1] === String(note.n)) {
        out.splice(i + 1, 1);
        found = true;
      }
      if (found) {
        from = i + 1;
        break;
      }
    }
    if (!found) problems.push(`note ${note.n}'s mark after "${note.anchor}" is not printed`);
  }
  return { words: out, problems };
}

/** The texts of a DOCX's real Word footnotes (word/footnotes.xml, without the separator notes), and how many references the body has. */
export function docxFootnotes(file: string): { texts: string[]; references: number } {
  const zip = unzipSync(readFileSync(file));
  const notesXml = zip['word/footnotes.xml'] ? strFromU8(zip['word/footnotes.xml']) : '';
  const body = strFromU8(zip['word/document.xml']!);
  const texts: string[] = [];
  for (const m of notesXml.matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)) {
    if (/w:type="(?:separator|continuationSeparator)"/.test(m[1]!)) continue;
    const text = [...m[2]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    texts.push(text.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").trim());
  }
  return { texts, references: (body.match(/<w:footnoteReference\b/g) ?? []).length };
}
