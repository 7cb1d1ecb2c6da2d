import { describe, expect, it } from 'vitest';
import { type LayoutDocument, type LayoutParagraph, type Run, layoutMeeting } from '../../../src/shared/format';
import { validateMeeting, type Meeting } from '../../../src/shared/minutes';

/**
 * What a UN summary record (tests/fixtures/ecosoc-2024-sr5) needed of the model and the format beyond
 * what was merged: the masthead's session lines, paragraphs that take no number (the procedural lines),
 * the participants' affiliation in the template's words ("(Kazakhstan)"), and reported speech that
 * goes on from the speaker with a comma ("The President, opening the segment, said that …").
 */

const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');
const paragraphs = (doc: LayoutDocument) => doc.blocks.filter((b): b is LayoutParagraph => b.kind === 'paragraph');

function record(template: 'summary-record' | 'agreed' = 'summary-record'): Meeting {
  const m: Meeting = {
    id: 'm_sr',
    language: 'en',
    frontMatter: { symbol: 'E/2024/SR.5', session: [[{ text: '2024 session' }], [{ text: '27 July 2023–24 July 2024' }], [{ text: 'Coordination segment' }]] },
    titleBlock: { title: [{ text: 'Summary record of the 5th meeting' }] },
    dates: { start: '2024-01-31', end: '2024-01-31' },
    venue: { city: 'New York', country: 'United States' },
    people: [{ id: 'p_r', honorific: 'Mr.', name: 'Rakhmetullin', titleLines: [], country: 'Kazakhstan' }],
    organisations: [],
    format: { template },
    body: [
      { id: 'b_pr', type: 'participants', groups: [{ id: 'g_pr', heading: [{ text: 'President:' }], rows: [{ id: 'r_pr', personId: 'p_r', functionLabel: 'Vice-President', affiliation: 'Kazakhstan' }] }] },
      { id: 'b_open', type: 'paragraph', text: [{ text: 'The meeting was called to order at 10.10 a.m.', italic: true }], numbered: false },
      { id: 'b_s1', type: 'statement', speaker: { label: 'The President' }, paragraphs: [[{ text: ', opening the segment, said that it mattered.' }], [{ text: 'The challenges were many.' }]] },
      { id: 'b_s2', type: 'statement', speaker: { label: 'Mr. Rae' }, affiliation: 'Canada', paragraphs: [[{ text: 'said that he agreed.' }]] },
      { id: 'b_rose', type: 'paragraph', text: [{ text: 'The meeting rose at noon.', italic: true }], numbered: false },
    ],
  };
  const v = validateMeeting(m);
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.value;
}

describe('a summary record’s shapes', () => {
  it('prints the session lines between the masthead and the title, one line each, in the template’s place', async () => {
    const doc = await layoutMeeting(record());
    const title = doc.blocks.find((b) => b.kind === 'title')!;
    expect(title.lines.map((l) => [l.role, str(l.runs)])).toEqual([
      ['symbol', 'E/2024/SR.5'],
      ['session', '2024 session'],
      ['session', '27 July 2023–24 July 2024'],
      ['session', 'Coordination segment'],
      ['title', 'Summary record of the 5th meeting'],
    ]);
  });

  it('numbers the running paragraphs but not the procedural lines (numbered: false)', async () => {
    const doc = await layoutMeeting(record());
    expect(paragraphs(doc).map((p) => [str(p.runs).slice(0, 30), p.number])).toEqual([
      ['The meeting was called to orde', ''],
      ['The President, opening the seg', '1.'],
      ['The challenges were many.', '2.'],
      ['Mr. Rae (Canada) said that he ', '3.'],
      ['The meeting rose at noon.', ''],
    ]);
  });

  it('runs reported speech on from the speaker without a space before a comma, with one before a word', async () => {
    const doc = await layoutMeeting(record());
    const text = paragraphs(doc).map((p) => str(p.runs));
    expect(text).toContain('The President, opening the segment, said that it mattered.');
    expect(text).toContain('Mr. Rae (Canada) said that he agreed.');
  });

  it('words the participants’ affiliation as the template says: "(Kazakhstan)" in a summary record, "Kazakhstan" in the agreed format', async () => {
    const cells = async (m: Meeting) => {
      const table = (await layoutMeeting(m)).blocks.find((b) => b.kind === 'table')!;
      return table.rows.filter((r) => !r.span && !r.header).map((r) => r.cells.map(str));
    };
    expect(await cells(record())).toEqual([['Mr. Rakhmetullin (Vice-President)', '(Kazakhstan)']]);
    expect(await cells(record('agreed'))).toEqual([['Mr. Rakhmetullin (Vice-President)', 'Kazakhstan']]);
  });
});
