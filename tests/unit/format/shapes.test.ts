import { describe, expect, it } from 'vitest';
import { type LayoutBlock, type LayoutDocument, type Run, layoutBodyHtml, layoutContent, layoutMeeting, BILATERAL_FORMAT, REPORT_FORMAT } from '../../../src/shared/format';
import { createFromTemplate, validateMeeting, type Annex, type LeafBlock, type Meeting } from '../../../src/shared/minutes';
import { layoutLines, layoutText } from '../../support/layoutText';

/**
 * The shapes of issue 15 that engineer C added: an attendance list printed as a table, notes and
 * letters, annexes. Each prints what it holds, in the template's words, and nothing for empty data.
 */

const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');

function meeting(body: LeafBlock[], extra: Partial<Meeting> = {}): Meeting {
  const m = createFromTemplate('blank', { newId: (p) => `${p}_${Math.random().toString(36).slice(2, 8)}`, startDate: '2024-03-12' });
  const withBody: Meeting = {
    ...m,
    titleBlock: { title: [{ text: 'Regional Consultative Meeting' }] },
    people: [{ id: 'p_1', honorific: 'H.E.', name: 'Somchai Jaidee', titleLines: [] }],
    organisations: [{ id: 'o_1', name: 'International Organization for Migration', abbreviation: 'IOM' }],
    body,
    ...extra,
  };
  const v = validateMeeting(JSON.parse(JSON.stringify(withBody)));
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.value;
}

const participants: LeafBlock = {
  id: 'b_part',
  type: 'participants',
  heading: [{ text: 'Attendance' }],
  groups: [
    {
      id: 'g_members',
      heading: [{ text: 'Members' }],
      rows: [
        { id: 'r_1', personId: 'p_1', affiliation: 'Thailand', function: 'chair' },
        { id: 'r_2', name: 'Ms. Keo Sophal', affiliation: 'Cambodia', function: 'vice-chair', functionLabel: 'Acting Chair' },
        { id: 'r_3', name: 'Mr. Vong Latsamy', affiliation: 'Lao PDR', function: 'member' },
      ],
    },
    { id: 'g_obs', heading: [{ text: 'Observers' }], rows: [{ id: 'r_4', name: 'Ms. Anna Berg', organisationId: 'o_1' }] },
  ],
};

const note: LeafBlock = {
  id: 'b_note',
  type: 'letter',
  kind: 'note',
  reference: 'No. 123/2024',
  place: 'Bangkok',
  date: '2024-03-12',
  addressee: [[{ text: 'His Excellency the Minister of Foreign Affairs' }], [{ text: 'Vientiane' }]],
  salutation: [{ text: 'Excellency,' }],
  paragraphs: [
    { id: 'p_a', text: [{ text: 'I have the honour to refer to the agreed minutes, which read as follows:' }] },
    { id: 'p_b', text: [{ text: 'The Parties shall cooperate on the return of victims.' }], quoted: true },
    { id: 'p_c', text: [{ text: 'I propose that this note and your reply constitute an agreement.' }] },
  ],
  close: [{ text: 'Accept, Excellency, the assurances of my highest consideration.' }],
  signer: { id: 's_1', role: 'Minister of Foreign Affairs', party: 'the Kingdom of Thailand', personId: 'p_1', titleLines: [], signature: { kind: 'none' } },
};

const annex = (id: string, title: string, blocks: Annex['blocks']): Annex => ({ id, title: title ? [{ text: title }] : [], blocks });
const para = (id: string, t: string): LeafBlock => ({ id, type: 'paragraph', text: [{ text: t }] });

