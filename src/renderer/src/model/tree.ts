import type { Annex, Block, LeafBlock, Meeting, SectionBlock, SessionBlock } from '../../../shared/minutes';

/**
 * Immutable edits of a meeting's blocks (the body's and the annexes') by block id, with structural sharing: only the arrays and objects
 * on the path to the changed block are copied, so React can skip every block whose object is unchanged
 * and the work per keystroke depends on the number of siblings on the path, not on the document length.
 */

export type AnyBlock = Block | LeafBlock | SessionBlock | SectionBlock;

/** The child list of a container block (section → blocks, session → items), or undefined for leaves. */
export function childrenOf(block: AnyBlock): AnyBlock[] | undefined {
  if (block.type === 'section') return block.blocks;
  if (block.type === 'session') return block.items;
  return undefined;
}

function withChildren(block: AnyBlock, children: AnyBlock[]): AnyBlock {
  if (block.type === 'section') return { ...block, blocks: children as SectionBlock['blocks'] };
  if (block.type === 'session') return { ...block, items: children as SessionBlock['items'] };
  return block;
}

/** Where a block sits: the chain of container ids from the body down to its parent, and its index. */
export interface Location {
  parents: AnyBlock[];
  siblings: AnyBlock[];
  index: number;
  block: AnyBlock;
}

export function locate(body: readonly AnyBlock[], id: string): Location | undefined {
  // Iterative depth-first search; bodies are shallow (body → section → session → leaf).
  const stack: { list: readonly AnyBlock[]; parents: AnyBlock[] }[] = [{ list: body, parents: [] }];
  while (stack.length > 0) {
    const { list, parents } = stack.pop()!;
    for (let i = 0; i < list.length; i++) {
      const b = list[i]!;
      if (b.id === id) return { parents, siblings: list as AnyBlock[], index: i, block: b };
      const kids = childrenOf(b);
      if (kids) stack.push({ list: kids, parents: [...parents, b] });
    }
  }
  return undefined;
}

/** Replaces the list that contains `id` by `fn(list)`, copying the path above it. */
function mapContainingList(
  body: AnyBlock[],
  id: string,
  fn: (list: AnyBlock[], index: number) => AnyBlock[],
): AnyBlock[] {
  const rec = (list: AnyBlock[]): AnyBlock[] | null => {
    const i = list.findIndex((b) => b.id === id);
    if (i >= 0) return fn(list, i);
    for (let j = 0; j < list.length; j++) {
      const kids = childrenOf(list[j]!);
      if (!kids) continue;
      const next = rec(kids);
      if (next) {
        const copy = list.slice();
        copy[j] = withChildren(list[j]!, next);
        return copy;
      }
    }
    return null;
  };
  return rec(body) ?? body;
}

/**
 * `mapContainingList` over the whole document: the body, then each annex's blocks (an annex holds
 * blocks as the body does). The meeting itself when no list holds `id`.
 */
function mapInMeeting(meeting: Meeting, id: string, fn: (list: AnyBlock[], index: number) => AnyBlock[]): Meeting {
  const body = mapContainingList(meeting.body as AnyBlock[], id, fn);
  if (body !== meeting.body) return { ...meeting, body: body as Meeting['body'] };
  if (!meeting.annexes) return meeting;
  for (let i = 0; i < meeting.annexes.length; i++) {
    const annex = meeting.annexes[i]!;
    const blocks = mapContainingList(annex.blocks as AnyBlock[], id, fn);
    if (blocks === annex.blocks) continue;
    const annexes = meeting.annexes.slice();
    annexes[i] = { ...annex, blocks: blocks as Annex['blocks'] };
    return { ...meeting, annexes };
  }
  return meeting;
}

/** Where a block sits in the body or an annex (`annexId`: the annex whose blocks hold it). */
export function locateIn(meeting: Meeting, id: string): (Location & { annexId?: string }) | undefined {
  const inBody = locate(meeting.body as AnyBlock[], id);
  if (inBody) return inBody;
  for (const a of meeting.annexes ?? []) {
    const found = locate(a.blocks as AnyBlock[], id);
    if (found) return { ...found, annexId: a.id };
  }
  return undefined;
}

export function updateBlock<B extends AnyBlock>(meeting: Meeting, id: string, fn: (block: B) => B): Meeting {
  return mapInMeeting(meeting, id, (list, i) => {
    const next = fn(list[i] as B);
    if (next === list[i]) return list;
    const copy = list.slice();
    copy[i] = next;
    return copy;
  });
}

export function insertAfter(meeting: Meeting, id: string, block: AnyBlock): Meeting {
  return mapInMeeting(meeting, id, (list, i) => [...list.slice(0, i + 1), block, ...list.slice(i + 1)]);
}

/** Appends to a container's children: the body when containerId is null, a section, a session or an annex. */
export function appendChild(meeting: Meeting, containerId: string | null, block: AnyBlock): Meeting {
  if (containerId === null) return { ...meeting, body: [...meeting.body, block] as Meeting['body'] };
  const annex = meeting.annexes?.findIndex((a) => a.id === containerId) ?? -1;
  if (annex >= 0) {
    const annexes = meeting.annexes!.slice();
    annexes[annex] = { ...annexes[annex]!, blocks: [...annexes[annex]!.blocks, block] as Annex['blocks'] };
    return { ...meeting, annexes };
  }
  return updateBlock(meeting, containerId, (c: AnyBlock) => withChildren(c, [...(childrenOf(c) ?? []), block]));
}

export function removeBlock(meeting: Meeting, id: string): Meeting {
  return mapInMeeting(meeting, id, (list, i) => [...list.slice(0, i), ...list.slice(i + 1)]);
}

export function moveBlock(meeting: Meeting, id: string, delta: -1 | 1): Meeting {
  return mapInMeeting(meeting, id, (list, i) => {
    const j = i + delta;
    if (j < 0 || j >= list.length) return list;
    const copy = list.slice();
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    return copy;
  });
}

/** Renumbers sessions within each section and groups within each session/section (the format prints the numbers). */
export function renumber(meeting: Meeting): Meeting {
  let changed = false;
  const fix = (list: AnyBlock[]): AnyBlock[] => {
    let session = 0;
    let group = 0;
    let listChanged = false;
    const out = list.map((b) => {
      let next = b;
      if (b.type === 'session') {
        session++;
        if (b.number !== session) next = { ...b, number: session };
      } else if (b.type === 'group') {
        group++;
        if (b.number !== group) next = { ...b, number: group };
      }
      const kids = childrenOf(next);
      if (kids) {
        const fixed = fix(kids);
        if (fixed !== kids) next = withChildren(next, fixed);
      }
      if (next !== b) listChanged = true;
      return next;
    });
    if (listChanged) changed = true;
    return listChanged ? out : list;
  };
  const body = fix(meeting.body as AnyBlock[]);
  // Each annex numbers its own sessions and groups.
  const annexes = meeting.annexes?.map((a) => {
    const blocks = fix(a.blocks as AnyBlock[]);
    return blocks === a.blocks ? a : { ...a, blocks: blocks as Annex['blocks'] };
  });
  if (!changed) return meeting;
  return { ...meeting, body: body as Meeting['body'], ...(annexes ? { annexes } : {}) };
}
