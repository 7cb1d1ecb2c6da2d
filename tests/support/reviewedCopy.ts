import { layoutContent } from '../../src/shared/format/agreed';
import type { LayoutBlock, Run } from '../../src/shared/format/layout';
import { blockLines } from '../../src/shared/review/docxLines';
import type { Meeting } from '../../src/shared/minutes';
import { bookmarkName } from '../../src/shared/review/bookmarks';
import type { DocxParagraph, DocxRevision, DocxRun, ReviewedDocx } from '../../src/shared/review/reviewedDocx';

/**
 * Reviewed copies as Word would read back, made in memory for the mapper's tests (the DOCX reader is
 * another module): the base's review copy as paragraphs (one per printed line, in the renderer's
 * order, each block's paragraphs under its bookmark, the spacer paragraphs the renderer writes), then
 * a reviewer's edits, rendered either as tracked changes or as plain edits (tracking off).
 */

interface Char {
  ch: string;
  bold: boolean;
  italic: boolean;
  /** The base's model text (has provenance), as opposed to the format's words or a reviewer's. */
  field: boolean;
  /** Printed by a cross-reference: the target's number as laid out, which follows the structure. */
  xref?: boolean;
  state: 'kept' | 'ins' | 'del';
  comments: string[];
  /** A tracked bold/italic change: the marks before. */
  before?: { bold: boolean; italic: boolean };
}

export interface CopyPara {
  bookmark?: string;
  chars: Char[];
  state: 'kept' | 'ins' | 'del';
  inTable: boolean;
  /** The base line it prints (absent on spacers and new paragraphs). */
  runs?: Run[];
  source?: string;
}

/**
 * The paragraphs a layout block becomes in the DOCX: the mapper's own rule (docxLines.ts), plus the
 * empty paragraph of a signature's box, which a reader sees and the mapper skips.
 */
function lines(b: LayoutBlock): Run[][] {
  if (b.kind === 'signatures') return b.cells.flatMap((c) => [c.role, [], c.name, ...c.titleLines]);
  const out = blockLines(b);
  // A running paragraph's number follows the structure, as a cross-reference's does (a paragraph added
  // before it renumbers it): its characters are marked like a reference's, and compared like one.
  if (b.kind === 'paragraph' && b.number !== undefined) out[0] = [{ ...out[0]![0]!, xref: '#number' }, ...out[0]!.slice(1)];
  return out;
}

/** The review copy of `base` as paragraphs (what the DOCX renderer writes, as a reader sees it). */
export function copyOf(base: Meeting): CopyPara[] {
  const out: CopyPara[] = [];
  for (const b of layoutContent(base, { provenance: true })) {
    if (b.kind === 'signatures' || b.kind === 'routing') out.push({ chars: [], state: 'kept', inTable: false });
    const inTable = b.kind === 'signatures' || b.kind === 'routing';
    for (const rs of lines(b)) {
      const chars: Char[] = [];
      for (const r of rs) chars.push(...splitUnits(r.text, r));
      out.push({ chars, state: 'kept', inTable, runs: rs, ...(b.source !== undefined ? { bookmark: bookmarkName(b.source), source: b.source } : {}) });
    }
    if (b.kind === 'title') out.push({ chars: [], state: 'kept', inTable: false });
  }
  return out;
}

/** One Char per UTF-16 unit (offsets in the model are UTF-16). */
function splitUnits(text: string, r: Run): Char[] {
  return text.split('').map((u) => ({ ch: u, bold: r.bold === true, italic: r.italic === true, field: r.from !== undefined, ...(r.xref !== undefined ? { xref: true } : {}), state: 'kept' as const, comments: [] }));
}

const visible = (p: CopyPara) => p.chars.filter((c) => c.state !== 'del');
export const visibleText = (p: CopyPara) => visible(p).map((c) => c.ch).join('');

/** A word of a paragraph's visible text that is all base model text (a reviewer edits those). */
export function fieldWords(p: CopyPara, locale: string): { start: number; end: number }[] {
  const vis = visible(p);
  const text = vis.map((c) => c.ch).join('');
  const out: { start: number; end: number }[] = [];
  for (const s of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) {
    if (!s.isWordLike) continue;
    const cs = vis.slice(s.index, s.index + s.segment.length);
    if (cs.every((c) => c.field && c.state === 'kept')) out.push({ start: s.index, end: s.index + s.segment.length });
  }
  return out;
}

/** Index in p.chars of the visible character `v`. */
function charIndex(p: CopyPara, v: number): number {
  let n = -1;
  for (let i = 0; i < p.chars.length; i++) if (p.chars[i]!.state !== 'del' && ++n === v) return i;
  return p.chars.length;
}

const newChars = (s: string, bold = false): Char[] => s.split('').map((ch) => ({ ch, bold, italic: false, field: false, state: 'ins', comments: [] }));

export function deleteWord(p: CopyPara, w: { start: number; end: number }): void {
  const a = charIndex(p, w.start);
  const b = charIndex(p, w.end - 1);
  // A reviewer's own insertion deleted again is simply gone; base text is marked deleted.
  p.chars = p.chars.flatMap((c, i) => (i < a || i > b ? [c] : c.state === 'ins' ? [] : [{ ...c, state: c.state === 'kept' ? ('del' as const) : c.state }]));
}

