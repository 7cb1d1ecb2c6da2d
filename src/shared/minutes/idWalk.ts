/**
 * The ids a piece of a document declares and the ids it refers to: the one walk behind the
 * document-wide rules (ids unique across the document, every reference resolves). `Meeting`'s
 * superRefine walks the whole document with it; the store walks only the block records a save
 * changed and keeps the result per record, so a save is checked in proportion to the edit.
 */

export type IdPath = (string | number)[];
/** `target`: a cross-reference (a run's `xref`), which names any id declared in the document. */
export type RefKind = 'person' | 'organisation' | 'delegation' | 'agendaItem' | 'target';

export interface IdWalk {
  /** Every `id` member, in document order, with where it stands. */
  ids: { id: string; path: IdPath }[];
  /** Ids of delegations declared here (an `id` inside a `delegations` list). */
  delegations: string[];
  /** Every reference to a person, organisation, delegation or agenda item. */
  refs: { kind: RefKind; id: string; path: IdPath }[];
}

/**
 * Walks `value` (a whole meeting, its head, or one block record) iteratively; `root` prefixes the
 * paths. Arrays of plain strings (a container's child ids) declare nothing.
 */
export function walkIds(value: unknown, root: IdPath = []): IdWalk {
  const walk: IdWalk = { ids: [], delegations: [], refs: [] };
  const stack: { value: unknown; path: IdPath }[] = [{ value, path: root }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const children: { value: unknown; path: IdPath }[] = [];
    for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
      if (key === 'id' && typeof child === 'string') {
        walk.ids.push({ id: child, path });
        if (path.length >= 2 && path[path.length - 2] === 'delegations') walk.delegations.push(child);
      } else if ((key === 'personId' || key.endsWith('PersonId')) && typeof child === 'string') {
        walk.refs.push({ kind: 'person', id: child, path: [...path, key] });
      } else if (key === 'organisationId' && typeof child === 'string') {
        walk.refs.push({ kind: 'organisation', id: child, path: [...path, key] });
      } else if (key === 'organisationIds' && Array.isArray(child)) {
        child.forEach((id, i) => {
          if (typeof id === 'string') walk.refs.push({ kind: 'organisation', id, path: [...path, key, i] });
        });
      } else if (key === 'delegationId' && typeof child === 'string') {
        walk.refs.push({ kind: 'delegation', id: child, path: [...path, key] });
      } else if (key === 'agendaItemId' && typeof child === 'string') {
        walk.refs.push({ kind: 'agendaItem', id: child, path: [...path, key] });
      } else if (key === 'xref' && typeof child === 'string') {
        walk.refs.push({ kind: 'target', id: child, path: [...path, key] });
      } else if (child !== null && typeof child === 'object') {
        children.push({ value: child, path: [...path, key] });
      }
    }
    // Pushed in reverse so that they are visited in document order ("first used at" is the earlier one).
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return walk;
}
