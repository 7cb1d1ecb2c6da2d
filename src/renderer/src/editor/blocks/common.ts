import type { Bullet, RichText } from '../../../../shared/minutes';
import { useAppStore } from '../../state/store';
import type { AnyBlock } from '../../model/tree';

/** Typing into a field of a block: one coalesced undo step per field. */
export function editBlock<B extends AnyBlock>(id: string, fn: (block: B) => B, field: string, typing = true): void {
  useAppStore.getState().editBlock<B>(id, fn, { field, typing });
}

/** A structural change of a block (add a turn, remove a part): its own undo step. */
export function changeBlock<B extends AnyBlock>(id: string, fn: (block: B) => B, focus?: string): void {
  useAppStore.getState().editBlock<B>(id, fn, { typing: false, ...(focus ? { focus } : {}) });
}

export const asRich = (v: unknown) => v as RichText;
export const asParas = (v: unknown) => v as RichText[];
export const asBullets = (v: unknown) => v as Bullet[];

export function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return [...list.slice(0, index), ...list.slice(index + 1)];
}

export function mapById<T extends { id: string }>(list: readonly T[], id: string, fn: (item: T) => T): T[] {
  return list.map((x) => (x.id === id ? fn(x) : x));
}

/** An edit from a field that stays where it is: typing (coalesced) or a choice (its own step); no focus move. */
export function commitBlock<B extends AnyBlock>(id: string, fn: (block: B) => B, field: string, typing: boolean): void {
  useAppStore.getState().editBlock<B>(id, fn, { field, typing });
}
