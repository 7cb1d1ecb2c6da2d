import type { Attribution, Block, DecisionBlock, DecisionMarker, Meeting, Vote, VoteList, Voter } from '../minutes';
import { VOTE_LISTS, documentBlocks, personDisplayName } from '../minutes';

/**
 * The arithmetic and the checks of a recorded vote, from its lists alone: the one place that counts.
 * The format prints the tally sentence from `tallyOf`, the editor shows it as the lists are typed, and
 * the warnings below are what the editor flags. Pure: no storage, no DOM.
 */

export type Tally = Record<VoteList, number>;

export function tallyOf(vote: Vote | undefined): Tally {
  return { for: vote?.for.length ?? 0, against: vote?.against.length ?? 0, abstaining: vote?.abstaining.length ?? 0, absent: vote?.absent.length ?? 0 };
}

/**
 * Who a reference is, across lists: the register entry it links to, else its label (case and spacing
 * ignored), so that "Lao" typed twice is the same voter as a linked Lao delegation only when linked.
 */
export function voterKey(by: Attribution): string {
  if (by.personId) return `person:${by.personId}`;
  if (by.delegationId) return `delegation:${by.delegationId}`;
  if (by.organisationId) return `organisation:${by.organisationId}`;
  return `label:${by.label.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

export type DecisionWarning =
  /** The same voter in two lists (or twice in one). */
  | { kind: 'duplicate'; label: string; lists: VoteList[] }
  /** A participant of the vote who is in no list: not recorded as voting, abstaining or absent. */
  | { kind: 'unlisted'; label: string }
  /** The outcome says adopted (or rejected) while the votes say otherwise. */
  | { kind: 'contradiction'; outcome: DecisionBlock['outcome']; tally: Tally }
  /** Names are recorded for a decision taken by consensus (no vote). */
  | { kind: 'votes-without-vote' };

/** A participant as the editor and the warnings see one: the reference and how to name it. */
export interface Participant {
  by: Attribution;
}

/**
 * Who takes part in a vote, from the register: when the decision names the body that took it (a
 * register organisation), the people of that organisation; otherwise, when the meeting has
 * delegations, the delegations (one vote each, the inter-governmental practice); otherwise nobody
 * is known and no one is reported missing.
 */
export function voteParticipants(meeting: Pick<Meeting, 'people' | 'body'>, decision: Pick<DecisionMarker, 'organisationId'>): Participant[] {
  if (decision.organisationId) {
    return meeting.people
      .filter((p) => p.organisationId === decision.organisationId)
      .map((p) => ({ by: { label: personDisplayName({ name: p.name }), personId: p.id } }));
  }
  const out: Participant[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'delegations') for (const d of b.delegations) out.push({ by: { label: d.country, delegationId: d.id } });
      else if (b.type === 'section') walk(b.blocks);
      else if (b.type === 'session') walk(b.items);
    }
  };
  walk(documentBlocks(meeting));
  return out;
}

/**
 * What is wrong with a decision's record of votes, in a fixed order (duplicates, unlisted
 * participants, a contradicting outcome). The majority rule is the simple one — more for than
 * against among those voting — which is what "adopted" means unless a body's rules say otherwise;
 * the warning asks a person to look, it never changes the record.
 */
export function decisionWarnings(
  decision: Pick<DecisionBlock, 'outcome' | 'method' | 'vote'>,
  participants: readonly Participant[] = [],
): DecisionWarning[] {
  const warnings: DecisionWarning[] = [];
  const vote = decision.vote;
  const seen = new Map<string, { label: string; lists: VoteList[] }>();
  for (const list of VOTE_LISTS) {
    for (const v of vote?.[list] ?? []) {
      const key = voterKey(v.by);
      const entry = seen.get(key);
      if (entry) entry.lists.push(list);
      else seen.set(key, { label: v.by.label, lists: [list] });
    }
  }
  for (const { label, lists } of seen.values()) if (lists.length > 1) warnings.push({ kind: 'duplicate', label, lists });
  if (vote && seen.size > 0) {
    for (const p of participants) if (!seen.has(voterKey(p.by))) warnings.push({ kind: 'unlisted', label: p.by.label });
  }
  const tally = tallyOf(vote);
  const voting = tally.for + tally.against;
  if (decision.method === 'consensus' && voting + tally.abstaining > 0) warnings.push({ kind: 'votes-without-vote' });
  else if (voting > 0) {
    if (decision.outcome === 'adopted' && tally.for <= tally.against) warnings.push({ kind: 'contradiction', outcome: 'adopted', tally });
    if (decision.outcome === 'rejected' && tally.for > tally.against) warnings.push({ kind: 'contradiction', outcome: 'rejected', tally });
  }
  return warnings;
}

const LIST_WORDS: Record<VoteList, string> = { for: 'for', against: 'against', abstaining: 'abstaining', absent: 'absent' };

/** A warning as one sentence for the editor. */
export function warningText(w: DecisionWarning): string {
  switch (w.kind) {
    case 'duplicate':
      return w.lists.every((l) => l === w.lists[0])
        ? `${w.label} is listed twice as ${LIST_WORDS[w.lists[0]!]}.`
        : `${w.label} is in two lists: ${w.lists.map((l) => LIST_WORDS[l]).join(' and ')}.`;
    case 'unlisted':
      return `${w.label} is in no list (for, against, abstaining or absent).`;
    case 'contradiction':
      return `The outcome is "${w.outcome}" but ${w.tally.for} voted for and ${w.tally.against} against.`;
    case 'votes-without-vote':
      return 'Votes are recorded, but the decision is marked as taken by consensus.';
  }
}

/** A voter added to a list: every voter in every list, in list order (for the editor and the format). */
export function allVoters(vote: Vote | undefined): { list: VoteList; voter: Voter }[] {
  return VOTE_LISTS.flatMap((list) => (vote?.[list] ?? []).map((voter) => ({ list, voter })));
}
