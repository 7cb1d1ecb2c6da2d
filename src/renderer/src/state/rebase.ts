import {
  joinMeeting,
  splitMeeting,
  type BlockRecord,
  type Meeting,
  type MeetingHead,
} from '../../../shared/minutes';
import { canonicalJson } from '../../../shared/canonicalJson';
import { appendChild, insertAfter, locate, renumber, updateBlock, type AnyBlock } from '../model/tree';

/**
 * Re-applying a user's unsaved edits on a newer head after a save conflict, record by record (the
 * units of src/shared/minutes/changes.ts). Three documents: `base` (what the store held when the
 * user's unsaved edits began: the last acknowledged save), `mine` (the editor's document), `theirs`
 * (the head as saved by someone else since).
 * - A record the user changed is re-applied when theirs still equals base (they did not touch it).
 * - A record both changed is left as theirs and *offered*: the user's version is kept for the user to
 *   copy or to put back ("Use mine"); neither side is dropped or overwritten silently.
 * - A block they removed but the user edited (or added into something they removed) is offered too.
 * - Child lists (body, sections, sessions) merge by id: the user's additions go in after the block
 *   they followed, the user's removals come out, the rest stays as theirs.
 * - The head (title block, dates, venue, register…) merges field by field the same way.
 */

/** A version of the user's that could not be re-applied because the same thing changed on both sides. */
export interface Offer {
  /** The block id, or `head.<field>` for a field of the meeting's head. */
  key: string;
  /** What it is, for a person: "Paragraph", "Session", "Title block"… */
  label: string;
  /** The user's text of it, one line per paragraph/bullet, to read and copy. */
  text: string;
  /** Why it is offered rather than re-applied. */
  reason: 'changed-on-both-sides' | 'removed-by-them';
}

export interface Rebased {
  meeting: Meeting;
  offers: Offer[];
  /** How many of the user's changed records were re-applied as they were. */
  reapplied: number;
}

// Equal as data, whatever the key order: the store hands out canonical JSON (sorted keys) after a
// reload, while the copy the editor started from may keep the order it was created in.
const same = (a: unknown, b: unknown) => a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

const LABELS: Record<string, string> = {
  titleBlock: 'Title block',
  dates: 'Dates',
  venue: 'Venue',
  people: 'Participants register (people)',
  organisations: 'Participants register (organisations)',
  language: 'Language',
};

export function labelOf(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1).replace(/-/g, ' ');
}

const NOT_TEXT = new Set(['id', 'type', 'role', 'numbering', 'occasion', 'kind', 'format']);

/**
 * The words of a block (or head field), one line per rich-text field: what "Your version of this
 * block" shows and copies. Generic over the block types on purpose: it must show every word the user
 * typed, whatever the block, and leaves out only ids and enumerations.
 */
export function plainTextOf(value: unknown): string {
  const lines: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (v && !NOT_TEXT.has(key) && !/Ids?$/.test(key)) lines.push(v);
      return;
    }
    if (Array.isArray(v)) {
      const isRuns = v.length > 0 && v.every((r) => r && typeof r === 'object' && typeof (r as { text?: unknown }).text === 'string' && !('id' in r));
      if (isRuns) {
        const line = v.map((r) => (r as { text: string }).text).join('');
        if (line) lines.push(line);
        return;
      }
      for (const item of v) walk(item, key);
      return;
    }
    if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, k);
  };
  walk(value, '');
  return lines.join('\n');
}

/** A container's own fields (its child list excluded), to compare two versions of it. */
function ownFields(record: BlockRecord): unknown {
  if (record.type === 'section') {
    const { blocks: _b, ...own } = record;
    return own;
  }
  if (record.type === 'session') {
    const { items: _i, ...own } = record;
    return own;
  }
  return record;
}

function childList(record: BlockRecord | undefined): string[] | undefined {
  if (!record) return undefined;
  if (record.type === 'section') return record.blocks;
  if (record.type === 'session') return record.items;
  return undefined;
}

function withChildList(record: BlockRecord, list: string[]): BlockRecord {
  if (record.type === 'section') return { ...record, blocks: list };
  if (record.type === 'session') return { ...record, items: list };
  return record;
}

/**
 * Three-way merge of an ordered id list. When only one side changed it, that side wins whole (so a
 * reorder survives); when both did, theirs is the frame and the user's additions and removals are
 * replayed on it.
 */
