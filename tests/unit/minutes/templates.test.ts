import { describe, expect, it } from 'vitest';
import {
  TEMPLATE_NAMES,
  type Block,
  type Meeting,
  createFromTemplate,
  parseInterchange,
  richTextToString,
  serializeInterchange,
  validateMeeting,
} from '../../../src/shared/minutes';

const counterIds = () => {
  let n = 0;
  return (prefix: string) => `${prefix}_t${++n}`;
};
const kinds = (blocks: readonly Block[]): string[] =>
  blocks.map((b) => (b.type === 'section' ? `section:${richTextToString(b.heading)}[${kinds(b.blocks).join(',')}]` : b.type === 'session' ? `session:${b.number}` : b.type));

describe.each(TEMPLATE_NAMES)('template %s', (name) => {
  it('produces a valid meeting that survives the interchange file', () => {
    const m = createFromTemplate(name, { title: 'Third meeting', startDate: '2026-03-02', endDate: '2026-03-03', city: 'Vientiane', country: 'Lao PDR' });
    expect(validateMeeting(m)).toEqual({ ok: true, value: m });
    const back = parseInterchange(serializeInterchange(m));
    expect(back.ok && back.meeting).toEqual(m);
    expect(richTextToString(m.titleBlock.title)).toBe('Third meeting');
    expect(m.dates).toEqual({ start: '2026-03-02', end: '2026-03-03' });
  });

  it('uses fresh random ids by default, injected ones when asked', () => {
    const a = createFromTemplate(name);
    const b = createFromTemplate(name);
    expect(a.id).not.toBe(b.id);
    expect(a.body[0]!.id).not.toBe(b.body[0]!.id);
    expect(createFromTemplate(name, { newId: counterIds(), startDate: '2026-01-01' })).toEqual(
      createFromTemplate(name, { newId: counterIds(), startDate: '2026-01-01' }),
    );
  });
});

describe('template structure', () => {
  it('long-2018: summary, A–D sections with one empty session, routing chain', () => {
    const m: Meeting = createFromTemplate('long-2018', { startDate: '2026-01-01' });
    expect(richTextToString(m.titleBlock.label ?? [])).toBe('Meeting Minute');
    expect(kinds(m.body)).toEqual([
      'paragraph',
      'section:PARTICIPANTS OF THE MEETING[delegations,observers]',
      'section:OPENING[remark]',
      'section:DISCUSSION PROCEDURE[session:1]',
      'section:CLOSING[remark,signing]',
      'routing',
    ]);
    const routing = m.body.at(-1);
    expect(routing?.type === 'routing' && routing.steps[0]?.signerRole).toBe('Minute taker');
  });

  it('agreed-2019: objectives, delegations, challenges, agreements, disclaimer, signatories', () => {
    const m = createFromTemplate('agreed-2019', { startDate: '2026-01-01' });
    expect(kinds(m.body)).toEqual([
      'paragraph',
      'list',
      'delegations',
      'observers',
      'presiding',
      'paragraph',
      'list',
      'list',
      'next-meeting',
      'disclaimer',
      'signing',
      'signatories',
    ]);
    expect(m.body.flatMap((b) => (b.type === 'list' ? [b.role] : []))).toEqual(['objectives', 'challenges', 'agreements']);
    const disclaimer = m.body.find((b) => b.type === 'disclaimer');
    expect(disclaimer?.type === 'disclaimer' && richTextToString(disclaimer.text)).toBe(
      'The minutes is not bound by legal obligation of the Parties.',
    );
  });

  it('rejects an invalid date given as an option', () => {
    expect(() => createFromTemplate('blank', { startDate: '2026-13-01' })).toThrow();
  });
});
