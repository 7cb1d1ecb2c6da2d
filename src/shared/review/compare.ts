import { diffArrays } from 'diff';
import type { Meeting, RichText } from '../minutes';
import { documentBlocks, richTextToString } from '../minutes';
import { type Segment, countWords, diffRichText } from './words';

/**
 * Compare: two versions of a meeting → one structured change list. The in-app redline, the PDF
 * redline, the DOCX with tracked changes and the text report all read this list (see redline.ts);
 * nothing else diffs documents.
 *
 * - Everything with an id (blocks, bullets, Q&A turns, statements, delegations, group parts,
 *   signatories, routing steps, people, organisations) is aligned by id. Within one list, the ids
 *   both versions keep in the same order (jsdiff over the id sequences) are "kept"; an id that is in
 *   both versions but left that sequence, or changed lists, has moved (from/to positions).
 * - Rich text and printed strings are compared word by word (words.ts), with bold/italic changes as
 *   formatting changes. Dates, numbers, kinds and references are values: before → after.
 * - Changes are grouped per body block (section, session or leaf block, the innermost that holds
 *   them) and, outside the body, in `head` (title block, dates, venue, language, register).
 */

export interface Attribution {
  author: string;
  /** ISO time of the change. */
  date?: string;
}

export interface CompareOptions {
  /**
   * Who changed what, per top-level block id (`headKey` for the head): from the store's revision
   * history (see `attributionFromRevisions`). A change inside a section is attributed to its
   * top-level block.
   */
  attribution?: ReadonlyMap<string, Attribution>;
  /** Used where `attribution` has no entry (e.g. the author of the newer revision). */
  defaultAttribution?: Attribution;
  /** The key of the head in `attribution` (the store's HEAD_BLOCK_ID). */
  headKey?: string;
  /** Word segmentation locale; the newer version's language by default. */
  locale?: string;
}

/** Where an item sits: the list that holds it (its owner's id, or "meeting", and the key) and its index. */
export interface Position {
  parent: string;
  list: string;
  index: number;
}

export type ItemChangeKind = 'added' | 'removed' | 'moved';

export interface FieldChange {
  /** Readable path from the block (or head) to the field: `items[b_12].text`, `venue.city`. */
  path: string;
  /** The id of the object holding the field ("meeting" for the head's own fields). */
  owner: string;
  /** The field within its owner: `text`, `paragraphs[2]`, `by.label`; "" for a whole item. */
  field: string;
  /**
   * `text`: compared word by word (`segments`); `value`: before → after;
   * `added`/`removed`/`moved`: a whole item with an id (a bullet, a turn, a signatory, a person…) or
   * a whole element of a list without ids (a paragraph, a title line).
   */
  kind: 'text' | 'value' | ItemChangeKind;
  segments?: Segment[];
  before?: string;
  after?: string;
  from?: Position;
  to?: Position;
  author?: string;
  date?: string;
}

export interface BlockChange {
  kind: 'added' | 'removed' | 'moved' | 'changed';
  id: string;
  type: string;
  /** Readable: `B. PROCEEDINGS › Session 2 › qa`. */
  path: string;
  from?: Position;
  to?: Position;
  /** What changed inside the block (for a moved block: besides the move; none for added/removed). */
  fields: FieldChange[];
  /** The printed words of an added or removed block. */
  text?: string;
  author?: string;
  date?: string;
}

export interface ComparisonCounts {
  added: number;
  removed: number;
  moved: number;
  changed: number;
  /** Changes outside the body. */
  head: number;
  insertedWords: number;
  deletedWords: number;
  formatChanges: number;
}

export interface Comparison {
  blocks: BlockChange[];
  head: FieldChange[];
  counts: ComparisonCounts;
  /** Every item (by id) that was added, removed or moved, blocks and sub-items alike. */
  items: ReadonlyMap<string, { kind: ItemChangeKind; from?: Position; to?: Position }>;
}

/** The store's per-revision record, as `store.revisions(id)` returns it. */
export interface RevisionRecord {
  id: number;
  author: string;
  savedAt: string;
  changed: readonly string[];
}

