import { type FrontMatter, type LeafBlock, type Meeting, validateMeeting } from '../../src/shared/minutes';
import { loadFixture } from './temp';

/**
 * A small summary record using every shape of front matter, agenda and headings (issue 15, point 2,
 * engineer A): a masthead, a dateline, the meeting's time, a classification, an agenda of three items
 * (one with two documents, one numbered "3 (a)"), the agenda block, headings of three levels (two
 * printing their agenda item from the data, one with wording of its own), and enough paragraphs for a
 * second page. Printed with the summary-record template, level-1 headings numbered I., II.
 */
/** Every front matter field, as a UN summary record's masthead has them. */
export function summaryRecordFrontMatter(): FrontMatter {
  return {
    symbol: 'E/CN.6/2024/SR.3',
    issuingBody: [{ text: 'Economic and Social Council' }],
    distribution: 'General',
    dateOfIssue: '2024-03-20',
    originalLanguage: 'English',
    classification: 'CONFIDENTIAL',
    meetingTime: '10 a.m.',
    dateline: [{ text: 'New York, 12 March 2024' }],
  };
}

export function frontMatterMeeting(): Meeting {
  const seed = loadFixture(2019);
  const para = (id: string, text: string): LeafBlock => ({ id, type: 'paragraph', text: [{ text }] });
  const discussion = Array.from({ length: 14 }, (_, i) =>
    para(
      `b_d${i + 1}`,
      `Speaker ${i + 1} said that the regional consultation on labour migration had shown how much the delegations shared: safe, orderly and regular migration, the protection of victims of trafficking, and cooperation at the border between law enforcement agencies.`,
    ),
  );
  const meeting: Meeting = {
    ...seed,
    id: 'm_frontmatter',
    frontMatter: summaryRecordFrontMatter(),
    titleBlock: { title: [{ text: 'Summary record of the 3rd meeting' }], joiner: [{ text: 'Held at Headquarters, New York, on Tuesday, 12 March 2024' }] },
    agenda: [
      { id: 'ag_1', number: '1', title: [{ text: 'Election of officers' }], documents: [] },
      { id: 'ag_2', number: '2', title: [{ text: 'Adoption of the agenda' }], documents: ['E/CN.6/2024/1', 'E/CN.6/2024/1/Add.1'] },
      { id: 'ag_3a', number: '3 (a)', title: [{ text: 'Priority theme: poverty and gender' }], documents: ['E/CN.6/2024/3'] },
    ],
    body: [
      { id: 'b_agenda', type: 'agenda' },
      { id: 'b_h1', type: 'heading', level: 1, text: [], agendaItemId: 'ag_2' },
      para('b_p1', 'The agenda was adopted.'),
      { id: 'b_h2', type: 'heading', level: 1, text: [], agendaItemId: 'ag_3a' },
      { id: 'b_h21', type: 'heading', level: 2, text: [{ text: 'General discussion' }] },
      ...discussion,
      { id: 'b_h3', type: 'heading', level: 3, text: [{ text: 'Closing of the meeting' }] },
      para('b_close', 'The meeting rose at 1 p.m.'),
    ],
    format: { template: 'summary-record', overrides: { headings: { levels: ['I.', 'none', 'none'] } } },
  };
  const valid = validateMeeting(meeting);
  if (!valid.ok) throw new Error(valid.errors.join('\n'));
  return valid.value;
}
