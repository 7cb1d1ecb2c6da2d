import type { AnyBlock } from '../../model/tree';
import type { BlockDescriptor, BlockOf, BlockType, ContainerType } from './descriptor';
import { section } from './section';
import { session } from './session';
import { paragraph } from './paragraph';
import { list } from './list';
import { remark } from './remark';
import { presentation } from './presentation';
import { qa } from './qa';
import { suggestions } from './suggestions';
import { group } from './group';
import { delegations } from './delegations';
import { observers } from './observers';
import { presiding } from './presiding';
import { nextMeeting } from './next-meeting';
import { disclaimer } from './disclaimer';
import { signing } from './signing';
import { signatories } from './signatories';
import { routing } from './routing';
import { decision } from './decision';
import { heading } from './heading';
import { agenda } from './agenda';
import { participants } from './participants';
import { letter } from './letter';
import { statement } from './statement';

/**
 * One descriptor per block type (descriptor.ts), in the order "Add…" offers them. A new block type:
 * a folder beside these with its descriptor (and editor), and one line here.
 */
export const BLOCKS = {
  section,
  session,
  paragraph,
  list,
  remark,
  statement,
  presentation,
  qa,
  suggestions,
  group,
  decision,
  delegations,
  observers,
  presiding,
  'next-meeting': nextMeeting,
  disclaimer,
  signing,
  signatories,
  routing,
  heading,
  agenda,
  participants,
  letter,
} as const satisfies { [T in BlockType]: BlockDescriptor<T> };

export type Blocks = typeof BLOCKS;

/** Every descriptor, in "Add…" order. */
export const ALL_BLOCKS: readonly BlockDescriptor[] = Object.values(BLOCKS) as unknown as BlockDescriptor[];

export function descriptorOf<T extends BlockType>(type: T): BlockDescriptor<T> {
  return BLOCKS[type] as unknown as BlockDescriptor<T>;
}

/** A new block of a type, with fresh ids. */
export function newBlock<T extends BlockType>(type: T, today = new Date().toISOString().slice(0, 10)): BlockOf<T> {
  return descriptorOf(type).create(today);
}

/** The field that gets the cursor when a block is inserted. */
export function firstField(block: AnyBlock): string {
  return (descriptorOf(block.type).firstField as (b: AnyBlock) => string)(block);
}

/** The caption bar's text for a block. */
export function captionOf(block: AnyBlock): string {
  const d = descriptorOf(block.type);
  return d.caption ? (d.caption as (b: AnyBlock) => string)(block) : d.label;
}

/** The types "Add…" offers in a container. */
export function typesAllowedIn(container: ContainerType): BlockDescriptor[] {
  return ALL_BLOCKS.filter((d) => d.allowedIn.includes(container));
}

/** Ids of the per-block commands, as a closed union (defineBlock keeps their literal types). */
export type BlockCommandId = {
  [K in keyof Blocks]: Blocks[K] extends { commands: readonly (infer C)[] } ? (C extends { id: infer I extends string } ? I : never) : never;
}[keyof Blocks];

/** The types with an insert command (`insert.<type>`). */
export type InsertableType = {
  [K in keyof Blocks]: Blocks[K] extends { insert: object } ? K : never;
}[keyof Blocks];
