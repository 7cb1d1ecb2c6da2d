import { type Node as PmNode, type Schema, type Mark } from 'prosemirror-model';
import type { Bullet, RichText, TextRun } from '../../../../shared/minutes';
import { bulletsSchema, schemaFor, type FieldKind } from './schema';

/** The model value each field kind edits. */
export type FieldValue = RichText | RichText[] | Bullet[];

function runsToInline(schema: Schema, runs: RichText): PmNode[] {
  const out: PmNode[] = [];
  for (const run of runs) {
    const hangs = run.footnote !== undefined || run.xref !== undefined;
    if (run.text === '' && !hangs) continue;
    const m: Mark[] = [];
    if (run.bold) m.push(schema.marks['strong']!.create());
    if (run.italic) m.push(schema.marks['em']!.create());
    // A run with a footnote or a cross-reference is one atom (schema.ts: hanging).
    if (hangs) out.push(schema.nodes['hanging']!.create({ text: run.text, footnote: run.footnote ?? null, xref: run.xref ?? null }, null, m));
    else out.push(schema.text(run.text, m));
  }
  return out;
}

function paragraphOf(schema: Schema, runs: RichText): PmNode {
  return schema.nodes['paragraph']!.create(null, runsToInline(schema, runs));
}

function bulletList(items: readonly Bullet[]): PmNode {
  const s = bulletsSchema;
  const list = (bs: readonly Bullet[]): PmNode =>
    s.nodes['bullet_list']!.create(
      null,
      bs.map((b) =>
        s.nodes['list_item']!.create({ id: b.id, country: b.country ?? null, decision: b.decision ?? null }, [
          paragraphOf(s, b.text),
          ...(b.children && b.children.length > 0 ? [list(b.children)] : []),
        ]),
      ),
    );
  return list(items.length > 0 ? items : [{ id: '', text: [] }]);
}

export function toDoc(kind: FieldKind, value: FieldValue): PmNode {
  const schema = schemaFor(kind);
  if (kind === 'inline') return schema.nodes['doc']!.create(null, paragraphOf(schema, value as RichText));
  if (kind === 'paragraphs') {
    const paras = value as RichText[];
    return schema.nodes['doc']!.create(null, (paras.length > 0 ? paras : [[]]).map((p) => paragraphOf(schema, p)));
  }
  return schema.nodes['doc']!.create(null, bulletList(value as Bullet[]));
}

/** Runs of a paragraph, adjacent runs with the same marks merged. */
export function inlineToRuns(paragraph: PmNode): RichText {
  const runs: TextRun[] = [];
  paragraph.forEach((child) => {
    const bold = child.marks.some((m) => m.type.name === 'strong');
    const italic = child.marks.some((m) => m.type.name === 'em');
    if (child.type.name === 'hanging') {
      const { text, footnote, xref } = child.attrs as { text: string; footnote: TextRun['footnote'] | null; xref: string | null };
      runs.push({ text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}), ...(footnote ? { footnote } : {}), ...(xref !== null ? { xref } : {}) });
      return;
    }
    const text = child.isText ? child.text! : child.type.spec.leafText ? (child.type.spec.leafText as (n: PmNode) => string)(child) : '';
    if (!text) return;
    const last = runs[runs.length - 1];
    // Text typed after a footnote or a cross-reference is a run of its own: theirs stay as they were.
    if (last && last.footnote === undefined && last.xref === undefined && !!last.bold === bold && !!last.italic === italic) {
      last.text += text;
      return;
    }
    runs.push({ text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
  });
  return runs;
}

function listToBullets(list: PmNode): Bullet[] {
  const out: Bullet[] = [];
  list.forEach((item) => {
    const para = item.firstChild!;
    const nested = item.childCount > 1 ? item.child(1) : null;
    const children = nested ? listToBullets(nested) : [];
    const country = item.attrs['country'] as string | null;
    const decision = item.attrs['decision'] as Bullet['decision'] | null;
    out.push({
      id: item.attrs['id'] as string,
      text: inlineToRuns(para),
      ...(decision ? { decision } : {}),
      ...(country ? { country } : {}),
      ...(children.length > 0 ? { children } : {}),
    });
  });
  return out;
}

export function fromDoc(kind: FieldKind, doc: PmNode): FieldValue {
  if (kind === 'inline') return inlineToRuns(doc.firstChild!);
  if (kind === 'paragraphs') {
    const paras: RichText[] = [];
    doc.forEach((p) => paras.push(inlineToRuns(p)));
    return paras;
  }
  const bullets = listToBullets(doc.firstChild!);
  // One empty bullet is how an empty list looks while editing: it is stored as no bullets.
  if (bullets.length === 1 && bullets[0]!.text.length === 0 && !bullets[0]!.children && !bullets[0]!.country && !bullets[0]!.decision) return [];
  return bullets;
}
