import type { RichText } from '../../../../shared/minutes';
import type { FieldValue } from './convert';
import { notesOf, withNote } from './footnoteEdit';
import type { FieldKind } from './schema';
import { RichField } from './RichField';

/**
 * The footnotes of a rich-text field, under it, each an inline field of its own (reached with Tab
 * like any field): the note's text is edited here, its mark stays where it hangs in the text. The
 * format numbers the notes through the document; here they are numbered within the field.
 */
export function Footnotes({ field, blockId, kind, value, onChange }: { field: string; blockId: string; kind: FieldKind; value: FieldValue; onChange(value: FieldValue): void }) {
  const notes = notesOf(kind, value);
  if (notes.length === 0) return null;
  return (
    <ol className="field-footnotes" aria-label="Footnotes">
      {notes.map((note, k) => (
        <li key={k}>
          <RichField field={noteField(field, k)} blockId={blockId} kind="inline" value={note} label={`Footnote ${k + 1}`} placeholder="Footnote text…"
            onChange={(v) => onChange(withNote(kind, value, k, v as RichText))} />
        </li>
      ))}
    </ol>
  );
}

/** The focus key of a field's k-th footnote. */
export const noteField = (field: string, k: number) => `${field}.footnote.${k}`;
