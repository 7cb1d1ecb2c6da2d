import { Meeting, blockListOf, richTextToString, type RichText, type TextRun } from '../minutes';
import { BODY_CONTAINER, type ReviewChange, type Suggestion } from '../minutes/reviewSuggestions';
import { indexIds, isObj, same, type Obj } from './compare';
import { textFields } from './comments';
import { excerpt, listProblems } from '../errors';
import { formatIssues } from '../minutes';

/**
 * Accepting review suggestions on the CURRENT minutes, which may have moved on since the version the
 * reviewer saw (`base`). A change is placed like a comment's anchor (placeAnchor in ./comments.ts): the
 * object by id, the field by path, the quote at its offset or, when the text around it moved, found
 * again in the same field (the occurrence nearest the old offset). When it cannot be placed (someone
 * accepted an overlapping suggestion, the words were edited, the block is gone) the answer is a
 * conflict with a reason: a suggestion is never applied blindly.
 *
 * `applyChanges` (./fromDocx.ts) applies non-overlapping changes to the very version they were made on;
 * this module is the one for later versions, one suggestion (or a selection) at a time.
 */

/** Placed (`at`: where a text or format change's words start in the field now) or not, and why. */
export type Placement = { ok: true; moved: boolean; at?: number } | { ok: false; reason: string };
export type Applied = { ok: true; meeting: Meeting; moved: boolean } | { ok: false; reason: string };

export interface AcceptOutcome {
  /** The minutes with every suggestion that could be placed applied (the input when none could). */
  meeting: Meeting;
  applied: string[];
  /** Suggestion id → why it could not be applied. */
  conflicts: Map<string, string>;
}

/** How much of the base text on each side of an insertion is used to find its place again. */
const CONTEXT = 24;

// ---------------------------------------------------------------- rich text surgery

const marksOf = (r: TextRun) => ({ ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) });

/** What hangs on a run: a footnote (on its end) and a cross-reference (its start). */
const hangs = (r: TextRun) => r.footnote !== undefined || r.xref !== undefined;

/**
 * Runs clipped to [from, to) of the plain text, marks kept. A footnote stays with the piece that holds
 * its run's end, a cross-reference with the piece that holds its start; a run without text (a note's
 * place) goes with the piece before it (a note hangs on the text before it), or the first piece.
 */
function sliceRuns(runs: readonly TextRun[], from: number, to: number): TextRun[] {
  const out: TextRun[] = [];
  let pos = 0;
  for (const r of runs) {
    const end = pos + r.text.length;
    const s = Math.max(from, pos);
    const e = Math.min(to, end);
    if (e > s) {
      out.push({ text: r.text.slice(s - pos, e - pos), ...marksOf(r), ...(r.footnote && e === end ? { footnote: r.footnote } : {}), ...(r.xref !== undefined && s === pos ? { xref: r.xref } : {}) });
    } else if (r.text === '' && hangs(r) && ((from < pos && pos <= to) || (pos === 0 && from === 0))) {
      out.push({ text: '', ...marksOf(r), ...(r.footnote ? { footnote: r.footnote } : {}), ...(r.xref !== undefined ? { xref: r.xref } : {}) });
    }
    pos = end;
  }
  return out;
}

/** No empty runs (but a note's place), neighbours with the same marks merged unless something hangs between them, marks written only when set. */
function normalize(runs: readonly TextRun[]): RichText {
  const out: TextRun[] = [];
  for (const r of runs) {
    if (r.text === '' && !hangs(r)) continue;
    const last = out.at(-1);
    if (last && !hangs(last) && r.xref === undefined && (last.bold === true) === (r.bold === true) && (last.italic === true) === (r.italic === true)) {
      last.text += r.text;
      if (r.footnote) last.footnote = r.footnote;
    } else out.push({ text: r.text, ...marksOf(r), ...(r.footnote ? { footnote: r.footnote } : {}), ...(r.xref !== undefined ? { xref: r.xref } : {}) });
  }
  return out;
}

const isRuns = (v: unknown): v is TextRun[] => Array.isArray(v) && v.every((r) => isObj(r) && typeof r['text'] === 'string');

