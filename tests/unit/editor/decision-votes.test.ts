import { describe, expect, it } from 'vitest';
import { addVoter, emptyVote, fillWith, mapVoter, removeVoter, voterToExplain } from '../../../src/renderer/src/editor/blocks/decision/votes';
import type { DecisionBlock, Meeting } from '../../../src/shared/minutes';

/** The editor's changes to a roll call: pure functions of the block and the register. */

const meeting = {
  people: [
    { id: 'p_a', name: 'Anong', titleLines: [], organisationId: 'o_c' },
    { id: 'p_b', name: 'Bounmy', titleLines: [], organisationId: 'o_c' },
    { id: 'p_c', name: 'Chanthala', titleLines: [], organisationId: 'o_c' },
    { id: 'p_s', name: 'Secretary', titleLines: [] },
  ],
  body: [],
} as unknown as Meeting;
const block = (d: Partial<DecisionBlock> = {}): DecisionBlock => ({ id: 'b_d', type: 'decision', outcome: 'adopted', method: 'consensus', text: [], organisationId: 'o_c', ...d });
const labels = (b: DecisionBlock) => ({ for: b.vote!.for.map((v) => v.by.label), against: b.vote!.against.map((v) => v.by.label), absent: b.vote!.absent.map((v) => v.by.label) });

describe('roll call edits', () => {
  it('adds a register entry to a list once; into a second list it goes too (the warning tells)', () => {
    let b = addVoter(block(), 'for', { label: 'Anong', personId: 'p_a' });
    b = addVoter(b, 'for', { label: 'Anong', personId: 'p_a' });
    b = addVoter(b, 'against', { label: 'Anong', personId: 'p_a' });
    expect(labels(b)).toEqual({ for: ['Anong'], against: ['Anong'], absent: [] });
    expect(labels(removeVoter(b, b.vote!.against[0]!.id))).toEqual({ for: ['Anong'], against: [], absent: [] });
  });

  it('everyone of the body not yet listed votes for; the rest are absent; a consensus becomes a vote', () => {
    const b = fillWith(addVoter(block(), 'against', { label: 'Bounmy', personId: 'p_b' }), meeting, 'for');
    expect(b.method).toBe('vote');
    expect(labels(b)).toEqual({ for: ['Anong', 'Chanthala'], against: ['Bounmy'], absent: [] });
    const rest = fillWith(addVoter(block({ vote: emptyVote() }), 'for', { label: 'Anong', personId: 'p_a' }), meeting, 'absent');
    expect(labels(rest)).toEqual({ for: ['Anong'], against: [], absent: ['Bounmy', 'Chanthala'] });
    // The secretary is not of the body: never added.
    expect(JSON.stringify(rest)).not.toContain('p_s');
  });

  it('an explanation of vote goes to the last dissenter without one, then to those for', () => {
    let b = fillWith(addVoter(addVoter(block(), 'against', { label: 'Bounmy', personId: 'p_b' }), 'against', { label: 'Chanthala', personId: 'p_c' }), meeting, 'for');
    expect(voterToExplain(b)!.by.label).toBe('Chanthala');
    b = mapVoter(b, voterToExplain(b)!.id, (v) => ({ ...v, explanation: [[]] }));
    expect(voterToExplain(b)!.by.label).toBe('Bounmy');
    b = mapVoter(b, voterToExplain(b)!.id, (v) => ({ ...v, explanation: [[]] }));
    expect(voterToExplain(b)!.by.label).toBe('Anong');
  });
});
