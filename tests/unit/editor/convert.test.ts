import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import { fromDoc, toDoc } from '../../../src/renderer/src/editor/richtext/convert';
import { bulletIds } from '../../../src/renderer/src/editor/richtext/keymap';
import { bulletsSchema } from '../../../src/renderer/src/editor/richtext/schema';
import type { Bullet } from '../../../src/shared/minutes';

const item = bulletsSchema.nodes['list_item']!;

describe('rich text ⇄ ProseMirror', () => {
  it('round-trips runs with bold and italic, merging equal neighbours', () => {
    const runs = [{ text: 'Question ' }, { text: '(IOM)', bold: true }, { text: ' why', italic: true, bold: true }];
    expect(fromDoc('inline', toDoc('inline', runs))).toEqual(runs);
    expect(fromDoc('paragraphs', toDoc('paragraphs', [runs, [{ text: 'two' }]]))).toEqual([runs, [{ text: 'two' }]]);
  });

  it('round-trips nested bullets keeping ids and countries; an empty list is one empty bullet', () => {
    const bullets: Bullet[] = [
      { id: 'b_1', text: [{ text: 'one' }], children: [{ id: 'b_2', text: [{ text: 'one.a' }], country: 'Lao' }] },
      { id: 'b_3', text: [{ text: 'two' }] },
    ];
    expect(fromDoc('bullets', toDoc('bullets', bullets))).toEqual(bullets);
    expect(fromDoc('bullets', toDoc('bullets', []))).toEqual([]);
  });

  it('Enter, Tab and Shift-Tab make, nest and un-nest bullets, each new bullet getting a fresh id', () => {
    const doc = toDoc('bullets', [{ id: 'b_1', text: [{ text: 'one' }] }]);
    let state = EditorState.create({ doc, plugins: [bulletIds] });
    const run = (cmd: (s: EditorState, d: (tr: Transaction) => void) => boolean) => {
      cmd(state, (tr) => {
        state = state.apply(tr);
      });
    };
    // The cursor at the end of "one" (inside doc > bullet_list > list_item > paragraph).
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.doc.content.size - 3)));
    run(splitListItem(item));
    state = state.apply(state.tr.insertText('two'));
    run(sinkListItem(item));
    let bullets = fromDoc('bullets', state.doc) as Bullet[];
    expect(bullets).toHaveLength(1);
    expect(bullets[0]!.children![0]!.text).toEqual([{ text: 'two' }]);
    const newId = bullets[0]!.children![0]!.id;
    expect(newId).toMatch(/^b_[a-z0-9]{12}$/);
    run(liftListItem(item));
    bullets = fromDoc('bullets', state.doc) as Bullet[];
    expect(bullets.map((b) => b.id)).toEqual(['b_1', newId]);
  });

  it('keeps a decision marker through editing; the item a split makes is not the decision', () => {
    const marker = { number: 'Decision 1/2019', outcome: 'adopted', method: 'consensus', date: '2019-10-31' } as const;
    const bullets: Bullet[] = [{ id: 'b_1', text: [{ text: 'agreed' }], decision: marker }];
    expect(fromDoc('bullets', toDoc('bullets', bullets))).toEqual(bullets);
    let state = EditorState.create({ doc: toDoc('bullets', bullets), plugins: [bulletIds] });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.doc.content.size - 3)));
    splitListItem(item)(state, (tr) => {
      state = state.apply(tr);
    });
    state = state.apply(state.tr.insertText('next'));
    const after = fromDoc('bullets', state.doc) as Bullet[];
    expect(after.map((b) => [b.id === 'b_1', b.decision ?? null])).toEqual([
      [true, marker],
      [false, null],
    ]);
  });
});
