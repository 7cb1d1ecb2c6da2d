import type { Attribution, DecisionBlock, Meeting, Vote, VoteList, Voter } from '../../../../../shared/minutes';
import { VOTE_LISTS, newId } from '../../../../../shared/minutes';
import { voteParticipants, voterKey } from '../../../../../shared/decisions/tally';

/**
 * The editor's changes to a roll call, as pure functions of the block (the descriptor's commands and
 * the editor's boxes call them): add a register entry to a list, everyone present not yet listed to
 * "for", the rest to "absent". The register decides who takes part (voteParticipants).
 */

export const emptyVote = (): Vote => ({ for: [], against: [], abstaining: [], absent: [] });

export const newVoter = (by: Attribution): Voter => ({ id: newId('v'), by });

/**
 * The entry added to `list`, unless it is there already. One already in another list is added all
 * the same: the warning beneath the lists says so, and the minute-taker decides which is right (the
 * record is what the secretariat heard, not what the editor guesses).
 */
export function addVoter(b: DecisionBlock, list: VoteList, by: Attribution): DecisionBlock {
  const vote = b.vote ?? emptyVote();
  const key = voterKey(by);
  if (vote[list].some((v) => voterKey(v.by) === key)) return b;
  return { ...b, vote: { ...vote, [list]: [...vote[list], newVoter(by)] } };
}

/**
 * Where an explanation of vote goes when asked for by keyboard: the last dissenter without one (against,
 * then abstaining), else the last voter for, else the last absent; undefined when all have one.
 */
export function voterToExplain(b: DecisionBlock): Voter | undefined {
  for (const list of ['against', 'abstaining', 'for', 'absent'] as const) {
    const v = [...(b.vote?.[list] ?? [])].reverse().find((x) => x.explanation === undefined);
    if (v) return v;
  }
  return undefined;
}

/** The block with `fn` applied to one voter, wherever it is listed. */
export function mapVoter(b: DecisionBlock, voterId: string, fn: (v: Voter) => Voter): DecisionBlock {
  if (!b.vote) return b;
  const vote = b.vote;
  return { ...b, vote: Object.fromEntries(VOTE_LISTS.map((l) => [l, vote[l].map((v) => (v.id === voterId ? fn(v) : v))])) as Vote };
}

export function removeVoter(b: DecisionBlock, voterId: string): DecisionBlock {
  if (!b.vote) return b;
  const vote = b.vote;
  return { ...b, vote: Object.fromEntries(VOTE_LISTS.map((l) => [l, vote[l].filter((v) => v.id !== voterId)])) as Vote };
}

/** Every participant in no list yet, added to `list` ("everyone present" to for, "the rest" to absent). */
export function fillWith(b: DecisionBlock, meeting: Pick<Meeting, 'people' | 'body'>, list: VoteList): DecisionBlock {
  const vote = b.vote ?? emptyVote();
  const listed = new Set(VOTE_LISTS.flatMap((l) => vote[l].map((v) => voterKey(v.by))));
  const missing = voteParticipants(meeting, b).filter((p) => !listed.has(voterKey(p.by)));
  return { ...b, method: b.method === 'consensus' ? 'vote' : b.method, vote: { ...vote, [list]: [...vote[list], ...missing.map((p) => newVoter(p.by))] } };
}
