import { MinutaError, excerpt } from '../errors';
import { blockListOf, type Meeting, type RichText, type TextRun } from '../minutes';
import { BODY_CONTAINER, type ReviewChange } from '../minutes/reviewSuggestions';
import { type Obj, indexIds, isObj } from './compare';

/**
 * Applies review changes to the version they were made on: every offset, index and `afterId` is read
 * on `base`, so the changes must not overlap (one reviewed file's changes never do). The result is a
 * new meeting; `base` is left as it was. Unplaced changes are never applied.
 *
 * Order, so that base positions stay valid throughout: text and format changes (per field, from the
 * end backwards), then elements inserted and removed (each array rebuilt from its base indexes), then
 * blocks inserted (after their base neighbour) and removed. Accepting one suggestion on a *later*
 * version (quotes found again, conflicts) is built on this by the suggestion store, not here.
 *
 * A change whose target, path or quote does not hold on `base` is refused with `conflict`; changes
 * that overlap with `invalid`. The caller validates the result against the schema (an inserted
 * element or block is checked there).
 */
export function applyChanges(base: Meeting, changes: readonly ReviewChange[]): Meeting {
  const m = structuredClone(base) as Meeting;
  const index = indexIds(m);
  // The meeting's own fields (its title) are named by the meeting's id.
  const owner = (id: string): Obj => {
    const o = id === m.id ? (m as unknown as Obj) : index.get(id)?.value;
    if (!o) throw new MinutaError('conflict', `No object ${excerpt(id)} in this version`, 'target');
    return o;
  };

  // 1. Text and format, per field, from the end backwards.
  const spans = new Map<string, Extract<ReviewChange, { kind: 'text' | 'format' }>[]>();
  for (const c of changes) {
    if (c.kind !== 'text' && c.kind !== 'format') continue;
    const key = `${c.target}\u0000${c.path}`;
    spans.set(key, [...(spans.get(key) ?? []), c]);
  }
  for (const list of spans.values()) {
    list.sort((a, b) => b.start - a.start || b.end - a.end);
    list.reduce((limit, c) => {
      if (c.end > limit) throw new MinutaError('invalid', `Changes overlap in ${excerpt(c.path)} of ${excerpt(c.target)}`, 'changes');
      return c.start;
    }, Infinity);
  }
  for (const list of spans.values()) {
    for (const c of list) {
      const { holder, key } = field(owner(c.target), c.path);
      const value = holder[key];
      const text = plainText(value);
      if (text === undefined) throw new MinutaError('conflict', `${excerpt(c.path)} of ${excerpt(c.target)} is not a text field`, 'path');
      if (text.slice(c.start, c.end) !== c.quote) throw new MinutaError('conflict', `The text of ${excerpt(c.path)} is no longer “${excerpt(c.quote)}”`, 'quote');
      if (c.kind === 'text') holder[key] = typeof value === 'string' ? text.slice(0, c.start) + plainText(c.insert)! + text.slice(c.end) : spliceRichText(value as RichText, c.start, c.end, c.insert);
      else if (typeof value !== 'string') holder[key] = formatRichText(value as RichText, c.start, c.end, c);
    }
  }

  // 2. Elements of arrays, rebuilt from their base indexes.
  const arrays = new Map<string, Extract<ReviewChange, { kind: 'insert-item' | 'remove-item' }>[]>();
  for (const c of changes) {
    if (c.kind !== 'insert-item' && c.kind !== 'remove-item') continue;
    const key = `${c.target}\u0000${c.path}`;
    arrays.set(key, [...(arrays.get(key) ?? []), c]);
  }
  for (const list of arrays.values()) {
    const { holder, key } = field(owner(list[0]!.target), list[0]!.path);
    const before = holder[key] ?? [];
    if (!Array.isArray(before)) throw new MinutaError('conflict', `${excerpt(list[0]!.path)} is not a list`, 'path');
    const removed = new Set<number>();
    const inserted = new Map<number, unknown[]>();
    for (const c of list) {
      if (c.kind === 'remove-item') {
        const el: unknown = before[c.index];
        if (el === undefined || itemQuote(el) !== c.quote || (c.id !== undefined && (!isObj(el) || el['id'] !== c.id))) {
          throw new MinutaError('conflict', `Element ${c.index} of ${excerpt(c.path)} is no longer “${excerpt(c.quote)}”`, 'quote');
        }
        removed.add(c.index);
      } else {
        // An id names the element it follows more surely than an index does.
        const at = c.afterId !== undefined ? before.findIndex((x) => isObj(x) && x['id'] === c.afterId) + 1 : c.index;
        if (at < 0 || at > before.length || (c.afterId !== undefined && at === 0)) throw new MinutaError('conflict', `No place ${c.index} in ${excerpt(c.path)}`, 'index');
        inserted.set(at, [...(inserted.get(at) ?? []), structuredClone(c.value)]);
      }
    }
    const after: unknown[] = [];
    for (let i = 0; i <= before.length; i++) {
      after.push(...(inserted.get(i) ?? []));
      if (i < before.length && !removed.has(i)) after.push(before[i]);
    }
    holder[key] = after;
  }

  // 3. Blocks: inserted after their base neighbour first (it may be removed next), then removed.
  const containerOf = (id: string): unknown[] => {
    if (id === BODY_CONTAINER) return m.body;
    const c = owner(id);
    const list = blockListOf(c);
    if (!list) throw new MinutaError('conflict', `${excerpt(id)} holds no blocks`, 'container');
    return list;
  };
  const lastInserted = new Map<string, unknown>();
  for (const c of changes) {
    if (c.kind !== 'insert-block') continue;
    const list = containerOf(c.container);
    const key = `${c.container}\u0000${c.afterId ?? ''}`;
    const prev = lastInserted.get(key) ?? (c.afterId !== undefined ? list.find((x) => isObj(x) && x['id'] === c.afterId) : undefined);
    if (c.afterId !== undefined && prev === undefined) throw new MinutaError('conflict', `No block ${excerpt(c.afterId)} in ${excerpt(c.container)}`, 'afterId');
    const block = structuredClone(c.block);
    list.splice(prev === undefined ? 0 : list.indexOf(prev) + 1, 0, block);
    lastInserted.set(key, block);
  }
  for (const c of changes) {
    if (c.kind !== 'remove-block') continue;
    const at = index.get(c.target)?.at;
    const list = at ? (at.parent === 'meeting' ? m.body : containerOf(at.parent)) : undefined;
    const i = list ? list.findIndex((x) => isObj(x) && x['id'] === c.target) : -1;
    if (!list || i < 0) throw new MinutaError('conflict', `No block ${excerpt(c.target)} in this version`, 'target');
    list.splice(i, 1);
  }
  return m;
}

