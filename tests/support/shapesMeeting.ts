import { type Meeting, validateMeeting } from '../../src/shared/minutes';

/**
 * A small meeting of the shapes of issue 15 (engineer C): a report with continuously numbered
 * paragraphs, an attendance list in groups (a Khmer name among them), an exchange of notes (a quoted
 * text, a signer for a government), signatories, and two annexes, the second with its own numbered
 * paragraphs. Used by the export test (tests/e2e/export-shapes.test.ts).
 */
export function shapesMeeting(): Meeting {
  const m = {
    id: 'm_shapes',
    language: 'en',
    titleBlock: { title: [{ text: 'Report of the Regional Consultative Meeting on Labour Migration' }] },
    dates: { start: '2024-03-12', end: '2024-03-13' },
    venue: { city: 'Bangkok', country: 'Thailand' },
    people: [
      { id: 'p_chair', honorific: 'H.E.', name: 'Somchai Jaidee', titleLines: ['Permanent Secretary'] },
      { id: 'p_km', honorific: 'H.E.', name: 'ជា សុខា', titleLines: [] },
    ],
    organisations: [{ id: 'o_iom', name: 'International Organization for Migration', abbreviation: 'IOM' }],
    // Column headings over the attendance list: the template's words (none in the built-in templates).
    format: { template: 'report', overrides: { participants: { columns: ['Name', 'Country or organisation'] } } },
    body: [
      { id: 'b_open', type: 'paragraph', text: [{ text: 'The meeting was opened by the Chair, who welcomed the delegations.' }] },
      {
        id: 'b_att',
        type: 'participants',
        heading: [{ text: 'Attendance' }],
        groups: [
          {
            id: 'g_mem',
            heading: [{ text: 'Members' }],
            rows: [
              { id: 'r_1', personId: 'p_chair', affiliation: 'Thailand', function: 'chair' },
              { id: 'r_2', personId: 'p_km', affiliation: 'Cambodia', function: 'vice-chair' },
              { id: 'r_3', name: 'Mr. Vong Latsamy', affiliation: 'Lao People’s Democratic Republic', function: 'rapporteur' },
            ],
          },
          { id: 'g_obs', heading: [{ text: 'Observers' }], rows: [{ id: 'r_4', name: 'Ms. Anna Berg', organisationId: 'o_iom' }] },
          { id: 'g_sec', heading: [{ text: 'Secretariat' }], rows: [{ id: 'r_5', name: 'Ms. Keo Sophal', functionLabel: 'Meeting Secretary' }] },
        ],
      },
      { id: 'b_close', type: 'paragraph', text: [{ text: 'The meeting adopted its report and closed.' }] },
      {
        id: 'b_sig',
        type: 'signatories',
        signatories: [{ id: 's_chair', role: 'Chair of the Meeting', personId: 'p_chair', titleLines: ['Permanent Secretary'], signature: { kind: 'none' } }],
      },
    ],
    annexes: [
      {
        id: 'x_notes',
        title: [{ text: 'Exchange of notes' }],
        blocks: [
          {
            id: 'b_note',
            type: 'letter',
            kind: 'note',
            reference: 'No. 0815/2024',
            place: 'Bangkok',
            date: '2024-03-14',
            addressee: [[{ text: 'His Excellency the Minister of Foreign Affairs' }], [{ text: 'Vientiane' }]],
            salutation: [{ text: 'Excellency,' }],
            paragraphs: [
              { id: 'lp_1', text: [{ text: 'I have the honour to refer to the conclusions of the meeting, which read as follows:' }] },
              { id: 'lp_2', text: [{ text: 'The Parties shall cooperate closely on the safe return of migrant workers.' }], quoted: true },
              { id: 'lp_3', text: [{ text: 'I have the honour to propose that this note and your reply constitute an agreement.' }] },
            ],
            close: [{ text: 'Accept, Excellency, the assurances of my highest consideration.' }],
            signer: { id: 's_note', party: 'the Kingdom of Thailand', role: 'Minister of Foreign Affairs', name: 'Mr. Prasert Wong', titleLines: [], signature: { kind: 'none' } },
          },
        ],
      },
      {
        id: 'x_text',
        title: [{ text: 'Agreed conclusions' }],
        blocks: [
          { id: 'b_a1', type: 'paragraph', text: [{ text: 'Member States agreed to share data on recruitment agencies.' }] },
          { id: 'b_a2', type: 'paragraph', text: [{ text: 'Member States agreed to meet again in 2025.' }] },
        ],
      },
    ],
  };
  const v = validateMeeting(m);
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.value;
}