/**
 * Who last changed each top-level block between revision `from` (exclusive) and `to` (inclusive):
 * the attribution a comparison of those two revisions needs.
 */
export function attributionFromRevisions(revisions: readonly RevisionRecord[], from: number, to: number): Map<string, Attribution> {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  const out = new Map<string, Attribution>();
  for (const r of revisions) {
    if (r.id <= lo || r.id > hi) continue;
    for (const block of r.changed) out.set(block, { author: r.author, date: r.savedAt });
  }
  return out;
}

// ---------------------------------------------------------------- shapes

// How compare and the redline (redline.ts) tell the parts of a document apart: one definition for both.
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A run's keys: its text and marks, and what hangs on it (a footnote, a cross-reference). */
const RUN_KEYS = new Set(['text', 'bold', 'italic', 'footnote', 'xref']);
const isRun = (v: unknown) => isObj(v) && typeof v['text'] === 'string' && Object.keys(v).every((k) => RUN_KEYS.has(k));
export const isRichText = (v: unknown): v is RichText => Array.isArray(v) && v.length > 0 && v.every(isRun);
export const hasIds = (v: unknown): v is Obj[] => Array.isArray(v) && v.length > 0 && v.every((x) => isObj(x) && typeof x['id'] === 'string');
/** Lists whose items are blocks of the body (the rest of the id lists hold sub-items). */
const BLOCK_LISTS = new Set(['body', 'blocks', 'items']);
const isBlock = (v: unknown): v is Obj & { id: string; type: string } => isObj(v) && typeof v['id'] === 'string' && typeof v['type'] === 'string';

/**
 * Strings that are not printed words: kinds, roles of paragraphs and lists, dates, languages,
 * references. They are values (before → after), never diffed word by word.
 */
export function isValueKey(key: string, ownerType: string | undefined): boolean {
  if (key === 'id' || key === 'type' || key === 'kind' || key === 'numbering' || key === 'occasion' || key === 'language') return true;
  if (key === 'date' || key === 'start' || key === 'end') return true;
  if (key.endsWith('Id') || key.endsWith('Ids')) return true;
  return key === 'role' && (ownerType === 'paragraph' || ownerType === 'list');
}

export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (!isObj(a) || !isObj(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!same(a[k], b[k])) return false;
  return true;
}

/** The footnotes and cross-references of a rich text, as a line: "[1: Document E/3] [→ b_12]". */
const hanging = (rt: RichText): string =>
  rt
    .flatMap((r) => [...(r.footnote ? [`[note: ${r.footnote.map((x) => x.text).join('')}]`] : []), ...(r.xref !== undefined ? [`[→ ${r.xref}]`] : [])])
    .join(' ');

const show = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
const asRich = (v: unknown): RichText => (typeof v === 'string' ? (v === '' ? [] : [{ text: v }]) : isRichText(v) ? v : []);

// ---------------------------------------------------------------- the index of ids

interface Placed {
  value: Obj;
  at: Position;
}

/** Every item with an id, wherever it sits. */
export function indexIds(meeting: Meeting): Map<string, Placed> {
  const out = new Map<string, Placed>();
  const walk = (v: unknown, owner: string, key: string) => {
    if (Array.isArray(v)) {
      const ids = hasIds(v);
      v.forEach((x, i) => {
        if (ids) out.set((x as Obj)['id'] as string, { value: x as Obj, at: { parent: owner, list: key, index: i } });
        walk(x, ids ? ((x as Obj)['id'] as string) : owner, ids ? '' : key);
      });
    } else if (isObj(v)) {
      const self = typeof v['id'] === 'string' && key === '' ? (v['id'] as string) : owner;
      for (const [k, x] of Object.entries(v)) if (x !== null && typeof x === 'object') walk(x, self, key === '' ? k : `${key}.${k}`);
    }
  };
  const { id: _id, ...rest } = meeting;
  walk(rest, 'meeting', '');
  return out;
}

// ---------------------------------------------------------------- the walk

interface Context {
  /** The innermost body block (or undefined in the head). */
  block: (Obj & { id: string; type: string }) | undefined;
  /** The id of the object whose fields are being walked. */
  owner: string;
  ownerType: string | undefined;
  /** The field path within the owner. */
  field: string;
  /** The readable path from the block or head. */
  path: string;
  /** The top-level block (attribution key). */
  top: string;
}

