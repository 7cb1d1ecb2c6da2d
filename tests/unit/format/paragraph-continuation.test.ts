import { describe, expect, it } from 'vitest';
import { type LayoutParagraph, layoutContent } from '../../../src/shared/format';
import { type Meeting, parseInterchange, validateMeeting } from '../../../src/shared/minutes';
import { readFixture } from '../minutes/helpers';

/**
 * A paragraph that continues the numbered paragraph before it (`numbered: false`): a report's
 * paragraph 14 runs on in three more paragraphs, unnumbered, and paragraph 15 follows (the Colombo
 * Plan report, tests/fixtures/colombo-1951). It takes no number and does not advance the count.
 */

const meeting = (numbered?: boolean, template: 'report' | 'agreed' = 'report'): Meeting => {
  const r = parseInterchange(readFixture('minutes-2019.minuta.json'));
  if (!r.ok) throw new Error(r.errors.join('; '));
  const v = validateMeeting({
    ...r.meeting,
    format: { template },
    body: [
      { id: 'b_p1', type: 'paragraph', text: [{ text: 'The United Kingdom Delegation circulated an exchange of correspondence.' }] },
      { id: 'b_p2', type: 'paragraph', ...(numbered === undefined ? {} : { numbered }), text: [{ text: 'Referring to the above-mentioned letter, …' }] },
      { id: 'b_p3', type: 'paragraph', text: [{ text: 'The Committee welcomed the opportunity.' }] },
    ],
  });
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.value;
};
const numbers = (m: Meeting) =>
  layoutContent(m)
    .filter((b): b is LayoutParagraph => b.kind === 'paragraph')
    .map((p) => p.number);

describe('a paragraph continuing the numbered one before it', () => {
  it('takes no number, and the next paragraph takes the next number', () => {
    expect(numbers(meeting(false))).toEqual(['1.', '', '2.']);
  });

  it('without the flag (or with true) every running paragraph is numbered', () => {
    expect(numbers(meeting())).toEqual(['1.', '2.', '3.']);
    expect(numbers(meeting(true))).toEqual(['1.', '2.', '3.']);
  });

  it('where the template numbers no paragraph, the flag changes nothing printed', () => {
    expect(numbers(meeting(false, 'agreed')).filter((n) => n !== undefined && n !== '')).toEqual([]);
  });
});