// ---------------------------------------------------------------- where a change lies

interface Slot {
  parent: Obj | unknown[];
  key: string | number;
  value: unknown;
}

/** The value at `path` inside `owner`, with its parent so it can be replaced. */
function locate(owner: Obj, path: string): Slot | undefined {
  let parent: Obj | unknown[] = owner;
  const keys = path.split('.');
  for (let i = 0; i < keys.length; i++) {
    const raw = keys[i]!;
    const key: string | number = Array.isArray(parent) && /^\d+$/.test(raw) ? Number(raw) : raw;
    const value: unknown = Array.isArray(parent) ? (typeof key === 'number' ? parent[key] : undefined) : Object.hasOwn(parent, key) ? parent[key as string] : undefined;
    if (value === undefined) return undefined;
    if (i === keys.length - 1) return { parent, key, value };
    if (!Array.isArray(value) && !isObj(value)) return undefined;
    parent = value;
  }
  return undefined;
}

const plainOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isRuns(v) ? v.map((r) => r.text).join('') : undefined);

/** The plain text an array element stands for: a rich text, a string, or an object's `text`. */
function itemText(v: unknown): string {
  const direct = plainOf(v);
  if (direct !== undefined) return direct;
  return isObj(v) ? (plainOf(v['text']) ?? '') : '';
}

function nearest(text: string, quote: string, around: number): number {
  let best = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - around) < Math.abs(best - around)) best = at;
    if (quote === '') break;
  }
  return best;
}

/** The object with this id in a version that is never edited here (the current head, a base). */
const ownerIn = (meeting: Meeting, id: string): Obj | undefined => indexOf(meeting).get(id)?.value;

/**
 * A copy being edited, with its index of ids kept until a change inserts or removes objects: a
 * selection of 500 word changes indexes the minutes once, not 500 times.
 */
class Draft {
  private index: ReturnType<typeof indexIds> | undefined;
  constructor(readonly meeting: Meeting) {}
  ids() {
    return (this.index ??= indexIds(this.meeting));
  }
  owner(id: string): Obj | undefined {
    return this.ids().get(id)?.value;
  }
  /** Objects were inserted or removed: positions and ids are indexed again when next asked. */
  moved() {
    this.index = undefined;
  }
}

const where = (change: { target: string; path: string }) => `${excerpt(change.path, 60)} of ${excerpt(change.target, 64)}`;

/**
 * Where a text or format change's span is in `current` (start offset), or why not. An insertion
 * (empty quote) has no words of its own to look for: its place is found by the base text around it.
 */
function spanIn(current: string, change: { start: number; end: number; quote: string }, baseText: string | undefined): { at: number; moved: boolean } | string {
  const { start, end, quote } = change;
  if (quote !== '') {
    if (current.slice(start, end) === quote) return { at: start, moved: false };
    const at = nearest(current, quote, start);
    return at >= 0 ? { at, moved: true } : `the text "${excerpt(quote, 60)}" is no longer there (edited, or another suggestion was accepted on it)`;
  }
  if (baseText === undefined) return start <= current.length ? { at: start, moved: false } : 'the place of the insertion is gone';
  const left = baseText.slice(Math.max(0, start - CONTEXT), start);
  const right = baseText.slice(start, start + CONTEXT);
  if (current.slice(start - left.length, start) === left && current.slice(start, start + right.length) === right) return { at: start, moved: false };
  const both = nearest(current, left + right, start - left.length);
  if (both >= 0) return { at: both + left.length, moved: true };
  // Either side alone still places it when the other side was edited (but not an empty or tiny side).
  if (left.length >= 4 || (left === '' && start === 0)) {
    const l = left === '' ? 0 : nearest(current, left, start - left.length);
    if (l >= 0) return { at: l + left.length, moved: true };
  }
  if (right.length >= 4 || (right === '' && start === baseText.length)) {
    const r = right === '' ? current.length : nearest(current, right, start);
    if (r >= 0) return { at: r, moved: true };
  }
  return 'the words around the insertion were changed (another suggestion was accepted there, or the text was edited)';
}

