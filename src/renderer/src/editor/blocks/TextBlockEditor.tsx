import type { RichText } from '../../../../shared/minutes';
import type { DisclaimerB, NextMeetingB, ParagraphB, SigningB } from '../../model/types';
import { templateFor } from '../../../../shared/format';
import { RichField } from '../richtext/RichField';
import { TextInput, withOptional } from '../fields/TextInput';
import { asRich, editBlock } from './common';
import { useAppStore } from '../../state/store';
import { insertAfter, updateBlock } from '../../model/tree';
import { newBlock } from '.';

type Paragraph = ParagraphB;
type TextBlock = ParagraphB | DisclaimerB | NextMeetingB | SigningB;

const PLACEHOLDERS: Record<TextBlock['type'], string> = {
  paragraph: 'Type the paragraph…',
  disclaimer: 'The minutes is not bound by legal obligation of the Parties.',
  'next-meeting': 'The venue and date of the next meeting…',
  signing: 'Signed on … at …',
};

/** Enter in a paragraph starts the next paragraph, as in a word processor. */
function splitParagraph(block: Paragraph, before: RichText, after: RichText) {
  const next = { ...newBlock('paragraph'), role: block.role === 'summary' ? 'text' : (block.role ?? 'text') } as Paragraph;
  next.text = after;
  useAppStore.getState().edit(
    (m) => insertAfter(updateBlock<Paragraph>(m, block.id, (b) => ({ ...b, text: before })), block.id, next),
    { typing: false, focus: `${next.id}.text` },
  );
}

export function TextBlockEditor({ block }: { block: TextBlock }) {
  const field = `${block.id}.text`;
  // Only where the format numbers paragraphs does a paragraph say whether it takes a number.
  const format = useAppStore((s) => s.doc?.meeting.format);
  const numbersParagraphs = templateFor(format).paragraphs.numbering !== 'none';
  return (
    <>
      <RichField
        field={field}
        blockId={block.id}
        kind="inline"
        value={block.text}
        label={PLACEHOLDERS[block.type]}
        placeholder={PLACEHOLDERS[block.type]}
        onChange={(v) => editBlock<TextBlock>(block.id, (b) => ({ ...b, text: asRich(v) }), field)}
        {...(block.type === 'paragraph' ? { onSplit: (a: RichText, b: RichText) => splitParagraph(block, a, b) } : {})}
      />
      {block.type === 'paragraph' && (numbersParagraphs || block.numbered === false) && (
        <label className="ti ti-check">
          <input type="checkbox" checked={block.numbered === false}
            onChange={(e) => editBlock<Paragraph>(block.id, (b) => (e.target.checked ? { ...b, numbered: false } : withOptional(b, 'numbered', undefined)), `${block.id}.numbered`)} />
          <span className="ti-label">Continues the paragraph before (no number of its own)</span>
        </label>
      )}
      {block.type === 'signing' && (
        <div className="row">
          <TextInput field={`${block.id}.place`} blockId={block.id} label="Place" value={block.place}
            onChange={(v) => editBlock<typeof block>(block.id, (b) => ({ ...b, place: v }), `${block.id}.place`)} />
          <TextInput field={`${block.id}.date`} blockId={block.id} label="Date" type="date" value={block.date}
            onChange={(v) => v && editBlock<typeof block>(block.id, (b) => ({ ...b, date: v }), `${block.id}.date`)} />
        </div>
      )}
      {block.type === 'next-meeting' && (
        <div className="row">
          <TextInput field={`${block.id}.place`} blockId={block.id} label="Place (if known)" value={block.place ?? ''}
            onChange={(v) => editBlock<typeof block>(block.id, (b) => withOptional(b, 'place', v), `${block.id}.place`)} />
          <TextInput field={`${block.id}.date`} blockId={block.id} label="Date (if known)" type="date" value={block.date ?? ''}
            onChange={(v) => editBlock<typeof block>(block.id, (b) => withOptional(b, 'date', v), `${block.id}.date`)} />
        </div>
      )}
    </>
  );
}
