import { z } from 'zod';
import { LeafBlock, SectionBlock, SessionBlock, type Block } from './blocks';
import { MeetingHeadSchema, type Meeting } from './meeting';
import { LIMITS } from './limits';
import { Id, boundedArray } from './scalars';
import { MinutaError } from '../errors';
import { canonicalJson } from '../canonicalJson';

/**
 * A meeting as the units a save carries and the store keeps: the head (everything but the body), the
 * body's top-level block ids, and one record per block in which a container (section, session) names
 * its children by id instead of holding them. An edit of one bullet then changes one leaf record,
 * whatever the length of the document, so an autosave sends and stores only that record.
 */

export type MeetingHead = Omit<Meeting, 'body'>;

export type SessionRecord = Omit<SessionBlock, 'items'> & { items: string[] };
export type SectionRecord = Omit<SectionBlock, 'blocks'> & { blocks: string[] };
export type BlockRecord = LeafBlock | SessionRecord | SectionRecord;


export interface SplitMeeting {
  head: MeetingHead;
  body: string[];
  /** Every block of the document by id, in document order. */
  blocks: Map<string, BlockRecord>;
}

const childIdList = boundedArray(Id, LIMITS.maxBlocks);
const SessionRecordSchema = SessionBlock.omit({ items: true }).extend({ items: childIdList });
const SectionRecordSchema = SectionBlock.omit({ blocks: true }).extend({ blocks: childIdList });
/** One block record as a save carries it (validated per record; document-wide rules are the store's). */
export const BlockRecordSchema = z.discriminatedUnion('type', [SectionRecordSchema, SessionRecordSchema, ...LeafBlock.options]);
export const MeetingChangesSchema = z.strictObject({
  head: MeetingHeadSchema.optional(),
  body: childIdList.optional(),
  blocks: boundedArray(BlockRecordSchema, LIMITS.maxBlocks).optional(),
});

/** What one save sends: only what differs from the revision it was based on. */
export interface MeetingChanges {
  /** The whole head, when any of its fields changed. */
  head?: MeetingHead;
  /** The top-level block ids in order, when the order or membership of the body changed. */
  body?: string[];
  /** Every block that is new or whose own record changed (a container also when its child list did). */
  blocks?: BlockRecord[];
}

type AnyBlock = Block | SessionBlock | SectionBlock | LeafBlock;

function childrenOf(block: AnyBlock): readonly AnyBlock[] | undefined {
  if (block.type === 'section') return block.blocks;
  if (block.type === 'session') return block.items;
  return undefined;
}

/** The block's own record: a container's children replaced by their ids. */
export function recordOf(block: AnyBlock): BlockRecord {
  if (block.type === 'section') return { ...block, blocks: block.blocks.map((b) => b.id) };
  if (block.type === 'session') return { ...block, items: block.items.map((b) => b.id) };
  return block;
}

export function headOf(meeting: Meeting): MeetingHead {
  const { body: _body, ...head } = meeting;
  return head;
}

