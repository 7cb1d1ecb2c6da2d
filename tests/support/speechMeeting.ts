import type { Meeting } from '../../src/shared/minutes';

/**
 * A small summary record of the shapes of issue 15 (engineer B's part): reported speech with the
 * speaker's affiliation from the block, a delegation and the register; sub-paragraphs (a), (i);
 * a cross-reference to a paragraph printed later (a forward reference) and to a list item; footnotes
 * on a statement, on a list item and on nothing but its place. Used by the layout unit tests and the
 * export test (PDF and DOCX text).
 */
export function speechMeeting(template: 'agreed' | 'bilateral' | 'report' = 'report'): Meeting {
  return {
    id: 'm_speech',
    language: 'en',
    titleBlock: { title: [{ text: 'Summary record of the third meeting' }] },
    dates: { start: '2024-03-12', end: '2024-03-12' },
    venue: { city: 'Bangkok', country: 'Thailand' },
    people: [{ id: 'p_chair', honorific: 'Ms.', name: 'Sirikul', titleLines: [], organisationId: 'o_escap' }],
    organisations: [{ id: 'o_escap', name: 'Economic and Social Commission for Asia and the Pacific', abbreviation: 'ESCAP' }],
    format: { template },
    body: [
      { id: 'b_del', type: 'delegations', delegations: [{ id: 'd_lao', country: 'Lao PDR', institutions: ['Ministry of Labour'] }] },
      {
        id: 'b_s1',
        type: 'statement',
        speaker: { label: 'Mr. Smith' },
        affiliation: 'United Kingdom',
        paragraphs: [
          [
            { text: 'said that his delegation supported the draft' },
            { text: '', footnote: [{ text: 'Document ' }, { text: 'E/2024/3', italic: true }, { text: ', annex.' }] },
            { text: ' and referred to paragraph ' },
            { text: '99', xref: 'b_p2' },
            { text: ' below.' },
          ],
          [{ text: 'He added that the review should be completed in 2025.' }],
        ],
      },
      {
        id: 'b_s2',
        type: 'statement',
        speaker: { label: 'Mr. Keo', delegationId: 'd_lao' },
        paragraphs: [[{ text: 'said that his Government agreed with the proposal in subparagraph ' }, { text: 'z', xref: 'i_b' }, { text: '.' }]],
      },
      { id: 'b_s3', type: 'statement', speaker: { label: 'The Chair', personId: 'p_chair' }, paragraphs: [[{ text: 'thanked the delegations.' }]] },
      { id: 'b_s4', type: 'statement', speaker: { label: 'A representative' }, paragraphs: [[{ text: 'spoke on behalf of the observers.' }]] },
      {
        id: 'b_l',
        type: 'list',
        role: 'agreements',
        numbering: 'alpha',
        items: [
          { id: 'i_a', text: [{ text: 'to hold the next meeting in Vientiane' }] },
          {
            id: 'i_b',
            text: [{ text: 'to review the guidelines', footnote: [{ text: 'As revised in 2023.' }] }],
            children: [
              { id: 'i_b1', text: [{ text: 'on recruitment' }] },
              { id: 'i_b2', text: [{ text: 'on return' }], children: [{ id: 'i_b2x', text: [{ text: 'of children' }] }] },
            ],
          },
        ],
      },
      { id: 'b_p2', type: 'paragraph', text: [{ text: 'The meeting adopted the report.' }] },
    ],
  };
}