class Comparer {
  readonly blocks = new Map<string, BlockChange>();
  readonly head: FieldChange[] = [];
  readonly items = new Map<string, { kind: ItemChangeKind; from?: Position; to?: Position }>();
  private readonly aIds: Map<string, Placed>;
  private readonly bIds: Map<string, Placed>;

  constructor(
    a: Meeting,
    b: Meeting,
    private readonly options: CompareOptions,
    private readonly locale: string,
  ) {
    this.aIds = indexIds(a);
    this.bIds = indexIds(b);
  }

  private attribution(top: string): Attribution | undefined {
    return this.options.attribution?.get(top) ?? this.options.defaultAttribution;
  }

  private stamp<T extends { author?: string; date?: string }>(x: T, top: string): T {
    const who = this.attribution(top);
    if (who) {
      x.author = who.author;
      if (who.date) x.date = who.date;
    }
    return x;
  }

  /** The BlockChange of a body block, created on first use. */
  private blockChange(block: Obj & { id: string; type: string }, kind: BlockChange['kind'], top: string): BlockChange {
    let c = this.blocks.get(block.id);
    if (!c) {
      c = this.stamp<BlockChange>({ kind, id: block.id, type: block.type, path: this.blockPath(block.id), fields: [] }, top);
      this.blocks.set(block.id, c);
    } else if (kind !== 'changed') c.kind = kind;
    return c;
  }

  private record(ctx: Context, change: Omit<FieldChange, 'owner' | 'field' | 'path'> & { path?: string; field?: string }): void {
    const full = this.stamp({ path: ctx.path, owner: ctx.owner, field: ctx.field, ...change } as FieldChange, ctx.top);
    if (ctx.block) this.blockChange(ctx.block, 'changed', ctx.top).fields.push(full);
    else this.head.push(full);
  }

  /** `B. PROCEEDINGS › Session 2 › qa`, from the newer version (or the older for removed blocks). */
  blockPath(id: string): string {
    const parts: string[] = [];
    let cur: string | undefined = id;
    while (cur && cur !== 'meeting') {
      const placed: Placed | undefined = this.bIds.get(cur) ?? this.aIds.get(cur);
      if (!placed) break;
      const v = placed.value;
      if (v['type'] === 'section') parts.unshift(richTextToString(v['heading'] as RichText).slice(0, 40));
      else if (v['type'] === 'session') parts.unshift(`Session ${String(v['number'])}`);
      else parts.unshift(String(v['type'] ?? cur));
      cur = placed.at.parent;
    }
    return parts.join(' › ');
  }

