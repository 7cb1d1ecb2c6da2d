import type { Meeting } from '../minutes';
import { type CommentAnchor, type CommentThread, isResolved } from '../minutes/comments';
import { indexIds } from './compare';

export * from '../minutes/comments';

/**
 * Comment threads: what a thread looks like everywhere (store, IPC, the `.minuta.json` file, the review
 * copy) and where its anchor lies in a given version of the minutes. One source for both, so that the
 * app, the CLI and the DOCX agree on which threads are detached.
 *
 * An anchor is a block (any id of the document: a block, a bullet, a turn) or a range of text inside
 * one of its fields: the field's path inside that object ("text", "items.2.text", "question"), UTF-16
 * offsets into the field's plain text (ProseMirror's and JavaScript's unit), and the text quoted when
 * the comment was made. A range whose text has changed is found again by its quote in the same block;
 * when it cannot be, the thread is *detached*: kept and shown, never dropped.
 */

// ---------------------------------------------------------------- where an anchor lies

/** Where a thread's anchor is in one version: on its block, on a range (maybe found again), or detached. */
export type AnchorPlace =
  | { state: 'block'; blockId: string }
  | { state: 'range'; blockId: string; path: string; start: number; end: number; moved: boolean }
  | { state: 'detached'; blockId: string; reason: 'block-removed' | 'text-changed' };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A run's keys: text, marks, and what hangs on it (a footnote, a cross-reference). */
const RUN_KEYS = new Set(['text', 'bold', 'italic', 'footnote', 'xref']);
const isRuns = (v: unknown): v is { text: string }[] => Array.isArray(v) && v.every((r) => isObj(r) && typeof r['text'] === 'string' && Object.keys(r).every((k) => RUN_KEYS.has(k)));

/** The plain text of a field (rich text or a string), or undefined when the path leads to neither. */
export function fieldText(owner: unknown, path: string): string | undefined {
  let v: unknown = owner;
  for (const key of path.split('.')) {
    if (Array.isArray(v) && /^\d+$/.test(key)) v = v[Number(key)];
    else if (isObj(v) && Object.hasOwn(v, key)) v = v[key];
    else return undefined;
  }
  if (typeof v === 'string') return v;
  return isRuns(v) ? v.map((r) => r.text).join('') : undefined;
}

/** Every text field of an object and its nested lists (not into other ids' objects), as path → text. */
export function textFields(owner: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, path: string, depth: number) => {
    if (depth > 12) return;
    if (isRuns(v)) out.set(path, v.map((r) => r.text).join(''));
    else if (typeof v === 'string' && path !== '' && !/(^|\.)(id|type|[a-z]+Id|[a-z]+Ids)$/.test(path)) out.set(path, v);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, path ? `${path}.${i}` : String(i), depth + 1));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) if (k !== 'id') walk(x, path ? `${path}.${k}` : k, depth + 1);
  };
  walk(owner, '', 0);
  return out;
}

/** The object with this id in the meeting (a block, a bullet, a turn…), or undefined. */
export function findAnchorOwner(meeting: Meeting, blockId: string): Obj | undefined {
  return indexIds(meeting).get(blockId)?.value;
}

/**
 * Where `anchor` lies in `meeting`. A range whose offsets no longer hold its quote is looked for by
 * the quote: first in its own field (nearest the old offset), then in the block's other text fields.
 */
export function placeAnchor(anchor: CommentAnchor, owner: Obj | undefined): AnchorPlace {
  const { blockId, range } = anchor;
  if (!owner) return { state: 'detached', blockId, reason: 'block-removed' };
  if (!range) return { state: 'block', blockId };
  const same = fieldText(owner, range.path);
  if (same !== undefined && same.slice(range.start, range.end) === range.quote) {
    return { state: 'range', blockId, path: range.path, start: range.start, end: range.end, moved: false };
  }
  const candidates = [...(same !== undefined ? [[range.path, same] as const] : []), ...[...textFields(owner)].filter(([p]) => p !== range.path)];
  for (const [path, text] of candidates) {
    const at = nearest(text, range.quote, path === range.path ? range.start : 0);
    if (at >= 0) return { state: 'range', blockId, path, start: at, end: at + range.quote.length, moved: true };
  }
  return { state: 'detached', blockId, reason: 'text-changed' };
}

function nearest(text: string, quote: string, around: number): number {
  let best = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - around) < Math.abs(best - around)) best = at;
  }
  return best;
}

/** Places every thread's anchor in one version (indexing the document once). */
export function placeThreads(meeting: Meeting, threads: readonly CommentThread[]): Map<string, AnchorPlace> {
  const index = indexIds(meeting);
  return new Map(threads.map((t) => [t.id, placeAnchor(t.anchor, index.get(t.anchor.blockId)?.value)]));
}

/**
 * Threads in the order of the document (by the position of their block, then their offset), open
 * threads first, detached ones after the anchored ones of their kind.
 */
export function documentOrder(meeting: Meeting, threads: readonly CommentThread[]): CommentThread[] {
  const order = new Map<string, number>();
  let n = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (isObj(v)) {
      if (typeof v['id'] === 'string' && !order.has(v['id'])) order.set(v['id'], n++);
      for (const x of Object.values(v)) if (x !== null && typeof x === 'object') walk(x);
    }
  };
  walk(meeting.body);
  const places = placeThreads(meeting, threads);
  const key = (t: CommentThread) => {
    const p = places.get(t.id)!;
    return [isResolved(t) ? 1 : 0, p.state === 'detached' ? 1 : 0, order.get(t.anchor.blockId) ?? -1, p.state === 'range' ? p.start : -1];
  };
  return [...threads].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return a.comments[0]!.at.localeCompare(b.comments[0]!.at);
  });
}
