import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/shared/canonicalJson';
import { isMinutaError } from '../../../src/shared/errors';
import { decisionsOf } from '../../../src/shared/decisions/collect';
import { routingSteps } from '../../../src/shared/workflow/routing';
import { compareMeetings } from '../../../src/shared/review/compare';
import { diffMeetings, documentBlocks, joinMeeting, meetingPlainText, splitMeeting, type Annex, type Meeting } from '../../../src/shared/minutes';
import { appendChild, insertAfter, locateIn, moveBlock, removeBlock, renumber, updateBlock, type AnyBlock } from '../../../src/renderer/src/model/tree';
import { openTestStore } from '../../support/testStore';
import { shapesMeeting } from '../../support/shapesMeeting';

/**
 * Annexes (`Meeting.annexes`) hold blocks as the body does: every consumer that walks the minutes'
 * blocks sees them (decisions, routing, plain text and search, comparison, the editor's tree edits),
 * and the store keeps them as part of the head.
 */

const withAnnexBlocks = (m: Meeting, blocks: Annex['blocks']): Meeting => ({ ...m, annexes: [{ id: 'x_extra', title: [{ text: 'Decisions taken' }], blocks }, ...(m.annexes ?? [])] });

describe('the consumers of the block tree see blocks in annexes', () => {
  const m = withAnnexBlocks(shapesMeeting(), [
    { id: 'b_dec', type: 'decision', number: 'Decision 1/2024', outcome: 'adopted', method: 'consensus', text: [[{ text: 'The meeting adopts the plan.' }]] },
    {
      id: 'b_route',
      type: 'routing',
      steps: [{ id: 'rs_1', kind: 'submitted', recipient: 'the Minister', purpose: 'for information', place: 'Bangkok', date: '2024-03-15', signerRole: 'Secretary', signature: { kind: 'none' } }],
    },
  ]);

  it('documentBlocks: the body, then each annex’s blocks', () => {
    expect(documentBlocks(m).map((b) => b.id)).toEqual([...m.body.map((b) => b.id), 'b_dec', 'b_route', 'b_note', 'b_a1', 'b_a2']);
  });

  it('decisions, routing steps and the plain text (search, word count)', () => {
    expect(decisionsOf(m).map((d) => d.objectId)).toEqual(['b_dec']);
    expect(routingSteps(m).map((s) => s.id)).toEqual(['rs_1']);
    const text = meetingPlainText(m);
    for (const s of ['Decisions taken', 'The meeting adopts the plan.', 'Exchange of notes', 'Mr. Prasert Wong', 'Member States agreed to meet again in 2025.', 'Ms. Keo Sophal', 'IOM']) expect(text).toContain(s);
  });

  it('a comparison reports an edit inside an annex as a change of that block, in document order', () => {
    const edited = structuredClone(m);
    const para = edited.annexes![2]!.blocks[1] as Extract<AnyBlock, { type: 'paragraph' }>;
    para.text = [{ text: 'Member States agreed to meet again in 2026.' }];
    edited.body = [...edited.body, { id: 'b_new', type: 'paragraph', text: [{ text: 'Added to the body.' }] }];
    const c = compareMeetings(m, edited);
    expect(c.blocks.map((b) => [b.id, b.kind])).toEqual([
      ['b_new', 'added'],
      ['b_a2', 'changed'],
    ]);
  });
});

describe('the editor’s tree edits reach annex blocks', () => {
  const m = shapesMeeting();
  const para = (id: string, text: string): AnyBlock => ({ id, type: 'paragraph', text: [{ text }] });

  it('update, insert after, move, remove and append by id, inside an annex, leaving the body as it is', () => {
    const a = updateBlock<Extract<AnyBlock, { type: 'paragraph' }>>(m, 'b_a1', (b) => ({ ...b, text: [{ text: 'Changed.' }] }));
    expect(a.body).toBe(m.body);
    expect(a.annexes![1]!.blocks[0]).toMatchObject({ text: [{ text: 'Changed.' }] });
    expect(a.annexes![0]).toBe(m.annexes![0]);
    const b = insertAfter(a, 'b_a1', para('b_in', 'Inserted.'));
    expect(b.annexes![1]!.blocks.map((x) => x.id)).toEqual(['b_a1', 'b_in', 'b_a2']);
    expect(moveBlock(b, 'b_in', 1).annexes![1]!.blocks.map((x) => x.id)).toEqual(['b_a1', 'b_a2', 'b_in']);
    expect(removeBlock(b, 'b_a1').annexes![1]!.blocks.map((x) => x.id)).toEqual(['b_in', 'b_a2']);
    const c = appendChild(m, 'x_notes', para('b_end', 'At the end of the annex.'));
    expect(c.annexes![0]!.blocks.map((x) => x.id)).toEqual(['b_note', 'b_end']);
    expect(c.body).toBe(m.body);
    expect(locateIn(c, 'b_end')).toMatchObject({ annexId: 'x_notes', index: 1 });
    expect(locateIn(c, 'b_open')?.annexId).toBeUndefined();
  });

  it('renumbers each annex’s sessions on their own', () => {
    const session = (id: string, n: number): AnyBlock => ({ id, type: 'session', number: n, title: [], items: [] });
    const withSessions = appendChild(appendChild(m, 'x_text', session('s_a', 7)), 'x_text', session('s_b', 7));
    const numbers = renumber(withSessions).annexes![1]!.blocks.flatMap((x) => (x.type === 'session' ? [x.number] : []));
    expect(numbers).toEqual([1, 2]);
  });
});

describe('the store keeps annexes with the head', () => {
  let env: ReturnType<typeof openTestStore>;
  beforeEach(() => {
    env = openTestStore('minuta-annexes-');
  });
  afterEach(() => {
    env.db.close();
    env.tmp.cleanup();
  });

  it('stores, saves an edit inside an annex as a head change, and reads it back whole', () => {
    const { store } = env;
    const m = shapesMeeting();
    const created = store.create(m, 'ana');
    expect(canonicalJson(store.get(m.id)!.meeting)).toBe(canonicalJson(m));
    const edited = updateBlock<Extract<AnyBlock, { type: 'paragraph' }>>(m, 'b_a2', (b) => ({ ...b, text: [{ text: 'Member States agreed to meet in Vientiane.' }] }));
    const changes = diffMeetings(m, edited);
    expect(changes.blocks).toBeUndefined();
    expect(changes.head?.annexes?.[1]?.blocks[1]).toMatchObject({ text: [{ text: 'Member States agreed to meet in Vientiane.' }] });
    store.save(m.id, created.seq, changes, 'ana');
    expect(canonicalJson(store.get(m.id)!.meeting)).toBe(canonicalJson(edited));
    // The split and the join keep them too (the units a save carries).
    const split = splitMeeting(edited);
    expect(canonicalJson(joinMeeting(split.head, split.body, (id) => split.blocks.get(id)))).toBe(canonicalJson(edited));
  });

  it('refuses a block id used in the body and in an annex, naming it, and changes nothing', () => {
    const { store } = env;
    const m = shapesMeeting();
    const created = store.create(m, 'ana');
    const bad = appendChild(m, 'x_text', { id: 'b_open', type: 'paragraph', text: [] });
    let error: unknown;
    try {
      store.save(m.id, created.seq, diffMeetings(m, bad), 'ana');
    } catch (e) {
      error = e;
    }
    expect(isMinutaError(error) && error.code).toBe('invalid');
    expect(String((error as Error).message)).toContain('Duplicate id "b_open"');
    expect(canonicalJson(store.get(m.id)!.meeting)).toBe(canonicalJson(m));
  });
});
