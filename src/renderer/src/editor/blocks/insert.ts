import type { Meeting } from '../../../../shared/minutes';
import { appendChild, insertAfter, locate, locateIn, renumber, type AnyBlock } from '../../model/tree';
import type { AppState } from '../../state/store';
import type { BlockMaker } from './descriptor';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Inserts a new block after the one with the cursor, in the same container (a presentation after the
 * presentation being written, inside its session); at the end of the document when nothing is focused.
 * A session goes after the enclosing session, inside its section, or at the end of the focused section.
 */
export function insertNear(s: AppState, d: BlockMaker): void {
  const type = d.type;
  const meeting = s.doc!.meeting;
  const block = d.create(today());
  // The cursor may be in an annex: the new block goes there, beside it.
  const loc = s.focusedBlock ? locateIn(meeting, s.focusedBlock) : undefined;
  s.edit(
    (m) => {
      if (!loc) return renumber(appendChild(m, null, block));
      if (type === 'session') {
        const session = [loc.block, ...loc.parents].find((b) => b.type === 'session');
        if (session) return renumber(insertAfter(m, session.id, block));
        if (loc.block.type === 'section') return renumber(appendChild(m, loc.block.id, block));
        const section = loc.parents.find((b) => b.type === 'section');
        if (section) return renumber(appendChild(m, section.id, block));
        return renumber(insertAfter(m, loc.block.id, block));
      }
      if (loc.block.type === 'session' || loc.block.type === 'section') return renumber(appendChild(m, loc.block.id, block));
      return renumber(insertAfter(m, loc.block.id, block));
    },
    { focus: (d.firstField as (b: AnyBlock) => string)(block) },
  );
}

/**
 * Where the minutes are signed: after the last signing statement and the signatories that follow it
 * (in the same container), or, without a signing statement, at the end of the body. The cursor does
 * not matter: a signature grid beside it printed before section A.
 */
export function signingPosition(meeting: Pick<Meeting, 'body'>): { after: string } | { append: null } {
  let lastSigning: string | undefined;
  const walk = (list: readonly AnyBlock[]) => {
    for (const b of list) {
      if (b.type === 'signing') lastSigning = b.id;
      if (b.type === 'section') walk(b.blocks);
      if (b.type === 'session') walk(b.items);
    }
  };
  walk(meeting.body as AnyBlock[]);
  if (!lastSigning) return { append: null };
  const loc = locate(meeting.body as AnyBlock[], lastSigning)!;
  let i = loc.index;
  while (i + 1 < loc.siblings.length && (loc.siblings[i + 1]!.type === 'signatories' || loc.siblings[i + 1]!.type === 'signing')) i++;
  return { after: loc.siblings[i]!.id };
}

export function insertAtSigningPosition(s: AppState, d: BlockMaker): void {
  const block = d.create(today());
  const at = signingPosition(s.doc!.meeting);
  s.edit((m) => renumber('after' in at ? insertAfter(m, at.after, block) : appendChild(m, null, block)), {
    focus: (d.firstField as (b: AnyBlock) => string)(block),
  });
}

/** After the body-level block that holds the cursor (a section goes in the body only); else at the end. */
export function insertAtTopLevel(s: AppState, d: BlockMaker): void {
  const block = d.create(today());
  const loc = s.focusedBlock ? locateIn(s.doc!.meeting, s.focusedBlock) : undefined;
  const top = loc ? (loc.parents[0] ?? loc.block) : undefined;
  s.edit((m) => renumber(top ? insertAfter(m, top.id, block) : appendChild(m, null, block)), {
    focus: (d.firstField as (b: AnyBlock) => string)(block),
  });
}
