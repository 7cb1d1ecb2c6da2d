import { CommentRangeEnd, CommentRangeStart, CommentReference, type ICommentOptions, Paragraph, type ParagraphChild, TextRun } from 'docx';
import type { LayoutBlock, LayoutList, Run } from '../../../shared/format';
import { signatureRuns, tableRuns } from '../../../shared/format';
import type { AnchorPlace, CommentThread } from '../../../shared/review/comments';

/**
 * The review copy's Word comments, placed on the layout before it is written: each thread's range is
 * found in the paragraphs of the block it belongs to (by its quoted text, in the text a reader sees
 * once every change is accepted), the runs there are split at its ends, and the range markers hang on
 * those runs. A thread whose text cannot be found is anchored on its block's first paragraph; a
 * detached one (its block removed) on the document's first paragraph, its comment saying so. Replies
 * are Word replies (`parentId`, written by docx into commentsExtended.xml with the resolved state).
 */

export interface ReviewThread {
  thread: CommentThread;
  place: AnchorPlace;
  /** The layout source (top-level block id) the anchor belongs to, or undefined when none is printed. */
  source: string | undefined;
}

export interface RunMarkers {
  before: ParagraphChild[];
  after: ParagraphChild[];
}

export interface PlacedComments {
  /** What to write before and after a run (range starts; range ends and references). */
  markers: Map<Run, RunMarkers>;
  comments: ICommentOptions[];
}

/** The text arrays of a block's paragraphs, in the order they are written (the arrays themselves, to split in place). */
function paragraphs(b: LayoutBlock): Run[][] {
  const list = (l: LayoutList): Run[][] =>
    l.items.flatMap((it) => [it.runs, ...it.children.flatMap((c) => (c.kind === 'list' ? list(c) : [c.runs]))]);
  switch (b.kind) {
    case 'title':
      return b.lines.map((l) => l.runs);
    case 'heading':
    case 'paragraph':
      return [b.runs];
    case 'list':
      return list(b);
    case 'signatures':
      return b.cells.flatMap((c) => signatureRuns(c));
    case 'routing':
      return b.steps.flatMap((s) => [s.headline, s.placeDate, s.signerRole]);
    case 'table':
      return tableRuns(b);
  }
}

const visible = (r: Run) => r.change?.kind !== 'deleted' && r.change?.kind !== 'movedFrom';

/** Splits `runs[i]` at `offset` (0 < offset < length), returning the index of the second half. */
function splitAt(runs: Run[], i: number, offset: number): number {
  const r = runs[i]!;
  const head = { ...r, text: r.text.slice(0, offset) };
  const tail = { ...r, text: r.text.slice(offset) };
  runs.splice(i, 1, head, tail);
  return i + 1;
}

/** Finds `quote` in one paragraph's visible text; splits runs so that it is whole runs [first, last]. */
function findRange(runs: Run[], quote: string): [Run, Run] | undefined {
  let text = '';
  const starts: number[] = [];
  runs.forEach((r) => {
    starts.push(text.length);
    if (visible(r)) text += r.text;
  });
  const at = text.indexOf(quote);
  if (at < 0 || quote.length === 0) return undefined;
  const end = at + quote.length;
  // The run holding a text offset (a visible one), split so that the offset is a run boundary.
  const boundary = (offset: number, isEnd: boolean): number => {
    for (let i = 0; i < runs.length; i++) {
      const r = runs[i]!;
      if (!visible(r)) continue;
      const s = starts[i]!;
      if (offset > s && offset < s + r.text.length) {
        const second = splitAt(runs, i, offset - s);
        starts.splice(i + 1, 0, offset);
        return isEnd ? second - 1 : second;
      }
      if (!isEnd && offset === s && r.text.length > 0) return i;
      if (isEnd && offset === s + r.text.length && r.text.length > 0) return i;
    }
    return -1;
  };
  const first = boundary(at, false);
  const lastIndex = boundary(end, true);
  // Splitting at the end may have shifted nothing before `first` (it is after it), so `first` holds.
  if (first < 0 || lastIndex < first) return undefined;
  return [runs[first]!, runs[lastIndex]!];
}

function wholeParagraph(runs: Run[]): [Run, Run] | undefined {
  const shown = runs.filter((r) => visible(r) && r.text.length > 0);
  return shown.length ? [shown[0]!, shown.at(-1)!] : undefined;
}

/** Word's initials from a name ("Ana Lopes" → "AL"). */
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((w) => Array.from(w)[0]!.toUpperCase())
    .join('');

export function placeComments(blocks: readonly LayoutBlock[], threads: readonly ReviewThread[]): PlacedComments {
  const markers = new Map<Run, RunMarkers>();
  const comments: ICommentOptions[] = [];
  const bySource = new Map<string | undefined, Run[][]>();
  for (const b of blocks) {
    const key = b.source;
    if (!bySource.has(key)) bySource.set(key, []);
    bySource.get(key)!.push(...paragraphs(b));
  }
  const firstParagraph = blocks.flatMap(paragraphs).find((rs) => wholeParagraph(rs));
  const mark = (run: Run, side: keyof RunMarkers, child: ParagraphChild) => {
    let m = markers.get(run);
    if (!m) markers.set(run, (m = { before: [], after: [] }));
    m[side].push(child);
  };

  let id = 0;
  for (const { thread, place, source } of threads) {
    const paras = (source !== undefined || place.state !== 'detached' ? bySource.get(source) : undefined) ?? [];
    let range: [Run, Run] | undefined;
    if (place.state === 'range') {
      const quote = thread.anchor.range!.quote;
      for (const rs of paras) if ((range = findRange(rs, quote))) break;
    }
    if (!range) for (const rs of paras) if ((range = wholeParagraph(rs))) break;
    let note = '';
    if (!range && firstParagraph) {
      range = wholeParagraph(firstParagraph);
      const quote = thread.anchor.range?.quote;
      note = `[Detached: the commented ${quote ? `text “${quote.slice(0, 200)}”` : 'block'} is no longer in the minutes] `;
    }
    if (!range) continue;
    const rootId = id;
    thread.comments.forEach((c, i) => {
      const cid = id++;
      mark(range[0], 'before', new CommentRangeStart(cid) as unknown as ParagraphChild);
      mark(range[1], 'after', new CommentRangeEnd(cid) as unknown as ParagraphChild);
      mark(range[1], 'after', new TextRun({ children: [new CommentReference(cid)] }));
      comments.push({
        id: cid,
        author: c.author,
        initials: initials(c.author),
        date: new Date(c.at),
        children: c.text.split('\n').map((line, k) => new Paragraph({ children: [new TextRun(`${i === 0 && k === 0 ? note : ''}${line}`)] })),
        ...(i > 0 ? { parentId: rootId } : {}),
        ...(thread.resolution?.resolved ? { resolved: true } : {}),
      });
    });
  }
  return { markers, comments };
}
