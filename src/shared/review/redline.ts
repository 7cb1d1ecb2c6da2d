import { MinutaError } from '../errors';
import type { FootnoteText, Meeting, RichText } from '../minutes';
import { type FormatOptions, type FormatTemplate, layoutMeeting, resolveTemplate, targetNumbers, writeDate, writeDateRange } from '../format/agreed';
import { counterText, labelParts } from '../format/template';
import { blockLines, signatureRuns, tableRuns } from '../format/layout';
import type { ChangeKind, ChangeMark, LayoutBlock, LayoutDocument, LayoutList, Run } from '../format/layout';
import { ALL_SCRIPTS, type Script, splitByScript } from '../format/scripts';
import { fill } from '../format/compose';
import { type Attribution, type Comparison, type FieldChange, type Obj, hasIds, indexIds, isObj, isRichText, isValueKey } from './compare';
import { type Segment, diffRichText } from './words';

/**
 * The redline: a comparison laid out by the agreed format itself, so that it looks exactly like the
 * minutes (same lettering, labels, grid) with the changes marked on it. No second formatter:
 *
 *  1. A merged meeting is built from the newer version, with removed items and the old places of
 *     moved items put back where they were. Every field the comparison marks (and every printed
 *     field of an added, removed or moved item) is replaced by a placeholder: a private-use
 *     character pair around a number, which the format treats as any other neutral character.
 *  2. `layoutMeeting` lays it out like any minutes.
 *  3. Each placeholder in the layout is replaced by the field's segments as runs with change marks,
 *     keeping the bold/italic the format added. A paragraph whose placeholders all belong to added
 *     (removed, moved) items is marked wholly, format words included ("Question (…)", "Session 3:").
 *
 * Dates, session and group numbers and routing kinds, which the format prints through its own
 * words, are marked where their printed form is found. Changes the minutes do not print (the
 * venue's name, a signature's kind, a list's numbering) are listed in the note above the minutes.
 */

export interface RedlineOptions extends FormatOptions {
  /** The two versions as the reader knows them ("Draft 1 circulated 12 June", "revision 7"). */
  labels: { a: string; b: string };
  /** Attribution for marks the comparison has none for. */
  fallback: Attribution & { date: string };
}

/**
 * Placeholder delimiters: private-use characters that neither version contains (minutes text may
 * hold any character, so a pair is chosen per comparison and never taken from the text).
 */
interface Delimiters {
  open: string;
  close: string;
  pattern: RegExp;
}
function delimiters(a: Meeting, b: Meeting): Delimiters {
  const text = JSON.stringify(a) + JSON.stringify(b);
  for (let cp = 0xe000; cp < 0xf8ff; cp += 2) {
    const open = String.fromCharCode(cp);
    const close = String.fromCharCode(cp + 1);
    if (!text.includes(open) && !text.includes(close)) return { open, close, pattern: new RegExp(`${open}([0-9a-z]+)${close}`, 'g') };
  }
  throw new MinutaError('invalid', 'These versions use every private-use character; they cannot be laid out as a redline');
}

type Whole = 'inserted' | 'deleted' | 'movedFrom' | 'movedTo';
type Mode = 'kept' | Whole;

interface Placeholder {
  path: string;
  /** `note`: a footnote hanging on the piece (the newer version's notes, carried by position). */
  /**
   * `note`: a footnote hanging on the piece; `xref`: the piece is (the first of) a cross-reference's
   * text, printed as its target's number (the newer version's, carried by position).
   */
  runs: Array<{ text: string; bold: boolean; italic: boolean; change?: ChangeMark; note?: FootnoteText; xref?: string }>;
  /** Set when the field belongs to an item added, removed or moved as a whole. */
  whole?: Whole;
  seen: boolean;
}

/** A change's own attribution, else the one inherited from its item or block. */
const attributed = (c: FieldChange, inherited: Attribution | undefined): Attribution | undefined =>
  c.author ? { author: c.author, ...(c.date ? { date: c.date } : {}) } : inherited;