export function mergeIdList(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  if (same(mine, base)) return [...theirs];
  if (same(theirs, base)) return [...mine];
  const inBase = new Set(base);
  const inMine = new Set(mine);
  const removed = new Set(base.filter((id) => !inMine.has(id)));
  const out = theirs.filter((id) => !removed.has(id));
  for (let i = 0; i < mine.length; i++) {
    const id = mine[i]!;
    if (inBase.has(id) || out.includes(id)) continue;
    // After the nearest block before it (in the user's list) that is still there; else first.
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = out.indexOf(mine[j]!);
      if (k >= 0) {
        at = k + 1;
        break;
      }
    }
    out.splice(at, 0, id);
  }
  return out;
}

function mergeHead(base: MeetingHead, mine: MeetingHead, theirs: MeetingHead, offers: Offer[]): { head: MeetingHead; reapplied: number } {
  const head: Record<string, unknown> = { ...theirs };
  let reapplied = 0;
  const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const key of keys) {
    const b = (base as Record<string, unknown>)[key];
    const m = (mine as Record<string, unknown>)[key];
    const t = (theirs as Record<string, unknown>)[key];
    if (same(m, b) || same(m, t)) continue;
    if (same(t, b)) {
      if (m === undefined) delete head[key];
      else head[key] = m;
      reapplied++;
    } else {
      offers.push({ key: `head.${key}`, label: LABELS[key] ?? labelOf(key), text: plainTextOf(m), reason: 'changed-on-both-sides' });
    }
  }
  return { head: head as MeetingHead, reapplied };
}

export function rebase(base: Meeting, mine: Meeting, theirs: Meeting): Rebased {
  const b = splitMeeting(base);
  const m = splitMeeting(mine);
  const t = splitMeeting(theirs);
  const offers: Offer[] = [];
  const { head, reapplied: headReapplied } = mergeHead(b.head, m.head, t.head, offers);
  let reapplied = headReapplied;
  const records = new Map(t.blocks);
  /** Blocks of the user's that must appear in the result, or be offered. */
  const mineChanged: string[] = [];

  for (const [id, mineRecord] of m.blocks) {
    const baseRecord = b.blocks.get(id);
    if (baseRecord && same(baseRecord, mineRecord)) continue; // the user did not touch it
    mineChanged.push(id);
    const theirRecord = t.blocks.get(id);
    if (!baseRecord) {
      records.set(id, mineRecord); // new: ids are random, nobody else has it
      reapplied++;
      continue;
    }
    if (!theirRecord) continue; // they removed it: offered below, when it is not placed
    const mineOwnChanged = !same(ownFields(mineRecord), ownFields(baseRecord));
    const theirOwnChanged = !same(ownFields(theirRecord), ownFields(baseRecord)) || theirRecord.type !== mineRecord.type;
    let merged: BlockRecord = theirRecord;
    if (mineOwnChanged) {
      if (!theirOwnChanged) {
        merged = withChildList(mineRecord, childList(theirRecord) ?? []);
        reapplied++;
      } else if (!same(ownFields(mineRecord), ownFields(theirRecord))) {
        offers.push({ key: id, label: labelOf(mineRecord.type), text: plainTextOf(ownFields(mineRecord)), reason: 'changed-on-both-sides' });
      }
    }
    const mineKids = childList(mineRecord);
    const baseKids = childList(baseRecord);
    const theirKids = childList(merged);
    if (mineKids && baseKids && theirKids && !same(mineKids, baseKids)) {
      merged = withChildList(merged, mergeIdList(baseKids, mineKids, theirKids));
      reapplied++;
    }
    records.set(id, merged);
  }

  const body = mergeIdList(b.body, m.body, t.body);
  let meeting: Meeting;
  try {
    meeting = joinMeeting(head, placeOnce(body, records), (id) => records.get(id));
  } catch {
    // The merged structure does not hold together (moves on both sides, say): keep theirs as it is and
    // offer every block of the user's that changed; nothing is lost, nothing of theirs overwritten.
    return {
      meeting: theirs,
      offers: [
        ...offers.filter((o) => o.key.startsWith('head.')),
        ...mineChanged.map((id) => offerOf(m.blocks.get(id)!, mine, t.blocks.has(id) ? 'changed-on-both-sides' : 'removed-by-them')),
      ],
      reapplied: 0,
    };
  }

  // A block of the user's that ended up nowhere (they removed it, or what held it) is offered whole.
  const placed = splitMeeting(meeting).blocks;
  const offeredIds = new Set(offers.map((o) => o.key));
  for (const id of mineChanged) {
    if (placed.has(id) || offeredIds.has(id)) continue;
    // Only the outermost missing block: its children come with it.
    if (hasMissingAncestor(m.blocks, id, placed)) continue;
    offers.push(offerOf(m.blocks.get(id)!, mine, 'removed-by-them'));
  }
  return { meeting: renumber(meeting), offers, reapplied };
}

