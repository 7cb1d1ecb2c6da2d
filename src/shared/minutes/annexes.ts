import { z } from 'zod';
import { Block } from './blocks';
import { LIMITS } from './limits';
import { RichText } from './richText';
import { Id, boundedArray } from './scalars';
import type { Meeting } from './meeting';

/**
 * An annex: its title and its own blocks, as the body holds them. The format numbers it ("Annex II")
 * and restarts paragraph numbering in it. Kept in the meeting's head (not as block records): an annex
 * is saved as a whole, and ids, references and search reach it through the head like any head field.
 */
export const Annex = z.strictObject({
  id: Id,
  title: RichText,
  blocks: boundedArray(Block, LIMITS.maxBlocks),
});
export type Annex = z.infer<typeof Annex>;

/** The body's blocks followed by every annex's: what a walk over all the minutes' blocks starts from. */
export function documentBlocks(meeting: Pick<Meeting, 'body' | 'annexes'>): Block[] {
  return meeting.annexes?.length ? [...meeting.body, ...meeting.annexes.flatMap((a) => a.blocks)] : meeting.body;
}

/**
 * The block list an object holds, for code that walks the document as plain data (review mapping,
 * suggestions): a section's `blocks`, a session's `items`, an annex's `blocks` (an annex has no type).
 */
export function blockListOf(o: Record<string, unknown>): unknown[] | undefined {
  const list = o['type'] === 'section' || o['type'] === undefined ? o['blocks'] : o['type'] === 'session' ? o['items'] : undefined;
  return Array.isArray(list) ? list : undefined;
}