const lastKey = (field: string) => field.split(/[.[]/).pop() ?? '';

class Merger {
  readonly placeholders: Placeholder[] = [];
  /** Layout sources (block ids) laid out as a whole change. */
  readonly sources = new Map<string, ChangeMark>();
  private copies = 0;
  /** The id of the item each old-place copy stands for. */
  readonly originals = new Map<string, string>();
  /** The id of the moved item being laid out (both its places carry it, so that they pair up). */
  private move: string | undefined;
  private readonly fields = new Map<string, FieldChange>();
  private readonly who = new Map<string, Attribution>();
  private readonly aIds: ReturnType<typeof indexIds>;

  constructor(
    a: Meeting,
    private readonly comparison: Comparison,
    private readonly fallback: Attribution & { date: string },
    readonly ph: Delimiters,
  ) {
    this.aIds = indexIds(a);
    const add = (f: FieldChange) => {
      this.fields.set(`${f.owner}\u0000${f.field}`, f);
      if (f.field === '' && f.author) this.who.set(f.owner, { author: f.author, ...(f.date ? { date: f.date } : {}) });
    };
    for (const b of comparison.blocks) {
      if (b.author) this.who.set(b.id, { author: b.author, ...(b.date ? { date: b.date } : {}) });
      b.fields.forEach(add);
    }
    comparison.head.forEach(add);
  }

  private mark(kind: ChangeKind, who: Attribution | undefined, before?: ChangeMark['before']): ChangeMark {
    const w = who ?? this.fallback;
    const move = (kind === 'movedFrom' || kind === 'movedTo') && this.move ? { move: this.move } : {};
    return { kind, author: w.author, date: w.date ?? this.fallback.date, ...(before ? { before } : {}), ...move };
  }

  /** Builds the two places of a moved item with the move's name on their marks. */
  private moving<T>(id: string, build: () => T): T {
    const outer = this.move;
    this.move = id;
    try {
      return build();
    } finally {
      this.move = outer;
    }
  }

  private placeholder(p: Omit<Placeholder, 'seen'>): string {
    this.placeholders.push({ ...p, seen: false });
    return `${this.ph.open}${(this.placeholders.length - 1).toString(36)}${this.ph.close}`;
  }

  /** A text field as a placeholder of `segments`, or of the whole value marked `whole`. */
  private text(value: unknown, original: unknown, path: string, segments: readonly Segment[] | undefined, mode: Mode, who: Attribution | undefined): unknown {
    const runs: Placeholder['runs'] = [];
    if (segments) {
      for (const s of segments) {
        const change =
          s.kind === 'inserted'
            ? this.mark('inserted', who)
            : s.kind === 'deleted'
              ? this.mark('deleted', who)
              : s.kind === 'formatChanged'
                ? this.mark('formatChanged', who, s.before)
                : mode === 'movedTo'
                  ? this.mark('movedTo', who)
                  : undefined;
        runs.push({ text: s.text, bold: s.marks.bold, italic: s.marks.italic, ...(change ? { change } : {}) });
      }
      hangOnPieces(runs, isRichText(value) ? value : []);
    } else {
      const rt: RichText = typeof value === 'string' ? [{ text: value }] : isRichText(value) ? value : [];
      const change = mode === 'kept' ? undefined : this.mark(mode, who);
      for (const r of rt) runs.push({ text: r.text, bold: r.bold === true, italic: r.italic === true, ...(change ? { change } : {}), ...(r.footnote ? { note: r.footnote } : {}), ...(r.xref !== undefined ? { xref: r.xref } : {}) });
    }
    if (runs.length === 0) return value;
    const ph = this.placeholder({ path, runs, ...(mode !== 'kept' ? { whole: mode } : {}) });
    // Keep the field's shape: a string stays a string, rich text stays rich text.
    return typeof (original ?? value) === 'string' ? ph : [{ text: ph }];
  }

  /** One field of an item on both sides (`mode` kept or movedTo). */
  private field(a: unknown, b: unknown, owner: string, field: string, path: string, mode: 'kept' | 'movedTo', who: Attribution | undefined, ownerType: string | undefined): unknown {
    const change = this.fields.get(`${owner}\u0000${field}`);
    const key = lastKey(field);
    if (hasIds(a) || hasIds(b)) return this.list((a as Obj[] | undefined) ?? [], (b as Obj[] | undefined) ?? [], owner, field, path, mode, who);
    const texty = (v: unknown) => (typeof v === 'string' && !isValueKey(key, ownerType)) || isRichText(v);
    if (change?.kind === 'text') return this.text(b, b ?? a, path, change.segments, mode, attributed(change, who));
    if (texty(b) || (b === undefined && texty(a))) return mode === 'movedTo' ? this.text(b, b, path, undefined, 'movedTo', who) : b;
    if (Array.isArray(a) || Array.isArray(b)) {
      if (key.endsWith('Ids')) return b;
      const aa = (a as unknown[] | undefined) ?? [];
      const bb = (b as unknown[] | undefined) ?? [];
      const out: unknown[] = [];
      for (let i = 0; i < Math.max(aa.length, bb.length); i++) {
        const sub = `${field}[${i}]`;
        const c = this.fields.get(`${owner}\u0000${sub}`);
        if (c?.kind === 'added') out.push(this.whole(bb[i], `${path}[${i}]`, 'inserted', attributed(c, who), ownerType, key));
        else if (c?.kind === 'removed') out.push(this.whole(aa[i], `${path}[${i}]`, 'deleted', attributed(c, who), ownerType, key));
        else out.push(this.field(aa[i], bb[i], owner, sub, `${path}[${i}]`, mode, who, ownerType));
      }
      return out;
    }
    // An object (not an item with an id) on one side only, e.g. a corrigendum's reference removed from
    // the title block: it is printed whole, as deleted or inserted, ids and all (a ghost missing its
    // ids would not be a valid document for the format).
    if (isObj(a) && b === undefined) return this.whole(a, path, 'deleted', change ? attributed(change, who) : who, ownerType, key);
    if (isObj(b) && a === undefined) return this.whole(b, path, 'inserted', change ? attributed(change, who) : who, ownerType, key);
    if (isObj(a) || isObj(b)) {
      const ao = isObj(a) ? a : {};
      const bo = isObj(b) ? b : {};
      const out: Obj = {};
      for (const k of new Set([...Object.keys(bo), ...Object.keys(ao)])) {
        const v = this.field(ao[k], bo[k], owner, `${field}.${k}`, `${path}.${k}`, mode, who, ownerType);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    return b;
  }

  /** An item present on both sides. */
  item(a: Obj, b: Obj, path: string, mode: 'kept' | 'movedTo', inherited: Attribution | undefined): Obj {
    const id = b['id'] as string;
    const who = this.who.get(id) ?? inherited;
    const type = typeof b['type'] === 'string' ? (b['type'] as string) : undefined;
    const out: Obj = {};
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (k === 'id') {
        out[k] = id;
        continue;
      }
      const v = this.field(a[k], b[k], id, k, `${path}.${k}`, mode, who, type);
      if (v !== undefined) out[k] = v;
    }
    if (mode === 'movedTo' && typeof b['type'] === 'string') this.sources.set(id, this.mark('movedTo', who));
    return out;
  }

  /** A value of an item that is added, removed or moved as a whole: every printed word marked `kind`. */
  private whole(v: unknown, path: string, kind: Whole, who: Attribution | undefined, ownerType: string | undefined, key: string): unknown {
    if (typeof v === 'string') return isValueKey(key, ownerType) ? v : this.text(v, v, path, undefined, kind, who);
    if (isRichText(v)) return this.text(v, v, path, undefined, kind, who);
    if (hasIds(v)) return v.map((x) => this.wholeItem(x, `${path}[${String(x['id'])}]`, kind, who));
    if (Array.isArray(v)) return v.map((x, i) => this.whole(x, `${path}[${i}]`, kind, who, ownerType, key));
    if (isObj(v)) {
      const out: Obj = {};
      for (const [k, x] of Object.entries(v)) out[k] = this.whole(x, `${path}.${k}`, kind, who, ownerType, k);
      return out;
    }
    return v;
  }

  /**
   * An item wholly added, removed or at its old place. Inside, an item that moved keeps its own
   * story: at its old place inside a removed block it is "moved from", inside an added one "moved to".
   */
  private wholeItem(x: Obj, path: string, kind: Whole, inherited: Attribution | undefined): Obj {
    const id = x['id'] as string;
    const info = this.comparison.items.get(id);
    const who = this.who.get(id) ?? inherited;
    if (info?.kind === 'moved' && kind === 'inserted') return this.moving(id, () => this.item(this.aIds.get(id)!.value, x, path, 'movedTo', who));
    if (info?.kind === 'moved' && (kind === 'deleted' || kind === 'movedFrom') && this.move !== id) return this.moving(id, () => this.wholeItem(x, path, 'movedFrom', inherited));
    const own: Whole = info?.kind === 'moved' && kind === 'deleted' ? 'movedFrom' : kind;
    const type = typeof x['type'] === 'string' ? (x['type'] as string) : undefined;
    const out: Obj = {};
    for (const [k, v] of Object.entries(x)) out[k] = k === 'id' ? v : this.whole(v, `${path}.${k}`, own, who, type, k);
    // The old place of a moved item is a copy: it needs ids of its own (they must stay unique).
    if (own === 'movedFrom') {
      out['id'] = `${id.slice(0, id.indexOf('_'))}_movedfrom${++this.copies}`;
      this.originals.set(out['id'] as string, id);
    }
    if (type) this.sources.set(out['id'] as string, this.mark(own, who));
    return out;
  }

  /** A list of items with ids: the newer order, with removed items and old places put back. */
  list(a: Obj[], b: Obj[], owner: string, field: string, path: string, mode: 'kept' | 'movedTo', who: Attribution | undefined): Obj[] {
    const items = this.comparison.items;
    const inB = new Set(b.map((x) => x['id'] as string));
    const kept = (id: string) => inB.has(id) && items.get(id)?.kind !== 'moved';
    const byId = new Map(a.map((x) => [x['id'] as string, x]));
    const ghostsAfter = new Map<string, Obj[]>();
    let anchor = '';
    for (const x of a) {
      const id = x['id'] as string;
      if (kept(id)) {
        anchor = id;
        continue;
      }
      const info = items.get(id);
      const here = info?.kind === 'removed' || (info?.kind === 'moved' && info.from?.parent === owner && info.from.list === field);
      if (!here) continue;
      const list = ghostsAfter.get(anchor) ?? [];
      list.push(this.wholeItem(x, `${path}[${id}]`, info!.kind === 'removed' ? 'deleted' : 'movedFrom', who));
      ghostsAfter.set(anchor, list);
    }
    const out: Obj[] = [...(ghostsAfter.get('') ?? [])];
    for (const x of b) {
      const id = x['id'] as string;
      const info = items.get(id);
      if (info?.kind === 'added') out.push(this.wholeItem(x, `${path}[${id}]`, 'inserted', who));
      else if (info?.kind === 'moved') out.push(this.moving(id, () => this.item(this.aIds.get(id)!.value, x, `${path}[${id}]`, 'movedTo', who)));
      else out.push(this.item(byId.get(id) ?? x, x, `${path}[${id}]`, mode, who));
      if (kept(id)) out.push(...(ghostsAfter.get(id) ?? []));
    }
    return out;
  }

  /** The meeting's own fields (the head and the body) merged. */
  meeting(a: Meeting, b: Meeting): Meeting {
    const out: Obj = {};
    const ao = a as unknown as Obj;
    const bo = b as unknown as Obj;
    for (const k of new Set([...Object.keys(bo), ...Object.keys(ao)])) {
      // The comparison is printed in the newer version's format (a change of format is listed in the note).
      if (k === 'format') {
        if (b.format) out[k] = b.format;
        continue;
      }
      out[k] = k === 'id' ? b.id : this.field(ao[k], bo[k], 'meeting', k, k, 'kept', undefined, undefined);
    }
    return out as unknown as Meeting;
  }
}

/**
 * What hangs on the newer version's runs, put on the diff's pieces by position: a footnote that hangs
 * after the k-th character of the newer text goes on the piece that ends there, a cross-reference on
 * the pieces of its run's text (the first printed as the target's number, the others empty). Pieces
 * of the newer text are cut where needed; deleted pieces are not the newer text. A note at the very
 * start hangs on an empty piece.
 */
function hangOnPieces(runs: Placeholder['runs'], after: RichText): void {
  const notes = new Map<number, FootnoteText>();
  const refs: { start: number; end: number; id: string }[] = [];
  let offset = 0;
  for (const r of after) {
    if (r.xref !== undefined) refs.push({ start: offset, end: offset + r.text.length, id: r.xref });
    offset += r.text.length;
    if (r.footnote) notes.set(offset, r.footnote);
  }
  if (notes.size === 0 && refs.length === 0) return;
  const cuts = new Set([...notes.keys(), ...refs.flatMap((x) => [x.start, x.end])]);
  const out: Placeholder['runs'] = [];
  if (notes.has(0)) out.push({ text: '', bold: false, italic: false, note: notes.get(0)! });
  const seen = new Set<(typeof refs)[number]>();
  const place = (piece: Placeholder['runs'][number], from: number, to: number) => {
    const ref = refs.find((x) => from >= x.start && to <= x.end && x.end > x.start);
    if (ref) {
      if (seen.has(ref)) piece.text = '';
      else piece.xref = ref.id;
      seen.add(ref);
    }
    const note = notes.get(to);
    if (note && to > from) piece.note = note;
    out.push(piece);
  };
  let pos = 0;
  for (const r of runs) {
    if (r.change?.kind === 'deleted' || r.change?.kind === 'movedFrom') {
      out.push(r);
      continue;
    }
    let from = 0;
    for (let i = 1; i <= r.text.length; i++) {
      if (cuts.has(pos + i) || i === r.text.length) {
        place({ ...r, text: r.text.slice(from, i) }, pos + from, pos + i);
        from = i;
      }
    }
    pos += r.text.length;
  }
  runs.splice(0, runs.length, ...out);
}

/**
 * Once the placeholders are replaced (some brought notes and references with them): notes numbered
 * again through the document, references printed as their targets' numbers in the merged layout.
 */
function numberNotesAndReferences(blocks: readonly LayoutBlock[], targets: ReadonlyMap<string, string> | undefined): void {
  let n = 0;
  for (const b of blocks) {
    for (const line of blockLines(b)) {
      for (const r of line) {
        if (r.note) r.note.n = ++n;
        const number = r.xref !== undefined ? targets?.get(r.xref) : undefined;
        if (number !== undefined) r.text = number;
      }
    }
  }
}

// ---------------------------------------------------------------- the layout pass

/** Replaces placeholders in runs by marked runs; returns the whole-change kinds met (for paragraph marks). */
function expandRuns(runs: readonly Run[], table: Placeholder[], ph: Delimiters): { runs: Run[]; wholes: (Whole | undefined)[] } {
  const out: Run[] = [];
  const wholes: (Whole | undefined)[] = [];
  for (const r of runs) {
    if (!r.text.includes(ph.open)) {
      out.push(r);
      continue;
    }
    let last = 0;
    const rest = (text: string) => {
      if (text) out.push({ ...r, text });
    };
    for (const m of r.text.matchAll(ph.pattern)) {
      rest(r.text.slice(last, m.index));
      last = m.index + m[0].length;
      const p = table[parseInt(m[1]!, 36)];
      if (!p) continue;
      p.seen = true;
      wholes.push(p.whole);
      for (const seg of p.runs) {
        // A cross-reference is one run, printed as its target's number once the marks are in (numberNotesAndReferences).
        const spans = seg.xref !== undefined ? [{ text: seg.text, script: 'latin' as Script }] : splitByScript(seg.text);
        for (const span of spans) {
          const run: Run = { text: span.text, script: span.script };
          if (r.bold || seg.bold) run.bold = true;
          if (r.italic || seg.italic) run.italic = true;
          if (seg.change) {
            run.change =
              seg.change.kind === 'formatChanged' && seg.change.before
                ? { ...seg.change, before: { bold: Boolean(r.bold) || seg.change.before.bold, italic: Boolean(r.italic) || seg.change.before.italic } }
                : seg.change;
          }
          out.push(run);
        }
        if (seg.xref !== undefined) out.at(-1)!.xref = seg.xref;
        if (seg.note) {
          // On the piece's last run, or an empty run when the note hangs on no text.
          if (seg.text === '') out.push({ text: '', script: 'latin' });
          out.at(-1)!.note = { n: 0, runs: seg.note.flatMap((x) => splitByScript(x.text).map((span) => ({ text: span.text, script: span.script, ...(x.bold ? { bold: true } : {}), ...(x.italic ? { italic: true } : {}) }))) };
        }
      }
    }
    rest(r.text.slice(last));
  }
  return { runs: out, wholes };
}

/** The after-text of a string with placeholders (PDF field names, document properties). */
function resolveText(s: string, table: Placeholder[], ph: Delimiters): string {
  return s.replace(ph.pattern, (_, n: string) => {
    const p = table[parseInt(n, 36)];
    return p ? p.runs.filter((r) => r.change?.kind !== 'deleted' && r.change?.kind !== 'movedFrom').map((r) => r.text).join('') : '';
  });
}

interface Marked {
  runs: Run[];
  change?: ChangeMark;
}

class Marker {
  constructor(
    private readonly table: Placeholder[],
    private readonly sources: Map<string, ChangeMark>,
    private readonly ph: Delimiters,
  ) {}

  /**
   * Expands a paragraph's runs; marks the paragraph (and its format words) when it is wholly an
   * added, removed or moved item, or belongs to such a block.
   */
  paragraph<T extends Marked>(p: T, blockMark: ChangeMark | undefined): T {
    const { runs, wholes } = expandRuns(p.runs, this.table, this.ph);
    p.runs = runs;
    let mark = blockMark;
    if (!mark && wholes.length > 0 && wholes.every((w) => w !== undefined && w === wholes[0])) {
      mark = runs.find((r) => r.change?.kind === wholes[0])?.change ?? runs.find((r) => r.change)?.change;
    }
    if (mark && (mark.kind === 'inserted' || mark.kind === 'deleted' || mark.kind === 'movedFrom' || mark.kind === 'movedTo')) {
      p.change = { kind: mark.kind, author: mark.author, date: mark.date };
      for (const r of runs) if (!r.change && r.text !== '') r.change = p.change;
    }
    return p;
  }

  lines(rs: Run[], blockMark: ChangeMark | undefined): Run[] {
    return this.paragraph({ runs: rs }, blockMark).runs;
  }

  list(l: LayoutList, blockMark: ChangeMark | undefined): void {
    for (const it of l.items) {
      this.paragraph(it, blockMark);
      for (const c of it.children) {
        if (c.kind === 'list') this.list(c, blockMark);
        else this.paragraph(c, blockMark);
      }
    }
  }

  block(b: LayoutBlock): void {
    const mark = b.source !== undefined ? this.sources.get(b.source) : undefined;
    switch (b.kind) {
      case 'title':
        b.lines.forEach((l) => this.paragraph(l, mark));
        break;
      case 'heading':
      case 'paragraph':
        this.paragraph(b, mark);
        break;
      case 'list':
        this.list(b, mark);
        break;
      case 'signatures':
        for (const c of b.cells) {
          if (c.party) c.party = this.lines(c.party, mark);
          c.role = this.lines(c.role, mark);
          c.name = this.lines(c.name, mark);
          c.titleLines = c.titleLines.map((l) => this.lines(l, mark));
          if (c.placeDate) c.placeDate = this.lines(c.placeDate, mark);
          c.field = resolveText(c.field, this.table, this.ph);
        }
        break;
      case 'routing':
        for (const s of b.steps) {
          s.headline = this.lines(s.headline, mark);
          s.placeDate = this.lines(s.placeDate, mark);
          s.signerRole = this.lines(s.signerRole, mark);
        }
        break;
      case 'table':
        for (const r of b.rows) r.cells = r.cells.map((c) => this.lines(c, mark));
        break;
    }
  }
}

function usedScripts(blocks: readonly LayoutBlock[], before: readonly Script[]): Script[] {
  const used = new Set<Script>(before);
  const add = (rs: readonly Run[]) => rs.forEach((r) => used.add(r.script));
  const walk = (l: LayoutList) =>
    l.items.forEach((it) => {
      add(it.runs);
      it.children.forEach((c) => (c.kind === 'list' ? walk(c) : add(c.runs)));
    });
  for (const b of blocks) {
    if (b.kind === 'title') b.lines.forEach((l) => add(l.runs));
    else if (b.kind === 'heading' || b.kind === 'paragraph') add(b.runs);
    else if (b.kind === 'list') walk(b);
    else if (b.kind === 'signatures') b.cells.forEach((c) => signatureRuns(c).forEach(add));
    else if (b.kind === 'table') tableRuns(b).forEach(add);
    else b.steps.forEach((s) => [s.headline, s.placeDate, s.signerRole].forEach(add));
  }
  return ALL_SCRIPTS.filter((s) => used.has(s));
}

/** How the format prints a value, before and after: a session's or group's number, a date. */
function printedValue(blockType: string, f: FieldChange, t: FormatTemplate): { before: string; after: string } | undefined {
  const key = f.field.split(/[.[]/).pop();
  if (!f.before || !f.after) return undefined;
  if (key === 'number' && f.field === 'number' && (blockType === 'session' || blockType === 'group')) {
    const tpl = blockType === 'session' ? t.session : t.group;
    return { before: fill(tpl, { n: f.before }), after: fill(tpl, { n: f.after }) };
  }
  if (key === 'kind' && blockType === 'routing' && f.before in t.routing && f.after in t.routing) {
    // "Submitted to …" ↔ "Seen, and submitted to …": the words the template prints without any value.
    const lead = (k: string) => fill(t.routing[k as keyof FormatTemplate['routing']], {});
    return { before: lead(f.before), after: lead(f.after) };
  }
  if (key === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(f.before) && /^\d{4}-\d{2}-\d{2}$/.test(f.after)) {
    return { before: writeDate(f.before, t), after: writeDate(f.after, t) };
  }
  return undefined;
}

/** Every list of runs a block prints (its lines, items, cells), to look a printed value up in. */
function runListsOf(blocks: readonly LayoutBlock[]): Run[][] {
  const out: Run[][] = [];
  const walk = (l: LayoutList) =>
    l.items.forEach((it) => {
      out.push(it.runs);
      it.children.forEach((c) => (c.kind === 'list' ? walk(c) : out.push(c.runs)));
    });
  for (const b of blocks) {
    if (b.kind === 'title') b.lines.forEach((l) => out.push(l.runs));
    else if (b.kind === 'heading' || b.kind === 'paragraph') out.push(b.runs);
    else if (b.kind === 'list') walk(b);
    else if (b.kind === 'signatures') b.cells.forEach((c) => out.push(...signatureRuns(c)));
    else if (b.kind === 'table') out.push(...tableRuns(b));
    else b.steps.forEach((st) => out.push(st.headline, st.placeDate, st.signerRole));
  }
  return out;
}

/**
 * Replaces the printed `after` inside an unmarked run by the word difference of `before` and `after`
 * (in place). False when the runs do not print it.
 */
function markValue(runs: Run[], before: string, after: string, mark: ChangeMark, locale: string): boolean {
  const i = runs.findIndex((r) => !r.change && r.text.includes(after));
  if (i < 0) return false;
  const r = runs[i]!;
  const at = r.text.indexOf(after);
  const out: Run[] = [];
  if (at > 0) out.push({ ...r, text: r.text.slice(0, at) });
  for (const seg of diffRichText([{ text: before }], [{ text: after }], locale)) {
    const change: ChangeMark | undefined = seg.kind === 'inserted' ? mark : seg.kind === 'deleted' ? { ...mark, kind: 'deleted' } : undefined;
    out.push({ ...r, text: seg.text, ...(change ? { change } : {}) });
  }
  if (at + after.length < r.text.length) out.push({ ...r, text: r.text.slice(at + after.length) });
  runs.splice(i, 1, ...out);
  return true;
}

/**
 * Section letters come from the order of sections, and the merged document holds the sections of
 * both versions: each heading gets the letter it has in its own version, and a kept section whose
 * letter changed (a section added or removed before it) shows the change ("~~C~~B. CLOSING").
 */
function letterSections(blocks: readonly LayoutBlock[], a: Meeting, b: Meeting, merger: Merger, t: FormatTemplate, fallback: Attribution & { date: string }): void {
  const style = t.headings.section;
  if (style === 'none') return;
  // The number alone changes ("~~A~~B. PROCEEDINGS"); its punctuation ("A.", "(a)") and the label's words stay.
  const letter = (i: number) => counterText(style, i + 1);
  const lettersOf = (m: Meeting) => new Map(m.body.filter((x) => x.type === 'section').map((x, i) => [x.id, letter(i)]));
  const [inA, inB] = [lettersOf(a), lettersOf(b)];
  // "{letter} {heading}": what the format prints before and after the number.
  const [lead = '', trail = ''] = t.sectionLabel.split('{heading}')[0]!.split('{letter}');
  const { before, after } = labelParts(style);
  const [pre, post] = [lead + before, after + trail];
  let i = 0;
  for (const block of blocks) {
    if (block.kind !== 'heading' || block.level !== 1 || block.source === undefined) continue;
    const printed = `${pre}${letter(i++)}${post}`;
    const first = block.runs[0];
    if (!first || !first.text.startsWith(printed)) continue;
    const id = merger.originals.get(block.source) ?? block.source;
    const whole = merger.sources.get(block.source)?.kind;
    const before = whole === 'inserted' || whole === 'movedTo' ? undefined : inA.get(id);
    const after = whole === 'deleted' || whole === 'movedFrom' ? undefined : inB.get(id);
    const shown = after ?? before ?? letter(i - 1);
    if ((before === undefined || after === undefined || before === after) && shown === letter(i - 1)) continue;
    const piece = (text: string, kind?: ChangeKind): Run =>
      kind ? { ...first, text, change: { kind, author: fallback.author, date: fallback.date } } : { ...first, text };
    const runs: Run[] = [];
    if (pre) runs.push(piece(pre));
    if (before !== undefined && after !== undefined && before !== after) runs.push(piece(before, 'deleted'), piece(after, 'inserted'));
    else runs.push(piece(shown));
    runs.push(piece(post + first.text.slice(printed.length)));
    block.runs.splice(0, 1, ...runs.filter((r) => r.text !== ''));
  }
}

export const REDLINE_LEGEND =
  'Inserted text is underlined in blue, deleted text struck through in red, moved text in green (struck through where it was, double-underlined where it is now), ' +
  'formatting changes underlined with dots in purple; a bar in the margin marks every changed line.';

/** The comparison as minutes laid out by the agreed format, with its changes marked. */
export async function layoutRedline(a: Meeting, b: Meeting, comparison: Comparison, options: RedlineOptions): Promise<LayoutDocument> {
  const merger = new Merger(a, comparison, options.fallback, delimiters(a, b));
  const merged = merger.meeting(a, b);
  const layout = await layoutMeeting(merged, options);
  const marker = new Marker(merger.placeholders, merger.sources, merger.ph);
  for (const block of layout.blocks) marker.block(block);
  letterSections(layout.blocks, a, b, merger, resolveTemplate(b, options.template), options.fallback);
  numberNotesAndReferences(layout.blocks, targetNumbers(layout));
  // The fingerprint and properties are the newer version's: the redline is a view of it.
  const after = await layoutMeeting(b, options);
  const notes: string[] = [];
  const t = resolveTemplate(b, options.template);
  const who = (f: FieldChange): ChangeMark => ({ kind: 'inserted', author: f.author ?? options.fallback.author, date: f.date ?? options.fallback.date });
  // Dates and numbers the format prints ("Session 4: ", "12 June 2026"): marked where printed.
  const dates = comparison.head.filter((f) => f.kind === 'value' && (f.path === 'dates.start' || f.path === 'dates.end'));
  if (dates.length) {
    const title = layout.blocks.find((x) => x.kind === 'title');
    const line = title?.kind === 'title' ? title.lines.find((l) => l.role === 'date') : undefined;
    if (!line || !markValue(line.runs, writeDateRange(a.dates.start, a.dates.end, t), writeDateRange(b.dates.start, b.dates.end, t), who(dates[0]!), b.language)) {
      dates.forEach((f) => notes.push(`${f.path}: ${f.before || '(none)'} → ${f.after || '(none)'}`));
    }
  }
  for (const f of comparison.head) {
    if (f.kind === 'value' && !dates.includes(f)) notes.push(`${f.path}: ${f.before || '(none)'} → ${f.after || '(none)'}`);
  }
  for (const bc of comparison.blocks) {
    for (const f of bc.fields) {
      if (f.kind !== 'value') continue;
      const printed = printedValue(bc.type, f, t);
      const runLists = printed ? runListsOf(layout.blocks.filter((x) => x.source === bc.id)) : [];
      if (printed && runLists.some((rs) => markValue(rs, printed.before, printed.after, who(f), b.language))) continue;
      notes.push(`${bc.path} › ${f.path}: ${f.before || '(none)'} → ${f.after || '(none)'}`);
    }
  }
  // A field of a kept item that the minutes do not print. (An added, removed or moved item is marked
  // where it is printed; its unprinted fields go with it.)
  for (const p of merger.placeholders) {
    if (p.seen || p.whole) continue;
    const before = p.runs.filter((r) => r.change?.kind !== 'inserted' && r.change?.kind !== 'movedTo').map((r) => r.text).join('');
    const now = p.runs.filter((r) => r.change?.kind !== 'deleted' && r.change?.kind !== 'movedFrom').map((r) => r.text).join('');
    if (before !== now) notes.push(`${p.path}: ${before || '(none)'} → ${now || '(none)'}`);
  }
  return {
    ...layout,
    meta: { ...after.meta, title: `Comparison: ${after.meta.title}` },
    furniture: after.furniture,
    scripts: usedScripts(layout.blocks, layout.scripts),
    comparison: { heading: `Comparison of ${options.labels.a} and ${options.labels.b}`, legend: REDLINE_LEGEND, notes },
  };
}