export function splitMeeting(meeting: Meeting): SplitMeeting {
  const blocks = new Map<string, BlockRecord>();
  // Iterative, in document order: the body is shallow, but this stays cheap for any shape.
  const stack: AnyBlock[] = [...meeting.body].reverse();
  while (stack.length > 0) {
    const block = stack.pop()!;
    blocks.set(block.id, recordOf(block));
    const kids = childrenOf(block);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return { head: headOf(meeting), body: meeting.body.map((b) => b.id), blocks };
}

/**
 * Rebuilds the document from its parts. Each record must be reachable exactly once (no block in two
 * places, no cycle) and every child id must exist; anything else is `invalid`, naming the block.
 * Records nobody refers to are simply not part of the document (that is how a block is removed).
 */
export function joinMeeting(head: MeetingHead, body: readonly string[], lookup: (id: string) => BlockRecord | undefined): Meeting {
  const placed = new Set<string>();
  const build = (id: string, parent: string): AnyBlock => {
    const record = lookup(id);
    if (!record) throw new MinutaError('invalid', `Block ${id} (in ${parent}) does not exist`, 'blocks');
    if (placed.has(id)) throw new MinutaError('invalid', `Block ${id} appears more than once in the document`, 'blocks');
    placed.add(id);
    // Depth is fixed by the model (body → section → session → leaf), so recursion is bounded at 3.
    if (record.type === 'section') {
      if (parent !== 'body') throw new MinutaError('invalid', `Section ${id} can only stand in the body`, 'blocks');
      return { ...record, blocks: record.blocks.map((c) => build(c, id)) } as SectionBlock;
    }
    if (record.type === 'session') {
      if (lookup(parent)?.type === 'session') throw new MinutaError('invalid', `Session ${id} cannot stand in a session`, 'blocks');
      return { ...record, items: record.items.map((c) => build(c, id)) } as SessionBlock;
    }
    return record;
  };
  return { ...head, body: body.map((id) => build(id, 'body')) as Meeting['body'] };
}

// Equal as data whatever the key order (the store hands out canonical JSON, with sorted keys). An
// optional head field (the format choice) may exist on one side only: then they differ.
const sameJson = (a: unknown, b: unknown) => a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

/** A record's own fields, children excluded, for comparing two versions of one container. */
function ownFields(block: AnyBlock): unknown {
  if (block.type === 'section') {
    const { blocks: _b, ...own } = block;
    return own;
  }
  if (block.type === 'session') {
    const { items: _i, ...own } = block;
    return own;
  }
  return block;
}

function childIds(block: AnyBlock): string[] | undefined {
  return childrenOf(block)?.map((b) => b.id);
}

/**
 * What changed from `before` to `after`, as the records a save must carry. Edits are immutable
 * updates with structural sharing (the renderer's model/tree.ts), so an unchanged subtree is the same
 * object and is skipped without a look: the cost follows the edit, not the document. Objects that
 * differ are compared by content, so an undo back to the saved text sends nothing.
 */
export function diffMeetings(before: Meeting, after: Meeting): MeetingChanges {
  const changes: MeetingChanges = {};
  if (before !== after) {
    for (const key of Object.keys(after) as (keyof Meeting)[]) {
      if (key === 'body') continue;
      if (before[key] !== after[key] && !sameJson(before[key], after[key])) {
        changes.head = headOf(after);
        break;
      }
    }
    if (!changes.head && Object.keys(before).length !== Object.keys(after).length) changes.head = headOf(after);
  }
  if (before.body === after.body) return changes;

  const previous = new Map<string, AnyBlock>();
  const index = (list: readonly AnyBlock[]) => {
    const stack = [...list];
    while (stack.length > 0) {
      const b = stack.pop()!;
      previous.set(b.id, b);
      const kids = childrenOf(b);
      if (kids) stack.push(...kids);
    }
  };
  index(before.body);

  if (!sameJson(before.body.map((b) => b.id), after.body.map((b) => b.id))) changes.body = after.body.map((b) => b.id);
  const blocks: BlockRecord[] = [];
  const stack: AnyBlock[] = [...after.body];
  while (stack.length > 0) {
    const block = stack.pop()!;
    const old = previous.get(block.id);
    if (old === block) continue; // unchanged subtree: same object
    const kids = childrenOf(block);
    if (!old || old.type !== block.type || !sameJson(ownFields(old), ownFields(block)) || !sameJson(childIds(old), childIds(block))) {
      blocks.push(recordOf(block));
    }
    if (kids) stack.push(...kids);
  }
  if (blocks.length > 0) changes.blocks = blocks;
  return changes;
}

export const hasChanges = (c: MeetingChanges): boolean => c.head !== undefined || c.body !== undefined || (c.blocks?.length ?? 0) > 0;
