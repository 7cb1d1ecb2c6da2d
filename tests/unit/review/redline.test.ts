import { describe, expect, it } from 'vitest';
import type { LayoutBlock, LayoutDocument, Run } from '../../../src/shared/format';
import { layoutBodyHtml, layoutMeeting, tableRuns } from '../../../src/shared/format';
import type { Meeting } from '../../../src/shared/minutes';
import { compareMeetings } from '../../../src/shared/review/compare';
import { layoutRedline } from '../../../src/shared/review/redline';
import { base, edit, list, section } from './pairs';

/** The redline as the agreed format lays it out: the marks on runs and paragraphs, checked on the layout tree. */
const FALLBACK = { author: 'reviewer', date: '2026-06-12T10:00:00.000Z' };
async function redline(a: Meeting, b: Meeting): Promise<LayoutDocument> {
  return layoutRedline(a, b, compareMeetings(a, b, { defaultAttribution: { author: 'sokha', date: '2026-06-10T09:00:00.000Z' } }), {
    labels: { a: 'Draft 1', b: 'revision 7' },
    fallback: FALLBACK,
  });
}

/** Every run of the layout, in reading order, with the block it belongs to. */
function runsOf(doc: LayoutDocument): { run: Run; block: LayoutBlock }[] {
  const out: { run: Run; block: LayoutBlock }[] = [];
  const add = (block: LayoutBlock, rs: readonly Run[]) => rs.forEach((run) => out.push({ run, block }));
  for (const b of doc.blocks) {
    if (b.kind === 'title') b.lines.forEach((l) => add(b, l.runs));
    else if (b.kind === 'heading' || b.kind === 'paragraph') add(b, b.runs);
    else if (b.kind === 'list') {
      const walk = (l: Extract<LayoutBlock, { kind: 'list' }>) =>
        l.items.forEach((it) => {
          add(b, it.runs);
          it.children.forEach((c) => (c.kind === 'list' ? walk(c) : add(b, c.runs)));
        });
      walk(b);
    } else if (b.kind === 'signatures') b.cells.forEach((c) => [c.role, c.name, ...c.titleLines].forEach((rs) => add(b, rs)));
    else if (b.kind === 'table') tableRuns(b).forEach((rs) => add(b, rs));
    else b.steps.forEach((s) => [s.headline, s.placeDate, s.signerRole].forEach((rs) => add(b, rs)));
  }
  return out;
}
const marked = (doc: LayoutDocument, kind: string) =>
  runsOf(doc)
    .filter((r) => r.run.change?.kind === kind)
    .map((r) => r.run.text)
    .join('|');
const plainText = (doc: LayoutDocument) =>
  runsOf(doc)
    .map((r) => r.run.text)
    .join('');

