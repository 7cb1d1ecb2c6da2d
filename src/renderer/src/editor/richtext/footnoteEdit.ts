import type { Command } from 'prosemirror-state';
import type { Bullet, RichText, TextRun } from '../../../../shared/minutes';
import type { FieldValue } from './convert';
import type { FieldKind } from './schema';

/**
 * Footnotes in a rich-text field: inserting one at the cursor (the selected text, if any, is what it
 * hangs on), and reading and replacing the notes of a field's value in reading order, for the
 * field's footnote list (Footnotes.tsx), where each note's text is edited.
 */

/** Replaces the selection by a run carrying an empty footnote (the selected text, marks kept, is what it hangs on). */
export const insertFootnote: Command = (state, dispatch) => {
  const type = state.schema.nodes['hanging'];
  if (!type) return false;
  const { from, to, $from } = state.selection;
  if (!$from.parent.isTextblock) return false;
  const slice = state.doc.textBetween(from, to, ' ');
  const marks = state.doc.rangeHasMark(from, to, state.schema.marks['strong']!) ? [state.schema.marks['strong']!.create()] : [];
  if (dispatch) dispatch(state.tr.replaceSelectionWith(type.create({ text: slice, footnote: [], xref: null }, null, marks), false).scrollIntoView());
  return true;
};

/** Every run of a field's value that carries a footnote, in reading order. */
function noteRuns(kind: FieldKind, value: FieldValue): TextRun[] {
  const out: TextRun[] = [];
  const take = (rt: RichText) => rt.forEach((r) => r.footnote && out.push(r));
  const bullets = (bs: readonly Bullet[]) => bs.forEach((b) => (take(b.text), bullets(b.children ?? [])));
  if (kind === 'inline') take(value as RichText);
  else if (kind === 'paragraphs') (value as RichText[]).forEach(take);
  else bullets(value as Bullet[]);
  return out;
}

/** The footnotes of a field's value, in reading order. */
export function notesOf(kind: FieldKind, value: FieldValue): NonNullable<TextRun['footnote']>[] {
  return noteRuns(kind, value).map((r) => r.footnote!);
}

/** The value with its `k`-th footnote's text replaced (a copy; the value itself is not changed). */
export function withNote(kind: FieldKind, value: FieldValue, k: number, note: NonNullable<TextRun['footnote']>): FieldValue {
  const copy = structuredClone(value);
  const run = noteRuns(kind, copy)[k];
  if (run) run.footnote = note.map((r) => ({ text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) }));
  return copy;
}
