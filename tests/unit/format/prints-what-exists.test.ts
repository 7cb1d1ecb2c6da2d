import { describe, expect, it } from 'vitest';
import {
  type LayoutDocument,
  type Run,
  fill,
  fillRuns,
  joinParts,
  joinRuns,
  layoutMeeting,
  presentationHeading,
} from '../../../src/shared/format';
import { createFromTemplate, type Block, type LeafBlock, type Meeting } from '../../../src/shared/minutes';
import { layoutText } from '../../support/layoutText';
import { meetingFixture } from '../minutes/helpers';

/**
 * The defects of issue 10 (points 1–2), each pinned by an example; the property tests over random
 * meetings (generated.test.ts) hold the same rules in general.
 */

const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');
const text = async (m: Meeting) => layoutText(await layoutMeeting(m));
type Of<T extends Block['type']> = Extract<Block, { type: T }>;
function find<T extends Block['type']>(m: Meeting, type: T): Of<T> {
  const all: Block[] = [];
  const walk = (b: Block) => {
    all.push(b);
    if (b.type === 'section') b.blocks.forEach(walk);
    if (b.type === 'session') b.items.forEach(walk);
  };
  m.body.forEach(walk);
  const hit = all.find((b) => b.type === type);
  if (!hit) throw new Error(`no ${type} block`);
  return hit as Of<T>;
}

describe('nothing stored is dropped', () => {
  it('prints the nested items (and country labels) of an item in a list of plain paragraphs', async () => {
    const m = meetingFixture('minutes-2019.minuta.json');
    const agreements = find(m, 'list');
    const plain = m.body.find((b): b is Of<'list'> => b.type === 'list' && b.numbering === 'none')!;
    expect(agreements).toBeDefined();
    plain.items[0]!.children = [
      { id: 'b_n1', text: [{ text: 'Agenda item one' }], children: [{ id: 'b_n2', text: [{ text: 'Recommendation two levels down' }] }] },
    ];
    plain.items.push({ id: 'b_n3', text: [{ text: 'Shared border checkpoints' }], country: 'Lao' });
    const doc = await layoutMeeting(m);
    const t = layoutText(doc);
    expect(t).toMatch(/The meeting agreed that the two objectives are achieved[^\n]*\nAgenda item one\nRecommendation two levels down\nLao: Shared border checkpoints/);
    const nested = doc.blocks.find((b) => b.kind === 'list' && str(b.items[0]!.runs) === 'Agenda item one');
    expect(nested).toMatchObject({ kind: 'list', numbering: 'bullet', level: 0, items: [{ children: [{ kind: 'list', level: 1 }] }] });
  });

  it("makes a presentation's heading from its presenter (the register's honorific and name), organisation and title", async () => {
    const m = meetingFixture('minutes-2018.minuta.json');
    const p = find(m, 'presentation');
    p.heading = [];
    const heading = () => layoutMeeting(m).then((d) => d.blocks.flatMap((b) => (b.kind === 'list' && b.source === p.id ? [str(b.items[0]!.runs)] : [])));
    expect(await heading()).toEqual(['Presentation by Mr. Uy Akhara (IOM): Risks and rewards: Outcomes of Labour Migration in South-East Asia']);
    // A correction in the register reaches the minutes.
    m.people.find((x) => x.id === p.presenterPersonId)!.name = 'Uy Akhara Sok';
    expect(await heading()).toEqual(['Presentation by Mr. Uy Akhara Sok (IOM): Risks and rewards: Outcomes of Labour Migration in South-East Asia']);
    // Only what is known.
    delete p.organisationId;
    delete p.title;
    expect(await heading()).toEqual(['Presentation by Mr. Uy Akhara Sok']);
    expect(presentationHeading({}, m)).toBe('Presentation');
    // The free heading line, when written, overrides (the seeds word their headings themselves).
    p.heading = [{ text: 'The presentation by Mr. Uy Akhara (IOM Phnom Penh):', bold: true }];
    expect(await heading()).toEqual(['The presentation by Mr. Uy Akhara (IOM Phnom Penh):']);
  });

  it('prints nothing for a presentation with no heading, data, points or recommendations', async () => {
    const m = meetingFixture('minutes-2018.minuta.json');
    const p = find(m, 'presentation');
    Object.assign(p, { heading: [{ text: ' ' }], bullets: [], recommendations: { items: [] } });
    delete p.presenterPersonId;
    delete p.organisationId;
    delete p.title;
    expect((await layoutMeeting(m)).blocks.filter((b) => b.source === p.id)).toEqual([]);
  });
});

