import { MinutaError, excerpt } from '../../../shared/errors';

/**
 * PDF object syntax (ISO 32000-1, 7.3): a reader for the values of one object and a writer for the
 * ones we append. The file is held as a latin1 string, so one character is one byte and string
 * offsets are file offsets (as in export/pdf/incremental.ts).
 *
 * Only what signing and verifying need: no decompression, no object streams. Values keep enough to
 * be written back unchanged in meaning (a widget gains /V and /AP and is otherwise the same object).
 */

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A string's bytes (latin1: one char per byte); `hex` records how it was written. */
export class PdfString {
  constructor(
    readonly bytes: string,
    readonly hex = false,
  ) {}
  /** A text string: UTF-16BE with a byte order mark, or (near enough) PDFDocEncoding. */
  text(): string {
    const b = this.bytes;
    if (b.charCodeAt(0) === 0xfe && b.charCodeAt(1) === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode((b.charCodeAt(i) << 8) | b.charCodeAt(i + 1));
      return s;
    }
    return b;
  }
}
export type PdfDict = Map<string, PdfValue>;
export type PdfValue = null | boolean | number | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;

export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof Map;
export const isName = (v: PdfValue | undefined, name?: string): v is PdfName => v instanceof PdfName && (name === undefined || v.name === name);

const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
/** Deeper nesting than this is no document of ours, and would only exhaust the stack. */
const MAX_DEPTH = 64;

const bad = (what: string, at: number) => new MinutaError('corrupt', `The PDF is malformed: ${what} at byte ${at}`);

export class Lexer {
  constructor(
    readonly text: string,
    public pos: number,
  ) {}

  skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === undefined) return;
      if (WHITESPACE.has(c)) this.pos++;
      else if (c === '%') {
        while (this.pos < t.length && t[this.pos] !== '\n' && t[this.pos] !== '\r') this.pos++;
      } else return;
    }
  }

  /** A regular token (keyword or number) without consuming it, or undefined at a delimiter. */
  peekWord(): string | undefined {
    this.skipSpace();
    let end = this.pos;
    while (end < this.text.length && !WHITESPACE.has(this.text[end]!) && !DELIMITERS.has(this.text[end]!)) end++;
    return end > this.pos ? this.text.slice(this.pos, end) : undefined;
  }

  expectWord(word: string): void {
    const w = this.peekWord();
    if (w !== word) throw bad(`expected "${word}", found "${excerpt(w ?? this.text.slice(this.pos, this.pos + 12), 12)}"`, this.pos);
    this.pos += word.length;
  }

  readValue(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw bad('objects nested too deeply', this.pos);
    this.skipSpace();
    const t = this.text;
    const c = t[this.pos];
    if (c === undefined) throw bad('unexpected end of file', this.pos);
    if (c === '/') return this.readName();
    if (c === '(') return this.readLiteralString();
    if (c === '<') {
      if (t[this.pos + 1] === '<') return this.readDict(depth);
      return this.readHexString();
    }
    if (c === '[') {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (t[this.pos] === ']') {
          this.pos++;
          return items;
        }
        items.push(this.readValue(depth + 1));
      }
    }
    const word = this.peekWord();
    if (word === undefined) throw bad(`unexpected "${excerpt(c, 4)}"`, this.pos);
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos += word.length;
      return word === 'null' ? null : word === 'true';
    }
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) throw bad(`unexpected "${excerpt(word, 12)}"`, this.pos);
    this.pos += word.length;
    // An integer may start a reference: "12 0 R".
    if (/^\d+$/.test(word)) {
      const save = this.pos;
      const gen = this.peekWord();
      if (gen !== undefined && /^\d+$/.test(gen)) {
        this.pos += gen.length;
        if (this.peekWord() === 'R') {
          this.pos++;
          return new PdfRef(Number(word), Number(gen));
        }
      }
      this.pos = save;
    }
    return Number(word);
  }

  private readName(): PdfName {
    const t = this.text;
    let end = ++this.pos;
    while (end < t.length && !WHITESPACE.has(t[end]!) && !DELIMITERS.has(t[end]!)) end++;
    const raw = t.slice(this.pos, end);
    this.pos = end;
    return new PdfName(raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  }

  private readDict(depth: number): PdfDict {
    this.pos += 2;
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('>>', this.pos)) {
        this.pos += 2;
        return dict;
      }
      const key = this.readValue(depth + 1);
      if (!(key instanceof PdfName)) throw bad('a dictionary key that is not a name', this.pos);
      dict.set(key.name, this.readValue(depth + 1));
    }
  }

  private readHexString(): PdfString {
    const close = this.text.indexOf('>', this.pos);
    if (close < 0) throw bad('unterminated hex string', this.pos);
    const hex = this.text.slice(this.pos + 1, close).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(hex)) throw bad('a hex string with other characters', this.pos);
    this.pos = close + 1;
    let bytes = '';
    const even = hex.length % 2 ? `${hex}0` : hex;
    for (let i = 0; i < even.length; i += 2) bytes += String.fromCharCode(parseInt(even.slice(i, i + 2), 16));
    return new PdfString(bytes, true);
  }

  private readLiteralString(): PdfString {
    const t = this.text;
    let i = this.pos + 1;
    let nest = 1;
    let out = '';
    const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    while (i < t.length) {
      const c = t[i]!;
      if (c === '\\') {
        const d = t[i + 1];
        if (d === undefined) break;
        if (escapes[d] !== undefined) {
          out += escapes[d];
          i += 2;
        } else if (/[0-7]/.test(d)) {
          const oct = /^[0-7]{1,3}/.exec(t.slice(i + 1, i + 4))![0];
          out += String.fromCharCode(parseInt(oct, 8) & 0xff);
          i += 1 + oct.length;
        } else if (d === '\r' || d === '\n') {
          i += d === '\r' && t[i + 2] === '\n' ? 3 : 2;
        } else {
          out += d;
          i += 2;
        }
        continue;
      }
      if (c === '(') nest++;
      else if (c === ')' && --nest === 0) {
        this.pos = i + 1;
        return new PdfString(out);
      }
      out += c;
      i++;
    }
    throw bad('unterminated string', this.pos);
  }
}

