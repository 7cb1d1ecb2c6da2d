import { describe, expect, it } from 'vitest';
import type { Meeting, RichText } from '../../../src/shared/minutes';
import { formatRichText, spliceRichText } from '../../../src/shared/review/applyChanges';
import { applySuggestion } from '../../../src/shared/review/acceptSuggestion';
import { compareMeetings } from '../../../src/shared/review/compare';
import { speechMeeting } from '../../support/speechMeeting';

/**
 * Footnotes and cross-references hang on runs (issue 15): the review's rich-text surgery (a
 * reviewer's edit mapped back, an accepted suggestion) and the comparison keep them.
 */

const NOTE = [{ text: 'As revised in 2023.' }];
const rt: RichText = [{ text: 'to review the guidelines', footnote: NOTE }, { text: ' of ' }, { text: '12', xref: 'b_p2' }, { text: '.' }];

describe('rich-text surgery keeps what hangs on runs', () => {
  it('an edit inside the run a note hangs on keeps the note at the run’s end; an xref keeps its run', () => {
    const out = spliceRichText(rt, 3, 9, [{ text: 'revise' }]);
    expect(out).toEqual([{ text: 'to ' }, { text: 'revise' }, { text: ' the guidelines', footnote: NOTE }, { text: ' of ' }, { text: '12', xref: 'b_p2' }, { text: '.' }]);
  });

  it('a note on nothing but its place survives an edit next to it, and bold set across it', () => {
    const place: RichText = [{ text: 'supported the draft' }, { text: '', footnote: NOTE }, { text: ' and more' }];
    expect(spliceRichText(place, 19, 19, [{ text: ' text' }])).toEqual([{ text: 'supported the draft' }, { text: '', footnote: NOTE }, { text: ' text' }, { text: ' and more' }]);
    expect(formatRichText(place, 0, 28, { bold: true })).toEqual([
      { text: 'supported the draft', bold: true },
      { text: '', footnote: NOTE, bold: true },
      { text: ' and more', bold: true },
    ]);
  });

  it('an accepted suggestion keeps notes and cross-references around and inside the span it changes', () => {
    const m = speechMeeting();
    const s1 = () => m.body[1] as Extract<Meeting['body'][number], { type: 'statement' }>;
    const before = s1().paragraphs[0]!;
    const text = before.map((r) => r.text).join('');
    const start = text.indexOf('supported');
    const r = applySuggestion(m, { kind: 'text', target: 'b_s1', path: 'paragraphs.0', start, end: start + 9, quote: 'supported', insert: [{ text: 'welcomed' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const after = (r.meeting.body[1] as ReturnType<typeof s1>).paragraphs[0]!;
    // The note's empty run merges into the run before it (same marks): the note still hangs after "draft".
    const noted = after.filter((x) => x.footnote);
    expect(noted.map((x) => [x.text.endsWith('welcomed the draft'), x.footnote])).toEqual([[true, before[1]!.footnote]]);
    expect(after.filter((x) => x.xref)).toEqual([{ text: '99', xref: 'b_p2' }]);
    expect(after.map((x) => x.text).join('')).toBe(text.replace('supported', 'welcomed'));
    // A note on a run with text: the edited item keeps it at its end.
    const item = applySuggestion(m, { kind: 'text', target: 'i_b', path: 'text', start: 3, end: 9, quote: 'review', insert: [{ text: 'revise' }] });
    const list = item.ok ? (item.meeting.body[5] as Extract<Meeting['body'][number], { type: 'list' }>) : undefined;
    expect(list?.items[1]!.text).toEqual([{ text: 'to revise the guidelines', footnote: NOTE }]);
    const bold = applySuggestion(m, { kind: 'format', target: 'b_s1', path: 'paragraphs.0', start: 0, end: text.length, quote: text, bold: true });
    expect(bold.ok && (bold.meeting.body[1] as ReturnType<typeof s1>).paragraphs[0]!.filter((x) => x.footnote || x.xref).length).toBe(2);
  });
});

describe('the comparison', () => {
  it('lists a footnote’s changed text (the words unchanged) as a change, not nothing', () => {
    const a = speechMeeting();
    const b = structuredClone(a);
    const s = b.body[1] as Extract<Meeting['body'][number], { type: 'statement' }>;
    s.paragraphs[0]![1]!.footnote = [{ text: 'Document E/2024/4.' }];
    const c = compareMeetings(a, b);
    expect(c.blocks).toHaveLength(1);
    expect(c.blocks[0]!.fields[0]).toMatchObject({ kind: 'value', before: '[note: Document E/2024/3, annex.] [→ b_p2]', after: '[note: Document E/2024/4.] [→ b_p2]' });
  });

  it('diffs the words of a paragraph that holds notes and cross-references as rich text', () => {
    const a = speechMeeting();
    const b = structuredClone(a);
    (b.body[1] as Extract<Meeting['body'][number], { type: 'statement' }>).paragraphs[0]![0]!.text = 'said that his delegation opposed the draft';
    const f = compareMeetings(a, b).blocks[0]!.fields[0]!;
    expect(f.kind).toBe('text');
    expect(f.segments!.filter((x) => x.kind !== 'equal').map((x) => x.text)).toEqual(['supported', 'opposed']);
  });
});

describe('a review copy of minutes with footnotes and cross-references', () => {
  /** The review copy of `m` as the real reader reads it, and a mapper of it (edited or not) back onto `m`. */
  const readBack = async (m: Meeting) => {
    const { renderDocx } = await import('../../../src/main/export/docx/render');
    const { layoutMeeting } = await import('../../../src/shared/format');
    const { readReviewedDocx } = await import('../../../src/main/review/docx');
    const { suggestionsFromDocx } = await import('../../../src/shared/review/fromDocx');
    const { counterIds } = await import('../../support/reviewedCopy');
    const read = readReviewedDocx(await renderDocx(await layoutMeeting(m), { review: { threads: [], properties: [] } }));
    const options = { importId: 'imp_1', reviewer: 'Nobody', newId: counterIds(), now: () => '2026-11-30T12:00:00Z' };
    return { read, map: () => suggestionsFromDocx(read, m, options) };
  };

  it('read back untouched with the real reader, maps to nothing; a word edited after a reference maps to its field', async () => {
    // The agreed template: paragraph numbers ("1." and a tab, which the DOCX writes as text) would come
    // back as insertions whatever the runs hold (a limit of the mapper with numbered templates).
    const m = speechMeeting('agreed');
    const { read, map } = await readBack(m);
    expect(map().suggestions).toEqual([]);
    // The reviewer changes "below" (after the reference, printed as stored: the agreed template numbers no paragraphs) to "further below".
    const para = read.paragraphs.find((p) => p.runs.map((r) => r.text).join('').includes('paragraph 99 below'))!;
    const run = para.runs.find((r) => r.text.includes('below'))!;
    run.text = run.text.replace('below', 'further below');
    const changes = map().suggestions.map((s) => s.change);
    const text = 'said that his delegation supported the draft and referred to paragraph 99 below.';
    expect(changes).toEqual([{ kind: 'text', target: 'b_s1', path: 'paragraphs.0', start: text.indexOf('below'), end: text.indexOf('below'), quote: '', insert: [{ text: 'further ' }] }]);
    // A reference printed unlike its stored text (the list item's label "b", stored "z"): a word typed
    // after it lands after it in the field.
    const keo = read.paragraphs.find((p) => p.runs.map((r) => r.text).join('').includes('in subparagraph b.'))!;
    const last = keo.runs.at(-1)!;
    last.text = last.text.replace(/b\.$/, 'b, with thanks.');
    const more = map().suggestions.map((s) => s.change).filter((c) => c.kind === 'text' && c.target === 'b_s2');
    const keoText = 'said that his Government agreed with the proposal in subparagraph z.';
    expect(more).toEqual([{ kind: 'text', target: 'b_s2', path: 'paragraphs.0', start: keoText.length - 1, end: keoText.length - 1, quote: '', insert: [{ text: ', with thanks' }] }]);
  });

  it('a template that numbers paragraphs: the copy read back untouched maps to nothing, and an edit lands after the number', async () => {
    // The report template prints "1." and a tab before each running paragraph (text in the DOCX, not Word numbering).
    const m = speechMeeting('report');
    const { read, map } = await readBack(m);
    expect(map().suggestions).toEqual([]);
    const para = read.paragraphs.find((p) => p.runs.map((r) => r.text).join('').includes('He added that the review'))!;
    const run = para.runs.find((r) => r.text.includes('He added'))!;
    run.text = run.text.replace('He added', 'He also added');
    expect(map().suggestions.map((x) => x.change)).toEqual([{ kind: 'text', target: 'b_s1', path: 'paragraphs.1', start: 'He '.length, end: 'He '.length, quote: '', insert: [{ text: 'also ' }] }]);
  });

  it('a reference glued to a word of a script written without spaces still stands apart: the word it touches, edited, maps to its field', async () => {
    const m = speechMeeting('agreed');
    const s1 = m.body.find((b) => b.id === 'b_s1')!;
    if (s1.type !== 'statement') throw new Error('b_s1 is a statement');
    // "…အစည်းအဝေး99 …": a Burmese word and the reference's number, with no space between (as Burmese writes).
    s1.paragraphs[0] = [{ text: 'ပြည်ထဲရေး အစည်းအဝေး' }, { text: '99', xref: 'b_p2' }, { text: ' below.' }];
    const { read, map } = await readBack(m);
    const para = read.paragraphs.find((p) => p.runs.map((r) => r.text).join('').includes('အစည်းအဝေး99'))!;
    const run = para.runs.find((r) => r.text.includes('အစည်းအဝေး'))!;
    // The word that touches the reference is replaced.
    run.text = run.text.replace('အစည်းအဝေး', 'နည်းပညာ');
    const changes = map();
    expect(changes.unplaced).toBe(0);
    expect(changes.suggestions.map((x) => x.change)).toEqual([
      { kind: 'text', target: 'b_s1', path: 'paragraphs.0', start: 'ပြည်ထဲရေး '.length, end: 'ပြည်ထဲရေး အစည်းအဝေး'.length, quote: 'အစည်းအဝေး', insert: [{ text: 'နည်းပညာ' }] },
    ]);
  });
});

describe('the redline of minutes with footnotes and cross-references', () => {
  type StatementBlock = Extract<Meeting['body'][number], { type: 'statement' }>;
  /** The redline of the report-template speech meeting against a copy `change` edits (its statements by index). */
  const redline = async (change: (statement: (i: number) => StatementBlock) => void) => {
    const { layoutRedline } = await import('../../../src/shared/review/redline');
    const { layoutBodyHtml } = await import('../../../src/shared/format');
    const a = speechMeeting('report');
    const b = structuredClone(a);
    change((i) => b.body[i] as StatementBlock);
    const doc = await layoutRedline(a, b, compareMeetings(a, b), { labels: { a: 'Draft 1', b: 'revision 2' }, fallback: { author: 'r', date: '2026-06-12T10:00:00.000Z' } });
    return { doc, html: layoutBodyHtml(doc) };
  };

  it('lays out: a changed footnote listed in the note above the minutes, a word change marked, notes and references still printed', async () => {
    const { doc, html } = await redline((statement) => {
      statement(1).paragraphs[0]![1]!.footnote = [{ text: 'Document E/2024/4.' }];
      statement(2).paragraphs[0]![0]!.text = 'said that his Government welcomed the proposal in subparagraph ';
    });
    expect(doc.comparison!.notes.join('\n')).toContain('[note: Document E/2024/4.]');
    expect(html).toMatch(/<del[^>]*>agreed with<\/del>|<del[^>]*>agreed<\/del>/);
    // The unchanged paragraph keeps its note and its reference's number.
    expect(html).toContain('Document E/2024/4.');
    expect(html).toContain('referred to paragraph 7 below.');
  });

  it('keeps the footnotes of a paragraph whose words changed, on the words they hang on, numbered through the document', async () => {
    const { html } = await redline((statement) => {
      statement(1).paragraphs[0]![0]!.text = 'said that his delegation welcomed the draft';
    });
    expect(html).toMatch(/<ins[^>]*>welcomed<\/ins> the draft<sup class="fn-ref">1<\/sup> and referred/);
    expect(html).toContain('<span class="fn-num">1</span>Document <i>E/2024/3</i>, annex.');
    expect(html).toContain('<span class="fn-num">2</span>As revised in 2023.');
  });

  it('prints a cross-reference inside a paragraph whose words changed as its target’s number', async () => {
    const { html } = await redline((statement) => {
      statement(2).paragraphs[0]![0]!.text = 'said that his Government welcomed the proposal in subparagraph ';
      statement(1).paragraphs[0]![2]!.text = ' and recalled paragraph ';
    });
    expect(html).toMatch(/<ins[^>]*>welcomed<\/ins> the proposal in subparagraph b\.<\/p>/);
    expect(html).toMatch(/<ins[^>]*>recalled<\/ins> paragraph 7 below\./);
  });
});
