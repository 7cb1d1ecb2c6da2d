import type { PdfFile, XrefState } from './file';
import { PdfRef, PdfString, isDict, isName, type PdfDict, type PdfValue } from './syntax';

/**
 * The signature fields of a document (the AcroForm's /Fields, ISO 32000-1, 12.7.3): name, widget,
 * page and box, and the signature dictionary once signed. Our finisher makes each field its own
 * widget; a field with one widget kid (as other tools write) is read too.
 */

export interface SignatureField {
  /** The fully qualified field name. */
  name: string;
  /** The object that holds /FT /Sig and /V. */
  fieldRef: PdfRef;
  field: PdfDict;
  /** The widget annotation (often the same object as the field). */
  widgetRef: PdfRef;
  widget: PdfDict;
  /** 0-based page index, when the widget is on a page. */
  page: number | undefined;
  /** [x1 y1 x2 y2], normalised. */
  rect: [number, number, number, number];
  /** The signature dictionary, once signed. */
  signatureRef: PdfRef | undefined;
}

const MAX_FIELD_DEPTH = 16;

export function textOf(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfString ? v.text() : undefined;
}

/** Page object numbers in document order (the page tree, /Kids). */
export function pageOrder(file: PdfFile, state: XrefState = file.state): number[] {
  const root = file.dict(file.trailer.get('Root'), state);
  const pagesRef = root?.get('Pages');
  const out: number[] = [];
  const seen = new Set<number>();
  const walk = (ref: PdfValue | undefined, depth: number) => {
    if (!(ref instanceof PdfRef) || seen.has(ref.num) || depth > 64) return;
    seen.add(ref.num);
    const node = file.dict(ref, state);
    if (!node) return;
    if (isName(node.get('Type'), 'Page')) out.push(ref.num);
    const kids = file.resolve(node.get('Kids'), state);
    if (Array.isArray(kids)) for (const k of kids) walk(k, depth + 1);
  };
  walk(pagesRef, 0);
  return out;
}

export function signatureFields(file: PdfFile, state: XrefState = file.state): SignatureField[] {
  const root = file.dict(file.trailer.get('Root'), state);
  const acroForm = file.dict(root?.get('AcroForm'), state);
  const fields = file.resolve(acroForm?.get('Fields'), state);
  if (!Array.isArray(fields)) return [];
  const pages = pageOrder(file, state);
  const pageOfAnnot = new Map<number, number>();
  pages.forEach((num, index) => {
    const annots = file.resolve(file.dict(new PdfRef(num, 0), state)?.get('Annots'), state);
    if (Array.isArray(annots)) for (const a of annots) if (a instanceof PdfRef) pageOfAnnot.set(a.num, index);
  });

  const out: SignatureField[] = [];
  const seen = new Set<number>();
  const walk = (ref: PdfValue, prefix: string, inheritedFt: PdfValue | undefined, depth: number) => {
    if (!(ref instanceof PdfRef) || seen.has(ref.num) || depth > MAX_FIELD_DEPTH) return;
    seen.add(ref.num);
    const node = file.dict(ref, state);
    if (!node) return;
    const partial = textOf(node.get('T'));
    const name = partial === undefined ? prefix : prefix ? `${prefix}.${partial}` : partial;
    const ft = node.get('FT') ?? inheritedFt;
    const kids = file.resolve(node.get('Kids'), state);
    const kidFields = Array.isArray(kids) ? kids.filter((k) => k instanceof PdfRef && file.dict(k, state)?.has('T')) : [];
    if (kidFields.length > 0) {
      for (const k of kidFields) walk(k, name, ft, depth + 1);
      return;
    }
    if (!isName(ft, 'Sig')) return;
    let widgetRef = ref;
    let widget = node;
    if (!isName(node.get('Subtype'), 'Widget') && Array.isArray(kids) && kids[0] instanceof PdfRef) {
      const w = file.dict(kids[0], state);
      if (w) {
        widgetRef = kids[0];
        widget = w;
      }
    }
    const r = file.resolve(widget.get('Rect'), state);
    const nums = Array.isArray(r) && r.length === 4 && r.every((x) => typeof x === 'number') ? (r as number[]) : [0, 0, 0, 0];
    const rect: SignatureField['rect'] = [Math.min(nums[0]!, nums[2]!), Math.min(nums[1]!, nums[3]!), Math.max(nums[0]!, nums[2]!), Math.max(nums[1]!, nums[3]!)];
    const p = widget.get('P');
    const page = pageOfAnnot.get(widgetRef.num) ?? (p instanceof PdfRef && pages.includes(p.num) ? pages.indexOf(p.num) : undefined);
    const v = node.get('V');
    out.push({ name, fieldRef: ref, field: node, widgetRef, widget, page, rect, signatureRef: v instanceof PdfRef ? v : undefined });
  };
  for (const f of fields) walk(f, '', undefined, 0);
  return out;
}

export const isSigned = (f: SignatureField, file: PdfFile, state?: XrefState): boolean => isDict(file.resolve(f.field.get('V'), state));