export function insertAfterWord(p: CopyPara, w: { start: number; end: number }, text: string): void {
  const b = charIndex(p, w.end - 1);
  p.chars.splice(b + 1, 0, ...newChars(text));
}

export function replaceWord(p: CopyPara, w: { start: number; end: number }, text: string): void {
  const b = charIndex(p, w.end - 1);
  deleteWord(p, w);
  p.chars.splice(b + 1, 0, ...newChars(text));
}

export function setBold(p: CopyPara, w: { start: number; end: number }, bold: boolean): void {
  const a = charIndex(p, w.start);
  const b = charIndex(p, w.end - 1);
  for (let i = a; i <= b; i++) {
    const c = p.chars[i]!;
    if (c.state !== 'kept' || c.bold === bold) continue;
    c.before = { bold: c.bold, italic: c.italic };
    c.bold = bold;
  }
}

export function comment(p: CopyPara, w: { start: number; end: number }, id: string): void {
  const a = charIndex(p, w.start);
  const b = charIndex(p, w.end - 1);
  for (let i = a; i <= b; i++) p.chars[i]!.comments.push(id);
}

export function deleteParagraph(p: CopyPara): void {
  p.state = 'del';
  for (const c of p.chars) if (c.state === 'kept') c.state = 'del';
  p.chars = p.chars.filter((c) => c.state === 'del');
}

/** A new paragraph after `paras[at]`: inside its block's bookmark, or after it with none. */
export function insertParagraph(paras: CopyPara[], at: number, text: string, inside: boolean): void {
  const prev = paras[at]!;
  paras.splice(at + 1, 0, { chars: newChars(text), state: 'ins', inTable: false, ...(inside && prev.bookmark ? { bookmark: prev.bookmark } : {}) });
}

export interface Reviewer {
  author: string;
  date: string;
}

/** The reviewed file: edits as tracked changes (`tracked`) or made with tracking off. */
export function reviewedDocx(paras: readonly CopyPara[], tracked: boolean, who: Reviewer, extra: Partial<ReviewedDocx> = {}): ReviewedDocx {
  const rev = (kind: DocxRevision['kind']): DocxRevision => ({ kind, author: who.author, date: who.date });
  const out: DocxParagraph[] = [];
  for (const p of paras) {
    if (!tracked && p.state === 'del') continue;
    const runs: DocxRun[] = [];
    for (const c of p.chars) {
      if (!tracked && c.state === 'del') continue;
      const state = tracked ? c.state : 'kept';
      const last = runs.at(-1);
      const kind = state === 'ins' ? 'inserted' : state === 'del' ? 'deleted' : undefined;
      const fmt = tracked && c.before ? { author: who.author, date: who.date, before: c.before } : undefined;
      if (
        last &&
        last.bold === c.bold &&
        last.italic === c.italic &&
        last.revision?.kind === kind &&
        JSON.stringify(last.formatChange?.before) === JSON.stringify(fmt?.before) &&
        last.comments.join() === c.comments.join()
      ) {
        last.text += c.ch;
        continue;
      }
      runs.push({ text: c.ch, bold: c.bold, italic: c.italic, comments: [...c.comments], ...(kind ? { revision: rev(kind) } : {}), ...(fmt ? { formatChange: fmt } : {}) });
    }
    const mark = tracked && p.state !== 'kept' ? { mark: rev(p.state === 'ins' ? 'inserted' : 'deleted') } : {};
    out.push({ runs, inTable: p.inTable, ...(p.bookmark ? { bookmark: p.bookmark } : {}), ...mark });
  }
  return {
    custom: {},
    core: { lastModifiedBy: who.author, modified: who.date },
    trackRevisions: tracked,
    paragraphs: out,
    comments: [],
    ...extra,
  };
}

/** The text of the reviewed copy with every change accepted, one line per paragraph. */
export const acceptedText = (paras: readonly CopyPara[]) =>
  paras
    .filter((p) => p.state !== 'del')
    .map(visibleText)
    .join('\n');

/**
 * The accepted text without what cross-references print: a target's number is the format's and
 * follows the structure (a paragraph added before it renumbers it), so the edited copy's numbers are
 * not the applied meeting's. The cross-reference itself stays (its run is not a reviewer's to edit).
 */
export const acceptedTextWithoutXrefs = (paras: readonly CopyPara[]) =>
  paras
    .filter((p) => p.state !== 'del')
    .map((p) => visible(p).map((c) => (c.xref ? ' ' : c.ch)).join(''))
    .join('\n');

/** Word-like tokens, as a reader compares texts. */
export function wordsOf(text: string, locale: string): string[] {
  return [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** A counter id maker: the same sequence every time. */
export function counterIds(): (kind: string) => string {
  const n = new Map<string, number>();
  const prefix: Record<string, string> = { suggestion: 'sg', thread: 'th', comment: 'cm', block: 'b', bullet: 'bl' };
  return (kind) => {
    const k = (n.get(kind) ?? 0) + 1;
    n.set(kind, k);
    return `${prefix[kind] ?? 'x'}_${k}`;
  };
}
