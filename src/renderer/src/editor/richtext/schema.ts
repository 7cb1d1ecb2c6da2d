import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';

/**
 * One small schema per kind of rich-text field. The model's rich text is runs with bold and italic
 * only, so these schemas hold nothing else: whatever a paste brings (tables, colours, fonts, links,
 * images) has no rule to parse into and is dropped, keeping its text.
 *  - inline: one paragraph (a heading, a label, a one-paragraph block)
 *  - paragraphs: one or more paragraphs (remarks, statements, descriptions)
 *  - bullets: a nested bullet list whose items carry the model's bullet id and country
 */
export type FieldKind = 'inline' | 'paragraphs' | 'bullets';

const marks: Record<string, MarkSpec> = {
  strong: {
    // Inline styles (font-weight, font-style) are turned into these tags by paste.ts before parsing.
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
    toDOM: () => ['strong', 0],
  },
  em: {
    parseDOM: [{ tag: 'em' }, { tag: 'i' }],
    toDOM: () => ['em', 0],
  },
};

const text: NodeSpec = { group: 'inline' };
const paragraph: NodeSpec = {
  content: 'inline*',
  group: 'block',
  parseDOM: [{ tag: 'p' }, { tag: 'h1' }, { tag: 'h2' }, { tag: 'h3' }, { tag: 'h4' }, { tag: 'h5' }, { tag: 'h6' }, { tag: 'blockquote' }],
  toDOM: () => ['p', 0],
};
const hardBreakAsSpace: NodeSpec = {
  // <br> inside a pasted paragraph becomes a space: the model has no line breaks inside a run.
  inline: true,
  group: 'inline',
  atom: true,
  leafText: () => ' ',
  parseDOM: [{ tag: 'br' }],
  toDOM: () => ['br'],
};

/** A footnote's text as the model holds it (runs with marks only). */
export type NoteRuns = { text: string; bold?: boolean; italic?: boolean }[];

/**
 * A run something hangs on: a footnote (its text is edited in the field's footnote list, see
 * Footnotes.tsx) or a cross-reference (the format prints its target's number; `text` is the
 * last-known rendering). One atom holding the whole run, so that typing around it never splits or
 * merges it and nothing it carries is lost; bold and italic are marks on it, as on text.
 */
const hanging: NodeSpec = {
  inline: true,
  group: 'inline',
  atom: true,
  selectable: true,
  attrs: { text: { default: '' }, footnote: { default: null }, xref: { default: null } },
  leafText: (node) => node.attrs['text'] as string,
  parseDOM: [
    {
      tag: 'span.pm-hang',
      getAttrs: (dom) => {
        const el = dom as HTMLElement;
        let footnote: NoteRuns | null = null;
        try {
          const parsed: unknown = JSON.parse(el.getAttribute('data-footnote') ?? 'null');
          if (Array.isArray(parsed) && parsed.every((r) => r !== null && typeof r === 'object' && typeof (r as { text?: unknown }).text === 'string')) footnote = parsed as NoteRuns;
        } catch {
          footnote = null;
        }
        return { text: el.getAttribute('data-text') ?? '', footnote, xref: el.getAttribute('data-xref') };
      },
    },
  ],
  toDOM: (node) => {
    const { text: t, footnote, xref } = node.attrs as { text: string; footnote: NoteRuns | null; xref: string | null };
    const note = footnote ? footnote.map((r) => r.text).join('') : '';
    return [
      'span',
      {
        class: `pm-hang${xref ? ' pm-xref' : ''}`,
        'data-text': t,
        ...(footnote ? { 'data-footnote': JSON.stringify(footnote), title: `Footnote: ${note}` } : {}),
        ...(xref ? { 'data-xref': xref, title: `Cross-reference to ${xref}: the number of the target is printed` } : {}),
      },
      t,
      ...(footnote ? [['sup', { class: 'pm-fn-mark' }, '*']] : []),
    ];
  },
};

export const inlineSchema = new Schema({
  nodes: { doc: { content: 'paragraph' }, paragraph, text, hard_break: hardBreakAsSpace, hanging },
  marks,
});

export const paragraphsSchema = new Schema({
  nodes: { doc: { content: 'paragraph+' }, paragraph, text, hard_break: hardBreakAsSpace, hanging },
  marks,
});

export const bulletsSchema = new Schema({
  nodes: {
    doc: { content: 'bullet_list' },
    paragraph,
    bullet_list: {
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }, { tag: 'ol' }],
      toDOM: () => ['ul', 0],
    },
    list_item: {
      content: 'paragraph bullet_list?',
      // id: the model's stable bullet id (null for a new item, assigned at once by the ids plugin).
      // decision: the bullet's decision marker (model data, kept whole); a copy of the item (a split, a paste) gets none.
      attrs: { id: { default: null }, country: { default: null }, decision: { default: null } },
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: (node) => {
        const decision = node.attrs['decision'] as { number?: string } | null;
        return [
          'li',
          {
            ...(node.attrs['country'] ? { 'data-country': node.attrs['country'] as string } : {}),
            ...(decision ? { 'data-decision': decision.number?.trim() || 'Decision' } : {}),
          },
          0,
        ];
      },
    },
    text,
    hard_break: hardBreakAsSpace,
    hanging,
  },
  marks,
});

export function schemaFor(kind: FieldKind): Schema {
  return kind === 'inline' ? inlineSchema : kind === 'paragraphs' ? paragraphsSchema : bulletsSchema;
}
