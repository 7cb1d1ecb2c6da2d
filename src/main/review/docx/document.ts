import type { DocxParagraph, DocxRevision, DocxRun } from '../../../shared/review/reviewedDocx';
import { bookmarkOrigin } from '../../../shared/review/bookmarks';
import { type StyleSheet, onOff } from './styles';
import { type XmlElement, parseXmlPart } from './xml';

/**
 * The OOXML walker over word/document.xml (ECMA-376 Part 1, §17): paragraphs in document order with
 * their runs of text, the tracked changes on them, the comment ranges and block bookmarks over them.
 * What it descends into without a rule of its own: hyperlinks, content controls (w:sdtContent), smart
 * tags, custom XML, simple fields (their result text), text boxes (each of their paragraphs is a
 * paragraph of its own, read where it closes).
 */

type RevisionKind = DocxRevision['kind'];
const REVISIONS: Record<string, RevisionKind> = { 'w:ins': 'inserted', 'w:del': 'deleted', 'w:moveFrom': 'movedFrom', 'w:moveTo': 'movedTo' };
const MOVE_RANGES: Record<string, RevisionKind> = { 'w:moveFromRangeStart': 'movedFrom', 'w:moveToRangeStart': 'movedTo' };
const MOVE_RANGE_ENDS = new Set(['w:moveFromRangeEnd', 'w:moveToRangeEnd']);
/**
 * Read no further inside these: a paragraph's or section's former properties (w:pPrChange would
 * otherwise restyle the paragraph with its old style), table, row and cell properties (a row's w:ins
 * and w:del are not text), a content control's properties, and the fallback copy of alternate content
 * (the same text box again, for older readers).
 */
