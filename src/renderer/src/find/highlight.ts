import { matchesInText, type FindOptions } from '../../../shared/find/find';

/**
 * Find's highlights, drawn with the CSS Custom Highlight API: ranges over the text nodes as they are,
 * so neither ProseMirror's DOM (which it owns: a decoration would re-render the field) nor the
 * preview's layout is touched, and a keystroke costs the highlights nothing until the query changes.
 * Plain inputs cannot hold a Range: a matching input is marked with `data-find-hit` instead.
 *
 * The text is matched by the same function as the model (matchesInText), per field in the editor and
 * per block element in the preview, so what is highlighted is what "Replace all" replaces.
 */
export const HIT = 'minuta-find';
export const CURRENT = 'minuta-find-current';

/**
 * Walking a 200-page meeting's fields and its preview takes a few hundred milliseconds: the walk is cut
 * into slices of about 8 ms with a yield to the page between them, so that a keystroke never waits for
 * it. `live()` false stops the walk (a newer query or document replaced it).
 */
export class Slices {
  private last = performance.now();
  constructor(private readonly live: () => boolean) {}
  /** Yields to the page when this slice has run long enough; false when the walk should stop. */
  async next(): Promise<boolean> {
    if (performance.now() - this.last >= 8) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.last = performance.now();
    }
    return this.live();
  }
}

export interface Hit {
  range?: Range;
  input?: HTMLInputElement | HTMLTextAreaElement;
  start: number;
  end: number;
}

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * The hits last found in each element, with the query and the text they were found in: an element
 * whose text did not change since (all but the edited ones, after an edit) keeps its Range objects,
 * so that `paint` can tell that nothing changed and leave the highlights alone.
 */
const found = new WeakMap<Element, { key: string; nodes: Text[]; text: string; hits: Hit[] }>();

/** Ranges of the matches in one element's text (its text nodes joined), mapped back to the nodes. */
function rangesIn(element: Element, query: string, options: FindOptions): Hit[] {
  const nodes = textNodes(element);
  const text = nodes.map((n) => n.data).join('');
  const key = `${options.matchCase}${options.wholeWord}\u0000${query}`;
  const before = found.get(element);
  // The same text nodes holding the same text: the same matches, as the same ranges.
  if (before && before.key === key && before.text === text && before.nodes.length === nodes.length && before.nodes.every((n, i) => n === nodes[i])) return before.hits;
  const hits = matchRanges(element, nodes, text, query, options);
  found.set(element, { key, nodes, text, hits });
  return hits;
}

function matchRanges(element: Element, nodes: Text[], text: string, query: string, options: FindOptions): Hit[] {
  const matches = matchesInText(text, query, options, element.closest('[lang]')?.getAttribute('lang') ?? undefined);
  if (matches.length === 0) return [];
  const starts: number[] = [];
  let offset = 0;
  for (const n of nodes) {
    starts.push(offset);
    offset += n.data.length;
  }
  const at = (pos: number, end: boolean): [Text, number] => {
    // The node holding `pos` (an end position belongs to the node it ends in).
    let i = nodes.length - 1;
    while (i > 0 && (end ? starts[i]! >= pos : starts[i]! > pos)) i--;
    return [nodes[i]!, pos - starts[i]!];
  };
  return matches.map(({ start, end }) => {
    const range = element.ownerDocument.createRange();
    range.setStart(...at(start, false));
    range.setEnd(...at(end, true));
    return { range, start, end };
  });
}

/** Every hit in the editor, in document order: rich fields (static or ProseMirror) and plain inputs. Undefined when stopped. */
export async function editorHits(root: HTMLElement, query: string, options: FindOptions, slices: Slices): Promise<Hit[] | undefined> {
  const hits: Hit[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-field]')) {
    if (!(await slices.next())) return undefined;
    el.removeAttribute('data-find-hit');
    if (!query) continue;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      const found = matchesInText(el.value, query, options);
      if (found.length > 0) el.setAttribute('data-find-hit', '');
      for (const r of found) hits.push({ input: el, ...r });
    } else if (!(el instanceof HTMLSelectElement) && !el.parentElement?.closest('[data-field]')) {
      hits.push(...rangesIn(el, query, options));
    }
  }
  return hits;
}

/** Every hit in the preview's document, per block-level element (a paragraph, a list item, a cell). Undefined when stopped. */
export async function previewHits(doc: Document, query: string, options: FindOptions, slices: Slices): Promise<Hit[] | undefined> {
  if (!query || !doc.body) return [];
  const blocks = new Set<Element>();
  // The walk over a 200-page preview's text nodes is itself longer than a slice: checked every 256 nodes.
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((++seen & 255) === 0 && !(await slices.next())) return undefined;
    const block = node.parentElement?.closest('p, li, h1, h2, h3, h4, h5, h6, td, th, div');
    if (block) blocks.add(block);
  }
  const hits: Hit[] = [];
  for (const b of blocks) {
    if (!(await slices.next())) return undefined;
    hits.push(...rangesIn(b, query, options));
  }
  return hits;
}

/** The ranges each document's highlights were last set to. */
const painted = new WeakMap<Window, { ranges: (Range | undefined)[]; current: Range | undefined }>();

/**
 * Paints the hits of one document (the page's or the preview frame's); `current` gets its own colour.
 * The same ranges as last time are left alone: Chromium rebuilds every highlight marker of the
 * document, and repaints them, whenever a highlight is set, which on 200 pages costs a frame of
 * 50–250 ms after every pause in the typing.
 */
export function paint(win: Window, hits: readonly Hit[], current: Hit | undefined): void {
  const registry = (win as Window & { CSS: typeof CSS }).CSS?.highlights;
  if (!registry) return;
  const ranges = hits.map((h) => h.range);
  const last = painted.get(win);
  if (last && last.current === current?.range && last.ranges.length === ranges.length && last.ranges.every((r, i) => r === ranges[i]) && registry.has(HIT)) return;
  painted.set(win, { ranges, current: current?.range });
  // The page's own constructor, also for the preview frame's registry: the frame runs no script.
  registry.set(HIT, new Highlight(...hits.flatMap((h) => (h.range && h !== current ? [h.range] : []))));
  registry.set(CURRENT, new Highlight(...(current?.range ? [current.range] : [])));
}

export function clear(win: Window): void {
  painted.delete(win);
  const registry = (win as Window & { CSS: typeof CSS }).CSS?.highlights;
  registry?.delete(HIT);
  registry?.delete(CURRENT);
}

/** The CSS the preview frame needs for the highlights (the page's own stylesheet does not reach it). */
export const HIGHLIGHT_CSS = `::highlight(${HIT}) { background: #ffe066; color: inherit; } ::highlight(${CURRENT}) { background: #ff9632; color: inherit; }`;
