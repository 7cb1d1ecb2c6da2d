import { parseXmlPart } from './xml';

/**
 * Bold and italic as styles give them (styles.xml): a paragraph style and a character style, each
 * through its w:basedOn chain, over the document defaults. Only the two marks the minutes model has.
 */

export interface Marks {
  bold?: boolean;
  italic?: boolean;
}

interface Style {
  type: string;
  basedOn?: string;
  marks: Marks;
}

/** An OOXML on/off property: present means on, unless w:val says 0, false or off. */
export function onOff(attrs: ReadonlyMap<string, string>): boolean {
  const v = attrs.get('w:val');
  return v === undefined || !(v === '0' || v === 'false' || v === 'off');
}

export class StyleSheet {
  constructor(
    private readonly styles: ReadonlyMap<string, Style>,
    private readonly defaults: Marks,
    private readonly defaultParagraph: string | undefined,
  ) {}

  static readonly empty = new StyleSheet(new Map(), {}, undefined);

  /** A style's marks through its basedOn chain (cycles and over-long chains cut). */
  private resolve(id: string | undefined, type: string): Marks {
    const out: Marks = {};
    const seen = new Set<string>();
    for (let at = id; at !== undefined && !seen.has(at) && seen.size < 64; ) {
      seen.add(at);
      const s = this.styles.get(at);
      if (!s || s.type !== type) break;
      out.bold ??= s.marks.bold;
      out.italic ??= s.marks.italic;
      at = s.basedOn;
    }
    return out;
  }

  /**
   * The marks a run has before its direct formatting: bold and italic are toggle properties
   * (ECMA-376 §17.7.3), so a character style's value flips the paragraph style's rather than replacing it.
   */
  base(paragraphStyle: string | undefined, characterStyle: string | undefined): { bold: boolean; italic: boolean } {
    const p = this.resolve(paragraphStyle ?? this.defaultParagraph, 'paragraph');
    const c = this.resolve(characterStyle, 'character');
    const bold = p.bold ?? this.defaults.bold ?? false;
    const italic = p.italic ?? this.defaults.italic ?? false;
    return { bold: c.bold ? !bold : bold, italic: c.italic ? !italic : italic };
  }
}

export function readStyles(bytes: Uint8Array | undefined): StyleSheet {
  if (!bytes) return StyleSheet.empty;
  const styles = new Map<string, Style>();
  const defaults: Marks = {};
  let defaultParagraph: string | undefined;
  const path: string[] = [];
  let current: { id: string; style: Style } | undefined;
  parseXmlPart('word/styles.xml', bytes, {
    open(el) {
      path.push(el.name);
      const parent = path.at(-2);
      const grand = path.at(-3);
      if (el.name === 'w:style' && path.length === 2) {
        const id = el.attrs.get('w:styleId') ?? '';
        const type = el.attrs.get('w:type') ?? 'paragraph';
        current = { id, style: { type, marks: {} } };
        if (type === 'paragraph' && (el.attrs.get('w:default') === '1' || el.attrs.get('w:default') === 'true')) defaultParagraph = id;
      } else if (current && el.name === 'w:basedOn' && parent === 'w:style') {
        const v = el.attrs.get('w:val');
        if (v !== undefined) current.style.basedOn = v;
      } else if ((el.name === 'w:b' || el.name === 'w:i') && parent === 'w:rPr') {
        const key = el.name === 'w:b' ? 'bold' : 'italic';
        if (current && grand === 'w:style') current.style.marks[key] = onOff(el.attrs);
        else if (grand === 'w:rPrDefault') defaults[key] = onOff(el.attrs);
      }
    },
    close(name) {
      path.pop();
      if (name === 'w:style' && path.length === 1 && current) {
        if (!styles.has(current.id)) styles.set(current.id, current.style);
        current = undefined;
      }
    },
    text() {},
  });
  return new StyleSheet(styles, defaults, defaultParagraph);
}
