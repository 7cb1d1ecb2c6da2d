import { describe, expect, it } from 'vitest';
import { type LayoutDocument, type LayoutParagraph, type Run, layoutMeeting } from '../../../src/shared/format';
import { createFromTemplate, Meeting, type DecisionBlock, type Voter } from '../../../src/shared/minutes';

/** The decision block as the agreed format prints it: heading line, adopted text set apart, the vote in the body's style. */

const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');
const paras = (doc: LayoutDocument) => doc.blocks.filter((b): b is LayoutParagraph => b.kind === 'paragraph');
let n = 0;
const voter = (label: string, explanation?: string): Voter => ({ id: `v_${++n}`, by: { label }, ...(explanation ? { explanation: [[{ text: explanation }]] } : {}) });
const names = (...labels: string[]) => labels.map((l) => voter(l));

function meetingWith(...decisions: Partial<DecisionBlock>[]): Meeting {
  const m = createFromTemplate('blank', { title: 'Council', startDate: '2025-07-30' });
  m.organisations.push({ id: 'o_council', name: 'Governing Council', abbreviation: 'Council' });
  m.body = decisions.map((d, i) => ({ id: `b_dec${i}`, type: 'decision', outcome: 'adopted', method: 'vote', text: [], ...d }) as DecisionBlock);
  return Meeting.parse(m);
}

describe('a decision block in the agreed format', () => {
  it('a heading made from number, body and date; the adopted text set apart; the tally sentence (the default)', async () => {
    const doc = await layoutMeeting(
      meetingWith({
        number: 'Resolution 2025-07-30.1',
        organisationId: 'o_council',
        date: '2025-07-29',
        text: [[{ text: 'The Council adopts the budget.' }], [{ text: 'It asks the secretariat to report.' }]],
        vote: { for: names('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'), against: names('J', 'K'), abstaining: [], absent: names('L') },
      }),
    );
    const ps = paras(doc).map((p) => [p.style, str(p.runs)]);
    expect(ps).toEqual([
      ['label', 'Resolution 2025-07-30.1 (Council, 29 July 2025)'],
      ['quote', 'The Council adopts the budget.'],
      ['quote', 'It asks the secretariat to report.'],
      ['body', 'Adopted by 9 votes to 2, with 1 absent.'],
    ]);
    expect(paras(doc)[0]!.runs.every((r) => r.bold) && paras(doc)[0]!.keepWithNext).toBe(true);
  });

  it('tally sentences: abstentions and absences, one or many; consensus; notation vote without names; rejected', async () => {
    const doc = await layoutMeeting(
      meetingWith(
        { number: 'Decision 1', vote: { for: names('A'), against: names('B', 'C'), abstaining: names('D'), absent: names('E', 'F') }, outcome: 'rejected' },
        { number: 'Decision 2', method: 'consensus' },
        { number: 'Decision 3', method: 'notation-vote' },
        { number: 'Decision 4', outcome: 'deferred' },
        { body: 'Joint Meeting', method: 'consensus', outcome: 'noted' },
      ),
    );
    expect(paras(doc).map((p) => str(p.runs))).toEqual([
      'Decision 1',
      'Rejected by 1 vote to 2, with 1 abstention and 2 absent.',
      'Decision 2',
      'Adopted by consensus.',
      'Decision 3',
      'Adopted by notation vote.',
      'Decision 4',
      'Deferred.',
      // Unnumbered: no heading is made (the minutes' prose says who decided and when).
      'Noted by consensus.',
    ]);
  });

  it('the names style: "Voting for this action: A, B, and C." lines, absent never printed, explanations after', async () => {
    const doc = await layoutMeeting(
      meetingWith(
        {
          heading: [{ text: 'Domestic policy directive', bold: true }],
          number: 'not printed: the heading line overrides',
          votePrint: 'names',
          vote: {
            for: names('Ben Bernanke', 'William C. Dudley', 'Janet L. Yellen'),
            against: [voter('Eric Rosengren', 'Mr. Rosengren dissented because he viewed the decision as premature.')],
            abstaining: [],
            absent: names('Absent Member'),
          },
        },
        { votePrint: 'names', vote: { for: names('A', 'B'), against: [], abstaining: names('C'), absent: [] }, outcome: 'rejected' },
      ),
    );
    expect(paras(doc).map((p) => str(p.runs))).toEqual([
      'Domestic policy directive',
      'Voting for this action: Ben Bernanke, William C. Dudley, and Janet L. Yellen.',
      'Voting against this action: Eric Rosengren.',
      'Mr. Rosengren dissented because he viewed the decision as premature.',
      // The prose says the action; a line says so only when it was not adopted.
      'Rejected.',
      'Voting for this action: A and B.',
      'Abstaining: C.',
    ]);
    expect(doc.blocks.every((b) => b.source?.startsWith('b_dec') ?? b.kind === 'title')).toBe(true);
  });

  it('the names style as a board words it: an absent line when the template words one, the lines as one paragraph', async () => {
    const m = meetingWith({
      heading: [{ text: 'Proposal: A proposes:' }],
      text: [[{ text: 'We should record votes.' }]],
      votePrint: 'names',
      vote: { for: names('A', 'B', 'C'), against: [], abstaining: [], absent: names('D') },
    });
    const words = { names: { for: 'Votes: Yes by {names}.', against: 'No by {names}.', abstaining: '{names} abstained.', absent: 'No vote by {names}.' }, last: ' and ' };
    m.format = { template: 'agreed', overrides: { decision: { ...words, namesTogether: true } } };
    // The override changes the decision words it names and keeps the template's others (a group, merged).
    expect(paras(await layoutMeeting(m)).map((p) => str(p.runs))).toEqual([
      'Proposal: A proposes:',
      'We should record votes.',
      'Votes: Yes by A, B and C. No vote by D.',
    ]);
    // Without `namesTogether`, a paragraph each.
    m.format = { template: 'agreed', overrides: { decision: words } };
    expect(paras(await layoutMeeting(m)).map((p) => str(p.runs)).slice(-2)).toEqual(['Votes: Yes by A, B and C.', 'No vote by D.']);
  });

  it('an agreement marked as a decision prints its number before the text, and nothing more', async () => {
    const m = createFromTemplate('blank', { title: 'T', startDate: '2019-10-30' });
    m.body = [
      {
        id: 'b_l',
        type: 'list',
        role: 'agreements',
        numbering: 'none',
        items: [
          { id: 'i_1', text: [{ text: 'The meeting agreed to meet again.' }], decision: { number: 'Decision 1/2019', outcome: 'adopted', method: 'consensus', date: '2019-10-31' } },
          { id: 'i_2', text: [{ text: 'Unnumbered.' }], decision: { outcome: 'adopted', method: 'consensus' } },
        ],
      },
    ];
    const doc = await layoutMeeting(Meeting.parse(m));
    expect(paras(doc).map((p) => [str(p.runs), p.runs[0]!.bold ?? false])).toEqual([
      ['Decision 1/2019: The meeting agreed to meet again.', true],
      ['Unnumbered.', false],
    ]);
  });
});