describe('the participants table', () => {
  it('prints a table, group by group: the name (register or own), the function in the template’s words or as worded, the affiliation (own or register)', async () => {
    const doc = await layoutMeeting(meeting([participants]));
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({ kind: 'table', widthsPercent: [50, 50], source: 'b_part' });
    const rows = (table as Extract<LayoutBlock, { kind: 'table' }>).rows.map((r) => ({ span: r.span === true, cells: r.cells.map(str) }));
    expect(rows).toEqual([
      { span: true, cells: ['Members'] },
      { span: false, cells: ['H.E. Somchai Jaidee (Chair)', 'Thailand'] },
      { span: false, cells: ['Ms. Keo Sophal (Acting Chair)', 'Cambodia'] },
      // "member" has no word in the template: no empty brackets.
      { span: false, cells: ['Mr. Vong Latsamy', 'Lao PDR'] },
      { span: true, cells: ['Observers'] },
      { span: false, cells: ['Ms. Anna Berg', 'IOM'] },
    ]);
    // The heading is a label that keeps with the table.
    expect(layoutText(doc)).toContain('Attendance\nMembers\nH.E. Somchai Jaidee (Chair)\nThailand');
  });

  it('maps to an HTML table with a group row across the columns', async () => {
    const html = layoutBodyHtml(await layoutMeeting(meeting([participants])));
    expect(html).toContain('<p class="p-label keep" data-block="b_part"><b>Attendance</b></p>\n<table class="layout-table"><colgroup><col class="tw-50"><col class="tw-50"></colgroup><tbody>');
    expect(html).toContain('<tr><td class="tb-group" colspan="2"><b>Members</b></td></tr>');
    expect(html).toContain('<tr><td>H.E. Somchai Jaidee (Chair)</td><td>Thailand</td></tr>');
    expect(html).not.toContain('<thead>');
  });

  it('prints column headings only when the template words them', async () => {
    const t = { ...REPORT_FORMAT, participants: { ...REPORT_FORMAT.participants, columns: ['Name', 'Country or organisation'] as [string, string] } };
    const doc = await layoutMeeting(meeting([participants]), { template: t });
    const table = doc.blocks.find((b) => b.kind === 'table') as Extract<LayoutBlock, { kind: 'table' }>;
    expect(table.rows[0]).toMatchObject({ header: true });
    expect(table.rows[0]!.cells.map(str)).toEqual(['Name', 'Country or organisation']);
    expect(layoutBodyHtml(doc)).toContain('<thead><tr><th><b>Name</b></th><th><b>Country or organisation</b></th></tr></thead>');
  });

  it('prints nothing for an empty list: no heading-less table, no blank group row, no row of blank cells', async () => {
    const empty: LeafBlock = { id: 'b_e', type: 'participants', groups: [{ id: 'g_e', heading: [], rows: [{ id: 'r_e', name: '' }] }] };
    const doc = await layoutMeeting(meeting([empty]));
    expect(doc.blocks.filter((b) => b.source === 'b_e')).toEqual([]);
    // Column headings alone are no table either.
    const t = { ...REPORT_FORMAT, participants: { ...REPORT_FORMAT.participants, columns: ['Name', 'Country'] as [string, string] } };
    expect((await layoutMeeting(meeting([empty]), { template: t })).blocks.filter((b) => b.source === 'b_e')).toEqual([]);
  });

  it('refuses a row with neither a person nor a name', () => {
    const bad = { ...participants, groups: [{ id: 'g_x', heading: [], rows: [{ id: 'r_x', affiliation: 'Thailand' }] }] };
    const v = validateMeeting(JSON.parse(JSON.stringify({ ...meeting([]), body: [bad] })));
    expect(v.ok ? [] : v.errors).toEqual(['meeting.body[0].groups[0].rows[0]: A participant needs a personId or a name']);
  });

  it('gives every typed cell its provenance, and the register’s words their owner', () => {
    const blocks = layoutContent(meeting([participants]), { provenance: true });
    const table = blocks.find((b) => b.kind === 'table') as Extract<LayoutBlock, { kind: 'table' }>;
    const froms = table.rows.flatMap((r) => r.cells.flatMap((c) => c.filter((x) => x.from).map((x) => `${x.from!.id}.${x.from!.path}`)));
    expect(froms).toEqual(['g_members.heading', 'r_1.personId', 'r_1.affiliation', 'r_2.name', 'r_2.functionLabel', 'r_2.affiliation', 'r_3.name', 'r_3.affiliation', 'g_obs.heading', 'r_4.name', 'r_4.organisationId']);
  });
});

describe('notes and letters', () => {
  it('prints reference, dateline written out, addressee, salutation, paragraphs (the quoted one as a quote), close and the signer', async () => {
    const doc = await layoutMeeting(meeting([note]), { template: BILATERAL_FORMAT });
    const mine = doc.blocks.filter((b) => b.source === 'b_note' || b.source === undefined);
    const shapes = doc.blocks
      .filter((b) => b.kind !== 'title')
      .map((b) => (b.kind === 'paragraph' ? `${b.style}: ${str(b.runs)}` : b.kind === 'signatures' ? `signatures(${b.perRow}): ${b.cells.map((c) => [c.party, c.role, c.name].map((x) => str(x ?? [])).join(' / ')).join('; ')}` : b.kind));
    expect(mine.length).toBeGreaterThan(0);
    expect(shapes).toEqual([
      'line: No. 123/2024',
      'dateline: Bangkok, 12 March 2024',
      'line: His Excellency the Minister of Foreign Affairs',
      'line: Vientiane',
      'line: Excellency,',
      'body: I have the honour to refer to the agreed minutes, which read as follows:',
      'quote: The Parties shall cooperate on the return of victims.',
      'body: I propose that this note and your reply constitute an agreement.',
      'line: Accept, Excellency, the assurances of my highest consideration.',
      'signatures(2): For the Government of the Kingdom of Thailand / Minister of Foreign Affairs / H.E. Somchai Jaidee',
    ]);
  });

  it('does not number a letter’s paragraphs when the template numbers the minutes’ paragraphs', async () => {
    const doc = await layoutMeeting(meeting([para('b_1', 'The meeting opened.'), note, para('b_2', 'The meeting closed.')]), { template: REPORT_FORMAT });
    const numbered = doc.blocks.flatMap((b) => (b.kind === 'paragraph' && b.number !== undefined ? [`${b.number} ${str(b.runs)}`] : []));
    expect(numbered).toEqual(['1. The meeting opened.', '2. The meeting closed.']);
  });

  it('prints a place without a date alone, and nothing for an empty note', async () => {
    const bare: LeafBlock = { id: 'b_bare', type: 'letter', kind: 'letter', place: 'Bangkok', addressee: [[]], salutation: [], paragraphs: [{ id: 'p_e', text: [] }], close: [{ text: ' ' }] };
    const doc = await layoutMeeting(meeting([bare]));
    expect(layoutLines(doc).filter((l) => l.kind !== 'title')).toEqual([{ kind: 'paragraph', text: 'Bangkok', followed: false }]);
    const { place: _p, ...empty } = bare as Extract<LeafBlock, { type: 'letter' }>;
    expect((await layoutMeeting(meeting([empty]))).blocks.filter((b) => b.source === 'b_bare')).toEqual([]);
  });

  it('gives the signer’s fields the letter as their owner (the signer is a field of the note, not an item of a list)', () => {
    const blocks = layoutContent(meeting([{ ...note, signer: { id: 's_2', role: 'Ambassador', name: 'Ms. Maria Lopez', titleLines: ['Embassy of Spain'], signature: { kind: 'none' } } } as LeafBlock]), { provenance: true });
    const sig = blocks.find((b) => b.kind === 'signatures') as Extract<LayoutBlock, { kind: 'signatures' }>;
    expect([sig.cells[0]!.role, sig.cells[0]!.name, ...sig.cells[0]!.titleLines].map((rs) => `${rs[0]!.from!.id}.${rs[0]!.from!.path}`)).toEqual([
      'b_note.signer.role',
      'b_note.signer.name',
      'b_note.signer.titleLines.0',
    ]);
  });
});

