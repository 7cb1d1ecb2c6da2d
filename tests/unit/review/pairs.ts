import { validateMeeting, type Meeting } from '../../../src/shared/minutes';

/** Hand-made pairs: each test edits a small meeting in one way and checks the change list says exactly that. */
export function base(): Meeting {
  const m: Meeting = {
    id: 'm_t',
    language: 'en',
    titleBlock: { title: [{ text: 'Technical meeting on labour migration' }] },
    dates: { start: '2019-10-30', end: '2019-10-31' },
    venue: { city: 'Vientiane', country: 'Lao PDR' },
    people: [{ id: 'p_a', name: 'Chou Bun Eng', titleLines: ['Secretary of State'] }],
    organisations: [],
    body: [
      {
        id: 'b_s1',
        type: 'section',
        heading: [{ text: 'PROCEEDINGS' }],
        blocks: [
          { id: 'b_p1', type: 'paragraph', text: [{ text: 'The meeting opened at nine in the morning.' }] },
          { id: 'b_p2', type: 'paragraph', text: [{ text: 'Delegates agreed on the work plan.' }] },
        ],
      },
      {
        id: 'b_l1',
        type: 'list',
        role: 'agreements',
        numbering: 'decimal',
        items: [
          { id: 'i_1', text: [{ text: 'First point' }] },
          { id: 'i_2', text: [{ text: 'Second point' }] },
          { id: 'i_3', text: [{ text: 'Third point' }] },
        ],
      },
      {
        id: 'b_qa',
        type: 'qa',
        turns: [
          {
            id: 't_1',
            question: { id: 'q_1', by: { label: 'UN Women' }, paragraphs: [[{ text: 'How many shelters are there?' }]] },
            answers: [{ id: 'a_1', by: { label: 'Lao' }, paragraphs: [[{ text: 'There are four.' }]] }],
          },
        ],
      },
      {
        id: 'b_sig',
        type: 'signatories',
        signatories: [{ id: 's_1', role: 'Head of Cambodia Delegation', personId: 'p_a', titleLines: ['Secretary of State'], signature: { kind: 'none' } }],
      },
      {
        id: 'b_r',
        type: 'routing',
        steps: [
          { id: 'r_1', kind: 'submitted', recipient: 'H.E. Chair', purpose: 'for information', place: 'Phnom Penh', date: '2019-11-01', signerRole: 'Minute taker', signature: { kind: 'none' } },
        ],
      },
    ],
  };
  const v = validateMeeting(m);
  if (!v.ok) throw new Error(v.errors.join('; '));
  return m;
}

export const edit = (f: (m: Meeting) => void): Meeting => {
  const m = structuredClone(base());
  f(m);
  return m;
};
export const section = (m: Meeting) => m.body[0] as Extract<Meeting['body'][number], { type: 'section' }>;
export const list = (m: Meeting) => m.body[1] as Extract<Meeting['body'][number], { type: 'list' }>;

