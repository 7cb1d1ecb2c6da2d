import { describe, expect, it } from 'vitest';
import { type LayoutDocument, type LayoutList, type LayoutParagraph, type Run, layoutContent, layoutMeeting, layoutToHtml, uncoveredCharacters } from '../../../src/shared/format';
import { BlockRecordSchema, validateMeeting, type Meeting } from '../../../src/shared/minutes';
import { proseOf } from '../../../src/shared/minutes/prose';
import { layoutText } from '../../support/layoutText';
import { speechMeeting } from '../../support/speechMeeting';

/** Issue 15, point 2 (engineer B): reported speech, sub-paragraph labels, cross-references and footnotes. */

const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');
const paragraphs = (doc: LayoutDocument) => doc.blocks.filter((b): b is LayoutParagraph => b.kind === 'paragraph');
const bySource = (doc: LayoutDocument, id: string) => paragraphs(doc).filter((p) => p.source === id);

describe('a statement prints as reported speech', () => {
  it('speaker and affiliation through the template label, then the text; the affiliation from the block, a delegation, the register, or none', async () => {
    const doc = await layoutMeeting(speechMeeting('agreed'));
    expect(str(bySource(doc, 'b_s1')[0]!.runs)).toBe('Mr. Smith (United Kingdom) said that his delegation supported the draft and referred to paragraph 99 below.');
    expect(str(bySource(doc, 'b_s1')[1]!.runs)).toBe('He added that the review should be completed in 2025.');
    expect(str(bySource(doc, 'b_s2')[0]!.runs)).toMatch(/^Mr\. Keo \(Lao PDR\) said that/);
    // A person's affiliation: the register organisation's short name.
    expect(str(bySource(doc, 'b_s3')[0]!.runs)).toBe('The Chair (ESCAP) thanked the delegations.');
    // Nothing known: no empty brackets.
    expect(str(bySource(doc, 'b_s4')[0]!.runs)).toBe('A representative spoke on behalf of the observers.');
    // No speaker yet: the affiliation starts the line.
    const m = speechMeeting('agreed');
    const s1 = m.body[1]!;
    if (s1.type === 'statement') s1.speaker.label = '';
    expect(str(bySource(await layoutMeeting(m), 'b_s1')[0]!.runs)).toMatch(/^\(United Kingdom\) said that/);
  });

  it('every paragraph of a statement is a numbered running paragraph when the template numbers paragraphs', async () => {
    const doc = await layoutMeeting(speechMeeting('report'));
    const numbers = paragraphs(doc).map((p) => [p.source, p.number]);
    expect(numbers).toEqual([
      ['b_del', '1.'],
      ['b_s1', '2.'],
      ['b_s1', '3.'],
      ['b_s2', '4.'],
      ['b_s3', '5.'],
      ['b_s4', '6.'],
      ['b_p2', '7.'],
    ]);
  });

  it('gives the review mapper provenance: the speaker label, the affiliation and each paragraph', () => {
    const blocks = layoutContent(speechMeeting('agreed'), { provenance: true });
    const s1 = blocks.filter((b): b is LayoutParagraph => b.kind === 'paragraph' && b.source === 'b_s1');
    const from = s1[0]!.runs.filter((r) => r.from).map((r) => [r.text, r.from!.path, r.from!.start]);
    expect(from).toEqual(
      expect.arrayContaining([
        ['Mr. Smith', 'speaker.label', 0],
        ['United Kingdom', 'affiliation', 0],
        ['said that his delegation supported the draft', 'paragraphs.0', 0],
      ]),
    );
    expect(s1[1]!.runs[0]!.from).toEqual({ id: 'b_s1', path: 'paragraphs.1', start: 0 });
    // A cross-reference prints the format's number: no provenance; the text after it keeps its offset in the field.
    const ref = s1[0]!.runs.find((r) => r.xref)!;
    expect(ref.from).toBeUndefined();
    expect(s1[0]!.runs.find((r) => r.text === ' below.')!.from).toEqual({ id: 'b_s1', path: 'paragraphs.0', start: 'said that his delegation supported the draft and referred to paragraph 99'.length });
  });
});

describe('sub-paragraph labels are data', () => {
  const lists = (doc: LayoutDocument) => doc.blocks.filter((b): b is LayoutList => b.kind === 'list');

  it("an alpha list takes the template's label; nested levels take the template's next labels ((a) → (i) → (1))", async () => {
    const doc = await layoutMeeting(speechMeeting('report'));
    const [top] = lists(doc);
    expect(top).toMatchObject({ numbering: 'alpha', label: '(a)', level: 0 });
    const nested = top!.items[1]!.children[0] as LayoutList;
    expect(nested).toMatchObject({ kind: 'list', label: '(i)', level: 1 });
    expect((nested.items[1]!.children[0] as LayoutList).label).toBe('(1)');
    // Typed text stays typed: no label is in the runs.
    expect(str(top!.items[0]!.runs)).toBe('to hold the next meeting in Vientiane');
  });

  it('a template without nested labels keeps the seeds’ bullets under numbers; roman lists print (i)', async () => {
    const m = speechMeeting('agreed');
    const doc = await layoutMeeting(m);
    expect((lists(doc)[0]!.items[1]!.children[0] as LayoutList).numbering).toBe('bullet');
    const list = m.body.find((b) => b.type === 'list')!;
    if (list.type === 'list') list.numbering = 'roman';
    expect(lists(await layoutMeeting(m))[0]).toMatchObject({ numbering: 'roman', label: '(i)' });
  });

  it('HTML numbers them with CSS counters in the label style, not typed text', async () => {
    const html = layoutToHtml(await layoutMeeting(speechMeeting('report')), { fontUrl: (f) => f });
    expect(html).toContain('counter(list-item, lower-alpha)');
    expect(html).toContain('counter(list-item, lower-roman)');
    expect(html).not.toContain('(a) to hold');
  });
});