/** The object holding the last key of `path` inside `owner`, and that key. */
function field(owner: Obj, path: string): { holder: Record<string, unknown>; key: string } {
  const keys = path.split('.');
  let v: unknown = owner;
  for (const k of keys.slice(0, -1)) {
    v = Array.isArray(v) && /^\d+$/.test(k) ? v[Number(k)] : isObj(v) && Object.hasOwn(v, k) ? v[k] : undefined;
    if (v === undefined) throw new MinutaError('conflict', `No field ${excerpt(path)} in this version`, 'path');
  }
  if (v === null || typeof v !== 'object') throw new MinutaError('conflict', `No field ${excerpt(path)} in this version`, 'path');
  return { holder: v as Record<string, unknown>, key: keys.at(-1)! };
}

const isRunList = (v: unknown): v is RichText => Array.isArray(v) && v.every((r) => isObj(r) && typeof r['text'] === 'string');

function plainText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return isRunList(v) ? v.map((r) => r.text).join('') : undefined;
}

/**
 * An element's plain text as a remove-item change quotes it: a rich text's or a string's text; for an
 * object (a bullet, a statement), its own text fields in order, one per line.
 */
export function itemQuote(el: unknown): string {
  const own = plainText(el);
  if (own !== undefined) return own;
  const out: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 12) return;
    const t = isRunList(v) ? plainText(v) : undefined;
    if (t !== undefined) out.push(t);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) if (k !== 'id' && typeof x === 'object') walk(x, depth + 1);
  };
  walk(el, 0);
  return out.join('\n');
}

/** Runs cut at a text offset (the runs before it, the runs from it on). */
function cut(rt: RichText, at: number): [TextRun[], TextRun[]] {
  const left: TextRun[] = [];
  const right: TextRun[] = [];
  let pos = 0;
  for (const r of rt) {
    const end = pos + r.text.length;
    if (end <= at) left.push(r);
    else if (pos >= at) right.push(r);
    else {
      // A footnote hangs on the run's end, a cross-reference is its start: each stays on its side.
      const { footnote, xref, ...plain } = r;
      left.push({ ...plain, text: r.text.slice(0, at - pos), ...(xref !== undefined ? { xref } : {}) });
      right.push({ ...plain, text: r.text.slice(at - pos), ...(footnote ? { footnote } : {}) });
    }
    pos = end;
  }
  return [left, right];
}

/** Runs with text, and runs that carry a footnote or a cross-reference without text (a note's place). */
const nonEmpty = (rs: TextRun[]) => rs.filter((r) => r.text !== '' || r.footnote !== undefined || r.xref !== undefined);

/** `rt` with [start, end) replaced by `insert`. */
export function spliceRichText(rt: RichText, start: number, end: number, insert: RichText): RichText {
  const [before] = cut(rt, start);
  const [, after] = cut(rt, end);
  return nonEmpty([...before, ...insert.map((r) => ({ ...r })), ...after]);
}

/** `rt` with bold or italic set or cleared on [start, end). */
export function formatRichText(rt: RichText, start: number, end: number, marks: { bold?: boolean | undefined; italic?: boolean | undefined }): RichText {
  const [before, rest] = cut(rt, start);
  const [middle, after] = cut(rest, end - start);
  const set = (r: TextRun): TextRun => {
    const { bold: _b, italic: _i, ...rest } = r;
    const out: TextRun = rest;
    const bold = marks.bold ?? r.bold === true;
    const italic = marks.italic ?? r.italic === true;
    if (bold) out.bold = true;
    if (italic) out.italic = true;
    return out;
  };
  return nonEmpty([...before, ...middle.map(set), ...after]);
}
