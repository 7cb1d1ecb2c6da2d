import type { ReviewedDocx } from '../../../shared/review/reviewedDocx';
import { onOff } from './styles';
import { parseXmlPart } from './xml';

/** Document properties: custom (docProps/custom.xml), core (docProps/core.xml), and w:trackRevisions (word/settings.xml). */

/** Custom properties by name, each value the text of its one vt:* child (a review copy writes vt:lpwstr). */
export function readCustomProperties(bytes: Uint8Array | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!bytes) return out;
  let name: string | undefined;
  let value: string | undefined;
  let depth = 0;
  parseXmlPart('docProps/custom.xml', bytes, {
    open(el) {
      depth++;
      if (el.name === 'op:property' && depth === 2) {
        name = el.attrs.get('name');
        value = '';
      }
    },
    close(elName) {
      depth--;
      if (elName === 'op:property' && depth === 1) {
        // Own-property names only: a hostile "__proto__" must not reach the prototype.
        if (name !== undefined && value !== undefined && !Object.hasOwn(out, name)) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
        name = value = undefined;
      }
    },
    text(t) {
      if (value !== undefined && depth === 3) value += t;
    },
  });
  return out;
}

const CORE: Record<string, keyof ReviewedDocx['core']> = { 'dc:creator': 'creator', 'cp:lastModifiedBy': 'lastModifiedBy', 'dcterms:modified': 'modified' };

export function readCoreProperties(bytes: Uint8Array | undefined): ReviewedDocx['core'] {
  const out: ReviewedDocx['core'] = {};
  if (!bytes) return out;
  let key: keyof ReviewedDocx['core'] | undefined;
  let depth = 0;
  parseXmlPart('docProps/core.xml', bytes, {
    open(el) {
      depth++;
      key = depth === 2 ? CORE[el.name] : undefined;
      if (key) out[key] = '';
    },
    close() {
      depth--;
      key = undefined;
    },
    text(t) {
      if (key) out[key] += t;
    },
  });
  for (const k of Object.keys(out) as (keyof ReviewedDocx['core'])[]) {
    const v = out[k]!.trim();
    if (v) out[k] = v;
    else delete out[k];
  }
  return out;
}

export function readTrackRevisions(bytes: Uint8Array | undefined): boolean {
  if (!bytes) return false;
  let on = false;
  let depth = 0;
  parseXmlPart('word/settings.xml', bytes, {
    open(el) {
      depth++;
      if (el.name === 'w:trackRevisions' && depth === 2) on = onOff(el.attrs);
    },
    close() {
      depth--;
    },
    text() {},
  });
  return on;
}
