import { type LayoutBlock, type LayoutList, type Run, tableRuns } from '../format/layout';
import type { DocxRevision, DocxRun } from './reviewedDocx';

/**
 * The two sides a reviewed copy is compared on (src/shared/review/fromDocx.ts): the base's printed
 * lines, each character knowing the field it comes from, and the file's paragraphs as accepted, each
 * character knowing the run (and revision) it stands in.
 */

// ---------------------------------------------------------------- the base, laid out

export interface Line {
  /** The layout block's source (a block id), undefined for the title. */
  source: string | undefined;
  text: string;
  runs: Run[];
  /** Per UTF-16 unit, the index of its run. */
  runAt: Int32Array;
  runStart: number[];
  /** Its words and their counts, made when first compared (most lines come back unchanged). */
  words?: Map<string, number>;
  /** Some word-like text of the line is the format's, not a field's. */
  generatedWords: boolean;
  /** The object the line prints: the innermost id of its fields, else its block. */
  owner: string | undefined;
  /** Its fields (id + path), in order. */
  fields: { id: string; path: string }[];
}

const WORDLIKE = /[\p{L}\p{N}]/u;

export function makeLine(runs: Run[], source: string | undefined): Line | undefined {
  const text = runs.map((r) => r.text).join('');
  if (text.trim() === '') return undefined;
  const runAt = new Int32Array(text.length);
  const runStart: number[] = [];
  let at = 0;
  const fields: Line['fields'] = [];
  let generatedWords = false;
  runs.forEach((r, i) => {
    runStart.push(at);
    runAt.fill(i, at, at + r.text.length);
    at += r.text.length;
    if (r.from) {
      if (!fields.some((f) => f.id === r.from!.id && f.path === r.from!.path)) fields.push({ id: r.from.id, path: r.from.path });
    } else if (WORDLIKE.test(r.text)) generatedWords = true;
  });
  return { source, text, runs, runAt, runStart, generatedWords, owner: fields[0]?.id ?? source, fields };
}

/** The lines of a layout block in the order the DOCX renderer writes its paragraphs. */
export function blockLines(b: LayoutBlock): Run[][] {
  const out: Run[][] = [];
  const list = (l: LayoutList): void =>
    l.items.forEach((it) => {
      out.push(it.runs);
      it.children.forEach((c) => (c.kind === 'list' ? list(c) : out.push(c.runs)));
    });
  if (b.kind === 'title') b.lines.forEach((l) => out.push(l.runs));
  else if (b.kind === 'heading') out.push(b.runs);
  // A numbered paragraph's number and the tab after it are text in the DOCX (render.ts): the format's words.
  else if (b.kind === 'paragraph') out.push(b.number !== undefined ? [{ text: `${b.number}\t`, script: 'latin' }, ...b.runs] : b.runs);
  else if (b.kind === 'list') list(b);
  else if (b.kind === 'signatures') b.cells.forEach((c) => out.push(c.role, c.name, ...c.titleLines));
  else if (b.kind === 'table') out.push(...tableRuns(b));
  else b.steps.forEach((s) => out.push(s.headline, s.placeDate, s.signerRole));
  return out;
}

/** Where a line's character comes from: object id, field path, offset in the field's text. */
export function fromAt(l: Line, pos: number): { id: string; path: string; off: number } | undefined {
  const i = l.runAt[pos]!;
  const f = l.runs[i]!.from;
  return f ? { id: f.id, path: f.path, off: f.start + pos - l.runStart[i]! } : undefined;
}

// ---------------------------------------------------------------- the file, accepted

export interface FileRun {
  bold: boolean;
  italic: boolean;
  /** The revision that inserted (or moved) this text here, when tracked. */
  rev?: DocxRevision | undefined;
  fmt?: DocxRun['formatChange'];
  comments: string[];
}

export interface Para {
  text: string;
  runs: FileRun[];
  runAt: Int32Array;
  /** Tracked deletions, by the accepted position they stood at. */
  gaps: Map<number, DocxRevision[]>;
  /** The paragraph mark was inserted (a paragraph added, tracked). */
  mark?: DocxRevision | undefined;
  /** Inside its group's bookmark (false: a paragraph after the block, with no bookmark). */
  inside: boolean;
  words?: Map<string, number>;
  /** The text of its tracked deletions, in order. */
  deleted: string;
  /** Its tracked deletions and insertions, each with its text. */
  tracked: { text: string; rev: DocxRevision }[];
  /** The line it pairs with, and per character the base position it stands for (-1: changed). */
  line?: Line;
  toBase?: Int32Array;
}

export const DELETED = new Set<DocxRevision['kind']>(['deleted', 'movedFrom']);

export interface Group {
  source: string | undefined;
  lines: Line[];
  paras: Para[];
  /** Revisions of wholly deleted paragraphs, by the index of the accepted paragraph they stood before. */
  deletedBefore: Map<number, DocxRevision[]>;
}

export interface Hunk {
  /** The base line's characters [ls, le) became the file's [ps, pe). */
  ls: number;
  le: number;
  ps: number;
  pe: number;
}

export function bigrams(s: string): Map<string, number> {
  const t = s.replace(/\s+/gu, '');
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

export const normText = (s: string) => s.replace(/\s+/gu, ' ').trim();
