import { describe, expect, it } from 'vitest';
import { decisionsOf } from '../../../src/shared/decisions/collect';
import { decisionWarnings, tallyOf, voteParticipants } from '../../../src/shared/decisions/tally';
import { type Block, type DecisionBlock, type LeafBlock, meetingPlainText, parseInterchange, serializeMeetingContent } from '../../../src/shared/minutes';
import { describeDifference, firstDifference, readFixture, words } from '../minutes/helpers';

/**
 * A complete real record of a meeting that decided by a recorded vote (tests/fixtures/nodejs-tsc/
 * SOURCE.md): the Node.js Foundation Technical Steering Committee's meeting of 20 December 2017, from
 * its title to its last line, as data — attendance, agenda items, every remark linked to its speaker
 * in the register, and the vote on the new meeting schedule as a roll call of register entries.
 */

const FIXTURE = 'nodejs-tsc-2017-12-20.minuta.json';
const SOURCE = 'nodejs-tsc/tsc-2017-12-20.txt';
const load = () => {
  const r = parseInterchange(readFixture(FIXTURE));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.meeting;
};

/** Every leaf block in document order, through sections and sessions. */
function leaves(blocks: readonly Block[]): LeafBlock[] {
  return blocks.flatMap((b) => (b.type === 'section' ? leaves(b.blocks) : b.type === 'session' ? leaves(b.items) : [b]));
}

/**
 * The source's words as the model holds them. The vote line is its names alone ("Yes:", "Abstain:" and
 * the commas are the format's words); a remark's "Gibson:" is the speaker's label, the colon after it
 * the format's separator.
 */
function modelWords(source: string, speakers: ReadonlySet<string>): string[] {
  const vote = /^Yes: (.*) Abstain: (.*)$/;
  const remark = /^([^\s:]+): /;
  const lines = source
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      if (vote.test(l)) return vote.exec(l)!.slice(1).flatMap((names) => names.split(', ')).join(' ');
      const m = remark.exec(l);
      return m && speakers.has(m[1]!) ? `${m[1]} ${l.slice(m[0].length)}` : l;
    });
  return words(lines.join('\n'));
}

describe('the Node.js TSC meeting of 20 December 2017 as data', () => {
  it('parses, and is in canonical form', () => {
    expect(serializeMeetingContent(load())).toBe(readFixture(FIXTURE));
  });

  it('holds every word of the source, in order (the vote line as names, its formula being the format’s)', () => {
    const meeting = load();
    const speakers = new Set(leaves(meeting.body).flatMap((b) => (b.type === 'remark' ? b.speakerLabel!.map((r) => r.text) : [])));
    const expected = modelWords(readFixture(SOURCE), speakers);
    // The venue is data the source does not print (the meeting was held by video call; the title block omits the place).
    const text = meetingPlainText(meeting).filter((s) => s !== meeting.venue.city && s !== meeting.venue.country);
    const actual = words(text.join(' '));
    const at = firstDifference(expected, actual);
    if (at !== -1) expect.fail(describeDifference(expected, actual, at));
  });

  it('every remark is linked to its speaker in the register, under the name the minutes call them', () => {
    const meeting = load();
    const remarks = leaves(meeting.body).filter((b) => b.type === 'remark');
    expect(remarks).toHaveLength(25);
    for (const r of remarks) {
      const person = meeting.people.find((p) => p.id === r.speakerPersonId);
      expect(person, r.id).toBeDefined();
      expect(person!.otherSpellings, r.id).toContain(r.speakerLabel![0]!.text);
    }
  });

  it('the vote on the meeting schedule: 8 for, 3 abstaining, each a TSC member present, linked to the register; no warning', () => {
    const meeting = load();
    const decisions = leaves(meeting.body).filter((b): b is DecisionBlock => b.type === 'decision');
    expect(decisions).toHaveLength(1);
    const [d] = decisions;
    expect([d!.outcome, d!.method, d!.organisationId, d!.votePrint]).toEqual(['adopted', 'vote', 'o_tsc', 'names']);
    expect(tallyOf(d!.vote)).toEqual({ for: 8, against: 0, abstaining: 3, absent: 0 });
    const tsc = new Set(meeting.people.filter((p) => p.organisationId === 'o_tsc').map((p) => p.id));
    // The eleven TSC members present voted or abstained; the observer (Gibson Fahnestock) had no vote.
    expect(tsc.size).toBe(11);
    const voters = [...d!.vote!.for, ...d!.vote!.abstaining];
    expect(new Set(voters.map((v) => v.by.personId))).toEqual(tsc);
    // Printed as the minutes name them (first names), each one of the register entry's spellings.
    for (const v of voters) expect(meeting.people.find((p) => p.id === v.by.personId)!.otherSpellings).toContain(v.by.label);
    expect(d!.vote!.for.map((v) => v.by.label)).toEqual(['Michaël', 'Myles', 'Franzi', 'Ali', 'Jeremiah', 'Rich', 'Trevor', 'Nikita']);
    expect(d!.vote!.abstaining.map((v) => v.by.label)).toEqual(['Matteo', 'Sakthi', 'Colin']);
    expect(decisionWarnings(d!, voteParticipants(meeting, d!))).toEqual([]);
  });

  it('reaches the decisions tracker as one decision of the TSC on the meeting’s day, under the minutes’ own line', () => {
    const meeting = load();
    // The minutes word no adopted text (the proposal is a remark), so the row shows the vote's heading line.
    expect(decisionsOf(meeting).map((r) => [r.objectId, r.kind, r.body, r.date, r.text])).toEqual([
      ['b_schedule', 'decision', 'TSC', '2017-12-20', 'Votes on the change:'],
    ]);
  });
});
