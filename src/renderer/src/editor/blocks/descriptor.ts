import type { ComponentType } from 'react';
import type { AnyBlock } from '../../model/tree';
import type { AppState } from '../../state/store';

export type BlockType = AnyBlock['type'];
export type BlockOf<T extends BlockType> = Extract<AnyBlock, { type: T }>;
export type ContainerType = 'body' | 'section' | 'session';

/** A command on the block with the cursor (only offered while the cursor is in a block of this type). */
export interface BlockCommand<B, Id extends string = string> {
  id: Id;
  label: string;
  /** Registry notation ("Mod-Alt-Enter", src/shared/shortcuts.ts). */
  shortcuts?: readonly string[];
  run(block: B, state: AppState): void;
}

/**
 * Everything the editor knows about one block type, in one place: its name, how a new one looks, the
 * field that gets the cursor, the component that edits it, its commands and keyboard rules, where the
 * insert command puts it, and where the agreed format lays it out. The index (./index.ts) lists one
 * descriptor per type; the caption bar, "Add…", the insert commands and the palette all read it, so a
 * new block type is one folder here plus one line in the index.
 */
export interface BlockDescriptor<T extends BlockType = BlockType> {
  type: T;
  /** As the "Add…" list and the caption bar name it. */
  label: string;
  /** The caption bar's text when it depends on the block ("Opening remarks", "Group 2"). */
  caption?(block: BlockOf<T>): string;
  /** A new, empty block with fresh ids, ready to be typed into. */
  create(today: string): BlockOf<T>;
  /** The field that gets the cursor when the block is inserted. */
  firstField(block: BlockOf<T>): string;
  Editor: ComponentType<{ block: BlockOf<T> }>;
  /** Containers whose "Add…" offers it. */
  allowedIn: readonly ContainerType[];
  /**
   * The palette/shortcut command that inserts it (`insert.<type>`); `placement` says where:
   * 'cursor' next to the block with the cursor (default), 'signing' at the document's signing
   * position wherever the cursor is (after the signing statement and its signatories, else the end),
   * 'top-level' after the body-level block with the cursor (a section is never nested).
   */
  insert?: { label: string; shortcuts?: readonly string[]; placement?: 'cursor' | 'signing' | 'top-level'; run?(state: AppState): void };
  commands?: readonly BlockCommand<BlockOf<T>>[];
  /** Keyboard rules beyond the common ones (Tab / Shift+Tab move between typing fields), shown on the caption. */
  keys?: string;
  /** Where the agreed format lays it out: the module and the function or `case` that handles it. */
  layout: { module: string; handler: string };
}

/**
 * Declares a block type's descriptor, keeping its literal types (command ids, whether it has an insert
 * command), so that command ids can be a closed union type (commands/editorCommands.ts).
 */
export function defineBlock<T extends BlockType>(type: T) {
  return <const D extends Omit<BlockDescriptor<T>, 'type'>>(d: D): D & { type: T } => ({ ...d, type });
}

/** What inserting needs of a descriptor, whatever its type. */
export interface BlockMaker {
  type: BlockType;
  create(today: string): AnyBlock;
  firstField(block: never): string;
}

export const AGREED_LAYOUT = 'src/shared/format/agreed.ts';
