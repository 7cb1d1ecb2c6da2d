import { describe, expect, it } from 'vitest';
import { AGREED_FORMAT, type LayoutDocument, type LayoutTitle, type Run, SUMMARY_RECORD_FORMAT, layoutMeeting, templateProblems } from '../../../src/shared/format';
import { type Meeting, parseInterchange, validateMeeting } from '../../../src/shared/minutes';
import { layoutText } from '../../support/layoutText';
import { readFixture } from '../minutes/helpers';
import { summaryRecordFrontMatter } from '../../support/frontMatterMeeting';

/**
 * Front matter, the agenda and headings (issue 15, point 2, engineer A): the masthead and dateline as
 * title lines composed by the template, per-level heading numbers, agenda item headings from data, the
 * agenda block, the classification marking on every page; and nothing printed for empty data.
 */

const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');
const base = (): Meeting => {
  const r = parseInterchange(readFixture('minutes-2019.minuta.json'));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.meeting;
};
const valid = (m: Meeting): Meeting => {
  const r = validateMeeting(m);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
};
const title = (doc: LayoutDocument) => doc.blocks.find((b): b is LayoutTitle => b.kind === 'title')!;
const body = (doc: LayoutDocument) => doc.blocks.filter((b) => b.kind !== 'title');

/** A small summary record: masthead, dateline, time, an agenda of two items, headings of three levels. */
function record(): Meeting {
  const m = base();
  return valid({
    ...m,
    frontMatter: summaryRecordFrontMatter(),
    agenda: [
      { id: 'ag_1', number: '1', title: [{ text: 'Adoption of the agenda' }], documents: ['E/CN.6/2024/1'] },
      { id: 'ag_3a', number: '3 (a)', title: [{ text: 'Priority theme' }], documents: ['E/CN.6/2024/3', 'E/CN.6/2024/4'] },
    ],
    body: [
      { id: 'b_agenda', type: 'agenda' },
      { id: 'b_h1', type: 'heading', level: 1, text: [], agendaItemId: 'ag_1' },
      { id: 'b_p1', type: 'paragraph', text: [{ text: 'The agenda was adopted.' }] },
      { id: 'b_h2', type: 'heading', level: 2, text: [{ text: 'General discussion' }] },
      { id: 'b_p2', type: 'paragraph', text: [{ text: 'The Chair opened the discussion.' }] },
      { id: 'b_h3', type: 'heading', level: 3, text: [{ text: 'Statements' }] },
      { id: 'b_h1b', type: 'heading', level: 1, text: [{ text: 'Own wording wins' }], agendaItemId: 'ag_3a' },
      { id: 'b_p3', type: 'paragraph', text: [{ text: 'The meeting rose at 1 p.m.' }] },
      { id: 'b_h2b', type: 'heading', level: 2, text: [{ text: 'Second level again' }] },
    ],
  });
}

