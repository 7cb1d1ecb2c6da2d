import type { Bullet, DecisionMarker } from '../../../../../shared/minutes';
import { activeEditor } from '../../focus';

/**
 * Agreements and recommendations marked as decisions without retyping them: the marker is data on the
 * bullet (number, outcome, method, date…), its text stays where the minutes have it.
 */

/** The lists whose items are decisions when marked: what a meeting agreed or recommended. */
export const MARKABLE_ROLES = ['agreements', 'recommendations'] as const;

export const NEW_MARKER: DecisionMarker = { outcome: 'adopted', method: 'consensus' };

/** The model id of the bullet with the cursor in the list's items field, if the cursor is there. */
export function bulletAtCursor(listId: string): string | undefined {
  const active = activeEditor();
  if (!active || active.field !== `${listId}.items`) return undefined;
  const $from = active.view.state.selection.$from;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (node.type.name === 'list_item') return (node.attrs['id'] as string | null) ?? undefined;
  }
  return undefined;
}

/** The bullets with `fn` applied to the one with `id`, wherever it is nested. */
export function mapBullet(items: readonly Bullet[], id: string, fn: (b: Bullet) => Bullet): Bullet[] {
  return items.map((b) => (b.id === id ? fn(b) : b.children ? { ...b, children: mapBullet(b.children, id, fn) } : b));
}

/** Marks the bullet as a decision, or unmarks it when it is one. */
export function toggleMarker(items: readonly Bullet[], id: string): Bullet[] {
  return mapBullet(items, id, (b) => {
    if (b.decision) {
      const { decision: _d, ...rest } = b;
      return rest;
    }
    return { ...b, decision: NEW_MARKER };
  });
}

/** Every marked bullet, in document order. */
export function markedBullets(items: readonly Bullet[]): Bullet[] {
  return items.flatMap((b) => [...(b.decision ? [b] : []), ...markedBullets(b.children ?? [])]);
}
