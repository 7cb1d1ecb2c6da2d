import type { Block, LeafBlock } from './blocks';
import { Meeting } from './meeting';
import { plain } from './richText';
import { newId } from './scalars';

/**
 * New meetings pre-structured after the two forms the secretariat uses.
 * Templates produce empty content with the right kinds and the headings an
 * author would otherwise type; the format decides lettering and labels.
 */
export type TemplateName = 'long-2018' | 'agreed-2019' | 'blank';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['long-2018', 'agreed-2019', 'blank'];

export interface TemplateOptions {
  title?: string;
  /** ISO dates; default: today (UTC) for both. */
  startDate?: string;
  endDate?: string;
  city?: string;
  country?: string;
  language?: string;
  /** Injected for deterministic tests; defaults to random ids. */
  newId?: (prefix: string) => string;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function createFromTemplate(template: TemplateName, opts: TemplateOptions = {}): Meeting {
  const id = opts.newId ?? newId;
  const start = opts.startDate ?? todayIso();
  const end = opts.endDate ?? start;
  const b = () => id('b');

  const section = (heading: string, blocks: Extract<Block, { type: 'section' }>['blocks']): Block => ({
    id: b(),
    type: 'section',
    heading: plain(heading),
    blocks,
  });
  const paragraph = (role: 'summary' | 'introduction' | 'text'): LeafBlock => ({
    id: b(),
    type: 'paragraph',
    role,
    text: [],
  });

  let body: Block[];
  let label: string | undefined;
  switch (template) {
    case 'long-2018':
      label = 'Meeting Minute';
      body = [
        paragraph('summary'),
        section('PARTICIPANTS OF THE MEETING', [
          { id: b(), type: 'delegations', delegations: [] },
          { id: b(), type: 'observers', organisationIds: [], text: [] },
        ]),
        section('OPENING', [{ id: b(), type: 'remark', occasion: 'opening', paragraphs: [[]] }]),
        section('DISCUSSION PROCEDURE', [{ id: b(), type: 'session', number: 1, title: [], items: [] }]),
        section('CLOSING', [
          { id: b(), type: 'remark', occasion: 'closing', paragraphs: [[]] },
          { id: b(), type: 'signing', text: [], place: opts.city ?? '', date: end },
        ]),
        {
          id: b(),
          type: 'routing',
          steps: [
            {
              id: id('r'),
              kind: 'submitted',
              recipient: '',
              purpose: 'for information',
              place: '',
              date: end,
              signerRole: 'Minute taker',
              signature: { kind: 'none' },
            },
          ],
        },
      ];
      break;
    case 'agreed-2019':
      body = [
        paragraph('introduction'),
        { id: b(), type: 'list', role: 'objectives', numbering: 'decimal-paren', items: [] },
        { id: b(), type: 'delegations', delegations: [] },
        { id: b(), type: 'observers', organisationIds: [], text: [] },
        { id: b(), type: 'presiding', paragraphs: [[]] },
        paragraph('text'),
        { id: b(), type: 'list', role: 'challenges', numbering: 'decimal', items: [] },
        { id: b(), type: 'list', role: 'agreements', numbering: 'none', items: [] },
        { id: b(), type: 'next-meeting', text: [] },
        {
          id: b(),
          type: 'disclaimer',
          text: plain('The minutes is not bound by legal obligation of the Parties.'),
        },
        { id: b(), type: 'signing', text: [], place: opts.city ?? '', date: end },
        { id: b(), type: 'signatories', signatories: [] },
      ];
      break;
    case 'blank':
      body = [paragraph('text')];
      break;
  }

  // Parse, so that a template can never produce an invalid meeting.
  return Meeting.parse({
    id: id('m'),
    language: opts.language ?? 'en',
    titleBlock: { ...(label ? { label: plain(label) } : {}), title: plain(opts.title ?? '') },
    dates: { start, end },
    venue: { city: opts.city ?? '', country: opts.country ?? '' },
    people: [],
    organisations: [],
    body,
  });
}