describe('the format prints only what exists', () => {
  it('an answer or question without a label prints "Answer" / "Question", a suggestion without one no brackets', async () => {
    const m = meetingFixture('minutes-2018.minuta.json');
    const qa = find(m, 'qa');
    qa.turns[0]!.answers[0]!.by.label = '';
    qa.turns[1]!.question.by.label = '  ';
    const suggestions = find(m, 'suggestions');
    suggestions.items[0]!.by.label = '';
    const t = await text(m);
    expect(t).not.toContain('()');
    expect(t).toMatch(/^Answer [A-Z]/m);
    expect(t).toMatch(/^Question [A-Z]/m);
  });

  it('the long template, untouched: no "Submitted to ,", no empty headings, labels or brackets', async () => {
    const draft = createFromTemplate('long-2018', { title: 'Technical Consultation Meeting', startDate: '2018-05-24' });
    const doc = await layoutMeeting(draft);
    const t = layoutText(doc);
    expect(t).not.toMatch(/Submitted to\s*,/);
    expect(t).toContain('Submitted, for information');
    expect(t).not.toMatch(/\(\s*\)|:\s*$/m);
    expect(t.split('\n').filter((l) => l.trim() === '')).toEqual([]);
  });

  it('a routing step names only what is known; a session or group without a title prints its number alone', async () => {
    const m = meetingFixture('minutes-2018.minuta.json');
    const routing = find(m, 'routing');
    Object.assign(routing.steps[0]!, { recipient: 'Her Excellency Permanent Vice Chair', purpose: '' });
    Object.assign(routing.steps[1]!, { recipient: '', purpose: '' });
    find(m, 'session').title = [];
    find(m, 'group').theme = [{ text: ' ' }];
    const doc: LayoutDocument = await layoutMeeting(m);
    const steps = doc.blocks.flatMap((b) => (b.kind === 'routing' ? b.steps.map((s) => str(s.headline)) : []));
    expect(steps).toEqual(['Submitted to Her Excellency Permanent Vice Chair', 'Seen, and submitted']);
    const t = layoutText(doc);
    expect(t).toMatch(/^Session 1$/m);
    expect(t).toMatch(/^Group 1$/m);
  });

  it('a section without a heading prints none and takes no letter', async () => {
    const m = meetingFixture('minutes-2018.minuta.json');
    const [first] = m.body.filter((b): b is Of<'section'> => b.type === 'section');
    first!.heading = [];
    const letters = (await layoutMeeting(m)).blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [str(b.runs)] : []));
    expect(letters).toEqual(['A. OPENING', 'B. DISCUSSION PROCEDURE', 'C. CLOSING']);
  });

  it('a speaker label or country with no text after it prints without its colon; blank bullets and paragraphs print nothing', async () => {
    const m = meetingFixture('minutes-2018.minuta.json');
    const remark = find(m, 'remark') as Extract<LeafBlock, { type: 'remark' }>;
    remark.speakerLabel = [{ text: 'Mrs. Sarah Knibbs' }];
    remark.paragraphs = [[], [{ text: '   ' }]];
    const t = await text(m);
    expect(t).toMatch(/^Mrs\. Sarah Knibbs$/m);
    expect(t.split('\n').filter((l) => l.trim() === '')).toEqual([]);
  });
});

describe('compose: the one rule', () => {
  it('fill leaves out an optional part whose value is blank', () => {
    expect(fill('Answer[ ({label})]', { label: 'MoLVT' })).toBe('Answer (MoLVT)');
    expect(fill('Answer[ ({label})]', { label: ' ' })).toBe('Answer');
    expect(fill('[({label})]', { label: '' })).toBe('');
    expect(fill('Submitted[ to {recipient}][, {purpose}]', { recipient: '', purpose: 'for information' })).toBe('Submitted, for information');
    expect(fill('[{place}, ]{date}', { place: undefined, date: '28 May 2018' })).toBe('28 May 2018');
    expect(fill('Session {n}', { n: 3 })).toBe('Session 3');
    expect(fill('Session {n}', {})).toBe('Session {n}');
  });

  it('fillRuns keeps the runs of rich-text values (their italic) and drops an optional part whose runs are blank', () => {
    const words = (s: string): Run[] => [{ text: s, script: 'latin', bold: true }];
    const title: Run[] = [{ text: 'Prevention', script: 'latin', italic: true }];
    expect(fillRuns('Session {n}[: {title}]', { n: 2, title }, words)).toEqual([{ text: 'Session 2: ', script: 'latin', bold: true }, ...title]);
    expect(fillRuns('Session {n}[: {title}]', { n: 2, title: [{ text: ' ', script: 'latin' }] }, words)).toEqual(words('Session 2'));
  });

  it('joinParts and joinRuns drop blank parts and their separators', () => {
    expect(joinParts(['Siem Reap', '', ' ', 'Cambodia'], ', ')).toBe('Siem Reap, Cambodia');
    expect(joinParts(['', undefined], ', ')).toBe('');
    const r = (t: string): Run[] => [{ text: t, script: 'latin' }];
    expect(joinRuns([r('Lao'), r(' ')], r(': '))).toEqual(r('Lao'));
    expect(joinRuns([r('Lao'), r('text')], r(': ')).map((x) => x.text)).toEqual(['Lao', ': ', 'text']);
  });
});