/** The array field an item change works on, inside its object. */
function arrayAt(owner: Obj, path: string): unknown[] | undefined {
  const slot = locate(owner, path);
  return slot && Array.isArray(slot.value) ? slot.value : undefined;
}

// ---------------------------------------------------------------- one change on a draft

/**
 * Applies `change` to `draft` (a copy the caller owns, mutated in place) or answers why it cannot be,
 * changing nothing then. `base` is the version the reviewer saw, when known: it gives an insertion
 * its context and a removed block its content to compare.
 */
function applyTo(draft: Draft, change: ReviewChange, base: Meeting | undefined): Placement {
  switch (change.kind) {
    case 'unplaced':
      return { ok: false, reason: 'this content could not be placed in the minutes; copy it by hand if it is wanted' };
    case 'text':
    case 'format': {
      const owner = draft.owner(change.target);
      if (!owner) return { ok: false, reason: `${excerpt(change.target, 64)} is no longer in the minutes` };
      const slot = locate(owner, change.path);
      const text = slot && plainOf(slot.value);
      if (!slot || text === undefined) return { ok: false, reason: `there is no text field ${where(change)}` };
      const baseOwner = base && ownerIn(base, change.target);
      const baseText = baseOwner && locate(baseOwner, change.path);
      const found = spanIn(text, change, baseText ? plainOf(baseText.value) : undefined);
      if (typeof found === 'string') return { ok: false, reason: found };
      const s = found.at;
      const e = s + change.quote.length;
      let next: unknown;
      if (change.kind === 'text') {
        next = typeof slot.value === 'string' ? text.slice(0, s) + richTextToString(change.insert) + text.slice(e) : normalize([...sliceRuns(slot.value as TextRun[], 0, s), ...change.insert, ...sliceRuns(slot.value as TextRun[], e, text.length)]);
      } else {
        if (typeof slot.value === 'string') return { ok: false, reason: `${where(change)} is plain text and takes no bold or italic` };
        const runs = slot.value as TextRun[];
        const set = (r: TextRun): TextRun => {
          const bold = change.bold ?? r.bold === true;
          const italic = change.italic ?? r.italic === true;
          return { text: r.text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}), ...(r.footnote ? { footnote: r.footnote } : {}), ...(r.xref !== undefined ? { xref: r.xref } : {}) };
        };
        next = normalize([...sliceRuns(runs, 0, s), ...sliceRuns(runs, s, e).map(set), ...sliceRuns(runs, e, text.length)]);
      }
      (slot.parent as Record<string | number, unknown>)[slot.key] = next;
      return { ok: true, moved: found.moved };
    }
    case 'insert-item': {
      const owner = draft.owner(change.target);
      if (!owner) return { ok: false, reason: `${excerpt(change.target, 64)} is no longer in the minutes` };
      const list = arrayAt(owner, change.path);
      if (!list) return { ok: false, reason: `there is no list ${where(change)}` };
      let at: number;
      let moved = false;
      if (change.afterId !== undefined) {
        const i = list.findIndex((x) => isObj(x) && x['id'] === change.afterId);
        if (i < 0) return { ok: false, reason: `the item it follows (${excerpt(change.afterId, 64)}) is no longer in ${where(change)}` };
        at = i + 1;
      } else if (change.index === 0 || list.some((x) => isObj(x) && typeof x['id'] === 'string')) {
        at = 0;
      } else {
        // An array of plain rich texts (a remark's paragraphs): after the element that preceded it in the base.
        const baseOwner = base && ownerIn(base, change.target);
        const baseList = baseOwner && arrayAt(baseOwner, change.path);
        const before = baseList?.[change.index - 1];
        if (before === undefined) {
          if (change.index > list.length) return { ok: false, reason: `${where(change)} has fewer items than when it was reviewed` };
          at = change.index;
        } else {
          const i = list.findIndex((x) => same(x, before));
          if (i < 0) return { ok: false, reason: `the paragraph it follows in ${where(change)} was changed since` };
          at = i + 1;
          moved = at !== change.index;
        }
      }
      list.splice(at, 0, structuredClone(change.value));
      draft.moved();
      return { ok: true, moved };
    }
    case 'remove-item': {
      const owner = draft.owner(change.target);
      if (!owner) return { ok: false, reason: `${excerpt(change.target, 64)} is no longer in the minutes` };
      const list = arrayAt(owner, change.path);
      if (!list) return { ok: false, reason: `there is no list ${where(change)}` };
      let at = change.id !== undefined ? list.findIndex((x) => isObj(x) && x['id'] === change.id) : list[change.index] !== undefined && itemText(list[change.index]) === change.quote ? change.index : -1;
      if (at < 0 && change.id === undefined) {
        let best = -1;
        list.forEach((x, i) => {
          if (itemText(x) === change.quote && (best < 0 || Math.abs(i - change.index) < Math.abs(best - change.index))) best = i;
        });
        at = best;
      }
      if (at < 0) return { ok: false, reason: `the item "${excerpt(change.quote, 60)}" is no longer in ${where(change)}` };
      if (itemText(list[at]) !== change.quote) return { ok: false, reason: `the item "${excerpt(change.quote, 60)}" was edited since it was reviewed` };
      list.splice(at, 1);
      draft.moved();
      return { ok: true, moved: at !== change.index };
    }
    case 'insert-block': {
      const container = change.container === BODY_CONTAINER ? draft.meeting.body : (() => {
        const c = draft.owner(change.container);
        if (!c) return undefined;
        return blockListOf(c);
      })();
      if (!container) return { ok: false, reason: `the section or session ${excerpt(change.container, 64)} is no longer in the minutes` };
      let at = 0;
      if (change.afterId !== undefined) {
        const i = container.findIndex((b) => isObj(b) && b['id'] === change.afterId);
        if (i < 0) return { ok: false, reason: `the block it follows (${excerpt(change.afterId, 64)}) is no longer there` };
        at = i + 1;
      }
      if (draft.ids().has(change.block.id)) return { ok: false, reason: `a block with id ${excerpt(change.block.id, 64)} is already in the minutes` };
      container.splice(at, 0, structuredClone(change.block));
      draft.moved();
      return { ok: true, moved: false };
    }
    case 'remove-block': {
      const placed = draft.ids().get(change.target);
      if (!placed) return { ok: false, reason: `the block ${excerpt(change.target, 64)} is no longer in the minutes` };
      const baseBlock = base && ownerIn(base, change.target);
      if (baseBlock ? !same(baseBlock, placed.value) : !sameWords([...textFields(placed.value).values()].join(' '), change.quote)) {
        return { ok: false, reason: 'the block was edited since it was reviewed; delete it by hand if that is still wanted' };
      }
      const list = placed.at.parent === 'meeting' && placed.at.list === 'body' ? draft.meeting.body : arrayOf(draft, placed.at.parent, placed.at.list);
      if (!list) return { ok: false, reason: `the block ${excerpt(change.target, 64)} cannot be removed from where it stands` };
      list.splice(placed.at.index, 1);
      draft.moved();
      return { ok: true, moved: false };
    }
  }
}

