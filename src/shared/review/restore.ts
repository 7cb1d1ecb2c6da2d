import { MinutaError, excerpt } from '../errors';
import { richTextToString, type Meeting, type RichText } from '../minutes';

/**
 * Restoring from history, as pure functions over documents: a whole revision, or one block of it put
 * back into the current document. The store then saves the result like any edit (a new revision by
 * whoever restored it), so nothing in history is ever rewritten.
 */

type Obj = Record<string, unknown>;
type BlockLike = Obj & { id: string; type: string };
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The key that stands for the head (title block, dates, venue, register) in a revision's changed list. */
export const HEAD_KEY = '~head';

function kidsOf(block: BlockLike): BlockLike[] | undefined {
  if (block.type === 'section') return block['blocks'] as BlockLike[];
  if (block.type === 'session') return block['items'] as BlockLike[];
  return undefined;
}

interface Found {
  block: BlockLike;
  /** The container's id, or null for the top level. */
  parent: string | null;
  index: number;
}

/** Every body block (sections, sessions, leaves) by id, with where it sits. */
export function bodyIndex(meeting: Meeting): Map<string, Found> {
  const out = new Map<string, Found>();
  const walk = (list: BlockLike[], parent: string | null) =>
    list.forEach((block, index) => {
      out.set(block.id, { block, parent, index });
      const kids = kidsOf(block);
      if (kids) walk(kids, block.id);
    });
  walk(meeting.body as unknown as BlockLike[], null);
  return out;
}

/** Every id inside a value (the block itself, its bullets, turns, nested blocks…). */
function idsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (isObj(value)) {
    if (typeof value['id'] === 'string') out.add(value['id']);
    for (const v of Object.values(value)) if (v !== null && typeof v === 'object') idsIn(v, out);
  }
  return out;
}

/** A copy of `list` (recursively) with `fn` applied to every list of blocks, innermost first. */
function mapLists(list: BlockLike[], parent: string | null, fn: (list: BlockLike[], parent: string | null) => BlockLike[]): BlockLike[] {
  const mapped = list.map((b) => {
    const kids = kidsOf(b);
    if (!kids) return b;
    const key = b.type === 'section' ? 'blocks' : 'items';
    const next = mapLists(kids, b.id, fn);
    return next === kids ? b : { ...b, [key]: next };
  });
  return fn(mapped, parent);
}

/**
 * `current` with block `blockId` as it was in `old` (its whole subtree for a section or session), as a
 * new document; the head (`HEAD_KEY`) restores title block, dates, venue, language and register. A
 * block that exists in `current` is replaced where it now is; one that has been removed since is put
 * back in its old container at its old index (the top level when that container is gone too). Blocks
 * of the restored subtree that now sit elsewhere are taken from there, so no id is ever doubled.
 */
export function restoreBlock(current: Meeting, old: Meeting, blockId: string): Meeting {
  if (blockId === HEAD_KEY) {
    const { body: _oldBody, id: _oldId, ...head } = old;
    return { ...head, id: current.id, body: current.body } as Meeting;
  }
  const then = bodyIndex(old).get(blockId);
  if (!then) throw new MinutaError('not-found', `That revision has no block ${excerpt(blockId, 64)}`, 'blockId');
  const now = bodyIndex(current);
  const restored = then.block;
  const moving = idsIn(restored);
  const here = now.get(blockId);
  // Where the block goes: where it is now, else its old place (its old container if that still exists).
  const target = here ?? { parent: then.parent !== null && now.has(then.parent) && !moving.has(then.parent) ? then.parent : null, index: then.index };
  let placed = false;
  const body = mapLists(current.body as unknown as BlockLike[], null, (list, parent) => {
    let out: BlockLike[] = [];
    for (const b of list) {
      if (b.id === blockId && here) {
        out.push(restored);
        placed = true;
      } else if (!moving.has(b.id)) out.push(b);
    }
    if (!here && parent === target.parent && !placed) {
      const at = Math.min(target.index, out.length);
      out = [...out.slice(0, at), restored, ...out.slice(at)];
      placed = true;
    }
    return out;
  });
  return { ...current, body: body as unknown as Meeting['body'] };
}

const TYPE_NAMES: Record<string, string> = {
  paragraph: 'Paragraph',
  list: 'List',
  delegations: 'Delegations',
  observers: 'Observers',
  presiding: 'Presiding',
  remark: 'Remarks',
  presentation: 'Presentation',
  qa: 'Questions and answers',
  suggestions: 'Suggestions',
  group: 'Group discussion',
  'next-meeting': 'Next meeting',
  disclaimer: 'Disclaimer',
  signing: 'Signing',
  signatories: 'Signatories',
  routing: 'Routing',
  heading: 'Heading',
  agenda: 'Agenda',
};

const isRich = (v: unknown): v is RichText =>
  Array.isArray(v) && v.length > 0 && v.every((r) => isObj(r) && typeof r['text'] === 'string');

/** The first words the block holds (its heading, title or first text), depth first. */
function firstWords(value: unknown, depth = 0): string {
  if (depth > 12) return '';
  if (isRich(value)) return richTextToString(value).trim();
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = firstWords(v, depth + 1);
      if (s) return s;
    }
  } else if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' || k === 'type') continue;
      const s = typeof v === 'string' && !['ref', 'organisation', 'person', 'kind', 'date', 'role'].includes(k) ? v.trim() : firstWords(v, depth + 1);
      if (s) return s;
    }
  }
  return '';
}

const clip = (s: string, words = 8) => {
  const parts = s.replace(/\s+/g, ' ').trim().split(' ');
  const head = parts.slice(0, words).join(' ');
  return (parts.length > words || head.length > 60 ? `${head.slice(0, 60)}…` : head) || '';
};

/**
 * A block as a reader names it: a section's heading, "Session 2: Title", or the block's kind and its
 * first words ("Presentation: Overview of the Lao PDR…"). Never an id, unless the block has no text.
 */
export function blockLabel(block: BlockLike): string {
  if (block.type === 'section') return clip(richTextToString(block['heading'] as RichText)) || 'Section';
  if (block.type === 'session') {
    const title = clip(richTextToString(block['title'] as RichText));
    return `Session ${String(block['number'])}${title ? `: ${title}` : ''}`;
  }
  const name = TYPE_NAMES[block.type] ?? block.type;
  const words = clip(firstWords(block));
  return words ? `${name}: ${words}` : name;
}

/** Labels of `ids` from the first document that holds each (newest first); the head is "Title, dates, venue and register". */
export function labelBlocks(ids: readonly string[], documents: ReadonlyArray<() => Meeting | undefined>): Map<string, string> {
  const out = new Map<string, string>();
  const missing = new Set(ids);
  if (missing.delete(HEAD_KEY)) out.set(HEAD_KEY, 'Title, dates, venue and register');
  for (const load of documents) {
    if (missing.size === 0) break;
    const doc = load();
    if (!doc) continue;
    const index = bodyIndex(doc);
    for (const id of [...missing]) {
      const found = index.get(id);
      if (found) {
        out.set(id, blockLabel(found.block));
        missing.delete(id);
      }
    }
  }
  for (const id of missing) out.set(id, 'A block no longer in the minutes');
  return out;
}
