import { type Block, type LeafBlock, type Meeting, type MeetingFormat, validateMeeting } from '../../src/shared/minutes';
import { loadFixture } from './temp';

/**
 * The 2019 seed in another shape, for the format-template tests: its blocks in two sections, its
 * signatories signing "for" their governments, each with a place and date of their own, and a fourth
 * signatory known by office alone; printed with the bilateral template, paragraphs numbered
 * continuously and a CONFIDENTIAL marking. The same data, the format changed.
 */
export const TEMPLATE_MEETING_FORMAT: MeetingFormat = {
  template: 'bilateral',
  overrides: { paragraphs: { numbering: 'continuous' }, furniture: { marking: 'CONFIDENTIAL' } },
};

export function templateMeeting(): Meeting {
  const seed = loadFixture(2019);
  const leaves = seed.body as LeafBlock[];
  const parties = ['the Kingdom of Cambodia', 'the Lao People’s Democratic Republic', 'the Republic of the Union of Myanmar'];
  const places = [
    ['Siem Reap', '2019-10-31'],
    ['Vientiane', '2019-11-04'],
    ['Nay Pyi Taw', '2019-11-08'],
  ] as const;
  const signed = leaves.map((b): LeafBlock => {
    if (b.type !== 'signatories') return b;
    return {
      ...b,
      signatories: [
        ...b.signatories.map((s, i) => ({ ...s, party: parties[i]!, place: places[i]![0], date: places[i]![1] })),
        { id: 'g_office', role: 'Minister of Home Affairs', titleLines: [], signature: { kind: 'none' as const } },
      ],
    };
  });
  const split = signed.findIndex((b) => b.type === 'presiding') + 1;
  const body: Block[] = [
    { id: 'b_tplsec1', type: 'section', heading: [{ text: 'INTRODUCTION' }], blocks: signed.slice(0, split) },
    { id: 'b_tplsec2', type: 'section', heading: [{ text: 'PROCEEDINGS' }], blocks: signed.slice(split) },
  ];
  const v = validateMeeting({ ...seed, body, format: TEMPLATE_MEETING_FORMAT });
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.value;
}