const words = (s: string) => s.split(/\s+/u).filter(Boolean).join(' ');
const sameWords = (a: string, b: string) => words(a) === words(b) || words(b).includes(words(a));

function arrayOf(draft: Draft, ownerId: string, path: string): unknown[] | undefined {
  const owner = draft.owner(ownerId);
  return owner ? arrayAt(owner, path) : undefined;
}

// ---------------------------------------------------------------- public

/** The proposed content must still make valid minutes (a bullet's shape, unique ids, references). */
function validity(meeting: Meeting): string | undefined {
  const parsed = Meeting.safeParse(meeting);
  return parsed.success ? undefined : `the proposed content does not fit the minutes: ${listProblems(formatIssues(parsed.error), 2)}`;
}

/** `change` applied to `current` (never mutated), or why it cannot be. */
export function applySuggestion(current: Meeting, change: ReviewChange, base?: Meeting): Applied {
  const draft = new Draft(structuredClone(current));
  const placed = applyTo(draft, change, base);
  if (!placed.ok) return placed;
  const invalid = validity(draft.meeting);
  return invalid ? { ok: false, reason: invalid } : { ok: true, meeting: draft.meeting, moved: placed.moved };
}

/** Ids indexed once per version for read-only checks (a version handed in is never mutated here). */
const indexes = new WeakMap<Meeting, ReturnType<typeof indexIds>>();
const indexOf = (m: Meeting) => {
  let index = indexes.get(m);
  if (!index) indexes.set(m, (index = indexIds(m)));
  return index;
};

