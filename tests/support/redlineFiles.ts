import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANGE_COLOURS, type ChangeKind } from '../../src/shared/format';
import { tool } from './exportText';

/**
 * Reading a comparison's files back as their users' tools see them: the redline PDF through MuPDF
 * (each character with its colour: inserted, deleted and moved text are drawn in their own colours),
 * the DOCX through its XML (w:ins, w:del, w:rPrChange), and LibreOffice's reading of the DOCX through
 * the ODT it writes (text:tracked-changes, dc:creator; accept all and reject all computed from the
 * change regions).
 */

export type Marked = Record<ChangeKind, string[]>;

/** Words as these tests count them: split at spaces, punctuation around a word dropped, sorted. */
export function wordsOf(texts: readonly string[]): string[] {
  return texts
    .flatMap((t) => t.split(/\s+/))
    .map((w) => w.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, ''))
    .filter(Boolean)
    .sort();
}

/** Characters with their kind → words: a word ends at a space or where the kind changes. */
function markedWords(chars: Iterable<{ c: string; kind: ChangeKind | undefined }>): Marked {
  const out: Marked = { inserted: [], deleted: [], movedTo: [], movedFrom: [], formatChanged: [] };
  let word = '';
  let kind: ChangeKind | undefined;
  const end = () => {
    if (kind && word) out[kind].push(word);
    word = '';
  };
  for (const ch of chars) {
    if (/\s/.test(ch.c) || ch.kind !== kind) end();
    kind = ch.kind;
    if (!/\s/.test(ch.c)) word += ch.c;
  }
  end();
  for (const k of Object.keys(out) as ChangeKind[]) out[k] = wordsOf(out[k]);
  return out;
}

const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name]!,
  );
const attr = (tag: string, name: string) => decode(new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? '');

