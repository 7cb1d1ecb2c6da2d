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

/** The entry added to `list`; a voter already in another list moves (one key corrects a slip), never doubles. */
export function addVoter(b: DecisionBlock, list: VoteList, by: Attribution): DecisionBlock {
  const vote = b.vote ?? emptyVote();
  const key = voterKey(by);
  const existing = VOTE_LISTS.flatMap((l) => vote[l]).find((v) => voterKey(v.by) === key);
  const without = Object.fromEntries(VOTE_LISTS.map((l) => [l, vote[l].filter((v) => voterKey(v.by) !== key)])) as Vote;
  return { ...b, vote: { ...without, [list]: [...without[list], existing ?? newVoter(by)] } };
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
