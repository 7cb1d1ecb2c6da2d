import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { nextMeetingFrom } from '../../../src/main/services/nextMeeting';
import { meetingPlainText, parseInterchange, validateMeeting, type Meeting } from '../../../src/shared/minutes';

function fixture(name: string): Meeting {
  const parsed = parseInterchange(readFileSync(`tests/fixtures/${name}`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.meeting;
}

function ids(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => ids(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') out.add(v);
      else ids(v, out);
    }
  }
  return out;
}

const kinds = (m: Meeting): unknown =>
  m.body.map((b) => (b.type === 'section' ? [b.type, b.blocks.map((x) => (x.type === 'session' ? [x.type, x.items.map((i) => i.type)] : x.type))] : b.type));

describe('next meeting from a past one', () => {
  it.each(['minutes-2018.minuta.json', 'minutes-2019.minuta.json'])('%s: keeps structure, register and delegations; clears the discussion', (name) => {
    const previous = fixture(name);
    const next = nextMeetingFrom(previous, { startsOn: '2020-11-02', title: 'Third Technical Consultative Meeting' });
    expect(validateMeeting(next).ok).toBe(true);
    expect(kinds(next)).toEqual(kinds(previous));
    expect(next.people).toEqual(previous.people);
    expect(next.organisations).toEqual(previous.organisations);
    expect(next.titleBlock.title).toEqual([{ text: 'Third Technical Consultative Meeting' }]);
    expect(next.dates.start).toBe('2020-11-02');
    expect(next.dates.end >= next.dates.start).toBe(true);
    // No block, bullet or turn keeps an id of the past meeting (register ids stay: same people).
    const before = ids(previous.body);
    for (const id of ids(next.body)) expect(before.has(id)).toBe(false);
    // Delegations are kept word for word; discussion prose is gone.
    const delegations = (m: Meeting) =>
      JSON.stringify(m.body.flatMap((b) => (b.type === 'section' ? b.blocks : [b])).filter((b) => b.type === 'delegations'))
        .replace(/"id":"[^"]+"/g, '');
    expect(delegations(next)).toEqual(delegations(previous));
    const text = meetingPlainText(next).join('\n');
    expect(text.length).toBeLessThan(meetingPlainText(previous).join('\n').length / 2);
    expect(text).not.toContain('Migrants are still deceived by brokers');
  });

  it('a decision keeps its body, method and print style; its number, date, text and votes are the past meeting’s', () => {
    const previous = fixture('fomc-2013-12.minuta.json');
    const next = nextMeetingFrom(previous, { startsOn: '2014-01-28' });
    expect(validateMeeting(next).ok).toBe(true);
    const decisions = next.body.filter((b) => b.type === 'decision');
    expect(decisions.map((d) => ({ ...d, id: '' }))).toEqual([
      { id: '', type: 'decision', organisationId: 'o_fomc', outcome: 'adopted', method: 'vote', text: [], votePrint: 'names' },
      { id: '', type: 'decision', organisationId: 'o_fomc', outcome: 'adopted', method: 'notation-vote', text: [], votePrint: 'names' },
    ]);
  });
});

describe('next meeting: cross-references (issue 15)', () => {
  it('follow a target that comes along to its new id; one whose target does not becomes plain text', async () => {
    const { speechMeeting } = await import('../../support/speechMeeting');
    const previous = speechMeeting();
    previous.body.push({ id: 'b_disc', type: 'disclaimer', text: [{ text: 'See paragraph ' }, { text: '7', xref: 'b_p2' }, { text: ' and ' }, { text: 'b', xref: 'i_b' }] });
    const before = JSON.stringify(previous);
    const next = nextMeetingFrom(previous, { startsOn: '2025-03-12' });
    expect(validateMeeting(next).ok).toBe(true);
    const disc = next.body.at(-1) as Extract<Meeting['body'][number], { type: 'disclaimer' }>;
    const para = next.body.find((b) => b.type === 'paragraph')!;
    // The paragraph came along (under a new id); the list's items did not.
    expect(disc.text).toEqual([{ text: 'See paragraph ' }, { text: '7', xref: para.id }, { text: ' and ' }, { text: 'b' }]);
    expect(para.id).not.toBe('b_p2');
    // A speaker linked to a delegation stays linked to it, under its new id.
    const keo = next.body.find((b) => b.type === 'statement' && b.speaker.label === 'Mr. Keo') as Extract<Meeting['body'][number], { type: 'statement' }>;
    const delegation = next.body.find((b) => b.type === 'delegations') as Extract<Meeting['body'][number], { type: 'delegations' }>;
    expect(keo.speaker).toEqual({ label: 'Mr. Keo', delegationId: delegation.delegations[0]!.id });
    // The previous meeting is not changed.
    expect(JSON.stringify(previous)).toBe(before);
  });
});
