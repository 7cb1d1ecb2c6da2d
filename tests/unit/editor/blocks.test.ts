import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_BLOCKS, BLOCKS, firstField, newBlock, typesAllowedIn } from '../../../src/renderer/src/editor/blocks';
import { signingPosition } from '../../../src/renderer/src/editor/blocks/insert';
import type { CommandId } from '../../../src/renderer/src/commands/editorCommands';
import { allCommands } from '../../../src/renderer/src/commands/registry';
import '../../../src/renderer/src/commands/editorCommands';
import { validateMeeting, type Meeting } from '../../../src/shared/minutes';
import { loadFixture } from '../../support/temp';
import type { AnyBlock } from '../../../src/renderer/src/model/tree';

/** A meeting whose body holds `block` where the model allows it (a leaf inside a section, as "Add…" offers). */
function withBlock(block: AnyBlock): Meeting {
  const base = loadFixture(2019);
  const body = block.type === 'section' || block.type === 'session' ? [block] : [{ ...(newBlock('section') as object), blocks: [block] }];
  return { ...base, body: body as Meeting['body'] };
}

describe('one descriptor per block type', () => {
  it('each makes a new block the model accepts, with a first field inside it', () => {
    for (const d of ALL_BLOCKS) {
      const block = newBlock(d.type, '2026-11-30');
      expect(block.type).toBe(d.type);
      const result = validateMeeting(withBlock(block));
      expect(result.ok, `${d.type}: ${JSON.stringify(result).slice(0, 300)}`).toBe(true);
      const key = firstField(block);
      expect(JSON.stringify(block), d.type).toContain(`"${key.split('.')[0]}"`);
    }
  });

  it("points at the agreed format's code that lays it out (the pointer cannot go stale)", () => {
    for (const d of ALL_BLOCKS) {
      const source = readFileSync(d.layout.module, 'utf8');
      expect(source, `${d.type}: ${d.layout.handler}`).toContain(d.layout.handler);
    }
  });

  it('offers the same types in "Add…" as before, in the same order', () => {
    const leaves = ['paragraph', 'list', 'remark', 'statement', 'presentation', 'qa', 'suggestions', 'group', 'decision', 'delegations', 'observers', 'presiding', 'next-meeting', 'disclaimer', 'signing', 'signatories', 'routing', 'heading', 'agenda', 'participants', 'letter'];
    expect(typesAllowedIn('body').map((d) => d.type)).toEqual(['section', 'session', ...leaves]);
    expect(typesAllowedIn('section').map((d) => d.type)).toEqual(['session', ...leaves]);
    expect(typesAllowedIn('session').map((d) => d.type)).toEqual(leaves);
  });

  it('gives every insertable type an insert command and every descriptor command a registry entry', () => {
    const ids = new Set(allCommands().map((c) => c.id));
    for (const d of ALL_BLOCKS) {
      if (d.insert) expect(ids, d.type).toContain(`insert.${d.type}`);
      for (const c of d.commands ?? []) expect(ids).toContain(c.id);
    }
    expect(BLOCKS.section.insert.placement).toBe('top-level');
  });

  it('command ids are a closed type', () => {
    const known: CommandId[] = ['edit.undo', 'insert.signatories', 'group.addCollaboration', 'block.moveUp'];
    // @ts-expect-error: not a command
    const unknown: CommandId = 'insert.nothing';
    // @ts-expect-error: not a command of the group block
    const section: CommandId = 'group.addNothing';
    expect(known.length + unknown.length + section.length).toBeGreaterThan(0);
  });
});

describe('signing position (where "Add signatories" puts the grid, wherever the cursor is)', () => {
  it('after the signing statement and the signatories that follow it', () => {
    const m2019 = loadFixture(2019);
    const last = m2019.body.at(-1)!;
    expect(last.type).toBe('signatories');
    expect(signingPosition(m2019)).toEqual({ after: last.id });
    const m2018 = loadFixture(2018);
    const closing = m2018.body.filter((b) => b.type === 'section').at(-1) as { blocks: AnyBlock[] };
    const signing = closing.blocks.find((b) => b.type === 'signing')!;
    expect(signingPosition(m2018)).toEqual({ after: signing.id });
  });

  it('at the end of the minutes when there is no signing statement', () => {
    const m = { ...loadFixture(2019), body: loadFixture(2019).body.filter((b) => b.type !== 'signing' && b.type !== 'signatories') };
    expect(signingPosition(m)).toEqual({ append: null });
  });
});