/**
 * Whether `change` could be applied to `current` now; the reason when not. Changes nothing. Text and
 * format changes (nearly all of a review) are placed without copying the minutes, so that checking
 * every open suggestion after an acceptance stays cheap on a long meeting.
 */
export function checkSuggestion(current: Meeting, change: ReviewChange, base?: Meeting): Placement {
  if (change.kind === 'text' || change.kind === 'format') {
    const owner = indexOf(current).get(change.target)?.value;
    if (!owner) return { ok: false, reason: `${excerpt(change.target, 64)} is no longer in the minutes` };
    const slot = locate(owner, change.path);
    const text = slot && plainOf(slot.value);
    if (!slot || text === undefined) return { ok: false, reason: `there is no text field ${where(change)}` };
    if (change.kind === 'format' && typeof slot.value === 'string') return { ok: false, reason: `${where(change)} is plain text and takes no bold or italic` };
    const baseOwner = base && indexOf(base).get(change.target)?.value;
    const baseSlot = baseOwner && locate(baseOwner, change.path);
    const found = spanIn(text, change, baseSlot ? plainOf(baseSlot.value) : undefined);
    return typeof found === 'string' ? { ok: false, reason: found } : { ok: true, moved: found.moved, at: found.at };
  }
  const r = applySuggestion(current, change, base);
  return r.ok ? { ok: true, moved: r.moved } : r;
}

/** Text and format changes of one field, latest offset first, so that an earlier change's offsets still hold. */
function applicationOrder(suggestions: readonly Suggestion[]): Suggestion[] {
  const span = (s: Suggestion) => (s.change.kind === 'text' || s.change.kind === 'format' ? s.change.start : -1);
  return suggestions
    .map((s, i) => ({ s, i }))
    .sort((a, b) => {
      const fa = fieldKey(a.s.change);
      const fb = fieldKey(b.s.change);
      if (fa !== undefined && fa === fb) return span(b.s) - span(a.s) || a.i - b.i;
      return a.i - b.i;
    })
    .map(({ s }) => s);
}

const fieldKey = (c: ReviewChange): string | undefined => (c.kind === 'text' || c.kind === 'format' ? `${c.target}\u0000${c.path}` : undefined);

/**
 * Applies a selection in one go (one revision): each suggestion that can be placed, in order; one that
 * cannot (or that overlaps one already applied from the same base) is a conflict, and the others still
 * apply. `baseOf` gives the version a suggestion's import was made from, when the store has it.
 */
export function acceptSuggestions(
  current: Meeting,
  suggestions: readonly Suggestion[],
  baseOf: (s: Suggestion) => { revision: number; meeting: Meeting } | undefined,
  /** Suggestions accepted before: one made on the same base that overlaps them is a conflict, even where its words are found again. */
  acceptedBefore: readonly Suggestion[] = [],
): AcceptOutcome {
  const fast = acceptAll(current, suggestions, baseOf, acceptedBefore, false);
  // Validating 200 pages once per suggestion would cost seconds: once for the lot, and only when the
  // lot does not validate, suggestion by suggestion to find the one(s) at fault.
  return validity(fast.meeting) === undefined ? fast : acceptAll(current, suggestions, baseOf, acceptedBefore, true);
}

