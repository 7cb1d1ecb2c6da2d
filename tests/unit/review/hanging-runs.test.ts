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
