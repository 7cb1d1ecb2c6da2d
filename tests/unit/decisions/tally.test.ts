import { describe, expect, it } from 'vitest';
import { decisionWarnings, tallyOf, voteParticipants, warningText, type Participant } from '../../../src/shared/decisions/tally';
import type { DecisionBlock, Meeting, Vote, Voter } from '../../../src/shared/minutes';

let n = 0;
const voter = (label: string, ref: { personId?: string; delegationId?: string } = {}): Voter => ({ id: `v_${++n}`, by: { label, ...ref } });
const vote = (v: Partial<Record<keyof Vote, Voter[]>>): Vote => ({ for: [], against: [], abstaining: [], absent: [], ...v });
const decision = (d: Partial<DecisionBlock>): Pick<DecisionBlock, 'outcome' | 'method' | 'vote'> => ({ outcome: 'adopted', method: 'vote', ...d });

describe('tally', () => {
  it('counts each list, and nothing when there is no vote', () => {
    expect(tallyOf(vote({ for: [voter('A'), voter('B')], against: [voter('C')], absent: [voter('D')] }))).toEqual({ for: 2, against: 1, abstaining: 0, absent: 1 });
    expect(tallyOf(undefined)).toEqual({ for: 0, against: 0, abstaining: 0, absent: 0 });
  });
});

describe('warnings', () => {
  it('a clean roll call has none', () => {
    expect(decisionWarnings(decision({ vote: vote({ for: [voter('A'), voter('B')], against: [voter('C')] }) }))).toEqual([]);
  });

  it('someone in two lists, by register reference whatever the label, or by label when unlinked', () => {
    const w = decisionWarnings(
      decision({
        vote: vote({
          for: [voter('Mr. Rosengren', { personId: 'p_rosengren' }), voter('Lao')],
          against: [voter('Eric Rosengren', { personId: 'p_rosengren' })],
          abstaining: [voter(' lao ')],
        }),
      }),
    );
    expect(w).toEqual([
      { kind: 'duplicate', label: 'Mr. Rosengren', lists: ['for', 'against'] },
      { kind: 'duplicate', label: 'Lao', lists: ['for', 'abstaining'] },
    ]);
    expect(warningText(w[0]!)).toBe('Mr. Rosengren is in two lists: for and against.');
  });

  it('a present participant in no list', () => {
    const participants: Participant[] = ['Cambodia', 'Lao PDR', 'Myanmar'].map((c, i) => ({ by: { label: c, delegationId: `d_${i}` } }));
    const w = decisionWarnings(decision({ vote: vote({ for: [voter('Cambodia', { delegationId: 'd_0' })], absent: [voter('Myanmar', { delegationId: 'd_2' })] }) }), participants);
    expect(w).toEqual([{ kind: 'unlisted', label: 'Lao PDR' }]);
    // Before any name is entered, nobody is reported missing: the lists are still being filled.
    expect(decisionWarnings(decision({ vote: vote({}) }), participants)).toEqual([]);
  });

  it('a tally that contradicts the outcome: adopted without a majority for, rejected with one', () => {
    const nineTwo = vote({ for: Array.from({ length: 9 }, (_, i) => voter(`F${i}`)), against: [voter('X'), voter('Y')], absent: [voter('Z')] });
    expect(decisionWarnings(decision({ outcome: 'adopted', vote: nineTwo }))).toEqual([]);
    expect(decisionWarnings(decision({ outcome: 'rejected', vote: nineTwo }))).toEqual([
      { kind: 'contradiction', outcome: 'rejected', tally: { for: 9, against: 2, abstaining: 0, absent: 1 } },
    ]);
    const tie = vote({ for: [voter('A')], against: [voter('B')] });
    expect(decisionWarnings(decision({ outcome: 'adopted', vote: tie })).map((x) => x.kind)).toEqual(['contradiction']);
    expect(warningText(decisionWarnings(decision({ outcome: 'adopted', vote: tie }))[0]!)).toBe('The outcome is "adopted" but 1 voted for and 1 against.');
    // Deferred and noted say nothing about a majority.
    expect(decisionWarnings(decision({ outcome: 'deferred', vote: tie }))).toEqual([]);
  });

  it('votes recorded for a decision taken by consensus', () => {
    expect(decisionWarnings(decision({ method: 'consensus', vote: vote({ for: [voter('A')] }) })).map((x) => x.kind)).toEqual(['votes-without-vote']);
    // Absences alone are not votes.
    expect(decisionWarnings(decision({ method: 'consensus', vote: vote({ absent: [voter('A')] }) }))).toEqual([]);
  });
});

describe('participants', () => {
  const meeting = {
    people: [
      { id: 'p_a', name: 'Ben Bernanke', titleLines: [], organisationId: 'o_fomc', honorific: 'Mr.' },
      { id: 'p_b', name: 'Eric Rosengren', titleLines: [], organisationId: 'o_fomc' },
      { id: 'p_c', name: 'William B. English', titleLines: [] },
    ],
    body: [
      { id: 'b_s', type: 'section', heading: [], blocks: [{ id: 'b_d', type: 'delegations', delegations: [{ id: 'd_kh', country: 'Cambodia', institutions: [] }] }] },
    ],
  } as unknown as Meeting;

  it('the people of the body that took the decision, when it is a register organisation', () => {
    expect(voteParticipants(meeting, { organisationId: 'o_fomc' })).toEqual([
      { by: { label: 'Ben Bernanke', personId: 'p_a' } },
      { by: { label: 'Eric Rosengren', personId: 'p_b' } },
    ]);
  });

  it('otherwise the delegations of the meeting, wherever they are listed', () => {
    expect(voteParticipants(meeting, {})).toEqual([{ by: { label: 'Cambodia', delegationId: 'd_kh' } }]);
  });
});