/**
 * Makes every child list name each block once and only blocks that exist (a block moved by both
 * sides, or added by the user into a list that lost its neighbour): the first place in document order
 * wins. Mutates the container records in `records`; returns the body list to use.
 */
function placeOnce(body: string[], records: Map<string, BlockRecord>): string[] {
  const seen = new Set<string>();
  const keep = (list: readonly string[]) => list.filter((id) => records.has(id) && !seen.has(id) && (seen.add(id), true));
  const topLevel = keep(body);
  const stack = [...topLevel];
  while (stack.length > 0) {
    const id = stack.shift()!;
    const record = records.get(id)!;
    const kids = childList(record);
    if (!kids) continue;
    const fixed = keep(kids);
    if (fixed.length !== kids.length) records.set(id, withChildList(record, fixed));
    stack.push(...fixed);
  }
  return topLevel;
}

function hasMissingAncestor(blocks: ReadonlyMap<string, BlockRecord>, id: string, placed: ReadonlyMap<string, BlockRecord>): boolean {
  for (const [parentId, record] of blocks) {
    if (childList(record)?.includes(id)) return !placed.has(parentId) || hasMissingAncestor(blocks, parentId, placed);
  }
  return false;
}

/** The offer of one of the user's blocks, whole (a container with its children's words). */
function offerOf(record: BlockRecord, mine: Meeting, reason: Offer['reason']): Offer {
  return { key: record.id, label: labelOf(record.type), text: plainTextOf(findBlock(mine, record.id) ?? record), reason };
}

/** The block with this id in a document, children included. */
export function findBlock(meeting: Meeting, id: string): unknown {
  const stack: unknown[] = [...meeting.body];
  while (stack.length > 0) {
    const block = stack.pop() as { id: string; blocks?: unknown[]; items?: unknown[] };
    if (block.id === id) return block;
    if (block.blocks) stack.push(...block.blocks);
    if (block.items) stack.push(...block.items);
  }
  return undefined;
}

/**
 * "Use mine": the user's version of an offered block (or head field) put into the current document,
 * as an ordinary edit. A block still there gets the user's own fields (a container keeps its current
 * children); a block they removed goes back after the block it followed in the user's version (or at
 * the end of its container, or of the body), without any child that exists elsewhere meanwhile.
 */
export function putMineBack(current: Meeting, mine: Meeting, key: string): Meeting {
  if (key.startsWith('head.')) {
    const field = key.slice('head.'.length) as keyof MeetingHead;
    return { ...current, [field]: mine[field] } as Meeting;
  }
  const mineBlock = findBlock(mine, key) as AnyBlock | undefined;
  if (!mineBlock) return current;
  if (locate(current.body as AnyBlock[], key)) {
    return updateBlock(current, key, (cur: AnyBlock) => {
      if (cur.type === 'section' && mineBlock.type === 'section') return { ...mineBlock, blocks: cur.blocks };
      if (cur.type === 'session' && mineBlock.type === 'session') return { ...mineBlock, items: cur.items };
      return mineBlock;
    });
  }
  const present = splitMeeting(current).blocks;
  const block = withoutPresent(mineBlock, present);
  const where = locate(mine.body as AnyBlock[], key)!;
  for (let i = where.index - 1; i >= 0; i--) {
    const before = where.siblings[i]!.id;
    if (present.has(before)) return insertAfter(current, before, block);
  }
  const parent = where.parents.at(-1);
  if (parent && present.has(parent.id)) return appendChild(current, parent.id, block);
  return appendChild(current, null, block);
}

function withoutPresent(block: AnyBlock, present: ReadonlyMap<string, unknown>): AnyBlock {
  if (block.type === 'section') return { ...block, blocks: block.blocks.filter((c) => !present.has(c.id)).map((c) => withoutPresent(c, present)) } as AnyBlock;
  if (block.type === 'session') return { ...block, items: block.items.filter((c) => !present.has(c.id)) } as AnyBlock;
  return block;
}
