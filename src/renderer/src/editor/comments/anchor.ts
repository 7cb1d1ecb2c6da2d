import type { EditorView } from 'prosemirror-view';
import type { CommentAnchor } from '../../../../shared/minutes/comments';
import { activeEditor } from '../focus';

/**
 * The anchor for "Add a comment" from where the cursor is: the selected text of a one-line field or
 * of one bullet (a range: field path, offsets into that text, the quoted text), else the block with
 * the cursor. A selection over several paragraphs or bullets comments on the block.
 */
export function anchorFromSelection(focusedBlock: string): CommentAnchor {
  const active = activeEditor();
  const range = active && active.field.startsWith(`${focusedBlock}.`) ? rangeIn(active.view, active.field.slice(focusedBlock.length + 1)) : undefined;
  if (!range) return { blockId: focusedBlock };
  return range.bulletId ? { blockId: range.bulletId, range: { ...range.range, path: 'text' } } : { blockId: focusedBlock, range: range.range };
}

function rangeIn(view: EditorView, path: string) {
  const { from, to, $from, $to } = view.state.selection;
  if (from === to || !$from.sameParent($to) || !$from.parent.isTextblock) return undefined;
  const quote = view.state.doc.textBetween(from, to);
  if (quote.trim() === '' || quote.length > 2000) return undefined;
  const start = $from.parentOffset;
  // Text offsets equal ProseMirror offsets inside a paragraph of text only (the model has no inline nodes).
  const range = { path, start, end: start + quote.length, quote };
  // A bullet: the list item holding the paragraph carries the model's bullet id.
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (node.type.name === 'list_item') return node.attrs['id'] ? { range, bulletId: node.attrs['id'] as string } : undefined;
  }
  // A one-line field only: in a field of paragraphs the model's text is a list of paragraphs, not one string.
  return view.state.schema.topNodeType.spec.content === 'paragraph' ? { range } : undefined;
}
