import { MinutaError } from '../../../shared/errors';
import { Lexer, PdfRef, isDict, type PdfDict, type PdfValue } from './syntax';

/**
 * A PDF as a chain of revisions: the original body and each incremental update, located through
 * their cross-reference tables (never by scanning, so that bytes inside a stream cannot pass for an
 * object). Reads classic tables only — what Chromium (Skia), pdf-lib without object streams, our
 * finisher and our signer write. A cross-reference stream is refused with a clear error.
 */

export interface XrefSection {
  /** Where `xref` starts. */
  offset: number;
  /** In-use entries of this section: object number → byte offset. */
  used: Map<number, number>;
  /** Objects this section frees. */
  freed: Set<number>;
  trailer: PdfDict;
}

export interface PdfObject {
  num: number;
  /** Where `N G obj` starts. */
  offset: number;
  value: PdfValue;
  /** The raw stream bytes (latin1), when the object is a stream. */
  stream?: string;
}

/** Object number → offset, as of one revision. */
export type XrefState = Map<number, number>;

const MAX_SECTIONS = 10_000;

const corrupt = (what: string) => new MinutaError('corrupt', `The PDF is malformed: ${what}`);

export class PdfFile {
  readonly text: string;
  /** Oldest first. */
  readonly sections: XrefSection[];
  /** The newest state: every object's current offset. */
  readonly state: XrefState;
  private readonly cache = new Map<number, PdfObject>();

  private constructor(
    readonly bytes: Uint8Array,
    text: string,
    sections: XrefSection[],
  ) {
    this.text = text;
    this.sections = sections;
    this.state = stateOf(sections);
  }

  static read(bytes: Uint8Array): PdfFile {
    // True ISO-8859-1 (one char per byte, bytes 0x80–0x9F kept as they are): TextDecoder's 'latin1'
    // is windows-1252, which would turn those bytes of a literal string into other characters.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!text.startsWith('%PDF-')) throw new MinutaError('invalid', 'This is not a PDF file (no %PDF- header)');
    const tail = text.slice(Math.max(0, text.length - 1024));
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!m) throw corrupt('no startxref at the end of the file');
    const sections: XrefSection[] = [];
    const seen = new Set<number>();
    let at: number | undefined = Number(m[1]);
    while (at !== undefined) {
      if (seen.has(at) || sections.length >= MAX_SECTIONS) throw corrupt('the cross-reference sections form a loop');
      seen.add(at);
      const section = readSection(text, at);
      sections.unshift(section);
      const prev = section.trailer.get('Prev');
      at = typeof prev === 'number' ? prev : undefined;
    }
    return new PdfFile(bytes, text, sections);
  }

  get trailer(): PdfDict {
    return this.sections[this.sections.length - 1]!.trailer;
  }

  /** The state of the file as it was when its first `count` sections were all there was. */
  stateAt(count: number): XrefState {
    return stateOf(this.sections.slice(0, count));
  }

  object(num: number, state: XrefState = this.state): PdfObject | undefined {
    const offset = state.get(num);
    if (offset === undefined) return undefined;
    const cached = this.cache.get(offset);
    if (cached) return cached;
    const obj = this.readObjectAt(num, offset, state);
    this.cache.set(offset, obj);
    return obj;
  }

  /** Follows a reference (once); anything else is returned as it is. */
  resolve(v: PdfValue | undefined, state: XrefState = this.state): PdfValue | undefined {
    if (v instanceof PdfRef) return this.object(v.num, state)?.value ?? null;
    return v;
  }

  dict(v: PdfValue | undefined, state: XrefState = this.state): PdfDict | undefined {
    const r = this.resolve(v, state);
    return isDict(r) ? r : undefined;
  }

  private readObjectAt(num: number, offset: number, state: XrefState): PdfObject {
    const lx = new Lexer(this.text, offset);
    const n = lx.peekWord();
    if (n !== String(num)) throw corrupt(`object ${num} is not where the cross-reference table says (byte ${offset})`);
    lx.pos += n.length;
    const gen = lx.peekWord();
    if (gen === undefined || !/^\d+$/.test(gen)) throw corrupt(`object ${num} has no generation number`);
    lx.pos += gen.length;
    lx.expectWord('obj');
    const value = lx.readValue();
    const obj: PdfObject = { num, offset, value };
    if (isDict(value) && lx.peekWord() === 'stream') {
      lx.pos += 'stream'.length;
      if (this.text[lx.pos] === '\r') lx.pos++;
      if (this.text[lx.pos] === '\n') lx.pos++;
      const start = lx.pos;
      const declared = value.get('Length');
      // An indirect length is read from the same revision, never from a later one.
      const length = declared instanceof PdfRef ? this.resolve(declared, state) : declared;
      let end = typeof length === 'number' ? start + length : -1;
      if (end < start || end > this.text.length || !/^\s*endstream/.test(this.text.slice(end, end + 20))) {
        end = this.text.indexOf('endstream', start);
        if (end < 0) throw corrupt(`the stream of object ${num} has no end`);
      }
      obj.stream = this.text.slice(start, end);
    }
    return obj;
  }
}

function stateOf(sections: readonly XrefSection[]): XrefState {
  const state: XrefState = new Map();
  for (const s of sections) {
    for (const n of s.freed) state.delete(n);
    for (const [n, off] of s.used) state.set(n, off);
  }
  return state;
}

function readSection(text: string, offset: number): XrefSection {
  if (!text.startsWith('xref', offset)) {
    if (/^\d+\s+\d+\s+obj/.test(text.slice(offset, offset + 32))) {
      throw new MinutaError('invalid', 'This PDF uses cross-reference streams, which Minuta does not write: it was saved by another program');
    }
    throw corrupt(`no cross-reference table at byte ${offset}`);
  }
  const used = new Map<number, number>();
  const freed = new Set<number>();
  const lx = new Lexer(text, offset + 4);
  for (;;) {
    const first = lx.peekWord();
    if (first === 'trailer') break;
    if (first === undefined || !/^\d+$/.test(first)) throw corrupt(`a broken cross-reference table at byte ${lx.pos}`);
    lx.pos += first.length;
    const count = lx.peekWord();
    if (count === undefined || !/^\d+$/.test(count)) throw corrupt(`a broken cross-reference table at byte ${lx.pos}`);
    lx.pos += count.length;
    lx.skipSpace();
    for (let i = 0; i < Number(count); i++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(text.slice(lx.pos, lx.pos + 18));
      if (!entry) throw corrupt(`a broken cross-reference entry at byte ${lx.pos}`);
      const num = Number(first) + i;
      if (entry[3] === 'n') used.set(num, Number(entry[1]));
      else if (num !== 0) freed.add(num);
      lx.pos += 18;
      lx.skipSpace();
    }
  }
  lx.expectWord('trailer');
  const trailer = lx.readValue();
  if (!isDict(trailer)) throw corrupt('the trailer is not a dictionary');
  return { offset, used, freed, trailer };
}