const SKIP = new Set(['w:pPrChange', 'w:sectPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'w:sdtPr', 'w:sdtEndPr', 'mc:Fallback', 'w:tblPrEx']);
/** Characters a run writes as elements. */
const CHARACTERS: Record<string, string> = { 'w:tab': '\t', 'w:br': '\n', 'w:cr': '\n', 'w:noBreakHyphen': '\u2011', 'w:softHyphen': '\u00ad' };

interface Bookmark {
  name: string;
  seq: number;
}

interface ParagraphState {
  runs: DocxRun[];
  style?: string;
  mark?: DocxRevision;
  inTable: boolean;
  /** Block bookmarks open at some point of this paragraph, and those open while it got text. */
  live: Map<string, Bookmark>;
  atText?: Bookmark;
  /** The latest block bookmark started in this paragraph, even an empty one (an editor may collapse a range it cannot keep). */
  startedHere?: Bookmark;
  /** Comments with no range of their own (only a reference), to hang on the next run. */
  pendingComments: string[];
}

interface RunState {
  text: string;
  style?: string;
  bold?: boolean;
  italic?: boolean;
  formatChange?: { author: string; date?: string; style?: string; bold?: boolean; italic?: boolean };
}

const revisionOf = (kind: RevisionKind, el: XmlElement, moveName: string | undefined): DocxRevision => {
  const date = el.attrs.get('w:date');
  return { kind, author: el.attrs.get('w:author') ?? '', ...(date ? { date } : {}), ...(moveName !== undefined ? { moveName } : {}) };
};

/** Word's own hidden bookmarks (_GoBack, _Toc…, _Hlk…) never name a block: bookmarkName starts with a letter. */
const isBlockBookmark = (name: string) => name.length > 0 && !name.startsWith('_');

export interface DocumentReading {
  paragraphs: DocxParagraph[];
  /**
   * Where each comment's range starts and ends ("paragraph:offset-paragraph:offset", offsets counting
   * every character read, deleted ones too): comments with the same range are one thread in a file
   * that records no reply links (LibreOffice 7.4 writes a reply as a comment on its parent's range).
   */
  commentRanges: Map<string, string>;
}

export function readDocument(bytes: Uint8Array, styles: StyleSheet): DocumentReading {
  const out: DocxParagraph[] = [];
  const rangeStarts = new Map<string, string>();
  const commentRanges = new Map<string, string>();
  let offset = 0;
  const here = () => `${out.length + paragraphs.length - 1}:${offset}`;
  const path: string[] = [];
  let skipDepth = 0;
  const paragraphs: ParagraphState[] = [];
  // Runs and paragraphs nest: a text box is paragraphs inside a run's drawing.
  const runs: RunState[] = [];
  let inText = false;
  let tables = 0;
  const revisions: DocxRevision[] = [];
  const moveRanges = new Map<string, { kind: RevisionKind; name: string }>();
  const bookmarks = new Map<string, Bookmark>();
  let bookmarkSeq = 0;
  const openComments = new Set<string>();
  const rangedComments = new Set<string>();

  const paragraph = () => paragraphs.at(-1);
  const innermost = (candidates: Iterable<Bookmark>): Bookmark | undefined => {
    let best: Bookmark | undefined;
    for (const b of candidates) if (!best || b.seq > best.seq) best = b;
    return best;
  };
  const latestMoveName = (kind: RevisionKind): string | undefined => {
    let name: string | undefined;
    for (const r of moveRanges.values()) if (r.kind === kind) name = r.name;
    return name;
  };

  const endRun = (r: RunState) => {
    const p = paragraph();
    if (!p || r.text.length === 0) return;
    offset += r.text.length;
    // A text inserted and then deleted (w:del inside w:ins, or the reverse) is in neither the base nor
    // the accepted text: it changes nothing, so it is not reported.
    const kinds = new Set(revisions.map((v) => v.kind));
    if (kinds.has('inserted') && kinds.has('deleted')) return;
    const base = styles.base(p.style, r.style);
    const change = r.formatChange;
    const revision = revisions.at(-1);
    const comments = [...openComments, ...p.pendingComments.splice(0)];
    p.runs.push({
      text: r.text,
      bold: r.bold ?? base.bold,
      italic: r.italic ?? base.italic,
      ...(revision ? { revision } : {}),
      ...(change
        ? {
            formatChange: {
              author: change.author,
              ...(change.date ? { date: change.date } : {}),
              before: (() => {
                const was = styles.base(p.style, change.style);
                return { bold: change.bold ?? was.bold, italic: change.italic ?? was.italic };
              })(),
            },
          }
        : {}),
      comments,
    });
    const b = innermost(bookmarks.values());
    if (b && (!p.atText || b.seq > p.atText.seq)) p.atText = b;
  };

  const endParagraph = (p: ParagraphState) => {
    const bookmark = p.atText || p.startedHere ? innermost([p.atText, p.startedHere].filter((b) => b !== undefined)) : innermost(p.live.values());
    if (p.pendingComments.length > 0) p.runs.push({ text: '', bold: false, italic: false, comments: p.pendingComments.splice(0) });
    out.push({
      runs: mergeRuns(p.runs),
      ...(bookmark ? { bookmark: bookmark.name } : {}),
      ...(p.mark ? { mark: p.mark } : {}),
      inTable: p.inTable,
      ...(p.style !== undefined ? { style: p.style } : {}),
    });
  };

  parseXmlPart('word/document.xml', bytes, {
    open(el) {
      path.push(el.name);
      if (skipDepth > 0) return;
      if (SKIP.has(el.name)) {
        skipDepth = path.length;
        return;
      }
      const parent = path.at(-2);
      const grand = path.at(-3);
      const p = paragraph();
      const run = runs.at(-1);
      switch (el.name) {
        case 'w:p':
          offset = 0;
          paragraphs.push({ runs: [], inTable: tables > 0, live: new Map(bookmarks), pendingComments: [] });
          return;
        case 'w:tbl':
          tables++;
          return;
        case 'w:r':
          runs.push({ text: '' });
          return;
        case 'w:t':
        case 'w:delText':
          inText = run !== undefined && parent === 'w:r';
          return;
        case 'w:pStyle':
          if (p && parent === 'w:pPr') {
            const v = el.attrs.get('w:val');
            if (v) p.style = v;
          }
          return;
        case 'w:bookmarkStart': {
          const id = el.attrs.get('w:id');
          const name = bookmarkOrigin(el.attrs.get('w:name') ?? '');
          if (id === undefined || !isBlockBookmark(name)) return;
          const b = { name, seq: ++bookmarkSeq };
          bookmarks.set(id, b);
          if (p) {
            p.live.set(id, b);
            p.startedHere = b;
          }
          return;
        }
        case 'w:bookmarkEnd': {
          const id = el.attrs.get('w:id');
          if (id !== undefined) bookmarks.delete(id);
          return;
        }
        case 'w:commentRangeStart': {
          const id = el.attrs.get('w:id');
          if (id === undefined) return;
          openComments.add(id);
          rangedComments.add(id);
          rangeStarts.set(id, here());
          return;
        }
        case 'w:commentRangeEnd': {
          const id = el.attrs.get('w:id');
          if (id === undefined) return;
          openComments.delete(id);
          commentRanges.set(id, `${rangeStarts.get(id) ?? ''}-${here()}`);
          return;
        }
        case 'w:commentReference': {
          // A comment with no range is a point: it covers the run it follows, or the next one.
          const id = el.attrs.get('w:id');
          if (id === undefined || rangedComments.has(id) || !p) return;
          rangedComments.add(id);
          const last = p.runs.at(-1);
          if (last) last.comments.push(id);
          else p.pendingComments.push(id);
          return;
        }
        case 'w:rStyle':
          if (run && parent === 'w:rPr' && grand === 'w:r') run.style = el.attrs.get('w:val');
          else if (run?.formatChange && parent === 'w:rPr' && grand === 'w:rPrChange') run.formatChange.style = el.attrs.get('w:val');
          return;
        case 'w:b':
        case 'w:i': {
          const key = el.name === 'w:b' ? 'bold' : 'italic';
          if (run && parent === 'w:rPr' && grand === 'w:r') run[key] = onOff(el.attrs);
          else if (run?.formatChange && parent === 'w:rPr' && grand === 'w:rPrChange') run.formatChange[key] = onOff(el.attrs);
          return;
        }
        case 'w:rPrChange':
          if (run && parent === 'w:rPr' && grand === 'w:r') {
            const date = el.attrs.get('w:date');
            run.formatChange = { author: el.attrs.get('w:author') ?? '', ...(date ? { date } : {}) };
          }
          return;
      }
      if (MOVE_RANGES[el.name]) {
        const id = el.attrs.get('w:id');
        if (id !== undefined) moveRanges.set(id, { kind: MOVE_RANGES[el.name]!, name: el.attrs.get('w:name') ?? '' });
        return;
      }
      if (MOVE_RANGE_ENDS.has(el.name)) {
        const id = el.attrs.get('w:id');
        if (id !== undefined) moveRanges.delete(id);
        return;
      }
      const kind = REVISIONS[el.name];
      if (kind) {
        const isMove = kind === 'movedFrom' || kind === 'movedTo';
        const revision = revisionOf(kind, el, isMove ? latestMoveName(kind) : undefined);
        // Under a paragraph's own run properties it marks the paragraph mark; elsewhere it wraps content.
        if (parent === 'w:rPr' && grand === 'w:pPr') {
          if (p) p.mark = revision;
        } else if (parent !== 'w:rPr') {
          revisions.push(revision);
        }
        return;
      }
      if (run && parent === 'w:r' && CHARACTERS[el.name] !== undefined) run.text += CHARACTERS[el.name];
    },
    close(name) {
      const depth = path.length;
      path.pop();
      if (skipDepth > 0) {
        if (depth === skipDepth) skipDepth = 0;
        return;
      }
      const parent = path.at(-1);
      switch (name) {
        case 'w:p': {
          const p = paragraphs.pop();
          if (p) endParagraph(p);
          return;
        }
        case 'w:tbl':
          tables--;
          return;
        case 'w:r': {
          const run = runs.pop();
          if (run) endRun(run);
          return;
        }
        case 'w:t':
        case 'w:delText':
          inText = false;
          return;
      }
      if (REVISIONS[name] && !(parent === 'w:rPr')) revisions.pop();
    },
    text(t) {
      const run = runs.at(-1);
      if (inText && skipDepth === 0 && run) run.text += t;
    },
  });
  return { paragraphs: out, commentRanges };
}

const sameRevision = (a: DocxRevision | undefined, b: DocxRevision | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.kind === b.kind && a.author === b.author && a.date === b.date && a.moveName === b.moveName);
const sameFormatChange = (a: DocxRun['formatChange'], b: DocxRun['formatChange']) =>
  a === b ||
  (a !== undefined && b !== undefined && a.author === b.author && a.date === b.date && a.before.bold === b.before.bold && a.before.italic === b.before.italic);
const sameComments = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/** Neighbouring runs that differ in nothing but their text are one run (writers split runs freely: rsids, spell checks). */
function mergeRuns(runs: DocxRun[]): DocxRun[] {
  const out: DocxRun[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (
      last &&
      last.text.length > 0 &&
      r.text.length > 0 &&
      last.bold === r.bold &&
      last.italic === r.italic &&
      sameRevision(last.revision, r.revision) &&
      sameFormatChange(last.formatChange, r.formatChange) &&
      sameComments(last.comments, r.comments)
    ) {
      out[out.length - 1] = { ...last, text: last.text + r.text };
    } else out.push(r);
  }
  return out;
}
