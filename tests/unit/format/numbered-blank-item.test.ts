import { describe, expect, it } from 'vitest';
import { type LayoutList, layoutContent } from '../../../src/shared/format';
import { type Meeting, parseInterchange, validateMeeting } from '../../../src/shared/minutes';
import { readFixture } from '../minutes/helpers';

/**
 * A numbered item whose sub-paragraphs carry its text: "2. (a) The following courts …; (b) …", as the
 * United Kingdom's note of 1974 numbers its proposals (tests/fixtures/notes-1974). The item keeps its
 * number and its sub-paragraphs their (a), (b); a blank bullet still prints no empty marker.
 */

const meeting = (numbering: 'decimal' | 'bullet'): Meeting => {
  const r = parseInterchange(readFixture('minutes-2019.minuta.json'));
  if (!r.ok) throw new Error(r.errors.join('; '));
  const v = validateMeeting({
    ...r.meeting,
    format: { template: 'bilateral', overrides: { lists: { decimal: '1.', nested: ['(a)', '(i)'] } } },
    body: [
      {
        id: 'b_list',
        type: 'list',
        role: 'points',
        numbering,
        items: [
          { id: 'bl_1', text: [{ text: 'The operation of the Convention be extended.' }] },
          {
            id: 'bl_2',
            text: [],
            children: [
              { id: 'bl_2a', text: [{ text: 'The following courts shall be courts to whose judgments the Convention shall apply:' }] },
              { id: 'bl_2b', text: [{ text: 'The following courts shall be courts to which application shall be made:' }] },
            ],
          },
        ],
      },
    ],
  });
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.value;
};
const list = (m: Meeting) => layoutContent(m).find((b): b is LayoutList => b.kind === 'list')!;
const text = (l: LayoutList) => l.items.map((i) => i.runs.map((r) => r.text).join(''));

describe('a numbered item with no text of its own', () => {
  it('keeps its number; its sub-paragraphs are its nested (a), (b)', () => {
    const l = list(meeting('decimal'));
    expect(l.label).toBe('1.');
    expect(text(l)).toEqual(['The operation of the Convention be extended.', '']);
    const nested = l.items[1]!.children[0] as LayoutList;
    expect(nested.label).toBe('(a)');
    expect(text(nested)).toEqual(['The following courts shall be courts to whose judgments the Convention shall apply:', 'The following courts shall be courts to which application shall be made:']);
  });

  it('a blank numbered item whose sub-items are blank too introduces nothing, and is left out', () => {
    const m = meeting('decimal');
    const body = m.body[0]!;
    if (body.type !== 'list') throw new Error('expected the list');
    body.items[1]!.children = [{ id: 'bl_2x', text: [] }];
    expect(text(list(m))).toEqual(['The operation of the Convention be extended.']);
  });

  it('a blank bullet still prints no empty marker: its nested bullets take its place', () => {
    expect(text(list(meeting('bullet')))).toEqual([
      'The operation of the Convention be extended.',
      'The following courts shall be courts to whose judgments the Convention shall apply:',
      'The following courts shall be courts to which application shall be made:',
    ]);
  });
});