describe('layoutRedline', () => {
  it('lays out an unchanged pair exactly as the minutes, with nothing marked', async () => {
    const doc = await redline(base(), base());
    const plain = await layoutMeeting(base());
    expect(doc.blocks).toEqual(plain.blocks);
    expect(doc.comparison).toMatchObject({ heading: 'Comparison of Draft 1 and revision 7', notes: [] });
  });

  it('marks the words deleted and inserted inside a paragraph, with author and date, and nothing else', async () => {
    const b = edit((m) => {
      (section(m).blocks[0] as { text: unknown }).text = [{ text: 'The meeting opened at ten in the morning.' }];
    });
    const doc = await redline(base(), b);
    expect(marked(doc, 'deleted')).toBe('nine');
    expect(marked(doc, 'inserted')).toBe('ten');
    const para = doc.blocks.find((x) => x.source === 'b_p1') as Extract<LayoutBlock, { kind: 'paragraph' }>;
    expect(para.change).toBeUndefined();
    expect(para.runs.find((r) => r.change)?.change).toEqual({ kind: 'deleted', author: 'sokha', date: '2026-06-10T09:00:00.000Z' });
    expect(runsOf(doc).filter((r) => r.run.change).length).toBe(2);
  });

  it('puts a removed block back where it was, deleted as a whole', async () => {
    const b = edit((m) => void section(m).blocks.splice(0, 1));
    const doc = await redline(base(), b);
    const i = doc.blocks.findIndex((x) => x.source === 'b_p1');
    expect(i).toBe(doc.blocks.findIndex((x) => x.source === 'b_p2') - 1);
    expect(doc.blocks[i]).toMatchObject({ kind: 'paragraph', change: { kind: 'deleted' } });
    expect(marked(doc, 'deleted')).toBe('The meeting opened at nine in the morning.');
  });

  it('shows a moved block at both places: moved away from the old, moved to the new', async () => {
    const b = edit((m) => {
      const moved = section(m).blocks.splice(0, 1)[0]!;
      m.body.push(moved as Meeting['body'][number]);
    });
    const doc = await redline(base(), b);
    const text = 'The meeting opened at nine in the morning.';
    expect(marked(doc, 'movedFrom')).toBe(text);
    expect(marked(doc, 'movedTo')).toBe(text);
    const from = doc.blocks.findIndex((x) => x.kind === 'paragraph' && x.change?.kind === 'movedFrom');
    const to = doc.blocks.findIndex((x) => x.kind === 'paragraph' && x.change?.kind === 'movedTo');
    expect(from).toBe(doc.blocks.findIndex((x) => x.source === 'b_p2') - 1);
    expect(to).toBe(doc.blocks.length - 1);
    expect(marked(doc, 'inserted') + marked(doc, 'deleted')).toBe('');
  });

  it('marks a whole added statement as inserted, the format words ("Question (…)") included', async () => {
    const b = edit((m) => {
      const qa = m.body[2] as Extract<Meeting['body'][number], { type: 'qa' }>;
      qa.turns.push({ id: 't_2', question: { id: 'q_2', by: { label: 'IOM' }, paragraphs: [[{ text: 'And in Laos?' }]] }, answers: [] });
    });
    const doc = await redline(base(), b);
    const added = doc.blocks.find((x) => x.kind === 'paragraph' && x.change?.kind === 'inserted') as Extract<LayoutBlock, { kind: 'paragraph' }>;
    expect(added.runs.map((r) => r.text).join('')).toBe('Question (IOM) And in Laos?');
    expect(added.runs.every((r) => r.change?.kind === 'inserted')).toBe(true);
  });

  it('marks an added bullet, a bold change in a bold heading and a signatory renamed in the grid', async () => {
    const b = edit((m) => {
      list(m).items.splice(1, 0, { id: 'i_7', text: [{ text: 'Inserted point' }] });
      section(m).heading = [{ text: 'PROCEEDINGS', italic: true }];
      const sig = m.body[3] as Extract<Meeting['body'][number], { type: 'signatories' }>;
      sig.signatories[0]!.role = 'Head of the Cambodian Delegation';
    });
    const doc = await redline(base(), b);
    const l = doc.blocks.find((x) => x.source === 'b_l1') as Extract<LayoutBlock, { kind: 'list' }>;
    expect(l.items.map((it) => [it.runs.map((r) => r.text).join(''), it.change?.kind])).toEqual([
      ['First point', undefined],
      ['Inserted point', 'inserted'],
      ['Second point', undefined],
      ['Third point', undefined],
    ]);
    const heading = doc.blocks.find((x) => x.source === 'b_s1') as Extract<LayoutBlock, { kind: 'heading' }>;
    // The format prints section headings bold: the change is bold → bold italic.
    expect(heading.runs.find((r) => r.change)).toMatchObject({ text: 'PROCEEDINGS', bold: true, italic: true, change: { kind: 'formatChanged', before: { bold: true, italic: false } } });
    expect(marked(doc, 'deleted')).toBe('Cambodia');
    expect(marked(doc, 'inserted')).toBe('Inserted point|the Cambodian');
    const sig = doc.blocks.find((x) => x.kind === 'signatures') as Extract<LayoutBlock, { kind: 'signatures' }>;
    expect(sig.cells[0]!.field).toBe('Head of the Cambodian Delegation');
  });

  it('marks printed dates, numbers and routing kinds where the format prints them', async () => {
    const b = edit((m) => {
      m.dates.end = '2019-11-01';
      const r = m.body[4] as Extract<Meeting['body'][number], { type: 'routing' }>;
      r.steps[0]!.kind = 'seen-and-submitted';
      r.steps[0]!.date = '2019-11-04';
      m.body.splice(1, 0, { id: 'b_ses', type: 'session', number: 2, title: [{ text: 'Reports' }], items: [] });
    });
    const a = edit((m) => void m.body.splice(1, 0, { id: 'b_ses', type: 'session', number: 1, title: [{ text: 'Reports' }], items: [] }));
    const doc = await redline(a, b);
    // "30-31 October 2019" → "30 October-1 November 2019"; session 1 → 2; the routing kind and date.
    expect(marked(doc, 'deleted')).toBe('-31|1|Submitted|1');
    expect(marked(doc, 'inserted')).toBe('-1 November|2|Seen, and submitted|4');
    expect(doc.comparison!.notes).toEqual([]);
    const session = doc.blocks.find((x) => x.source === 'b_ses') as Extract<LayoutBlock, { kind: 'heading' }>;
    expect(session.runs.map((r) => [r.text, r.change?.kind])).toEqual([
      ['Session ', undefined],
      ['1', 'deleted'],
      ['2', 'inserted'],
      [': ', undefined],
      ['Reports', undefined],
    ]);
  });

  it('lists changes the minutes do not print as words in the note, and marks nothing for them', async () => {
    const b = edit((m) => {
      m.venue.name = 'Don Chan Palace';
      const r = m.body[4] as Extract<Meeting['body'][number], { type: 'routing' }>;
      r.steps[0]!.signature = { kind: 'handwritten' };
    });
    const doc = await redline(base(), b);
    expect(doc.comparison!.notes).toEqual(['routing › steps[r_1].signature.kind: none → handwritten', 'venue.name: (none) → Don Chan Palace']);
    expect(runsOf(doc).filter((r) => r.run.change)).toEqual([]);
    expect(plainText(doc)).not.toMatch(/[\uE000\uE001]/);
  });

  it('renders marks in HTML as <ins>/<del> with a change bar, and plain minutes without either', async () => {
    const b = edit((m) => {
      (section(m).blocks[0] as { text: unknown }).text = [{ text: 'The meeting opened at ten in the morning.' }];
    });
    const html = layoutBodyHtml(await redline(base(), b));
    expect(html).toContain('<del class="c-del" title="Deleted by sokha, 2026-06-10 09:00" data-author="sokha">nine</del>');
    expect(html).toContain('<ins class="c-ins" title="Inserted by sokha, 2026-06-10 09:00" data-author="sokha">ten</ins>');
    expect(html).toMatch(/<p class="p-body c-bar" data-block="b_p1">/);
    expect(html).toContain('<p class="cmp-head">Comparison of Draft 1 and revision 7</p>');
    const plain = layoutBodyHtml(await layoutMeeting(b));
    expect(plain).not.toMatch(/c-bar|<ins|<del|cmp-head/);
  });
});

