import { type SaxesAttributeNS, SaxesParser } from 'saxes';
import { MinutaError, excerpt } from '../../../shared/errors';
import { DOCX_READ_BOUNDS } from './bounds';

/**
 * The XML layer of a reviewed DOCX, through saxes (streaming, namespace-aware, and it never resolves
 * an entity: it knows only XML's five). A part with a DOCTYPE is refused outright, before any of its
 * content is looked at, so no DTD, internal entity (billion laughs) or external entity is ever used.
 *
 * Element and attribute names reach the walkers in one spelling per namespace ("w:p", "w15:done")
 * whatever prefixes the file chose, so a file that binds WordprocessingML to "x:" reads the same.
 */

const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  // ISO/IEC 29500 Strict spells the same vocabulary under another namespace.
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.microsoft.com/office/word/2012/wordml': 'w15',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties': 'op',
  'http://purl.oclc.org/ooxml/officeDocument/customProperties': 'op',
  'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes': 'vt',
  'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes': 'vt',
};

const qualified = (uri: string, local: string) => {
  if (!uri) return local;
  const prefix = PREFIXES[uri];
  return prefix ? `${prefix}:${local}` : `{${uri}}${local}`;
};

export interface XmlElement {
  /** "w:p", "w15:commentEx"; `{uri}local` for a namespace we do not know. */
  name: string;
  /** Attributes by the same spelling ("w:id", "w15:paraId"); namespace declarations left out. */
  attrs: ReadonlyMap<string, string>;
}

export interface XmlHandler {
  open(el: XmlElement): void;
  close(name: string): void;
  /** Character data (entities and CDATA already decoded), possibly in several pieces. */
  text(text: string): void;
}

const refuse = (part: string, problem: string): never => {
  throw new MinutaError('invalid', `The part ${part} of the DOCX ${problem}`, 'file');
};

function decode(part: string, bytes: Uint8Array): string {
  // XML's own encodings: UTF-8 (the default, and what Word and LibreOffice write) or UTF-16 with a BOM.
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse(part, `is not valid ${encoding.toUpperCase()} text`);
  }
}

/** Streams one XML part through `handler`; refuses a DTD, malformed XML (naming the line) and over-deep nesting. */
export function parseXmlPart(part: string, bytes: Uint8Array, handler: XmlHandler): void {
  const xml = decode(part, bytes);
  // saxes runs about twice as fast without tracking positions, so the first pass does not; a part that
  // fails is parsed once more with positions, only to say where.
  if (!run(part, xml, handler, false)) {
    run(part, xml, { open() {}, close() {}, text() {} }, true);
    refuse(part, 'is not well-formed XML');
  }
}

/** One pass; false when the XML is malformed and positions were not tracked (the caller asks again with them). */
function run(part: string, xml: string, handler: XmlHandler, position: boolean): boolean {
  const parser = new SaxesParser({ xmlns: true, position });
  const where = () => (position ? ` (line ${parser.line}, column ${parser.column})` : '');
  let depth = 0;
  let malformed = false;
  const stack: string[] = [];
  parser.on('doctype', () => refuse(part, 'declares a DTD (<!DOCTYPE …>): refused; entities in it are never resolved'));
  parser.on('opentag', (tag) => {
    if (++depth > DOCX_READ_BOUNDS.maxXmlDepth) refuse(part, `nests elements deeper than ${DOCX_READ_BOUNDS.maxXmlDepth} levels`);
    const el = new Element(part, qualified(tag.uri, tag.local), tag.attributes);
    stack.push(el.name);
    handler.open(el);
  });
  parser.on('closetag', () => {
    depth--;
    handler.close(stack.pop()!);
  });
  parser.on('text', (t) => handler.text(t));
  parser.on('cdata', (t) => handler.text(t));
  parser.on('error', (e) => {
    if (!position) {
      malformed = true;
      throw new Malformed();
    }
    // saxes prefixes its messages with "line:column: "; we name the line ourselves.
    const message = e.message.replace(/^[^:]*?:?\d+:\d+: /, '');
    refuse(part, `is not well-formed XML${where()}: ${excerpt(message, 80)}`);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof Malformed || malformed) return false;
    throw e;
  }
  return true;
}

class Malformed extends Error {}

/** An element as the walkers see it; its attributes are spelled out only when asked for (most never are). */
class Element implements XmlElement {
  private map: Map<string, string> | undefined;
  constructor(
    private readonly part: string,
    readonly name: string,
    private readonly raw: Record<string, SaxesAttributeNS>,
  ) {}

  get attrs(): ReadonlyMap<string, string> {
    if (!this.map) {
      this.map = new Map();
      for (const a of Object.values(this.raw)) {
        if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
        if (a.value.length > DOCX_READ_BOUNDS.maxAttributeChars) {
          refuse(this.part, `has an attribute ${excerpt(a.name)} of ${a.value.length} characters on ${excerpt(this.name)}; at most ${DOCX_READ_BOUNDS.maxAttributeChars} are read`);
        }
        this.map.set(qualified(a.uri, a.local), a.value);
      }
    }
    return this.map;
  }
}
