import { type LayoutDocument, type LayoutList, type ListItem, type Run, blockLines, signatureRuns, tableRuns, withNotes } from '../../src/shared/format';

/** One printed line of a layout tree (a paragraph, heading, list item, title line, cell line…), with what it is. */
export interface LayoutLine {
  kind: 'title' | 'heading' | 'paragraph' | 'label' | 'item' | 'signature' | 'routing' | 'cell' | 'note';
  text: string;
  /** For a label paragraph or a list item: whether content follows it (its nested items, or the next block). */
  followed?: boolean;
}

const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');

/** The lines of a layout tree in reading order: what the PDF and the DOCX print, without page furniture. */
export function layoutLines(doc: LayoutDocument): LayoutLine[] {
  const out: LayoutLine[] = [];
  const item = (it: ListItem) => {
    out.push({ kind: 'item', text: str(it.runs), followed: it.children.length > 0 });
    it.children.forEach((c, i) => {
      if (c.kind === 'list') list(c);
      else out.push({ kind: c.style === 'label' ? 'label' : 'paragraph', text: str(c.runs), followed: i + 1 < it.children.length });
    });
  };
  const list = (l: LayoutList) => l.items.forEach(item);
  doc.blocks.forEach((b, i) => {
    switch (b.kind) {
      case 'title':
        b.lines.forEach((l) => out.push({ kind: 'title', text: str(l.runs) }));
        break;
      case 'heading':
        out.push({ kind: 'heading', text: str(b.runs) });
        break;
      case 'paragraph':
        // A label introduces the rest of its own model block (a list heading, its items).
        // A paragraph's number is printed before it (an agenda item's is data: "3 (a).").
        out.push({ kind: b.style === 'label' ? 'label' : 'paragraph', text: b.number ? `${b.number} ${str(b.runs)}` : str(b.runs), followed: b.source !== undefined && doc.blocks[i + 1]?.source === b.source });
        break;
      case 'list':
        list(b);
        break;
      case 'signatures':
        for (const c of b.cells) for (const l of signatureRuns(c)) out.push({ kind: 'signature', text: str(l) });
        break;
      case 'routing':
        for (const s of b.steps) for (const l of [s.headline, s.placeDate, s.signerRole]) out.push({ kind: 'routing', text: str(l) });
        break;
      case 'table':
        for (const l of tableRuns(b)) out.push({ kind: 'cell', text: str(l) });
        break;
    }
    // A block's footnotes follow it, as the PDF prints them.
    for (const line of blockLines(b)) for (const r of line) if (r.note) out.push({ kind: 'note', text: `${r.note.n} ${str(r.note.runs)}` });
  });
  return out;
}

/** Every run of the layout tree, in reading order, each footnote's runs after the run it hangs on. */
export function layoutRuns(doc: LayoutDocument): Run[] {
  const out: Run[] = [];
  for (const b of doc.blocks) {
    for (const line of blockLines(b)) out.push(...withNotes(line));
  }
  return out;
}

export const layoutText = (doc: LayoutDocument) =>
  layoutLines(doc)
    .map((l) => l.text)
    .join('\n');