function acceptAll(
  current: Meeting,
  suggestions: readonly Suggestion[],
  baseOf: (s: Suggestion) => { revision: number; meeting: Meeting } | undefined,
  acceptedBefore: readonly Suggestion[],
  validateEach: boolean,
): AcceptOutcome {
  let draft = new Draft(structuredClone(current));
  const applied: Suggestion[] = [];
  const conflicts = new Map<string, string>();
  for (const s of applicationOrder(suggestions)) {
    const base = baseOf(s);
    const clashWith = (list: readonly Suggestion[]) => list.find((a) => a.id !== s.id && baseOf(a)?.revision === base?.revision && overlaps(a.change, s.change));
    const clash = clashWith(applied);
    const earlier = clash ? undefined : clashWith(acceptedBefore);
    if (clash || earlier) {
      conflicts.set(s.id, clash ? `overlaps the suggestion of ${excerpt(clash.author, 60)} accepted with it` : `overlaps the accepted suggestion of ${excerpt(earlier!.author, 60)}`);
      continue;
    }
    // applyTo changes nothing when it cannot place a change; only validation needs a copy to fall back on.
    const attempt = validateEach ? new Draft(structuredClone(draft.meeting)) : draft;
    const placed = applyTo(attempt, s.change, base?.meeting);
    const invalid = placed.ok && validateEach ? validity(attempt.meeting) : undefined;
    if (!placed.ok || invalid) {
      conflicts.set(s.id, placed.ok ? invalid! : placed.reason);
      continue;
    }
    draft = attempt;
    applied.push(s);
  }
  return { meeting: applied.length > 0 ? draft.meeting : current, applied: applied.map((s) => s.id), conflicts };
}

/**
 * Two changes made on the same base touch the same words: accepting one leaves the other no longer
 * meaningful, even where its quote happens to be found again (a common word). Ranges that only meet
 * at an edge do not overlap (an insertion before a replaced word is compatible with it).
 */
export function overlaps(a: ReviewChange, b: ReviewChange): boolean {
  if ((a.kind === 'text' || a.kind === 'format') && (b.kind === 'text' || b.kind === 'format')) {
    if (a.target !== b.target || a.path !== b.path) return false;
    if (a.start === a.end && b.start === b.end) return a.start === b.start && a.kind === 'text' && b.kind === 'text';
    if (a.start === a.end) return b.start < a.start && a.start < b.end;
    if (b.start === b.end) return a.start < b.start && b.start < a.end;
    return a.start < b.end && b.start < a.end;
  }
  const itemOf = (c: ReviewChange) => (c.kind === 'remove-item' ? c : undefined);
  const spanOf = (c: ReviewChange) => (c.kind === 'text' || c.kind === 'format' ? c : undefined);
  for (const [r, t] of [
    [itemOf(a), spanOf(b)],
    [itemOf(b), spanOf(a)],
  ] as const) {
    if (r && t && r.target === t.target && (t.path === `${r.path}.${r.index}` || t.path.startsWith(`${r.path}.${r.index}.`))) return true;
  }
  if (a.kind === 'remove-item' && b.kind === 'remove-item') return a.target === b.target && a.path === b.path && a.index === b.index;
  return false;
}

/**
 * After suggestions were accepted: which of the still undecided ones now conflict (overlapping an
 * accepted one made on the same base, or no longer placeable in `current`), with the reason, and which
 * conflicting ones apply again (the text was restored).
 */
export function reassess(
  current: Meeting,
  undecided: readonly Suggestion[],
  accepted: readonly Suggestion[],
  baseOf: (s: Suggestion) => { revision: number; meeting: Meeting } | undefined,
): Map<string, { status: 'open' | 'conflicting'; reason?: string }> {
  const out = new Map<string, { status: 'open' | 'conflicting'; reason?: string }>();
  for (const s of undecided) {
    const base = baseOf(s);
    const clash = accepted.find((a) => a.id !== s.id && baseOf(a)?.revision === base?.revision && overlaps(a.change, s.change));
    if (clash) {
      out.set(s.id, { status: 'conflicting', reason: `overlaps the accepted suggestion of ${excerpt(clash.author, 60)}` });
      continue;
    }
    if (s.change.kind === 'unplaced') {
      out.set(s.id, { status: s.status === 'conflicting' ? 'conflicting' : 'open' });
      continue;
    }
    const placed = checkSuggestion(current, s.change, base?.meeting);
    out.set(s.id, placed.ok ? { status: 'open' } : { status: 'conflicting', reason: placed.reason });
  }
  return out;
}