describe('layoutRedline, optional parts', () => {
  it('shows recommendations removed from a presentation as deleted, heading and bullets', async () => {
    const withRecs = edit((m) => {
      section(m).blocks.push({
        id: 'b_pr',
        type: 'presentation',
        heading: [{ text: 'Presentation by IOM:' }],
        bullets: [{ id: 'u_1', text: [{ text: 'Migration is rising.' }] }],
        recommendations: { heading: [{ text: 'Recommendations' }], items: [{ id: 'u_2', text: [{ text: 'Open more shelters.' }] }] },
      });
    });
    const without = structuredClone(withRecs);
    delete (section(without).blocks[2] as { recommendations?: unknown }).recommendations;
    const c = compareMeetings(withRecs, without);
    expect(c.blocks[0]!.fields.map((f) => [f.path, f.kind])).toEqual([
      ['recommendations.heading', 'text'],
      ['recommendations.items[u_2]', 'removed'],
    ]);
    const doc = await redline(withRecs, without);
    expect(marked(doc, 'deleted')).toBe('Recommendations|Open more shelters.');
    expect(marked(doc, 'inserted')).toBe('');
  });
});

describe('layoutRedline, hostile text', () => {
  it('leaves text that looks like its placeholders alone', async () => {
    const odd = 'Code \uE0000\uE001 and \uE0021\uE003 stay as typed.';
    const a = edit((m) => {
      (section(m).blocks[1] as { text: unknown }).text = [{ text: odd }];
    });
    const b = structuredClone(a);
    (section(b).blocks[0] as { text: unknown }).text = [{ text: 'The meeting opened at ten in the morning.' }];
    const doc = await redline(a, b);
    expect(plainText(doc)).toContain(odd);
    expect(marked(doc, 'deleted')).toBe('nine');
    expect(marked(doc, 'inserted')).toBe('ten');
  });
});

