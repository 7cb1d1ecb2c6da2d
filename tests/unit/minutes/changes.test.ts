import { describe, expect, it } from 'vitest';
import {
  BlockRecordSchema,
  MeetingChangesSchema,
  diffMeetings,
  joinMeeting,
  splitMeeting,
  type Meeting } from '../../../src/shared/minutes';
import { MinutaError } from '../../../src/shared/errors';
import { updateBlock, removeBlock, moveBlock } from '../../../src/renderer/src/model/tree';
import { generateLongMeeting } from '../../bench/generate';
import { meetingFixture } from './helpers';

/** The first leaf block inside a session, and its session. */
function aLeafInASession(m: Meeting) {
  for (const section of m.body) {
    if (section.type !== 'section') continue;
    for (const s of section.blocks) if (s.type === 'session' && s.items.length > 1) return { session: s, leaf: s.items[0]!, next: s.items[1]! };
  }
  throw new Error('no session with items');
}

/** A copy of the value with its first `text` string changed (whatever the block type). */
function editFirstText<T>(value: T): T {
  const copy = structuredClone(value);
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const v = stack.shift();
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['text'] === 'string') {
        o['text'] = `${o['text']} (changed)`;
        return copy;
      }
      stack.push(...Object.values(o));
    }
  }
  throw new Error('no text');
}

describe('splitting a meeting into records and joining it back', () => {
  it.each(['minutes-2018.minuta.json', 'minutes-2019.minuta.json'])('round-trips %s exactly', (name) => {
    const m = meetingFixture(name);
    const { head, body, blocks } = splitMeeting(m);
    expect(joinMeeting(head, body, (id) => blocks.get(id))).toEqual(m);
    for (const record of blocks.values()) expect(BlockRecordSchema.safeParse(record).success).toBe(true);
  });

  it('refuses a missing child, a block placed twice, and a section below the body, naming the block', () => {
    const m = meetingFixture('minutes-2018.minuta.json');
    const { head, body, blocks } = splitMeeting(m);
    const { session, leaf } = aLeafInASession(m);
    const missing = new Map(blocks).set(session.id, { ...(blocks.get(session.id) as { items: string[] } & object), items: ['b_nope'] } as never);
    expect(() => joinMeeting(head, body, (id) => missing.get(id))).toThrow(/b_nope/);
    const twice = new Map(blocks).set(session.id, { ...(blocks.get(session.id) as object), items: [leaf.id, leaf.id] } as never);
    expect(() => joinMeeting(head, body, (id) => twice.get(id))).toThrow(MinutaError);
    const nested = new Map(blocks)
      .set('b_inner', { id: 'b_inner', type: 'section', heading: [], blocks: [] } as never)
      .set(session.id, { ...(blocks.get(session.id) as object), items: ['b_inner'] } as never);
    expect(() => joinMeeting(head, body, (id) => nested.get(id))).toThrow(/only stand in the body/);
  });
});

describe('what a save sends (diffMeetings)', () => {
  it('sends the head when an optional head field (the format choice) is added or removed', () => {
    const m = meetingFixture('minutes-2019.minuta.json');
    const formatted: Meeting = { ...m, format: { template: 'bilateral' } };
    expect(diffMeetings(m, formatted).head?.format).toEqual({ template: 'bilateral' });
    const back = diffMeetings(formatted, m);
    expect(back.head).toBeDefined();
    expect(back.head && 'format' in back.head).toBe(false);
  });

  it('sends nothing for the same document, and nothing when an edit is undone by content', () => {
    const m = meetingFixture('minutes-2019.minuta.json');
    expect(diffMeetings(m, m)).toEqual({});
    const copy = structuredClone(m);
    expect(diffMeetings(m, copy)).toEqual({});
  });

  it('sends one leaf record for one edited bullet in the 200-page meeting, a few KB at most', () => {
    const { meeting } = generateLongMeeting(200);
    const { leaf } = aLeafInASession(meeting);
    const touched = updateBlock(meeting, leaf.id, (b) => editFirstText(b));
    const changes = diffMeetings(meeting, touched);
    expect(changes.head).toBeUndefined();
    expect(changes.body).toBeUndefined();
    expect(changes.blocks?.map((b) => b.id)).toEqual([leaf.id]);
    expect(JSON.stringify(changes).length).toBeLessThan(10_000);
    expect(MeetingChangesSchema.safeParse(changes).success).toBe(true);
  });

  it('sends the parent record when a block is removed or moved, and the head when the title changes', () => {
    const m = meetingFixture('minutes-2018.minuta.json');
    const { session, leaf, next } = aLeafInASession(m);
    const removed = diffMeetings(m, removeBlock(m, leaf.id));
    expect(removed.blocks?.map((b) => b.id)).toEqual([session.id]);
    expect((removed.blocks![0] as { items: string[] }).items).not.toContain(leaf.id);
    const moved = diffMeetings(m, moveBlock(m, next.id, -1));
    expect(moved.blocks?.map((b) => b.id)).toEqual([session.id]);
    expect((moved.blocks![0] as { items: string[] }).items.slice(0, 2)).toEqual([next.id, leaf.id]);
    const retitled = diffMeetings(m, { ...m, titleBlock: { ...m.titleBlock, title: [{ text: 'New title' }] } });
    expect(retitled.head?.titleBlock.title).toEqual([{ text: 'New title' }]);
    expect(retitled.blocks).toBeUndefined();
  });

  it('applying the changes to the split previous document gives the new document', () => {
    const m = meetingFixture('minutes-2018.minuta.json');
    const { leaf, next } = aLeafInASession(m);
    const after = moveBlock(removeBlock(m, leaf.id), next.id, 1);
    const changes = diffMeetings(m, after);
    const before = splitMeeting(m);
    for (const r of changes.blocks ?? []) before.blocks.set(r.id, r);
    expect(joinMeeting(changes.head ?? before.head, changes.body ?? before.body, (id) => before.blocks.get(id))).toEqual(after);
  });
});
