import { describe, expect, it } from 'vitest';
import {
  type Block,
  type Meeting,
  meetingDate,
  meetingPlainText,
  meetingTitle,
  parseInterchange,
  richTextToString,
  serializeMeetingContent,
} from '../../../src/shared/minutes';
import { SEEDS, describeDifference, firstDifference, readFixture, seedWords, words } from './helpers';

function load(name: string): Meeting {
  const result = parseInterchange(readFixture(name));
  if (!result.ok) throw new Error(`${name} does not parse:\n${result.errors.join('\n')}`);
  return result.meeting;
}

function allBlocks(meeting: Meeting): Block[] {
  const out: Block[] = [];
  for (const b of meeting.body) {
    out.push(b);
    if (b.type === 'section') for (const c of b.blocks) { out.push(c); if (c.type === 'session') out.push(...c.items); }
    if (b.type === 'session') out.push(...b.items);
  }
  return out;
}

describe.each(SEEDS)('seed fixture $year', ({ fixture, seed }) => {
  it('parses as a valid .minuta.json file', () => {
    const result = parseInterchange(readFixture(fixture));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('is in canonical form (the version-1 serialization reproduces the file byte for byte)', () => {
    // The seeds stay version-1 files, which every Minuta reads; serializeMeetingContent writes exactly that form.
    expect(serializeMeetingContent(load(fixture))).toBe(readFixture(fixture));
  });

  it('holds every word of the seed, in order (content words; format wording removed from the seed)', () => {
    const meeting = load(fixture);
    const labels = allBlocks(meeting).flatMap((b) => (b.type === 'remark' && b.speakerLabel ? [richTextToString(b.speakerLabel)] : []));
    const expected = seedWords(readFixture(seed), labels);
    const actual = words(meetingPlainText(meeting).join(' '));
    const at = firstDifference(expected, actual);
    if (at !== -1) expect.fail(describeDifference(expected, actual, at));
    expect(actual.length).toBeGreaterThan(300);
  });

  it('keeps the bold of the seed as bold runs', () => {
    const text = readFixture(seed);
    const boldInSeed = [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!.replace(/\s+/g, ' ').trim());
    const json = readFixture(fixture);
    const boldRuns: string[] = [];
    JSON.parse(json, (key, value) => {
      if (value && typeof value === 'object' && value.bold === true && typeof value.text === 'string') boldRuns.push(value.text);
      return value;
    });
    // Bold that the format produces (routing lines, country labels) is not stored as bold runs.
    const formatBold = (s: string) => /^(Submitted to|Seen, and submitted to) /.test(s) || /^(Lao|Laos|Myanmar):$/.test(s);
    expect(boldRuns.sort()).toEqual(boldInSeed.filter((s) => !formatBold(s)).sort());
  });
});

describe('seed fixtures as data', () => {
  it('2018: title block, dates, sessions, Q&A quirk, routing chain', () => {
    const m = load('minutes-2018.minuta.json');
    expect(meetingTitle(m)).toMatch(/^Technical Consultation Meeting among the three migrant sending countries/);
    expect(meetingDate(m)).toBe('2018-05-24');
    expect(m.dates.end).toBe('2018-05-25');
    const blocks = allBlocks(m);
    expect(blocks.filter((b) => b.type === 'session').map((b) => (b as { number: number }).number)).toEqual([1, 2, 3, 4]);
    const qa = blocks.find((b) => b.type === 'qa');
    if (qa?.type !== 'qa') throw new Error('no Q&A block');
    const turn = qa.turns[3]!;
    expect(turn.answers.map((a) => a.by.label)).toEqual(['Lao', 'Myanmar', 'UN-ACT', 'MoFAIC']);
    const routing = blocks.find((b) => b.type === 'routing');
    if (routing?.type !== 'routing') throw new Error('no routing block');
    expect(routing.steps.map((s) => [s.kind, s.recipient, s.purpose, s.date, s.signerRole])).toEqual([
      ['submitted', 'Her Excellency Permanent Vice Chair', 'for information', '2018-05-28', 'Minute taker'],
      ['seen-and-submitted', 'Samdech Kralahom', 'for information and advices', '2018-05-31', 'Permanent Vice Chair of NCCT'],
    ]);
    expect(routing.steps.every((s) => s.signature.kind === 'handwritten' && s.signature.stamp === true)).toBe(true);
    const oevong = m.people.find((p) => p.name === 'Oevong Keobunnavong');
    expect(oevong?.otherSpellings).toEqual(['Onevong Keobunnavong']);
  });

  it('2019: title, for, theme; objectives; three delegations; challenges; signatories', () => {
    const m = load('minutes-2019.minuta.json');
    expect(richTextToString(m.titleBlock.joiner ?? [])).toBe('For');
    expect(meetingDate(m)).toBe('2019-10-30');
    const lists = m.body.filter((b) => b.type === 'list');
    expect(lists.map((l) => [l.role, l.items.length])).toEqual([
      ['objectives', 2],
      ['challenges', 5],
      ['agreements', 1],
    ]);
    const delegations = m.body.find((b) => b.type === 'delegations');
    if (delegations?.type !== 'delegations') throw new Error('no delegations');
    expect(delegations.delegations.map((d) => d.institutions.length)).toEqual([11, 5, 4]);
    const signatories = m.body.find((b) => b.type === 'signatories');
    if (signatories?.type !== 'signatories') throw new Error('no signatories');
    const heads = signatories.signatories.map((s) => m.people.find((p) => p.id === s.personId)?.honorific);
    expect(heads).toEqual(['H.E. Mrs.', 'Pol. Col. Dr.', 'Major General']);
  });
});
