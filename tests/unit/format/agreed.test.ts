import { describe, expect, it } from 'vitest';
import {
  type LayoutBlock,
  type LayoutDocument,
  type LayoutList,
  type Run,
  layoutMeeting,
  layoutToHtml,
  shortFingerprint,
  splitByScript,
  writeDateRange,
} from '../../../src/shared/format';
import { createFromTemplate, type Meeting } from '../../../src/shared/minutes';
import { meetingFixture } from '../minutes/helpers';

const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');
const headings = (doc: LayoutDocument, level: number) =>
  doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [str(b.runs)] : []));
const paragraphs = (doc: LayoutDocument) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : []));
const lists = (doc: LayoutDocument) => doc.blocks.filter((b): b is LayoutList => b.kind === 'list');
const only = <K extends LayoutBlock['kind']>(doc: LayoutDocument, kind: K) =>
  doc.blocks.filter((b): b is Extract<LayoutBlock, { kind: K }> => b.kind === kind);

describe('the agreed format, 2018 seed (long form)', async () => {
  const doc = await layoutMeeting(meetingFixture('minutes-2018.minuta.json'));

  it('title block: label, title, dates written out, city and country', () => {
    const [title] = only(doc, 'title');
    expect(title!.lines.map((l) => [l.role, str(l.runs)])).toEqual([
      ['label', 'Meeting Minute'],
      ['title', expect.stringMatching(/^Technical Consultation Meeting among the three/)],
      ['date', '24-25 May 2018'],
      ['place', 'Siem Reap, The Kingdom of Cambodia'],
    ]);
    expect(title!.lines.every((l) => l.runs.every((r) => r.bold))).toBe(true);
  });

  it('letters the sections A–D and numbers the sessions', () => {
    expect(headings(doc, 1)).toEqual(['A. PARTICIPANTS OF THE MEETING', 'B. OPENING', 'C. DISCUSSION PROCEDURE', 'D. CLOSING']);
    expect(headings(doc, 2).map((h) => h.slice(0, 11))).toEqual(['Session 1: ', 'Session 2: ', 'Session 3: ', 'Session 4: ']);
  });

  it('groups: "Group N: theme", bold "Implementation by country:" and "Collaboration:" with nested items, bold country remarks', () => {
    expect(headings(doc, 3).filter((h) => h.startsWith('Group ')).slice(0, 5)).toEqual([
      'Group 1: Mechanisms or systems to protect migrants at-risk',
      'Group 2: Prevention',
      'Group 3: Victim Protection',
      'Group 4: Strengthening law enforcement',
      'Group 1: Mechanisms or systems to protect migrants at-risk',
    ]);
    const parts = lists(doc).flatMap((l) => l.items).filter((i) => /^(Implementation by country|Collaboration):$/.test(str(i.runs)));
    expect(parts.length).toBe(8);
    expect(parts.every((p) => p.runs.every((r) => r.bold) && p.children[0]?.kind === 'list')).toBe(true);
    const all = (l: LayoutList): Run[][] => l.items.flatMap((i) => [i.runs, ...i.children.flatMap((c) => (c.kind === 'list' ? all(c) : []))]);
    const remarks = lists(doc).flatMap(all);
    const lao = remarks.filter((rs) => rs[0]?.text === 'Lao:');
    expect(lao.length).toBe(2);
    expect(lao.every((rs) => rs[0]!.bold && !rs.at(-1)!.bold)).toBe(true);
  });

  it('presentations: a bold heading bullet with nested bullets and a "Recommendation:" label', () => {
    const first = lists(doc).find((l) => str(l.items[0]!.runs).startsWith('The presentation by Mr. Uy Akhara'))!;
    expect(first.items[0]!.runs.every((r) => r.bold)).toBe(true);
    expect(first.items[0]!.children.map((c) => (c.kind === 'list' ? `list:${c.items.length}` : str(c.runs)))).toEqual([
      'list:3',
      'Recommendation:',
      'list:8',
    ]);
  });

  it('Q&A: bold "Question (ORG)" / "Answer (ORG)" run in with the text; suggestions "(ORG)"', () => {
    const qa = paragraphs(doc).filter((p) => /^(Question|Answer|\()/.test(p.runs[0]?.text ?? ''));
    expect(qa.map((p) => p.runs[0]!.text).slice(0, 4)).toEqual(['Question (UN Women)', 'Answer (MoLVT)', 'Question (LSCW)', 'Answer (MoLVT)']);
    expect(qa.every((p) => p.runs[0]!.bold)).toBe(true);
    expect(qa.map((p) => p.runs[0]!.text)).toContain('(UN-ACT)');
  });

  it('remarks: the speaker label in bold followed by ": "', () => {
    const p = paragraphs(doc).find((x) => x.runs[0]?.text === 'Mrs. Sarah Knibbs (UN Women)')!;
    expect(p.runs[1]).toMatchObject({ text: ': ', bold: true });
  });

  it('the routing chain: bold "Submitted to …, for …", place and date, signer role', () => {
    const [routing] = only(doc, 'routing');
    expect(routing!.steps.map((s) => [str(s.headline), str(s.placeDate), str(s.signerRole)])).toEqual([
      ['Submitted to Her Excellency Permanent Vice Chair, for information', 'Phnom Penh, 28 May 2018', 'Minute taker'],
      ['Seen, and submitted to Samdech Kralahom, for information and advices', 'Phnom Penh, 31 May 2018', 'Permanent Vice Chair of NCCT'],
    ]);
    expect(routing!.steps.every((s) => s.headline.every((r) => r.bold))).toBe(true);
  });
});

describe('the agreed format, 2019 seed (short form)', async () => {
  const meeting = meetingFixture('minutes-2019.minuta.json');
  const doc = await layoutMeeting(meeting);

  it('numbers objectives "1)" and challenges "1."; agreements are plain paragraphs', () => {
    expect(lists(doc).map((l) => [l.numbering, l.items.length])).toEqual([
      ['decimal-paren', 2],
      ['decimal', 5],
    ]);
  });

  it('the signature grid: three cells per row, role, name with honorific, title lines, unique field names', () => {
    const [grid] = only(doc, 'signatures');
    expect(grid!.perRow).toBe(3);
    expect(grid!.cells.map((c) => [c.index, c.field, str(c.role), str(c.name)])).toEqual([
      [1, 'Head of Cambodia Delegation', 'Head of Cambodia Delegation', 'H.E. Mrs. Chou Bun Eng'],
      [2, 'Head of Lao Delegation', 'Head of Lao Delegation', 'Pol. Col. Dr. Phengsavanh Thipphavongsay'],
      [3, 'Head of Myanmar Delegation', 'Head of Myanmar Delegation', 'Major General Aung Thu'],
    ]);
    // The signing statement keeps with the grid; the disclaimer is set apart.
    const idx = doc.blocks.indexOf(grid!);
    expect(doc.blocks[idx - 1]).toMatchObject({ kind: 'paragraph', keepWithNext: true });
  });

  it('page furniture: A4, "Page {page} of {pages}", the short fingerprint, a draft mark unless sealed', async () => {
    expect(doc.furniture.page.size).toBe('A4');
    expect(doc.furniture.pageLabel).toEqual({ before: 'Page ', between: ' of ', after: '' });
    expect(doc.meta.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.furniture.fingerprintLabel).toBe(`Fingerprint ${shortFingerprint(doc.meta.fingerprint)}`);
    expect(doc.furniture.draftMark).toBe('DRAFT');
    expect((await layoutMeeting(meeting, { sealed: true })).furniture.draftMark).toBeUndefined();
  });

  it('the fingerprint is the SHA-256 of the canonical content: stable, and changed by any edit', async () => {
    expect((await layoutMeeting(meeting)).meta.fingerprint).toBe(doc.meta.fingerprint);
    const edited = structuredClone(meeting);
    edited.venue.city = 'Siem Reap ';
    expect((await layoutMeeting(edited)).meta.fingerprint).not.toBe(doc.meta.fingerprint);
  });

  it('a second signatory with the same role gets a distinct field name', async () => {
    const twice = structuredClone(meeting);
    const grid = twice.body.find((b) => b.type === 'signatories')!;
    if (grid.type !== 'signatories') throw new Error('no grid');
    grid.signatories[1]!.role = 'Head of Cambodia Delegation';
    const cells = only(await layoutMeeting(twice), 'signatures')[0]!.cells;
    expect(cells.map((c) => c.field)).toEqual(['Head of Cambodia Delegation', 'Head of Cambodia Delegation (2)', 'Head of Myanmar Delegation']);
  });
});

describe('a fresh draft, before its venue and routing are filled in', () => {
  it('prints what is known and no stray commas: no place line, the routing date alone', async () => {
    const draft = createFromTemplate('long-2018', { title: 'Technical Consultation Meeting', startDate: '2018-05-24' });
    expect(draft.venue).toMatchObject({ city: '', country: '' });
    const doc = await layoutMeeting(draft);
    expect(only(doc, 'title')[0]!.lines.map((l) => l.role)).not.toContain('place');
    const route = only(doc, 'routing')[0]!.steps[0]!;
    expect(str(route.placeDate)).toBe('24 May 2018');
    const lines = doc.blocks.flatMap((b) => ('lines' in b ? b.lines.map((l) => str(l.runs)) : 'steps' in b ? b.steps.map((x) => str(x.placeDate)) : []));
    for (const line of lines) expect(line).not.toMatch(/^\s*,|,\s*$/);

    const placed = { ...draft, venue: { city: 'Siem Reap', country: '' } };
    expect(only(await layoutMeeting(placed), 'title')[0]!.lines.find((l) => l.role === 'place')!.runs.map((r) => r.text).join('')).toBe('Siem Reap');
  });
});

describe('scripts', () => {
  it('splits text into runs of one script, neutral characters staying with their run', () => {
    expect(splitByScript('The meeting (កិច្ចប្រជុំ ពិគ្រោះ) and ກອງປະຊຸມ, နည်းပညာ.')).toEqual([
      { text: 'The meeting (', script: 'latin' },
      { text: 'កិច្ចប្រជុំ ពិគ្រោះ) ', script: 'khmer' },
      { text: 'and ', script: 'latin' },
      { text: 'ກອງປະຊຸມ, ', script: 'lao' },
      { text: 'နည်းပညာ.', script: 'myanmar' },
    ]);
    expect(splitByScript('2019')).toEqual([{ text: '2019', script: 'latin' }]);
  });

  it('tags runs by script and loads only the fonts of the scripts used', async () => {
    const doc = await layoutMeeting(meetingFixture('scripts.minuta.json'));
    expect(doc.scripts).toEqual(['latin', 'khmer', 'lao', 'myanmar', 'thai']);
    const html = layoutToHtml(doc, { fontUrl: (f) => `fonts/${f}` });
    expect(html).toContain('<span lang="km" class="s-khmer">កិច្ចប្រជុំពិគ្រោះយោបល់បច្ចេកទេស</span>');
    expect(html).toContain('<span lang="lo" class="s-lao">');
    expect(html).toContain('<span lang="my" class="s-myanmar">');
    expect(html).toContain('<span lang="th" class="s-thai">การประชุมปรึกษาหารือทางวิชาการ ณ กรุงเทพมหานคร </span>');
    expect(html).toContain("url(\"fonts/noto-serif-thai/files/noto-serif-thai-thai-400-normal.woff2\")");
    expect(html).toMatch(/\.s-thai \{ font-family: 'Noto Serif Thai', 'Noto Serif'/);
    expect(html).toContain("url(\"fonts/noto-serif-khmer/files/noto-serif-khmer-khmer-400-normal.woff2\")");
    const latinOnly = await layoutMeeting(meetingFixture('minutes-2019.minuta.json'));
    expect(latinOnly.scripts).toEqual(['latin']);
    expect(layoutToHtml(latinOnly, { fontUrl: (f) => f })).not.toContain('noto-serif-khmer/files');
  });
});

describe('html', () => {
  it('escapes text and makes each signature box a sig:N link', async () => {
    const meeting = meetingFixture('minutes-2019.minuta.json');
    meeting.venue.city = '<script>alert(1)</script> & "Siem Reap"';
    const html = layoutToHtml(await layoutMeeting(meeting), { fontUrl: (f) => f });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Siem Reap&quot;');
    expect(html.match(/<a class="sig-box" href="sig:\d"/g)).toHaveLength(3);
    expect(html).toContain('counter(page)');
    expect(html).toContain('counter(pages)');
  });

  it('marks the first element of each model block with data-block="<id>", in body order (2019)', async () => {
    const meeting = meetingFixture('minutes-2019.minuta.json');
    const html = layoutToHtml(await layoutMeeting(meeting), { fontUrl: (f) => f });
    const marked = [...html.matchAll(/ data-block="([^"]*)"/g)].map((m) => m[1]);
    expect(marked).toEqual(meeting.body.map((b) => b.id));
  });

  it('marks sections, sessions and the leaf blocks inside sessions (2018); only the title has no source', async () => {
    const meeting = meetingFixture('minutes-2018.minuta.json');
    const doc = await layoutMeeting(meeting);
    const html = layoutToHtml(doc, { fontUrl: (f) => f });
    const marked = new Set([...html.matchAll(/ data-block="([^"]*)"/g)].map((m) => m[1]));
    const ids: string[] = [];
    const walk = (b: Meeting['body'][number]): void => {
      ids.push(b.id);
      if (b.type === 'section') b.blocks.forEach(walk);
      else if (b.type === 'session') b.items.forEach(walk);
    };
    meeting.body.forEach(walk);
    expect(ids.filter((id) => !marked.has(id))).toEqual([]);
    expect(marked.size).toBe(ids.length);
    expect(doc.blocks.filter((b) => b.kind !== 'title' && !b.source)).toEqual([]);
    expect(html).toMatch(/<h3 data-block="[^"]+"><b>Session 1: /);
  });

  it('escapes the source id', async () => {
    const doc = await layoutMeeting(meetingFixture('minutes-2019.minuta.json'));
    doc.blocks.find((b) => b.kind === 'paragraph')!.source = 'x"><script>';
    expect(layoutToHtml(doc, { fontUrl: (f) => f })).toContain('data-block="x&quot;&gt;&lt;script&gt;"');
  });

  it('writes date ranges as the seeds do', () => {
    expect(writeDateRange('2018-05-24', '2018-05-25')).toBe('24-25 May 2018');
    expect(writeDateRange('2019-10-30', '2019-10-30')).toBe('30 October 2019');
    expect(writeDateRange('2019-05-30', '2019-06-02')).toBe('30 May-2 June 2019');
    expect(writeDateRange('2019-12-30', '2020-01-02')).toBe('30 December 2019-2 January 2020');
  });
});
