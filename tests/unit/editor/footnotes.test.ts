import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { fromDoc, toDoc } from '../../../src/renderer/src/editor/richtext/convert';
import { insertFootnote, notesOf, withNote } from '../../../src/renderer/src/editor/richtext/footnoteEdit';
import type { Bullet, RichText } from '../../../src/shared/minutes';
import { speechMeeting } from '../../support/speechMeeting';

/** The editor keeps footnotes and cross-references through editing (issue 15), and lets a note's text be edited. */

const statement = () => (speechMeeting().body[1] as { paragraphs: RichText[] }).paragraphs;

describe('footnotes and cross-references in the editor', () => {
  it('round-trip through ProseMirror exactly, a note on no text included, marks on them kept', () => {
    const paras = statement();
    expect(fromDoc('paragraphs', toDoc('paragraphs', paras))).toEqual(paras);
    const inline: RichText = [{ text: 'see ' }, { text: '12', xref: 'b_p2', bold: true }, { text: ' and', footnote: [{ text: 'a ' }, { text: 'note', italic: true }] }];
    expect(fromDoc('inline', toDoc('inline', inline))).toEqual(inline);
    const bullets: Bullet[] = [{ id: 'i_1', text: [{ text: 'to review', footnote: [{ text: 'As revised.' }] }], children: [{ id: 'i_2', text: [{ text: '(b)', xref: 'i_1' }] }] }];
    expect(fromDoc('bullets', toDoc('bullets', bullets))).toEqual(bullets);
  });

  it('typing next to a footnote or a cross-reference makes a run of its own: theirs stay whole', () => {
    const doc = toDoc('inline', [{ text: 'draft', footnote: [{ text: 'n' }] }, { text: 'x', xref: 'b_1' }]);
    let state = EditorState.create({ doc });
    // After the note's atom (position 1 + one atom), then at the end.
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2)).insertText(' and'));
    state = state.apply(state.tr.setSelection(TextSelection.atEnd(state.doc)).insertText(' more'));
    expect(fromDoc('inline', state.doc)).toEqual([{ text: 'draft', footnote: [{ text: 'n' }] }, { text: ' and' }, { text: 'x', xref: 'b_1' }, { text: ' more' }]);
  });

  it('inserts a footnote at the cursor, or on the selected text, with an empty note to type', () => {
    let state = EditorState.create({ doc: toDoc('inline', [{ text: 'supported the draft' }]) });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 11, 20)));
    insertFootnote(state, (tr) => (state = state.apply(tr)));
    expect(fromDoc('inline', state.doc)).toEqual([{ text: 'supported ' }, { text: 'the draft', footnote: [] }]);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1)));
    insertFootnote(state, (tr) => (state = state.apply(tr)));
    expect((fromDoc('inline', state.doc) as RichText)[0]).toEqual({ text: '', footnote: [] });
  });

  it("edits the k-th note's text of a field (a copy; the value is not changed)", () => {
    const paras = statement();
    expect(notesOf('paragraphs', paras)).toEqual([paras[0]![1]!.footnote]);
    const edited = withNote('paragraphs', paras, 0, [{ text: 'Document E/2024/4.', italic: true }]) as RichText[];
    expect(edited[0]![1]).toEqual({ text: '', footnote: [{ text: 'Document E/2024/4.', italic: true }] });
    expect(paras[0]![1]!.footnote![1]!.text).toBe('E/2024/3');
    const bullets = (speechMeeting().body[5] as { items: Bullet[] }).items;
    expect(notesOf('bullets', bullets).map((n) => n[0]!.text)).toEqual(['As revised in 2023.']);
  });
});