describe('the masthead and the dateline are title lines composed by the template', () => {
  it('prints, in the agreed format, the masthead, the dateline above the title, and the time after the date', async () => {
    const doc = await layoutMeeting(record());
    const lines = title(doc).lines.map((l) => [l.role, str(l.runs), l.align ?? 'center']);
    expect(lines).toEqual([
      ['issuingBody', 'Economic and Social Council', 'left'],
      ['symbol', 'E/CN.6/2024/SR.3', 'right'],
      ['distribution', 'Distr.: General', 'right'],
      ['dateOfIssue', '20 March 2024', 'right'],
      ['originalLanguage', 'Original: English', 'right'],
      ['dateline', 'New York, 12 March 2024', 'center'],
      ['title', expect.any(String), 'center'],
      ['joiner', expect.any(String), 'center'],
      ['theme', expect.any(String), 'center'],
      ['date', '30-31 October 2019', 'center'],
      ['time', '10 a.m.', 'center'],
      ['place', expect.any(String), 'center'],
    ]);
  });

  it('takes its words and order from the template: the summary record prints no date or place line of its own', async () => {
    const m = { ...record(), format: { template: 'summary-record' as const } };
    const roles = title(await layoutMeeting(m)).lines.map((l) => l.role);
    expect(roles).toEqual(['issuingBody', 'symbol', 'distribution', 'dateOfIssue', 'originalLanguage', 'dateline', 'title', 'joiner', 'theme', 'time']);
    const worded = { ...record(), format: { template: 'agreed' as const, overrides: { frontMatter: { originalLanguage: 'Langue originale : {language}' }, titleBlock: { lines: ['originalLanguage' as const, 'title' as const] } } } };
    expect(title(await layoutMeeting(worded)).lines.map((l) => str(l.runs))).toEqual(['Langue originale : English', expect.stringContaining('')]);
    expect(templateProblems(SUMMARY_RECORD_FORMAT)).toEqual([]);
  });

  it('marks every page with the classification, over the template’s marking; none without one', async () => {
    const m = record();
    expect((await layoutMeeting(m)).furniture.marking).toBe('CONFIDENTIAL');
    const over = { ...m, format: { template: 'agreed' as const, overrides: { furniture: { marking: 'RESTRICTED' } } } };
    expect((await layoutMeeting(over)).furniture.marking).toBe('CONFIDENTIAL');
    const { classification: _c, ...rest } = m.frontMatter!;
    expect((await layoutMeeting({ ...over, frontMatter: rest })).furniture.marking).toBe('RESTRICTED');
    expect((await layoutMeeting({ ...m, frontMatter: rest })).furniture.marking).toBeUndefined();
  });
});

describe('headings and the agenda', () => {
  it('prints the agenda: its heading, each number before its title, the documents under it', async () => {
    const doc = await layoutMeeting(record());
    const agenda = body(doc).filter((b) => b.source === 'b_agenda');
    expect(agenda.map((b) => (b.kind === 'paragraph' ? [b.number ?? null, str(b.runs)] : b.kind))).toEqual([
      [null, 'Agenda'],
      ['1.', 'Adoption of the agenda'],
      ['', 'Documents: E/CN.6/2024/1'],
      ['3 (a).', 'Priority theme'],
      ['', 'Documents: E/CN.6/2024/3, E/CN.6/2024/4'],
    ]);
    const own = valid({ ...record(), body: [{ id: 'b_agenda', type: 'agenda', heading: [{ text: 'Provisional agenda' }] }] });
    expect(str((body(await layoutMeeting(own))[0] as { runs: Run[] }).runs)).toBe('Provisional agenda');
  });

  it('prints an agenda item’s heading from the agenda with the template’s label; its own text overrides it', async () => {
    const headings = body(await layoutMeeting(record())).filter((b) => b.kind === 'heading');
    expect(headings.map((h) => [h.level, str(h.runs)])).toEqual([
      [1, 'Agenda item 1: Adoption of the agenda'],
      [2, 'General discussion'],
      [3, 'Statements'],
      [1, 'Own wording wins'],
      [2, 'Second level again'],
    ]);
  });

  it('numbers headings per level from the template, a heading restarting the levels below it', async () => {
    const m = { ...record(), format: { template: 'agreed' as const, overrides: { headings: { levels: ['I.', 'A.', '1.'] as ['I.', 'A.', '1.'] }, heading: '{number}\t{heading}' } } };
    const headings = body(await layoutMeeting(m)).filter((b) => b.kind === 'heading');
    expect(headings.map((h) => str(h.runs))).toEqual([
      'I.\tAgenda item 1: Adoption of the agenda',
      'A.\tGeneral discussion',
      '1.\tStatements',
      'II.\tOwn wording wins',
      'A.\tSecond level again',
    ]);
  });

  it('restarts paragraph numbers kept per section at level-1 headings', async () => {
    const numbers = async (numbering: 'continuous' | 'per-section' | 'per-session') => {
      const m = { ...record(), format: { template: 'agreed' as const, overrides: { paragraphs: { numbering } } } };
      return body(await layoutMeeting(m)).flatMap((b) => (b.kind === 'paragraph' && b.source?.startsWith('b_p') ? [b.number] : []));
    };
    expect(await numbers('continuous')).toEqual(['1.', '2.', '3.']);
    expect(await numbers('per-section')).toEqual(['1.', '2.', '1.']);
    expect(await numbers('per-session')).toEqual(['1.', '1.', '1.']);
    // The agenda's lines carry the items' own numbers: they are not running paragraphs.
    const m = { ...record(), format: { template: 'agreed' as const, overrides: { paragraphs: { numbering: 'continuous' as const } } } };
    const agenda = body(await layoutMeeting(m)).filter((b) => b.source === 'b_agenda' && b.kind === 'paragraph').map((b) => (b as { number?: string }).number);
    expect(agenda).toEqual([undefined, '1.', '', '3 (a).', '']);
  });
});