/** A number as PDF writes it: never in exponent notation, at most 5 decimals. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new MinutaError('internal', 'A PDF number must be finite');
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(5).replace(/0+$/, '').replace(/\.$/, '');
}

function formatName(name: string): string {
  let out = '/';
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    out += code < 0x21 || code > 0x7e || DELIMITERS.has(ch) || ch === '#' ? `#${code.toString(16).padStart(2, '0').toUpperCase()}` : ch;
  }
  return out;
}

/** Writes a value as ASCII (strings as hex), so that what we append never holds raw binary. */
export function serialize(v: PdfValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (v instanceof PdfName) return formatName(v.name);
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (v instanceof PdfString) {
    let hex = '';
    for (let i = 0; i < v.bytes.length; i++) hex += v.bytes.charCodeAt(i).toString(16).padStart(2, '0').toUpperCase();
    return `<${hex}>`;
  }
  if (Array.isArray(v)) return `[${v.map(serialize).join(' ')}]`;
  return `<<${[...v].map(([k, val]) => `${formatName(k)} ${serialize(val)}`).join(' ')}>>`;
}

/** A PDF text string for any Unicode text: UTF-16BE with a byte order mark. */
export function textString(s: string): PdfString {
  let bytes = '\xfe\xff';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bytes += String.fromCharCode(c >> 8, c & 0xff);
  }
  return new PdfString(bytes, true);
}

/** D:YYYYMMDDHHmmSS+00'00' (ISO 32000-1, 7.9.4), in UTC. */
export function pdfDateString(d: Date): PdfString {
  const p = (n: number) => String(n).padStart(2, '0');
  return new PdfString(`D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`);
}

/** Reads a PDF date (D:YYYYMMDDHHmmSSOHH'mm'); undefined when it is not one. */
export function parsePdfDate(s: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(s);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const offset = (Number(oh) * 60 + Number(om)) * 60_000;
  const t = sign === '+' ? utc - offset : sign === '-' ? utc + offset : utc;
  return Number.isNaN(t) ? undefined : new Date(t);
}
