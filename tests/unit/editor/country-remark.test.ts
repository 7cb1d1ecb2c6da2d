import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { fromDoc, toDoc } from '../../../src/renderer/src/editor/richtext/convert';
import { toggleCountryRemark } from '../../../src/renderer/src/editor/richtext/countryRemark';
import type { Bullet } from '../../../src/shared/minutes';

/** State with the cursor inside the text of the bullet whose text contains `inText`. */
function stateAt(bullets: Bullet[], inText: string): EditorState {
  const doc = toDoc('bullets', bullets);
  let pos = -1;
  doc.descendants((node, p) => {
    if (pos < 0 && node.isText && node.text!.includes(inText)) pos = p + node.text!.indexOf(inText);
  });
  return EditorState.create({ doc, selection: TextSelection.create(doc, pos) });
}

function run(state: EditorState): { ok: boolean; bullets: Bullet[] } {
  let next = state;
  const ok = toggleCountryRemark(state, (tr: Transaction) => (next = state.apply(tr)));
  return { ok, bullets: fromDoc('bullets', next.doc) as Bullet[] };
}

describe('country remark command', () => {
  const typed: Bullet[] = [
    { id: 'b_1', text: [{ text: 'Speed up law approval' }] },
    { id: 'b_2', text: [{ text: 'Lao: For effective implementation, we need to ensure regular migration' }] },
  ];

  it('turns a leading "Lao:" into the bullet country, keeping its id and the rest of the text', () => {
    const { ok, bullets } = run(stateAt(typed, 'effective'));
    expect(ok).toBe(true);
    expect(bullets[1]).toEqual({ id: 'b_2', country: 'Lao', text: [{ text: 'For effective implementation, we need to ensure regular migration' }] });
    expect(bullets[0]).toEqual(typed[0]);
  });

  it('puts the country back into the text when run again', () => {
    const once = run(stateAt(typed, 'effective')).bullets;
    expect(run(stateAt(once, 'effective')).bullets).toEqual(typed);
  });

  it('a country typed into a bullet that already has one replaces it (never "Lao: Myanmar: …")', () => {
    const typedOver: Bullet[] = [{ id: 'b_3', country: 'Lao', text: [{ text: 'Myanmar: We agree' }] }];
    const { ok, bullets } = run(stateAt(typedOver, 'agree'));
    expect(ok).toBe(true);
    expect(bullets).toEqual([{ id: 'b_3', country: 'Myanmar', text: [{ text: 'We agree' }] }]);
  });

  it('does nothing on a bullet without a leading country', () => {
    expect(run(stateAt(typed, 'Speed')).ok).toBe(false);
  });
});