describe('nothing is printed for empty data', () => {
  it('prints no masthead label without its value, no time, no dateline, no marking', async () => {
    const m = valid({
      ...record(),
      frontMatter: { symbol: ' ', issuingBody: [], distribution: '', originalLanguage: '  ', classification: ' ', meetingTime: '', dateline: [{ text: ' ' }] },
    });
    const doc = await layoutMeeting(m);
    expect(title(doc).lines.map((l) => l.role)).toEqual(['title', 'joiner', 'theme', 'date', 'place']);
    expect(layoutText(doc)).not.toMatch(/Distr|Original/);
    expect(doc.furniture.marking).toBeUndefined();
  });

  it('prints no agenda, heading or label for an empty agenda, a blank item or a blank heading, and numbers none of them', async () => {
    const m = valid({
      ...record(),
      agenda: [
        { id: 'ag_1', number: ' ', title: [], documents: [] },
        { id: 'ag_2', number: '2', title: [{ text: ' ' }], documents: ['', ' '] },
        { id: 'ag_3', number: '', title: [{ text: 'Untitled number' }], documents: [] },
      ],
      format: { template: 'agreed', overrides: { headings: { levels: ['1.', '1.', '1.'] } } },
      body: [
        { id: 'b_agenda', type: 'agenda' },
        { id: 'b_h0', type: 'heading', level: 1, text: [{ text: '  ' }] },
        { id: 'b_h1', type: 'heading', level: 1, text: [], agendaItemId: 'ag_1' },
        { id: 'b_h2', type: 'heading', level: 1, text: [], agendaItemId: 'ag_2' },
        { id: 'b_h3', type: 'heading', level: 1, text: [], agendaItemId: 'ag_3' },
      ],
    });
    const lines = body(await layoutMeeting(m)).map((b) => (b.kind === 'paragraph' ? `${b.number ?? ''}|${str(b.runs)}` : b.kind === 'heading' ? `h|${str(b.runs)}` : b.kind));
    expect(lines).toEqual(['|Agenda', '2.|', '|Untitled number', 'h|1. Agenda item 2', 'h|2. Agenda item: Untitled number']);
    const none = valid({ ...record(), agenda: [], body: [{ id: 'b_agenda', type: 'agenda' }] });
    expect(body(await layoutMeeting(none))).toEqual([]);
    const absent = valid({ ...base(), body: [{ id: 'b_agenda', type: 'agenda' }, { id: 'b_h', type: 'heading', level: 2, text: [] }] });
    expect(body(await layoutMeeting(absent))).toEqual([]);
  });

  it('leaves the seeds exactly as they were (no front matter, no agenda)', async () => {
    const doc = await layoutMeeting(base());
    expect(title(doc).lines.every((l) => l.align === undefined)).toBe(true);
    expect(AGREED_FORMAT.headings.levels).toEqual(['none', 'none', 'none']);
  });
});