describe('layoutRedline, scripts', () => {
  it('marks Khmer words and loads the Khmer font for text only the changes bring', async () => {
    const a = edit((m) => {
      (section(m).blocks[1] as { text: unknown }).text = [{ text: 'Title: កិច្ចប្រជុំពិគ្រោះយោបល់' }];
    });
    const b = structuredClone(a);
    (section(b).blocks[1] as { text: unknown }).text = [{ text: 'Title: កិច្ចប្រជុំពិគ្រោះការងារ' }];
    expect((await layoutMeeting(base())).scripts).toEqual(['latin']);
    const doc = await redline(base(), b);
    expect(doc.scripts).toEqual(['latin', 'khmer']);
    const words = await redline(a, b);
    expect(marked(words, 'deleted')).toBe('យោបល់');
    expect(marked(words, 'inserted')).toBe('ការងារ');
    expect(runsOf(words).find((r) => r.run.change)?.run.script).toBe('khmer');
  });
});

/** The minutes with two more sections, OPENING and CLOSING, after the first. */
const threeSections = (m: Meeting) => {
  m.body.push(
    { id: 'b_s2', type: 'section', heading: [{ text: 'OPENING' }], blocks: [] },
    { id: 'b_s3', type: 'section', heading: [{ text: 'CLOSING' }], blocks: [] },
  );
};

describe('layoutRedline, section letters', () => {
  it('gives each section the letter of its own version, and marks a letter that changed', async () => {
    const a = edit(threeSections);
    const b = edit((m) => {
      threeSections(m);
      m.body.splice(m.body.findIndex((x) => x.id === 'b_s2'), 1);
      m.body.unshift({ id: 'b_s0', type: 'section', heading: [{ text: 'SUMMARY' }], blocks: [] });
    });
    const doc = await redline(a, b);
    const headings = doc.blocks.filter((x) => x.kind === 'heading' && x.level === 1) as Extract<LayoutBlock, { kind: 'heading' }>[];
    expect(headings.map((h) => h.runs.map((r) => (r.change ? `[${r.change.kind}:${r.text}]` : r.text)).join(''))).toEqual([
      '[inserted:A. ][inserted:SUMMARY]',
      '[deleted:A][inserted:B]. PROCEEDINGS',
      // Removed: the letter it had (the merged order would print C).
      '[deleted:B][deleted:. ][deleted:OPENING]',
      'C. CLOSING',
    ]);
  });
});

describe('layoutRedline, format templates', () => {
  it('prints the comparison in the newer version\'s format, numbering the section letters in its style; a format change is listed', async () => {
    const a = edit(threeSections);
    const b = edit((m) => {
      threeSections(m);
      m.body.splice(m.body.findIndex((x) => x.id === 'b_s2'), 1);
      m.format = { template: 'bilateral', overrides: { furniture: { marking: 'RESTRICTED' } } };
    });
    const doc = await redline(a, b);
    const headings = doc.blocks.filter((x) => x.kind === 'heading' && x.level === 1) as Extract<LayoutBlock, { kind: 'heading' }>[];
    expect(headings.map((h) => h.runs.map((r) => (r.change ? `[${r.change.kind}:${r.text}]` : r.text)).join(''))).toEqual([
      'I. PROCEEDINGS',
      '[deleted:II. ][deleted:OPENING]',
      '[deleted:III][inserted:II]. CLOSING',
    ]);
    expect(doc.furniture.marking).toBe('RESTRICTED');
    expect(doc.comparison?.notes.join('\n')).toMatch(/format/);
  });
});

describe('an object on one side only', () => {
  it('a corrigendum reference removed from the title block prints whole as deleted, its ids kept (the format can lay it out)', async () => {
    const a = edit((m) => {
      m.titleBlock.corrigendumTo = { meetingId: 'm_sealedone', title: 'The sealed minutes', version: 'Approved 1' };
    });
    const b = edit((m) => {
      m.titleBlock = { title: m.titleBlock.title };
    });
    const doc = await redline(a, b);
    expect(marked(doc, 'deleted')).toMatch(/The sealed minutes/);
    const back = await redline(b, a);
    expect(marked(back, 'inserted')).toMatch(/The sealed minutes/);
  });
});