  compare(a: unknown, b: unknown, ctx: Context): void {
    if (same(a, b)) return;
    const key = ctx.field.split(/[.[]/).pop() ?? '';
    // The meeting's format choice is not words of the minutes: one value, the choice as it is stored.
    if (ctx.block === undefined && ctx.path === 'format') {
      this.record(ctx, { kind: 'value', before: a === undefined ? '' : JSON.stringify(a), after: b === undefined ? '' : JSON.stringify(b) });
      return;
    }
    if (typeof a === 'string' || typeof b === 'string' || isRichText(a) || isRichText(b)) {
      if ((typeof a === 'string' || typeof b === 'string') && isValueKey(key, ctx.ownerType)) {
        this.record(ctx, { kind: 'value', before: show(a), after: show(b) });
        return;
      }
      const segments = diffRichText(asRich(a), asRich(b), this.locale);
      // Same words and marks: what changed hangs on the runs (a footnote's text, a cross-reference's
      // target), which the word diff does not see; it is listed as a value, footnotes in their words.
      if (segments.every((x) => x.kind === 'equal')) this.record(ctx, { kind: 'value', before: hanging(asRich(a)), after: hanging(asRich(b)) });
      else this.record(ctx, { kind: 'text', segments });
      return;
    }
    if (hasIds(a) || hasIds(b)) {
      this.list((a as Obj[] | undefined) ?? [], (b as Obj[] | undefined) ?? [], ctx);
      return;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      const aa = (a as unknown[] | undefined) ?? [];
      const bb = (b as unknown[] | undefined) ?? [];
      if (key.endsWith('Ids')) {
        this.record(ctx, { kind: 'value', before: show(a), after: show(b) });
        return;
      }
      for (let i = 0; i < Math.max(aa.length, bb.length); i++) {
        const sub = { ...ctx, field: `${ctx.field}[${i}]`, path: `${ctx.path}[${i}]` };
        if (i >= aa.length || i >= bb.length) {
          const whole = i >= aa.length ? bb[i] : aa[i];
          const text = typeof whole === 'string' || isRichText(whole);
          const segments = text ? diffRichText(i >= aa.length ? [] : asRich(whole), i >= aa.length ? asRich(whole) : [], this.locale) : undefined;
          this.record(sub, {
            kind: i >= aa.length ? 'added' : 'removed',
            ...(segments ? { segments } : { before: show(aa[i]), after: show(bb[i]) }),
          });
        } else this.compare(aa[i], bb[i], sub);
      }
      return;
    }
    // An object on one side only (recommendations added to a presentation): its fields one by one.
    if ((isObj(a) || a === undefined) && (isObj(b) || b === undefined)) {
      const ao = a ?? {};
      const bo = b ?? {};
      for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
        if (k === 'id') continue;
        this.compare(ao[k], bo[k], { ...ctx, field: ctx.field ? `${ctx.field}.${k}` : k, path: ctx.path ? `${ctx.path}.${k}` : k });
      }
      return;
    }
    this.record(ctx, { kind: 'value', before: show(a), after: show(b) });
  }

  /** Compares the fields of one item (kept or moved), as its own owner. */
  item(a: Obj, b: Obj, ctx: Context, listKey: string): void {
    const id = b['id'] as string;
    const block = BLOCK_LISTS.has(listKey) && isBlock(b) ? b : ctx.block;
    const top = ctx.block === undefined && BLOCK_LISTS.has(listKey) ? id : ctx.top;
    const path = block === b ? '' : `${ctx.path}[${id}]`;
    const inner: Context = { block, owner: id, ownerType: typeof b['type'] === 'string' ? (b['type'] as string) : undefined, field: '', path, top };
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (k === 'id') continue;
      this.compare(a[k], b[k], { ...inner, field: k, path: path ? `${path}.${k}` : k });
    }
  }

  private list(a: Obj[], b: Obj[], ctx: Context): void {
    const listKey = ctx.field.split('.').pop() ?? '';
    const changes = diffArrays(
      a.map((x) => x['id'] as string),
      b.map((x) => x['id'] as string),
    );
    let ia = 0;
    let ib = 0;
    for (const c of changes) {
      for (let k = 0; k < c.count; k++) {
        if (c.removed) {
          const x = a[ia++]!;
          const id = x['id'] as string;
          if (this.bIds.has(id)) continue; // moved: recorded where it arrives
          this.whole('removed', x, ctx, listKey, { from: this.aIds.get(id)!.at });
        } else if (c.added) {
          const x = b[ib++]!;
          const id = x['id'] as string;
          const before = this.aIds.get(id);
          if (before) {
            this.whole('moved', x, ctx, listKey, { from: before.at, to: this.bIds.get(id)!.at });
            this.item(before.value, x, ctx, listKey);
          } else this.whole('added', x, ctx, listKey, { to: this.bIds.get(id)!.at });
        } else {
          this.item(a[ia++]!, b[ib++]!, ctx, listKey);
        }
      }
    }
  }

  /**
   * Inside an added item, anything that already existed elsewhere has moved in (a block moved into a
   * new session); the rest is added with its parent and needs no entry of its own.
   */
  private descend(x: Obj, ctx: Context, top: string): void {
    for (const [k, v] of Object.entries(x)) {
      if (!hasIds(v)) {
        if (isObj(v)) this.descend(v, ctx, top);
        continue;
      }
      for (const child of v) {
        const id = child['id'] as string;
        const before = this.aIds.get(id);
        const block = BLOCK_LISTS.has(k) && isBlock(child) ? child : ctx.block;
        const inner: Context = { ...ctx, block, top, path: block === child ? '' : ctx.path };
        if (before) {
          this.whole('moved', child, inner, k, { from: before.at, to: this.bIds.get(id)!.at });
          this.item(before.value, child, inner, k);
        } else this.descend(child, inner, top);
      }
    }
  }

  private whole(kind: ItemChangeKind, x: Obj, ctx: Context, listKey: string, where: { from?: Position; to?: Position }): void {
    const id = x['id'] as string;
    this.items.set(id, { kind, ...where });
    if (BLOCK_LISTS.has(listKey) && isBlock(x)) {
      const top = ctx.block === undefined ? id : ctx.top;
      Object.assign(this.blockChange(x, kind, top), where, kind === 'moved' ? {} : { text: itemText(x) });
      if (kind === 'added') this.descend(x, { ...ctx, block: x, path: '' }, top);
      return;
    }
    if (kind === 'added') this.descend(x, ctx, ctx.top);
    const text = kind === 'moved' ? undefined : itemText(x);
    this.record(
      { ...ctx, owner: id, field: '', path: `${ctx.path}[${id}]` },
      { kind, ...where, ...(text !== undefined ? { segments: [{ kind: kind === 'added' ? 'inserted' : 'deleted', text, marks: { bold: false, italic: false } }] } : {}) },
    );
  }
}

