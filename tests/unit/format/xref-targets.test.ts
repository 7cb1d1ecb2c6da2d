import { describe, expect, it } from 'vitest';
import { type LayoutParagraph, type Run, layoutMeeting } from '../../../src/shared/format';
import { type Meeting, validateMeeting } from '../../../src/shared/minutes';
import { frontMatterMeeting } from '../../support/frontMatterMeeting';

/**
 * Cross-references to the shapes of front matter, agenda and annexes: a numbered heading prints its
 * number, an agenda item its own number (data), an annex its label's number; a heading the template does
 * not number keeps the stored text.
 */
const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');

function withReferences(): Meeting {
  const m = frontMatterMeeting();
  const ref = (xref: string): Run => ({ text: '?', xref }) as Run;
  m.body.push({
    id: 'b_refs',
    type: 'paragraph',
    text: [{ text: 'See item ' }, ref('ag_3a'), { text: ', chapter ' }, ref('b_h2'), { text: ', annex ' }, ref('an_2'), { text: ' and the discussion under ' }, ref('b_h21'), { text: '.' }],
  });
  m.annexes = [
    { id: 'an_1', title: [{ text: 'List of documents' }], blocks: [{ id: 'b_a1', type: 'paragraph', text: [{ text: 'E/CN.6/2024/1' }] }] },
    { id: 'an_2', title: [{ text: 'List of participants' }], blocks: [{ id: 'b_a2', type: 'paragraph', text: [{ text: 'Members of the Commission' }] }] },
  ];
  const valid = validateMeeting(m);
  if (!valid.ok) throw new Error(valid.errors.join('\n'));
  return valid.value;
}

describe('cross-references to headings, agenda items and annexes', () => {
  it('print the number each has as laid out', async () => {
    const doc = await layoutMeeting(withReferences());
    const p = doc.blocks.find((b): b is LayoutParagraph => b.kind === 'paragraph' && b.source === 'b_refs')!;
    // "3 (a)": the agenda item's number; "II": the second level-1 heading; "II": the second annex;
    // the level-2 heading is not numbered by this template, so its stored text stays.
    expect(str(p.runs)).toBe('See item 3 (a), chapter II, annex II and the discussion under ?.');
  });
});
