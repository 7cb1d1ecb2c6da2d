import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { fromDoc, toDoc } from '../../../src/renderer/src/editor/richtext/convert';
import { bulletIds, fieldKeymap } from '../../../src/renderer/src/editor/richtext/keymap';
import type { Bullet, RichText } from '../../../src/shared/minutes';
import type { FieldKind } from '../../../src/renderer/src/editor/richtext/schema';

/**
 * The rich-text keymap as a field installs it (fieldKeymap), driven by key names through the plugins'
 * own key handlers, so that each binding is tested by what it does: deleting any one of them (or
 * changing what it runs) fails the test of that key.
 */
class Field {
  state: EditorState;
  constructor(kind: FieldKind, value: unknown, private readonly plugins: Plugin[], at: string) {
    const doc = toDoc(kind, value as never);
    let pos = -1;
    doc.descendants((node, p) => {
      if (pos < 0 && node.isText && node.text!.includes(at.replace('|', ''))) pos = p + node.text!.indexOf(at.replace('|', '')) + at.indexOf('|');
    });
    if (pos < 0 && at === '|') pos = 3; // an empty bullet: inside its paragraph
    this.state = EditorState.create({ doc, plugins: [...plugins, bulletIds], selection: TextSelection.create(doc, pos) });
  }

  /** Presses a key ("Enter", "Shift-Tab"); true when a binding handled it (the browser's default is then prevented). */
  press(name: string): boolean {
    const parts = name.split('-');
    const key = parts.pop()!;
    const event = { key, shiftKey: parts.includes('Shift'), ctrlKey: false, metaKey: false, altKey: false, keyCode: 0 } as unknown as KeyboardEvent;
    const view = {
      state: this.state,
      dispatch: (tr: Parameters<EditorView['dispatch']>[0]) => {
        this.state = this.state.apply(tr);
        view.state = this.state;
      },
      endOfTextblock: (dir: string) => (dir === 'backward' ? this.state.selection.$from.parentOffset === 0 : this.state.selection.$to.parentOffset === this.state.selection.$to.parent.content.size),
    } as unknown as EditorView;
    return this.plugins.some((p) => p.props.handleKeyDown?.call(p, view, event) === true);
  }

  type(text: string) {
    this.state = this.state.apply(this.state.tr.insertText(text));
  }

  value(kind: FieldKind) {
    return fromDoc(kind, this.state.doc);
  }
}

const bullets = (value: Bullet[], at: string) => new Field('bullets', value, fieldKeymap('bullets', {}), at);
const strip = (bs: Bullet[]): unknown[] => bs.map((b) => ({ ...(b.country ? { country: b.country } : {}), text: b.text.map((r) => r.text).join(''), ...(b.children ? { children: strip(b.children) } : {}) }));

