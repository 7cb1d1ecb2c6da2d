import { describe, expect, it } from 'vitest';
import { decisionWarnings, tallyOf, voteParticipants } from '../../../src/shared/decisions/tally';
import { type DecisionBlock, meetingPlainText, parseInterchange, serializeMeetingContent } from '../../../src/shared/minutes';
import { describeDifference, firstDifference, readFixture, words } from '../minutes/helpers';

/**
 * A complete real record of a recorded vote (tests/fixtures/bevy/SOURCE.md): the Bevy Foundation
 * board's decision of 9 September 2024 to record who voted for which motion, as data — every word of
 * the source in the model, the voters linked to the board in the register, the tally computed.
 */

const FIXTURE = 'bevy-2024-09-09.minuta.json';
const load = () => {
  const r = parseInterchange(readFixture(FIXTURE));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.meeting;
};

/**
 * The source's words as the model holds them: the vote line as its names alone ("Votes: Yes by", "No
 * vote by", the commas and the "and" are the format's words, the names the register's).
 */
function modelWords(source: string): string[] {
  const vote = /^Votes: Yes by (.*)\. No vote by (.*)\.$/;
  const lines = source
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (vote.test(l) ? vote.exec(l)!.slice(1).flatMap((names) => names.split(/, | and /)).join(' ') : l));
  return words(lines.join('\n'));
}

describe('the Bevy Foundation board’s recorded vote of 9 September 2024 as data', () => {
  it('parses, and is in canonical form', () => {
    expect(serializeMeetingContent(load())).toBe(readFixture(FIXTURE));
  });

  it('holds every word of the source, in order (the vote line as names, its formula being the format’s)', () => {
    const meeting = load();
    const expected = modelWords(readFixture('bevy/recording-votes-2024-09-09.txt'));
    // The venue is data the source does not print (the vote was taken online; the title block omits the place).
    const text = meetingPlainText(meeting).filter((s) => s !== meeting.venue.city && s !== meeting.venue.country);
    const actual = words(text.join(' '));
    const at = firstDifference(expected, actual);
    if (at !== -1) expect.fail(describeDifference(expected, actual, at));
  });

  it('the vote: 4 for, 1 who did not vote, every voter a board member in the register, no warning', () => {
    const meeting = load();
    const decisions = meeting.body.filter((b): b is DecisionBlock => b.type === 'decision');
    expect(decisions).toHaveLength(1);
    const [d] = decisions;
    expect([d!.outcome, d!.method, d!.organisationId]).toEqual(['adopted', 'notation-vote', 'o_bevy']);
    expect(tallyOf(d!.vote)).toEqual({ for: 4, against: 0, abstaining: 0, absent: 1 });
    const board = new Set(meeting.people.filter((p) => p.organisationId === 'o_bevy').map((p) => p.id));
    expect(board.size).toBe(5);
    const voters = [...d!.vote!.for, ...d!.vote!.absent];
    // Each board member once, by register entry, printed under the register's name.
    expect(new Set(voters.map((v) => v.by.personId))).toEqual(board);
    expect(voters.map((v) => v.by.label)).toEqual(voters.map((v) => meeting.people.find((p) => p.id === v.by.personId)!.name));
    expect(decisionWarnings(d!, voteParticipants(meeting, d!))).toEqual([]);
  });
});
