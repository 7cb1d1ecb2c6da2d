import { describe, expect, it } from 'vitest';
import { decisionWarnings, tallyOf, voteParticipants } from '../../../src/shared/decisions/tally';
import { type DecisionBlock, meetingPlainText, parseInterchange, serializeMeetingContent } from '../../../src/shared/minutes';
import { describeDifference, firstDifference, readFixture, words } from '../minutes/helpers';

/**
 * The FOMC's minutes of 17–18 December 2013 (two complete parts, see tests/fixtures/fomc/SOURCE.md)
 * as data: every word of the source in the model, the votes linked to the register, the tally and
 * the warnings computed from them.
 */

const FIXTURE = 'fomc-2013-12.minuta.json';
const load = () => {
  const r = parseInterchange(readFixture(FIXTURE));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.meeting;
};
const decisions = () => load().body.filter((b): b is DecisionBlock => b.type === 'decision');

/**
 * The source's words as the model holds them: without the date line under the title (the meeting's
 * dates are data) and the gap between the two parts; the vote lines as their names alone ("Voting for
 * this action:", the commas and the serial "and" are the format's, the names the register's).
 */
function modelWords(source: string): string[] {
  const vote = /^Voting (?:for|against) this action: (.*)\.$/;
  const lines = source
    .split('\n')
    .filter((l) => l.trim() !== '' && l.trim() !== '[…]' && l.trim() !== 'December 17–18, 2013')
    .map((l) => (vote.test(l) ? vote.exec(l)![1]!.split(/, (?:and )?/).join(' ') : l));
  return words(lines.join('\n'));
}

describe('the FOMC fixture (December 2013) as data', () => {
  it('parses, and is in canonical form', () => {
    expect(serializeMeetingContent(load())).toBe(readFixture(FIXTURE));
  });

  it('holds every word of the source, in order (the vote lines as names, the formula being the format’s)', () => {
    const meeting = load();
    const expected = modelWords(readFixture('fomc/fomc-2013-12.txt'));
    // The venue is data the source prints in prose only (the opening paragraph names the place).
    const text = meetingPlainText(meeting).filter((s) => s !== meeting.venue.city && s !== meeting.venue.country);
    const actual = words(text.join(' '));
    const at = firstDifference(expected, actual);
    if (at !== -1) expect.fail(describeDifference(expected, actual, at));
  });

  it('the roll call: 9 for, 1 against, every voter a member of the Committee in the register, no warning', () => {
    const meeting = load();
    const [directive, notation] = decisions();
    expect(tallyOf(directive!.vote)).toEqual({ for: 9, against: 1, abstaining: 0, absent: 0 });
    const members = new Set(meeting.people.filter((p) => p.organisationId === 'o_fomc').map((p) => p.id));
    expect(members.size).toBe(10);
    const voters = [...directive!.vote!.for, ...directive!.vote!.against];
    expect(voters.every((v) => v.by.personId !== undefined && members.has(v.by.personId))).toBe(true);
    expect(voters.map((v) => v.by.label)).toEqual(voters.map((v) => meeting.people.find((p) => p.id === v.by.personId)!.name));
    expect(decisionWarnings(directive!, voteParticipants(meeting, directive!))).toEqual([]);
    expect(directive!.vote!.against[0]!.explanation?.[0]?.[0]?.text).toMatch(/^Mr\. Rosengren dissented because/);
    // The notation vote was completed a month before the meeting: its own date.
    expect([notation!.method, notation!.date, meeting.dates.start]).toEqual(['notation-vote', '2013-11-19', '2013-12-17']);
  });
});