describe('bullets keymap', () => {
  it('Enter makes a new bullet with a fresh id', () => {
    const f = bullets([{ id: 'b_1', text: [{ text: 'one' }] }], 'one|');
    expect(f.press('Enter')).toBe(true);
    f.type('two');
    const value = f.value('bullets') as Bullet[];
    expect(strip(value)).toEqual([{ text: 'one' }, { text: 'two' }]);
    expect(value[1]!.id).toMatch(/^b_/);
    expect(value[1]!.id).not.toBe('b_1');
  });

  it('Enter after a per-country remark starts a bullet without the country', () => {
    const f = bullets([{ id: 'b_1', country: 'Lao', text: [{ text: 'remark' }] }], 'remark|');
    expect(f.press('Enter')).toBe(true);
    f.type('next point');
    expect(strip(f.value('bullets') as Bullet[])).toEqual([{ country: 'Lao', text: 'remark' }, { text: 'next point' }]);
  });

  it('Enter in the middle of a remark keeps the country on the first half only', () => {
    const f = bullets([{ id: 'b_1', country: 'Lao', text: [{ text: 'first second' }] }], 'first |');
    expect(f.press('Enter')).toBe(true);
    expect(strip(f.value('bullets') as Bullet[])).toEqual([{ country: 'Lao', text: 'first ' }, { text: 'second' }]);
  });

  it('Enter at the start of a remark opens an empty bullet before it; the country stays with the text', () => {
    const f = bullets([{ id: 'b_1', country: 'Lao', text: [{ text: 'remark' }] }], '|remark');
    expect(f.press('Enter')).toBe(true);
    expect(strip(f.value('bullets') as Bullet[])).toEqual([{ text: '' }, { country: 'Lao', text: 'remark' }]);
  });

  it('Enter on an empty last bullet ends the list: the bullet goes and the cursor moves on', () => {
    let left = 0;
    const f = new Field('bullets', [{ id: 'b_1', text: [{ text: 'one' }] }], fieldKeymap('bullets', { onLeave: () => ((left += 1), true) }), 'one|');
    expect(f.press('Enter')).toBe(true);
    expect(left).toBe(0);
    expect(f.press('Enter')).toBe(true);
    expect(left).toBe(1);
    expect(strip(f.value('bullets') as Bullet[])).toEqual([{ text: 'one' }]);
  });

  it('Tab nests the bullet under the one before', () => {
    const f = bullets([{ id: 'b_1', text: [{ text: 'one' }] }, { id: 'b_2', text: [{ text: 'two' }] }], 'two|');
    expect(f.press('Tab')).toBe(true);
    expect(strip(f.value('bullets') as Bullet[])).toEqual([{ text: 'one', children: [{ text: 'two' }] }]);
  });

  it('Shift-Tab un-nests a nested bullet, and on a top-level bullet is swallowed (focus stays in the list)', () => {
    const f = bullets([{ id: 'b_1', text: [{ text: 'one' }], children: [{ id: 'b_2', text: [{ text: 'two' }] }] }], 'two|');
    expect(f.press('Shift-Tab')).toBe(true);
    expect(strip(f.value('bullets') as Bullet[])).toEqual([{ text: 'one' }, { text: 'two' }]);
    const top = bullets([{ id: 'b_1', text: [{ text: 'one' }] }], 'one|');
    const before = top.state.doc;
    expect(top.press('Shift-Tab')).toBe(true);
    expect(top.state.doc.eq(before)).toBe(true);
  });

  it('Backspace on an empty top-level bullet removes it; the last bullet stays', () => {
    const f = bullets([{ id: 'b_1', text: [{ text: 'one' }] }, { id: 'b_2', text: [] }], 'one|');
    // Put the cursor in the empty second bullet.
    f.state = f.state.apply(f.state.tr.setSelection(TextSelection.create(f.state.doc, f.state.doc.content.size - 3)));
    expect(f.press('Backspace')).toBe(true);
    expect(strip(f.value('bullets') as Bullet[])).toEqual([{ text: 'one' }]);
    expect(f.state.selection.$from.parent.textContent).toBe('one');
    expect(f.press('Backspace')).toBe(false); // mid-text: the browser's own deletion
  });

  it('Backspace at the start of a per-country remark gives the country back to the text instead of dropping it', () => {
    const f = bullets([{ id: 'b_1', text: [{ text: 'one' }] }, { id: 'b_2', country: 'Lao', text: [{ text: 'remark' }] }], '|remark');
    expect(f.press('Backspace')).toBe(true);
    expect(strip(f.value('bullets') as Bullet[])).toEqual([{ text: 'one' }, { text: 'Lao: remark' }]);
    expect(f.state.selection.$from.parentOffset).toBe(0);
  });
});

describe('inline keymap', () => {
  const runs: RichText = [{ text: 'Theme' }];
  it('Enter runs the field\'s own Enter, and without one is swallowed (an inline field is one line)', () => {
    let entered = 0;
    const f = new Field('inline', runs, fieldKeymap('inline', { onEnter: () => ((entered += 1), true) }), 'Theme|');
    expect(f.press('Enter')).toBe(true);
    expect(entered).toBe(1);
    const plain = new Field('inline', runs, fieldKeymap('inline', {}), 'The|me');
    expect(plain.press('Enter')).toBe(true);
    expect(plain.value('inline')).toEqual(runs);
  });

  it('Shift-Enter is swallowed (no line break inside a one-line field)', () => {
    const f = new Field('inline', runs, fieldKeymap('inline', {}), 'The|me');
    expect(f.press('Shift-Enter')).toBe(true);
    expect(f.value('inline')).toEqual(runs);
  });
});
