import type { PdfFile, XrefState } from './pdf/file';
import { pageOrder, signatureFields } from './pdf/fields';
import { PdfRef, isDict, isName, serialize, type PdfDict, type PdfValue } from './pdf/syntax';

/**
 * What the revisions appended after a signature changed, object by object, compared with the
 * document as it was signed. Filling and signing another empty signature field (its widget gaining
 * /V and /AP, the new signature and appearance objects, the AcroForm's /SigFlags) is what signing
 * one after another does, and is allowed (DocMDP level 2, ISO 32000-1, 12.8.2.2). Everything else —
 * page content, pages, annotations, the catalog, the document information, a signed field — is
 * reported as a change that the signature does not cover.
 */

export interface LaterChange {
  /** signature: another field signed (allowed); form and catalog: allowed when only signing settings or validation data. The rest are not allowed. */
  kind: 'signature' | 'page-content' | 'page' | 'annotation' | 'form' | 'catalog' | 'info' | 'signed-field' | 'deleted' | 'other';
  allowed: boolean;
  description: string;
  /** 1-based page, when the change is on one. */
  page?: number;
}

/** Keys whose change on an empty signature field is its being signed. */
const FILL_KEYS = new Set(['V', 'AP']);
/** Keys the AcroForm may change when a field is signed. */
const FORM_KEYS = new Set(['SigFlags', 'DR']);
/** Keys the catalog may gain later: PAdES validation data (DSS) only. */
const CATALOG_KEYS = new Set(['DSS']);

function changedKeys(a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => {
    const x = a.get(k);
    const y = b.get(k);
    return x === undefined || y === undefined || serialize(x) !== serialize(y);
  });
}

const same = (a: { value: PdfValue; stream?: string }, b: { value: PdfValue; stream?: string }) => serialize(a.value) === serialize(b.value) && a.stream === b.stream;