/** The redline PDF's words by the colour MuPDF reads for each character. */
export function pdfMarkedWords(pdf: string): Marked {
  // The PDF stores colours as fractions: MuPDF may read #1d4ed8 back as #1c4ed8.
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const palette = Object.entries(CHANGE_COLOURS).map(([k, c]) => ({ kind: k as ChangeKind, rgb: rgb(c) }));
  const kindOf = (hex: string) => {
    if (!/^#[0-9a-f]{6}$/i.test(hex)) return undefined;
    const c = rgb(hex);
    return palette.find((p) => p.rgb.every((v, i) => Math.abs(v - c[i]!) <= 2))?.kind;
  };
  const dir = mkdtempSync(join(tmpdir(), 'minuta-stext-'));
  try {
    const out = join(dir, 'page.xml');
    const r = tool('mutool', 'mupdf-tools', ['draw', '-q', '-F', 'stext', '-o', out, pdf]);
    if (r.code !== 0) throw new Error(`mutool failed: ${r.stderr}`);
    const xml = execFileSync('cat', [out], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const chars: { c: string; kind: ChangeKind | undefined }[] = [];
    // One <line> after another; a line ends a word, unless it breaks the word at a hyphen ("Sub-⏎Region").
    for (const m of xml.matchAll(/<char [^>]*>|<\/line>/g)) {
      if (m[0] === '</line>') {
        if (chars.at(-1)?.c !== '-') chars.push({ c: ' ', kind: undefined });
      }
      else chars.push({ c: attr(m[0], 'c'), kind: kindOf(attr(m[0], 'color')) });
    }
    return markedWords(chars);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const unzip = (file: string, part: string) => execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/**
 * The DOCX's revisions: words inside w:ins, w:del, w:moveFrom, w:moveTo, runs with w:rPrChange; the
 * authors of all of them; the names of the move ranges on each side.
 */
export function docxRevisions(docx: string): Marked & { authors: string[]; paragraphMarks: { inserted: number; deleted: number }; moveRanges: { from: string[]; to: string[] } } {
  const xml = unzip(docx, 'word/document.xml');
  const chars: { c: string; kind: ChangeKind | undefined }[] = [];
  const authors: string[] = [];
  let state: ChangeKind | undefined;
  let runFormatChanged = false;
  const containers: Record<string, ChangeKind> = { 'w:ins': 'inserted', 'w:del': 'deleted', 'w:moveFrom': 'movedFrom', 'w:moveTo': 'movedTo' };
  for (const m of xml.matchAll(/<(\/?)(w:ins|w:del|w:moveFrom|w:moveTo|w:r|w:rPrChange|w:t|w:delText|w:p)\b([^>]*?)(\/?)>([^<]*)/g)) {
    const [, close, tag, attrs, selfClosing, text] = m as unknown as [string, string, string, string, string, string];
    if ((tag in containers || tag === 'w:rPrChange') && !close) authors.push(attr(attrs, 'w:author'));
    if (tag in containers && !selfClosing) state = close ? undefined : containers[tag];
    else if (tag === 'w:r') runFormatChanged = false;
    else if (tag === 'w:rPrChange' && !close) runFormatChanged = true;
    else if ((tag === 'w:t' || tag === 'w:delText') && !close && !selfClosing) {
      const kind = state ?? (runFormatChanged ? 'formatChanged' : undefined);
      for (const c of decode(text)) chars.push({ c, kind });
    } else if (tag === 'w:p' && close) chars.push({ c: ' ', kind: undefined });
  }
  // Paragraph marks that are revisions themselves (a wholly inserted or deleted paragraph): w:pPr/w:rPr/w:ins|w:del.
  const paragraphMarks = { inserted: 0, deleted: 0 };
  for (const m of xml.matchAll(/<w:pPr>((?:(?!<\/w:pPr>).)*)<\/w:pPr>/g)) {
    const rPr = /<w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr>/.exec(m[1]!)?.[1] ?? '';
    if (/<w:ins\b/.test(rPr)) paragraphMarks.inserted++;
    if (/<w:del\b/.test(rPr)) paragraphMarks.deleted++;
  }
  const ranges = (side: string) => [...xml.matchAll(new RegExp(`<w:${side}RangeStart [^>]*w:name="([^"]+)"`, 'g'))].map((m) => m[1]!);
  const moveRanges = { from: ranges('moveFrom'), to: ranges('moveTo') };
  return { ...markedWords(chars), authors, paragraphMarks, moveRanges };
}

export interface OdtChanges {
  regions: { id: string; kind: 'insertion' | 'deletion' | 'format-change'; creator: string }[];
  /** The body's words with every change accepted (as LibreOffice would keep them). */
  accepted: string[];
  /** … and with every change rejected. */
  rejected: string[];
}

/** LibreOffice's tracked changes in an ODT it wrote (content.xml), and the text with all accepted or all rejected. */
export function odtTrackedChanges(odt: Buffer): OdtChanges {
  const dir = mkdtempSync(join(tmpdir(), 'minuta-odt-'));
  try {
    const file = join(dir, 'doc.odt');
    writeFileSync(file, odt);
    const xml = unzip(file, 'content.xml');
    const regions: OdtChanges['regions'] = [];
    const deleted = new Map<string, string>();
    const tracked = /<text:tracked-changes[^>]*>([\s\S]*?)<\/text:tracked-changes>/.exec(xml)?.[1] ?? '';
    for (const m of tracked.matchAll(/<text:changed-region[^>]*text:id="([^"]+)"[^>]*>([\s\S]*?)<\/text:changed-region>/g)) {
      const [, id, inner] = m as unknown as [string, string, string];
      const kind = /<text:(insertion|deletion|format-change)/.exec(inner)![1] as OdtChanges['regions'][number]['kind'];
      regions.push({ id, kind, creator: decode(/<dc:creator>([^<]*)<\/dc:creator>/.exec(inner)?.[1] ?? '') });
      if (kind === 'deletion') {
        const content = inner.replace(/<office:change-info>[\s\S]*?<\/office:change-info>/, '');
        // A deletion inside one paragraph is stored as one <text:p>: its text, without a paragraph break.
        const inline = (content.match(/<text:(p|h)\b/g) ?? []).length === 1;
        deleted.set(id, inline ? textOf(content).replace(/ $/, '') : textOf(content));
      }
    }
    const body = xml.slice(xml.indexOf('<office:text'));
    // Comments (office:annotation, with their own paragraphs) are not the document's text.
    const bodyNoTracked = body.replace(/<text:tracked-changes[\s\S]*?<\/text:tracked-changes>/, '').replace(/<office:annotation(?=[\s>])[\s\S]*?<\/office:annotation>/g, '');
    const inserted = new Set(regions.filter((r) => r.kind === 'insertion').map((r) => r.id));
    let accepted = '';
    let rejected = '';
    const open = new Set<string>();
    for (const m of bodyNoTracked.matchAll(/<(\/?)([\w:-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
      const [, close, tag, attrs, , text] = m as unknown as [string, string, string, string, string, string | undefined];
      if (text !== undefined) {
        const t = decode(text);
        accepted += t;
        if (open.size === 0) rejected += t;
        continue;
      }
      const space = (tag === 'text:p' || tag === 'text:h') && close ? ' ' : tag === 'text:s' || tag === 'text:tab' || tag === 'text:line-break' ? ' ' : '';
      accepted += space;
      rejected += space;
      const id = attr(attrs, 'text:change-id');
      if (tag === 'text:change-start' && inserted.has(id)) open.add(id);
      else if (tag === 'text:change-end') open.delete(id);
      else if (tag === 'text:change' && deleted.has(id)) rejected += deleted.get(id);
    }
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    return { regions, accepted: words(accepted), rejected: words(rejected) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function textOf(xml: string): string {
  return decode(
    xml
      .replace(/<\/text:(p|h)>|<text:(s|tab|line-break)\b[^>]*\/>/g, ' ')
      .replace(/<[^>]+>/g, ''),
  );
}

export interface OdtAnnotation {
  creator: string;
  text: string;
  /** LibreOffice's name for it; a reply names its parent's in loext:parent-name. */
  name: string;
  parent: string;
  resolved: boolean;
}

/** The comments LibreOffice read (office:annotation in content.xml), in document order. */
export function odtAnnotations(odt: Buffer): OdtAnnotation[] {
  const dir = mkdtempSync(join(tmpdir(), 'minuta-odt-'));
  try {
    const file = join(dir, 'doc.odt');
    writeFileSync(file, odt);
    const xml = unzip(file, 'content.xml');
    return [...xml.matchAll(/<office:annotation(?=[\s>])([^>]*)>([\s\S]*?)<\/office:annotation>/g)].map((m) => {
      const [, attrs, inner] = m as unknown as [string, string, string];
      return {
        creator: decode(/<dc:creator>([^<]*)<\/dc:creator>/.exec(inner)?.[1] ?? ''),
        text: textOf(inner.replace(/<dc:[^>]*>[^<]*<\/dc:[^>]*>|<meta:[^>]*>[^<]*<\/meta:[^>]*>/g, '')).replace(/\s+/g, ' ').trim(),
        name: attr(attrs, 'office:name'),
        parent: attr(attrs, 'loext:parent-name'),
        resolved: attr(attrs, 'loext:resolved') === 'true',
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