describe('cross-references print the number of their target as laid out', () => {
  it('a paragraph printed later (forward) and a list item; without numbering, the stored text', async () => {
    const report = await layoutMeeting(speechMeeting('report'));
    expect(str(bySource(report, 'b_s1')[0]!.runs)).toContain('referred to paragraph 7 below.');
    expect(str(bySource(report, 'b_s2')[0]!.runs)).toContain('in subparagraph b.');
    // The agreed format numbers no paragraphs: the last-known rendering prints.
    const agreed = await layoutMeeting(speechMeeting('agreed'));
    expect(str(bySource(agreed, 'b_s1')[0]!.runs)).toContain('referred to paragraph 99 below.');
  });

  it('a dangling cross-reference is a validation error naming the id and where it stands', () => {
    const m = speechMeeting();
    const s = m.body[1]!;
    if (s.type === 'statement') s.paragraphs[0]![3]!.xref = 'b_gone';
    const v = validateMeeting(m);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.errors).toEqual(['meeting.body[1].paragraphs[0][3].xref: Cross-reference to unknown id "b_gone"']);
  });
});

describe('footnotes', () => {
  it('are numbered through the document in reading order, marks on their runs, notes holding their runs', async () => {
    const doc = await layoutMeeting(speechMeeting());
    const noted = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs : b.kind === 'list' ? b.items.flatMap((i) => i.runs) : [])).filter((r) => r.note);
    expect(noted.map((r) => [r.text, r.note!.n, str(r.note!.runs)])).toEqual([
      // A note that hangs on no text of its own keeps its place (an empty run).
      ['', 1, 'Document E/2024/3, annex.'],
      ['to review the guidelines', 2, 'As revised in 2023.'],
    ]);
    expect(noted[0]!.note!.runs.map((r) => !!r.italic)).toEqual([false, true, false]);
    expect(layoutText(doc)).toContain('\n1 Document E/2024/3, annex.\n');
  });

  it('HTML: the mark after the run, the note inside its block’s element (one element per block for the preview)', async () => {
    const html = layoutToHtml(await layoutMeeting(speechMeeting()), { fontUrl: (f) => f });
    expect(html).toMatch(/supported the draft<sup class="fn-ref">1<\/sup> and referred/);
    expect(html).toMatch(/<p class="p-body p-numbered" data-block="b_s1">[^]*?<span class="fn-notes"><span class="fn"><span class="fn-num">1<\/span>Document <i>E\/2024\/3<\/i>, annex\.<\/span><\/span><\/p>/);
  });
});

describe('search and plain text', () => {
  it('reads footnote text as content, never a cross-reference id', async () => {
    const { meetingPlainText } = await import('../../../src/shared/minutes/text');
    const text = meetingPlainText(speechMeeting() as Meeting).join('\n');
    expect(text).toContain('Document E/2024/3, annex.');
    expect(text).toContain('United Kingdom');
    expect(text).not.toContain('b_p2');
  });

  it('search reads a statement’s speaker, affiliation, text and footnotes, never its type, a target id or a cross-reference’s stored number', () => {
    const s1 = speechMeeting().body[1]!;
    const words = proseOf(BlockRecordSchema, s1);
    expect(words).toEqual(expect.arrayContaining(['Mr. Smith', 'United Kingdom', 'said that his delegation supported the draft', 'E/2024/3']));
    // A cross-reference prints its target's number: its stored rendering ("99") is not searched.
    expect(words).not.toContain('99');
    expect(words).not.toContain('statement');
    expect(words).not.toContain('b_p2');
  });

  it('the glyph check sees a footnote’s text (a character no font draws is reported, with its place)', () => {
    const m = speechMeeting();
    const list = m.body[5]!;
    if (list.type === 'list') list.items[1]!.text[0]!.footnote = [{ text: 'See \u{1F600}.' }];
    expect(uncoveredCharacters(m).map((c) => [c.char, c.places[0]])).toEqual([['\u{1F600}', { blockId: 'i_b', field: 'text.0.footnote' }]]);
  });
});

describe('find and replace', () => {
  it('keeps a footnote whose run the replacement empties', async () => {
    const { replaceInRuns } = await import('../../../src/shared/find/find');
    const rt = [{ text: 'the ' }, { text: 'draft', footnote: [{ text: 'n' }] }, { text: ' text' }];
    expect(replaceInRuns(rt, { start: 0, end: 9 }, 'a proposal')).toEqual([{ text: 'a proposal' }, { text: '', footnote: [{ text: 'n' }] }, { text: ' text' }]);
  });
});

describe('a cross-reference to a list item', () => {
  it('counts the items as printed: a blank numbered item keeps its place for its nested items ("2. (a) …")', async () => {
    const m = speechMeeting('report');
    const list = m.body[5]!;
    const keo = m.body[2]!;
    if (list.type !== 'list' || keo.type !== 'statement') throw new Error('expected the list and a statement');
    // A blank second item (b) whose nested item is its (i), as treaties and notes number them; the
    // reference points at the nested item, printed with its own number. The item after it stays (c).
    list.items.splice(1, 0, { id: 'i_blank', text: [], children: [{ id: 'i_x', text: [{ text: 'to meet again' }] }] });
    keo.paragraphs[0]![1]!.xref = 'i_x';
    const doc = await layoutMeeting(m);
    expect(str(bySource(doc, 'b_s2')[0]!.runs)).toContain('in subparagraph i.');
    const laid = doc.blocks.find((b) => b.kind === 'list' && b.source === 'b_l');
    expect(laid?.kind === 'list' ? laid.items.length : 0).toBe(list.items.length);
  });
});
