import type { DecisionBlock, DecisionMarker, Meeting, VoteList } from '../minutes';
import { organisationShortName } from '../minutes';
import { tallyOf } from '../decisions/tally';
import { fill, joinParts } from './compose';
import type { DecisionWords } from './agreed';

/**
 * The words of a decision made from its data, for the agreed format (agreed.ts lays them out) and the
 * editor (placeholders, the tally shown while typing). Wording comes from the template's
 * `DecisionWords`; the counting from src/shared/decisions/tally.ts.
 */

/** The body that took a decision as printed: the register organisation's short name, else the typed label. */
export function decisionBody(d: Pick<DecisionMarker, 'organisationId' | 'body'>, register: Pick<Meeting, 'organisations'>): string {
  const org = d.organisationId ? register.organisations.find((o) => o.id === d.organisationId) : undefined;
  return org ? organisationShortName(org) : (d.body ?? '');
}

/**
 * "Decision 3/2019 (Council, 30 July 2025)": the heading line made from the data. Only a numbered
 * decision gets one, the body and date riding along: an unnumbered decision (the FOMC's) is introduced
 * by the minutes' own prose, which already says who decided and when, so body and date stay data.
 */
export function decisionHeading(
  d: Pick<DecisionMarker, 'number' | 'organisationId' | 'body' | 'date'>,
  register: Pick<Meeting, 'organisations'>,
  w: DecisionWords,
  writeDate: (iso: string) => string,
): string {
  if (d.number === undefined || d.number.trim() === '') return '';
  const details = joinParts([decisionBody(d, register), d.date ? writeDate(d.date) : undefined], ', ');
  return fill(w.heading, { number: d.number ?? '', details }).trim();
}

/** "A", "A and B", "A, B, and C" (the FOMC's serial comma is the template's `last`). */
export function joinNames(names: readonly string[], w: DecisionWords): string {
  const shown = names.map((n) => n.trim()).filter((n) => n !== '');
  if (shown.length <= 1) return shown.join('');
  if (shown.length === 2) return `${shown[0]}${w.pair}${shown[1]}`;
  return `${shown.slice(0, -1).join(w.separator)}${w.last}${shown.at(-1)}`;
}

const count = (forms: readonly [string, string], n: number) => fill(n === 1 ? forms[0] : forms[1], { n });

/**
 * The outcome as the tally style states it: "Adopted by consensus.", "Adopted by 9 votes to 2, with
 * 1 absent.", "Adopted by notation vote." (no names recorded), "Rejected." (a vote without names).
 */
export function outcomeSentence(d: Pick<DecisionBlock, 'outcome' | 'method' | 'vote'>, w: DecisionWords): string {
  const outcome = w.outcome[d.outcome];
  if (d.method === 'consensus') return fill(w.consensus, { outcome });
  const t = tallyOf(d.vote);
  if (t.for + t.against + t.abstaining + t.absent === 0) return fill(d.method === 'notation-vote' ? w.notation : w.plain, { outcome });
  const others = joinParts([t.abstaining ? count(w.abstentions, t.abstaining) : '', t.absent ? count(w.absent, t.absent) : ''], w.pair);
  return fill(w.tally, { outcome, for: count(w.votes, t.for), against: String(t.against), others });
}

/**
 * The names style's lines, for, against, abstaining, each when its list has names; the absent only
 * when the template words an absent line (a body that records who did not vote).
 */
export function voteLines(d: Pick<DecisionBlock, 'vote'>, w: DecisionWords): string[] {
  const lists: VoteList[] = ['for', 'against', 'abstaining', 'absent'];
  return lists.flatMap((list) => {
    const line = w.names[list];
    const names = joinNames((d.vote?.[list] ?? []).map((v) => v.by.label), w);
    return names === '' || line === undefined ? [] : [fill(line, { names })];
  });
}