/** The printed words of a whole item, for the change list of an added or removed sub-item. */
function itemText(x: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (!isValueKey(key, undefined) && key !== 'id') out.push(v);
    } else if (isRichText(v)) out.push(richTextToString(v));
    else if (Array.isArray(v)) v.forEach((y) => walk(y, key));
    else if (isObj(v)) for (const [k, y] of Object.entries(v)) walk(y, k);
  };
  walk(x, '');
  return out.join(' ');
}

/** Compares two versions of a meeting: `a` the older, `b` the newer. Pure; neither is modified. */
export function compareMeetings(a: Meeting, b: Meeting, options: CompareOptions = {}): Comparison {
  const locale = options.locale ?? b.language;
  const c = new Comparer(a, b, options, locale);
  const headKey = options.headKey ?? '~head';
  const root: Context = { block: undefined, owner: 'meeting', ownerType: undefined, field: '', path: '', top: headKey };
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k === 'id') continue;
    c.compare((a as Obj)[k], (b as Obj)[k], { ...root, field: k, path: k });
  }
  // Body blocks in the newer version's order, then removed ones in the older version's.
  const order = new Map<string, number>();
  let n = 0;
  const walkOrder = (blocks: readonly unknown[]) => {
    for (const x of blocks) {
      if (!isBlock(x)) continue;
      if (!order.has(x.id)) order.set(x.id, n++);
      for (const k of ['blocks', 'items']) if (Array.isArray(x[k]) && hasIds(x[k])) walkOrder(x[k] as unknown[]);
    }
  };
  walkOrder(documentBlocks(b));
  walkOrder(documentBlocks(a));
  const blocks = [...c.blocks.values()].sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
  return { blocks, head: c.head, counts: countChanges(blocks, c.head, locale), items: c.items };
}

function countChanges(blocks: readonly BlockChange[], head: readonly FieldChange[], locale: string): ComparisonCounts {
  const counts: ComparisonCounts = { added: 0, removed: 0, moved: 0, changed: 0, head: head.length, insertedWords: 0, deletedWords: 0, formatChanges: 0 };
  const fields = (fs: readonly FieldChange[]) => {
    for (const f of fs) {
      for (const s of f.segments ?? []) {
        if (s.kind === 'inserted') counts.insertedWords += countWords(s.text, locale);
        else if (s.kind === 'deleted') counts.deletedWords += countWords(s.text, locale);
        else if (s.kind === 'formatChanged') counts.formatChanges++;
      }
    }
  };
  for (const b of blocks) {
    counts[b.kind]++;
    if (b.kind === 'added') counts.insertedWords += countWords(b.text ?? '', locale);
    if (b.kind === 'removed') counts.deletedWords += countWords(b.text ?? '', locale);
    fields(b.fields);
  }
  fields(head);
  return counts;
}