/** The changes made after the first `signedSections` cross-reference sections (the signed revision). */
export function laterChanges(file: PdfFile, signedSections: number): LaterChange[] {
  const signedState: XrefState = file.stateAt(signedSections);
  const finalState: XrefState = file.state;
  const signedTrailer = file.sections[signedSections - 1]?.trailer;
  const changes: LaterChange[] = [];
  const pages = pageOrder(file, signedState);
  const pageIndex = new Map(pages.map((num, i) => [num, i + 1]));
  const contentOf = new Map<number, number>();
  const annotOf = new Map<number, number>();
  for (const [num, index] of pageIndex) {
    const page = file.dict(new PdfRef(num, 0), signedState);
    const contents = file.resolve(page?.get('Contents'), signedState);
    for (const c of Array.isArray(contents) ? contents : [page?.get('Contents')]) if (c instanceof PdfRef) contentOf.set(c.num, index);
    const annots = file.resolve(page?.get('Annots'), signedState);
    if (Array.isArray(annots)) for (const a of annots) if (a instanceof PdfRef) annotOf.set(a.num, index);
  }
  const fields = new Map(signatureFields(file, signedState).map((f) => [f.fieldRef.num, f]));
  const widgets = new Map([...fields.values()].map((f) => [f.widgetRef.num, f]));
  const rootRef = file.trailer.get('Root');
  const infoRef = file.trailer.get('Info');

  if (signedTrailer) {
    const before = signedTrailer.get('Root');
    if (before instanceof PdfRef && rootRef instanceof PdfRef && before.num !== rootRef.num) {
      changes.push({ kind: 'catalog', allowed: false, description: 'the document catalog was replaced' });
    }
    const info = signedTrailer.get('Info');
    if (info instanceof PdfRef && infoRef instanceof PdfRef && info.num !== infoRef.num) {
      changes.push({ kind: 'info', allowed: false, description: 'the document information (title, author, dates) was replaced' });
    }
  }

  for (const [num, offset] of finalState) {
    const oldOffset = signedState.get(num);
    if (oldOffset === undefined || oldOffset === offset) continue; // new objects matter only through what refers to them
    const before = file.object(num, signedState);
    const after = file.object(num, finalState);
    if (!before || !after || same(before, after)) continue;
    const b = before.value;
    const a = after.value;
    const field = fields.get(num) ?? widgets.get(num);
    if (field && isDict(b) && isDict(a)) {
      const keys = changedKeys(b, a);
      const wasSigned = isDict(file.resolve(field.field.get('V'), signedState));
      // Signing means a signature dictionary in /V: an appearance alone would only look signed.
      const nowSigned = isName(file.dict(file.dict(field.fieldRef, finalState)?.get('V'), finalState)?.get('Type'), 'Sig');
      if (!wasSigned && nowSigned && keys.every((k) => FILL_KEYS.has(k))) {
        changes.push({ kind: 'signature', allowed: true, description: `signature field "${field.name}" was signed`, ...(field.page !== undefined ? { page: field.page + 1 } : {}) });
      } else {
        changes.push({
          kind: wasSigned ? 'signed-field' : 'form',
          allowed: false,
          description: `${wasSigned ? 'signed' : 'signature'} field "${field.name}" was changed (${keys.map((k) => `/${k}`).join(', ')})`,
        });
      }
      continue;
    }
    if (isDict(b) && isName(b.get('Type'), 'Catalog')) {
      const keys = changedKeys(b, isDict(a) ? a : new Map());
      const other = keys.filter((k) => !CATALOG_KEYS.has(k));
      if (other.length > 0) changes.push({ kind: 'catalog', allowed: false, description: `the document catalog was changed (${other.map((k) => `/${k}`).join(', ')})` });
      else if (keys.length > 0) changes.push({ kind: 'catalog', allowed: true, description: `the document catalog gained validation data (${keys.map((k) => `/${k}`).join(', ')})` });
      continue;
    }
    if (isDict(b) && b.has('Fields') && !b.has('Type')) {
      const keys = changedKeys(b, isDict(a) ? a : new Map());
      const other = keys.filter((k) => !FORM_KEYS.has(k));
      if (other.length > 0) changes.push({ kind: 'form', allowed: false, description: `the form was changed (${other.map((k) => `/${k}`).join(', ')})` });
      else if (keys.length > 0) changes.push({ kind: 'form', allowed: true, description: `the form's signature settings were updated (${keys.map((k) => `/${k}`).join(', ')})` });
      continue;
    }
    const contentPage = contentOf.get(num);
    if (contentPage !== undefined) {
      changes.push({ kind: 'page-content', allowed: false, description: `the content of page ${contentPage} was changed`, page: contentPage });
      continue;
    }
    const page = pageIndex.get(num);
    if (page !== undefined) {
      const keys = changedKeys(b as PdfDict, isDict(a) ? a : new Map());
      const what = keys.includes('Contents') ? 'the content of page' : 'page';
      changes.push({ kind: keys.includes('Contents') ? 'page-content' : 'page', allowed: false, description: `${what} ${page} was changed (${keys.map((k) => `/${k}`).join(', ')})`, page });
      continue;
    }
    const annotPage = annotOf.get(num);
    if (annotPage !== undefined || (isDict(b) && isName(b.get('Type'), 'Annot'))) {
      changes.push({ kind: 'annotation', allowed: false, description: `an annotation${annotPage ? ` on page ${annotPage}` : ''} was changed`, ...(annotPage ? { page: annotPage } : {}) });
      continue;
    }
    if (infoRef instanceof PdfRef && infoRef.num === num) {
      changes.push({ kind: 'info', allowed: false, description: 'the document information (title, author, dates) was changed' });
      continue;
    }
    if (isDict(b) && isName(b.get('Type'), 'Sig')) {
      changes.push({ kind: 'signed-field', allowed: false, description: `a signature dictionary (object ${num}) was replaced` });
      continue;
    }
    changes.push({ kind: 'other', allowed: false, description: `object ${num}${after.stream !== undefined ? ' (a stream)' : ''} was changed` });
  }
  for (const num of signedState.keys()) {
    if (!finalState.has(num)) changes.push({ kind: 'deleted', allowed: false, description: `object ${num} was deleted` });
  }
  return changes;
}