describe('annexes', () => {
  const annexed = (template = REPORT_FORMAT) =>
    layoutMeeting(
      meeting(
        [para('b_1', 'The meeting opened.'), { id: 'b_sig', type: 'signatories', signatories: [{ id: 's_9', role: 'Chair', titleLines: [], signature: { kind: 'none' } }] }],
        {
          annexes: [
            annex('x_1', 'List of participants', [participants]),
            annex('x_2', '', []),
            annex('x_3', 'Agreed text', [para('b_3', 'First paragraph of the annex.'), para('b_4', 'Second paragraph of the annex.')]),
          ],
        },
      ),
      { template },
    );

  it('prints each annex after the body and the signatures, on a new page, under "Annex N" in the template’s style and its title', async () => {
    const doc = await annexed();
    const heads = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.pageBreakBefore ? '⤓ ' : ''}${str(b.runs)}`] : []));
    // The empty second annex prints nothing but keeps its number: the third is "Annex III".
    expect(heads).toEqual(['⤓ Annex I', 'List of participants', '⤓ Annex III', 'Agreed text']);
    const kinds = doc.blocks.map((b) => b.kind);
    expect(kinds.indexOf('signatures')).toBeLessThan(kinds.indexOf('heading'));
    expect(layoutBodyHtml(doc)).toContain('<h2 data-block="x_1" class="page-break"><b>Annex I</b></h2>');
  });

  it('restarts paragraph numbering in each annex', async () => {
    const doc = await annexed();
    const numbered = doc.blocks.flatMap((b) => (b.kind === 'paragraph' && b.number !== undefined ? [`${b.number} ${str(b.runs)}`] : []));
    expect(numbered).toEqual(['1. The meeting opened.', '1. First paragraph of the annex.', '2. Second paragraph of the annex.']);
  });

  it('follows the template’s label and style', async () => {
    const t = { ...REPORT_FORMAT, annexes: { label: 'Appendix {number}', style: 'A.' as const } };
    const doc = await annexed(t);
    expect(doc.blocks.flatMap((b) => (b.kind === 'heading' && b.pageBreakBefore ? [str(b.runs)] : []))).toEqual(['Appendix A', 'Appendix C']);
  });

  it('is part of the document for ids and references: a duplicate id across body and annex is refused, an unknown person in an annex too', () => {
    const base = meeting([para('b_1', 'x')]);
    const dup = validateMeeting(JSON.parse(JSON.stringify({ ...base, annexes: [annex('x_1', 'A', [para('b_1', 'y')])] })));
    expect(dup.ok ? [] : dup.errors).toEqual(['meeting.annexes[0].blocks[0].id: Duplicate id "b_1" (first used at meeting.body[0].id)']);
    const ref = validateMeeting(JSON.parse(JSON.stringify({ ...base, annexes: [annex('x_1', 'A', [{ id: 'b_p', type: 'presiding', personId: 'p_nobody', paragraphs: [] }])] })));
    expect(ref.ok ? [] : ref.errors).toEqual(['meeting.annexes[0].blocks[0].personId: Unknown person id "p_nobody"']);
  });

  it('prints nothing at all for a meeting without annexes (the seeds’ layout is unchanged)', async () => {
    const doc: LayoutDocument = await layoutMeeting(meeting([para('b_1', 'Only the body.')]));
    expect(doc.blocks.some((b) => b.kind === 'heading')).toBe(false);
  });
});
