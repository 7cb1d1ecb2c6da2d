import { diffArrays } from 'diff';
import { MinutaError } from '../errors';
import { layoutContent } from '../format/agreed';
import { Id, LIMITS, type Meeting, type Person, type RichText, type TextRun, documentBlocks, personDisplayName } from '../minutes';
import { COMMENT_LIMITS, type CommentEntry, type CommentThread } from '../minutes/comments';
import { BODY_CONTAINER, type ReviewChange, SUGGESTION_LIMITS, Suggestion } from '../minutes/reviewSuggestions';
import { itemQuote } from './applyChanges';
import { bookmarkName } from './bookmarks';
import { DELETED, type FileRun, type Group, type Hunk, type Line, type Para, bigrams, blockLines, fromAt, makeLine, normText } from './docxLines';
import { type Obj, indexIds, isObj } from './compare';
import type { DocxComment, DocxParagraph, DocxRevision, ReviewedDocx } from './reviewedDocx';

/**
 * A reviewed copy mapped back onto the minutes: every change the reviewer made becomes a suggestion on
 * the field, element or block it touches, every comment thread a thread anchored where it stands.
 *
 *  1. `base` (the version the copy shows: its MinutaRevision, not MinutaBaseRevision — a copy's own
 *     redline of the changes since its base, accepted, is that version) is laid out with provenance: each run of model text
 *     knows its object id, field path and offset (format/layout.ts `RunSource`); generated words
 *     ("A.", "Session 1:", "Lao:") know nothing.
 *  2. The file's paragraphs are grouped by the block bookmark the copy put around each block. A
 *     paragraph without one belongs with the bookmarked block before it; a block whose bookmark is
 *     gone (its text retyped untracked) is looked for in the group before it.
 *  3. In each group, the base's printed lines are aligned with the file's text *as accepted* (every
 *     tracked change accepted): similar lines pair up, the rest are lines removed or paragraphs added.
 *     Paired lines are compared word by word (Intl.Segmenter: Khmer, Lao, Burmese and Thai write no
 *     spaces); each contiguous difference is one change on the field its base words came from.
 *  4. Attribution comes last: a difference over tracked revisions takes the revision's author and
 *     date; one over plain text is untracked, by the file's last author. Because changes are found by
 *     comparing texts, a copy reviewed with tracking off gives the same changes as one tracked.
 *
 * What cannot be placed in the model (words in generated text, a line of mixed generated and typed
 * text removed, a paragraph added where no list or container takes it) becomes an `unplaced` change
 * near its block: shown, never dropped, never applied.
 */

export type IdKind = 'suggestion' | 'thread' | 'comment' | 'block' | 'bullet';

export interface FromDocxOptions {
  /** The ReviewImport the suggestions belong to. */
  importId: string;
  /** Who made untracked changes: the file's last author (core lastModifiedBy, else creator). */
  reviewer: string;
  /** New ids (tests pass a counter, the app `newId`), by what they name. */
  newId: (kind: IdKind) => string;
  /** ISO time in UTC, for comments without a date (the import's time). */
  now: () => string;
  /** Who's who, to match authors to organisations and delegations; default: the base's register. */
  register?: Register;
  /**
   * Revisions the copy already carried when made (a review copy's own redline of the changes since its
   * base): they are never a reviewer's, so they attribute nothing. Default: none.
   */
  isCopyRevision?: (r: DocxRevision) => boolean;
}

export interface Register {
  people: readonly Person[];
  delegations: readonly { id: string; country: string; headPersonId?: string | undefined }[];
}

export interface DocxMapping {
  /** Every change, status 'open', in document order. */
  suggestions: Suggestion[];
  threads: CommentThread[];
  /** How many suggestions are unplaced. */
  unplaced: number;
  /** How many suggestions were found by comparing texts (tracked: false). */
  untracked: number;
}

// ---------------------------------------------------------------- the mapper

export function suggestionsFromDocx(doc: ReviewedDocx, base: Meeting, options: FromDocxOptions): DocxMapping {
  if (!Id.safeParse(options.importId).success) throw new MinutaError('invalid', 'The import needs an id such as "imp_k3j9x0q2ma"', 'importId');
  return new Mapper(doc, base, options).run();
}

type Change = ReviewChange;
interface Who {
  tracked: boolean;
  author: string;
  at?: string | undefined;
}

class Mapper {
  private readonly locale: string;
  private readonly segmenter: Intl.Segmenter;
  private readonly index: ReturnType<typeof indexIds>;
  private readonly out: Suggestion[] = [];
  private readonly lines: Line[] = [];
  /** Lines removed (printed in the base, absent from the file), with who removed them. */
  private readonly removed = new Map<Line, Who>();
  /** Per block id: its container, and the block before it there. */
  private readonly blocks = new Map<string, { container: string; prev: string | undefined; lastLine?: Line }>();
  private readonly untrackedWho: Who;
  private readonly register: Register;
  /** The block each comment starts in (by the file's grouping), for comments on text no longer there. */
  private readonly commentBlock = new Map<string, string>();
  /** The annexes' ids: containers of blocks, like the body. */
  private readonly annexes = new Set<string>();
  /** Paragraphs deleted whole (tracked), by their text: who removed a line that printed it. */
  private readonly deletedLines = new Map<string, DocxRevision[]>();

  constructor(
    private readonly doc: ReviewedDocx,
    private readonly base: Meeting,
    private readonly options: FromDocxOptions,
  ) {
    this.locale = base.language || 'en';
    this.segmenter = new Intl.Segmenter(this.locale, { granularity: 'word' });
    this.index = indexIds(base);
    this.untrackedWho = { tracked: false, author: person(options.reviewer), at: isoUtc(doc.core.modified) };
    this.register = options.register ?? {
      people: base.people,
      delegations: documentBlocks(base).flatMap((b) => (b.type === 'delegations' ? b.delegations : [])),
    };
    const walk = (list: readonly { id: string; type: string }[], container: string) =>
      list.forEach((b, i) => {
        this.blocks.set(b.id, { container, prev: list[i - 1]?.id });
        const o = b as unknown as Obj;
        if (b.type === 'section') walk(o['blocks'] as { id: string; type: string }[], b.id);
        if (b.type === 'session') walk(o['items'] as { id: string; type: string }[], b.id);
      });
    walk(base.body, BODY_CONTAINER);
    // An annex holds blocks as a section does: a paragraph typed in it is a block of the annex.
    for (const a of base.annexes ?? []) {
      this.annexes.add(a.id);
      walk(a.blocks, a.id);
    }
  }

  private wordsOf(x: { text: string; words?: Map<string, number> }): Map<string, number> {
    return (x.words ??= this.words(x.text));
  }

  private words(s: string): Map<string, number> {
    const m = new Map<string, number>();
    for (const w of this.segmenter.segment(s)) if (w.isWordLike) m.set(w.segment, (m.get(w.segment) ?? 0) + 1);
    return m;
  }

  run(): DocxMapping {
    const groups = this.groups();
    for (const g of groups) this.mapGroup(g);
    this.resolveRemovals();
    const threads = this.threads(groups);
    if (this.out.length > SUGGESTION_LIMITS.maxPerImport) {
      throw new MinutaError('invalid', `The reviewed file holds ${this.out.length} changes, more than the ${SUGGESTION_LIMITS.maxPerImport} one import may bring`);
    }
    return {
      suggestions: this.out,
      threads,
      unplaced: this.out.filter((s) => s.change.kind === 'unplaced').length,
      untracked: this.out.filter((s) => !s.tracked).length,
    };
  }

  // ------------------------------------------------------------ grouping

  private groups(): Group[] {
    const layout = layoutContent(this.base, { provenance: true });
    const byBookmark = new Map<string, string>();
    const linesOf = new Map<string | undefined, Line[]>();
    const order: (string | undefined)[] = [];
    for (const b of layout) {
      if (b.source !== undefined) byBookmark.set(bookmarkName(b.source), b.source);
      if (!linesOf.has(b.source)) {
        linesOf.set(b.source, []);
        order.push(b.source);
      }
      for (const rs of blockLines(b)) {
        const l = makeLine(rs, b.source);
        if (!l) continue;
        linesOf.get(b.source)!.push(l);
        this.lines.push(l);
        if (b.source !== undefined) {
          const info = this.blocks.get(b.source);
          if (info) info.lastLine = l;
        }
      }
    }

    // The file's paragraphs, grouped by the bookmark they stand in.
    const groups: Group[] = [{ source: undefined, lines: [], paras: [], deletedBefore: new Map() }];
    const present = new Set<string>();
    let current = groups[0]!;
    let pending: Para | undefined;
    const close = () => {
      if (pending && pending.text.trim() !== '') current.paras.push(pending);
      else if (pending) this.keepDeleted(current, pending);
      pending = undefined;
    };
    // A bookmark counts where text stands in it once every change is accepted: a block deleted whole
    // (tracked) then groups exactly as one deleted with tracking off, whose bookmark Word removes.
    const kept = (p: DocxParagraph) => p.runs.some((r) => r.text.trim() !== '' && !(r.revision && DELETED.has(r.revision.kind)));
    for (const p of this.doc.paragraphs) {
      const source = p.bookmark !== undefined && kept(p) ? byBookmark.get(p.bookmark) : undefined;
      if (source !== undefined && source !== current.source) {
        close();
        current = { source, lines: [], paras: [], deletedBefore: new Map() };
        groups.push(current);
        present.add(source);
      }
      const accepted = this.accept(p, source !== undefined);
      // Where each comment starts, deleted text included: a comment on words the reviewer then deleted stays by their block.
      if (current.source !== undefined) for (const r of p.runs) for (const id of r.comments) if (!this.commentBlock.has(id)) this.commentBlock.set(id, current.source);
      if (accepted.text === '' && accepted.gaps.size > 0 && p.mark && DELETED.has(p.mark.kind)) {
        // A paragraph deleted whole: a line removed, attributed by the revisions it held.
        this.keepDeleted(current, accepted);
        if (pending) accepted.gaps.forEach((g) => this.addGap(pending!, pending!.text.length, g));
        continue;
      }
      if (pending) {
        // The previous paragraph's mark was deleted: its text and this one's are one paragraph now.
        this.join(pending, accepted);
      } else pending = accepted;
      if (!(p.mark && DELETED.has(p.mark.kind))) close();
    }
    close();

    // Base lines go to the group of their block, or of the nearest block before it that the file still marks.
    let target = groups[0]!;
    const bySource = new Map(groups.map((g) => [g.source, g]));
    for (const s of order) {
      if (s !== undefined && present.has(s)) target = bySource.get(s)!;
      target.lines.push(...linesOf.get(s)!);
    }
    return groups;
  }

  private keepDeleted(g: Group, p: Para): void {
    const revs = [...p.gaps.values()].flat();
    if (revs.length === 0) return;
    const key = normText(p.deleted);
    if (!this.deletedLines.has(key)) this.deletedLines.set(key, revs);
    const at = g.paras.length;
    g.deletedBefore.set(at, [...(g.deletedBefore.get(at) ?? []), ...revs]);
  }

  private addGap(p: Para, at: number, revs: DocxRevision[]): void {
    p.gaps.set(at, [...(p.gaps.get(at) ?? []), ...revs]);
  }

  /** A paragraph with every tracked change accepted. */
  private accept(p: DocxParagraph, inside: boolean): Para {
    let text = '';
    const runs: FileRun[] = [];
    const spans: [number, number][] = [];
    const para: Para = { text: '', runs, runAt: new Int32Array(0), gaps: new Map(), mark: p.mark && !DELETED.has(p.mark.kind) ? p.mark : undefined, inside, deleted: '', tracked: [] };
    for (const r of p.runs) {
      if (r.revision && DELETED.has(r.revision.kind)) {
        if (r.text !== '') this.addGap(para, text.length, [r.revision]);
        para.deleted += r.text;
        para.tracked.push({ text: r.text, rev: r.revision });
        continue;
      }
      if (r.revision) para.tracked.push({ text: r.text, rev: r.revision });
      runs.push({ bold: r.bold, italic: r.italic, rev: r.revision, fmt: r.formatChange, comments: r.comments });
      spans.push([text.length, text.length + r.text.length]);
      text += r.text;
    }
    para.text = text;
    para.runAt = new Int32Array(text.length);
    spans.forEach(([a, b], i) => para.runAt.fill(i, a, b));
    return para;
  }

  private join(into: Para, next: Para): void {
    const shift = into.text.length;
    const runs = into.runs.length;
    const runAt = new Int32Array(shift + next.text.length);
    runAt.set(into.runAt);
    next.runAt.forEach((r, i) => (runAt[shift + i] = r + runs));
    into.runs.push(...next.runs);
    into.tracked.push(...next.tracked);
    into.runAt = runAt;
    next.gaps.forEach((g, at) => this.addGap(into, shift + at, g));
    into.text += next.text;
  }

  // ------------------------------------------------------------ one group

  private similar(l: Line, p: Para): boolean {
    if (l.text === p.text) return true;
    let common = 0;
    let total = 0;
    const pw = this.wordsOf(p);
    for (const [w, n] of this.wordsOf(l)) {
      common += Math.min(n, pw.get(w) ?? 0);
      total += n;
    }
    for (const n of pw.values()) total += n;
    return total > 0 && (2 * common) / total >= 0.5;
  }

  private mapGroup(g: Group): void {
    const ops = diffArrays(
      g.lines.map((_, i) => i),
      g.paras.map((_, j) => j),
      { comparator: (i: number, j: number) => this.similar(g.lines[i]!, g.paras[j]!) },
    );
    // Walk the alignment; lines removed and paragraphs added between two pairs are paired in order
    // where that places every word (a paragraph retyped is a change of its text, not a new paragraph).
    let li = 0;
    let pj = 0;
    let prev: Line | undefined;
    let removed: Line[] = [];
    let added: Para[] = [];
    const flush = () => {
      const dels: Line[] = [];
      let k = 0;
      for (const l of removed) {
        const p = added[k];
        if (p && this.related(l, p) && this.placeable(l, p)) {
          this.pair(l, p);
          k++;
          prev = l;
        } else dels.push(l);
      }
      // Paragraphs added follow the last line that stays: whether they stood before or after the
      // lines removed beside them, the text is the same, and a line removed is no place to insert.
      const deletedBy = this.deletionWho(g, pj - added.length, pj);
      for (const l of dels) this.removed.set(l, this.lineWho(l) ?? deletedBy);
      for (const p of added.slice(k)) this.add(g, prev, p);
      removed = [];
      added = [];
    };
    for (const op of ops) {
      if (op.removed) {
        removed.push(...g.lines.slice(li, li + op.count));
        li += op.count;
      } else if (op.added) {
        added.push(...g.paras.slice(pj, pj + op.count));
        pj += op.count;
      } else {
        flush();
        for (let k = 0; k < op.count; k++) {
          this.pair(g.lines[li + k]!, g.paras[pj + k]!);
          prev = g.lines[li + k];
        }
        li += op.count;
        pj += op.count;
      }
    }
    flush();
  }

  /** Who deleted lines that stood between accepted paragraphs `from` and `to`: the deleted paragraphs' revisions there. */
  private deletionWho(g: Group, from: number, to: number): Who {
    for (let at = from; at <= to; at++) {
      const rev = g.deletedBefore.get(at)?.find((r) => !this.options.isCopyRevision?.(r));
      if (rev) return this.who(rev);
    }
    return this.untrackedWho;
  }

  /** Who deleted a paragraph printing this line, when the file kept it as a tracked deletion. */
  private lineWho(l: Line): Who | undefined {
    const rev = this.deletedLines.get(normText(l.text))?.find((r) => !this.options.isCopyRevision?.(r));
    return rev ? this.who(rev) : undefined;
  }

  private who(rev: { author: string; date?: string | undefined }): Who {
    return { tracked: true, author: person(rev.author, this.options.reviewer), at: isoUtc(rev.date) };
  }

  // ------------------------------------------------------------ a line and its paragraph

  /** Word tokens with their offsets. */
  private tokens(s: string): { text: string; at: number }[] {
    return [...this.segmenter.segment(s)].map((x) => ({ text: x.segment, at: x.index }));
  }

  /**
   * The words the format printed (a "Lao:" label's colon, "Question (…)") stand still between the
   * fields: found again in the paragraph, in order, they cut the line into regions compared one by
   * one, so that a diff never trades a field's word for a word of the format. When the reviewer
   * changed them, the line is compared whole.
   */
  private regions(l: Line, p: Para): [number, number, number, number][] {
    const out: [number, number, number, number][] = [];
    let ls = 0;
    let ps = 0;
    for (let c = 0; c < l.text.length; ) {
      if (fromAt(l, c)) {
        c++;
        continue;
      }
      let e = c;
      while (e < l.text.length && !fromAt(l, e)) e++;
      const gen = l.text.slice(c, e);
      if (gen.trim() !== '') {
        const at = wordAt(p.text, gen, ps);
        if (at < 0) return [[0, l.text.length, 0, p.text.length]];
        out.push([ls, c, ps, at], [c, e, at, at + gen.length]);
        ls = e;
        ps = at + gen.length;
      }
      c = e;
    }
    out.push([ls, l.text.length, ps, p.text.length]);
    return out;
  }

  private hunks(l: Line, p: Para): { hunks: Hunk[]; toBase: Int32Array } {
    // Most lines come back as they went: nothing to compare.
    if (l.text === p.text) {
      const same = new Int32Array(p.text.length);
      for (let i = 0; i < same.length; i++) same[i] = i;
      return { hunks: [], toBase: same };
    }
    const toBase = new Int32Array(p.text.length).fill(-1);
    const raw: (Hunk & { equal?: boolean })[] = [];
    for (const [l0, l1, p0, p1] of this.regions(l, p)) {
      const tl = this.tokens(l.text.slice(l0, l1));
      const tp = this.tokens(p.text.slice(p0, p1));
      const ops = diffArrays(
        tl.map((t) => t.text),
        tp.map((t) => t.text),
      );
      let i = 0;
      let j = 0;
      const lAt = (k: number) => l0 + (k < tl.length ? tl[k]!.at : l1 - l0);
      const pAt = (k: number) => p0 + (k < tp.length ? tp[k]!.at : p1 - p0);
      for (const op of ops) {
        if (op.added) {
          raw.push({ ls: lAt(i), le: lAt(i), ps: pAt(j), pe: pAt(j + op.count) });
          j += op.count;
        } else if (op.removed) {
          raw.push({ ls: lAt(i), le: lAt(i + op.count), ps: pAt(j), pe: pAt(j) });
          i += op.count;
        } else {
          const ls = lAt(i);
          const ps = pAt(j);
          const n = lAt(i + op.count) - ls;
          for (let k = 0; k < n; k++) toBase[ps + k] = ls + k;
          raw.push({ ls, le: ls + n, ps, pe: ps + n, equal: true });
          i += op.count;
          j += op.count;
        }
      }
    }
    // Adjacent differences merge; so do two separated only by white space of the same field ("the
    // cat" → "a dog" is one change, not two). At a line's edge the difference beside the space is an
    // insertion into the space's own field (Word's moved sentence before " Agreed" is one change).
    const hunks: Hunk[] = [];
    raw.forEach((h, k) => {
      const last = hunks.at(-1);
      if (h.equal) {
        const next = raw[k + 1];
        const spaceBetween =
          last &&
          next &&
          !next.equal &&
          last.le === h.ls &&
          /^\s+$/u.test(l.text.slice(h.ls, h.le)) &&
          this.sameField(l, Math.max(0, h.ls - 1), Math.min(l.text.length - 1, h.le));
        if (!spaceBetween) return;
        for (let c = h.ps; c < h.pe; c++) toBase[c] = -1;
      }
      if (last && last.le === h.ls && last.pe === h.ps) {
        last.le = h.le;
        last.pe = h.pe;
      } else hunks.push({ ls: h.ls, le: h.le, ps: h.ps, pe: h.pe });
    });
    return { hunks, toBase };
  }

  /** Every character from a to b (inclusive) of the line belongs to one field, in order. */
  private sameField(l: Line, a: number, b: number): boolean {
    if (a < 0 || b >= l.text.length) return false;
    const first = fromAt(l, a);
    if (!first) return false;
    for (let c = a + 1; c <= b; c++) {
      const f = fromAt(l, c);
      if (!f || f.id !== first.id || f.path !== first.path || f.off !== first.off + (c - a)) return false;
    }
    return true;
  }

  /** Where a difference lands in the model, or undefined when it cannot be placed. */
  private place(l: Line, p: Para, h: Hunk): { id: string; path: string; start: number; end: number; ps: number; pe: number } | 'none' | undefined {
    let { ls, le, ps, pe } = h;
    // White space the format put around a field is not the field's: a change next to it stays in the field.
    const genSpace = (c: number) => !fromAt(l, c) && /\s/u.test(l.text[c]!);
    while (ls < le && genSpace(ls)) {
      if (ps < pe && p.text[ps] === l.text[ls]) ps++;
      ls++;
    }
    while (le > ls && genSpace(le - 1)) {
      if (pe > ps && p.text[pe - 1] === l.text[le - 1]) pe--;
      le--;
    }
    if (ls === le && ps === pe) return 'none';
    if (ls < le) {
      if (!this.sameField(l, ls, le - 1)) return undefined;
      const f = fromAt(l, ls)!;
      return { id: f.id, path: f.path, start: f.off, end: f.off + (le - ls), ps, pe };
    }
    const left = ls > 0 ? fromAt(l, ls - 1) : undefined;
    if (left) return { id: left.id, path: left.path, start: left.off + 1, end: left.off + 1, ps, pe };
    const right = ls < l.text.length ? fromAt(l, ls) : undefined;
    if (right) return { id: right.id, path: right.path, start: right.off, end: right.off, ps, pe };
    return undefined;
  }

  /**
   * A line and a paragraph that share a word, or much of their letters (a segmenter may cut an edited
   * Khmer name differently): a line edited, not one removed and another added.
   */
  private related(l: Line, p: Para): boolean {
    const pw = this.wordsOf(p);
    for (const w of this.wordsOf(l).keys()) if (pw.has(w)) return true;
    const a = bigrams(l.text);
    const b = bigrams(p.text);
    let common = 0;
    for (const [g, n] of a) common += Math.min(n, b.get(g) ?? 0);
    const total = [...a.values(), ...b.values()].reduce((x, y) => x + y, 0);
    return total > 0 && (2 * common) / total >= 0.3;
  }

  private placeable(l: Line, p: Para): boolean {
    const { hunks } = this.hunks(l, p);
    return hunks.every((h) => this.place(l, p, h) !== undefined);
  }

  private pair(l: Line, p: Para): void {
    const { hunks, toBase } = this.hunks(l, p);
    p.line = l;
    p.toBase = toBase;
    for (const h of hunks) {
      const at = this.place(l, p, h);
      if (at === 'none') continue;
      const who = this.hunkWho(p, h.ps, h.pe, l.text.slice(h.ls, h.le));
      if (!at) {
        this.emit(who, { kind: 'unplaced', ...this.near(l.source), deleted: l.text.slice(h.ls, h.le), inserted: p.text.slice(h.ps, h.pe) });
        continue;
      }
      const quote = this.fieldText(at.id, at.path)?.slice(at.start, at.end);
      if (quote === undefined || quote.length > SUGGESTION_LIMITS.maxQuote) {
        this.emit(who, { kind: 'unplaced', ...this.near(l.source), deleted: bound(l.text.slice(h.ls, h.le)), inserted: bound(p.text.slice(h.ps, h.pe)) });
        continue;
      }
      this.emit(who, { kind: 'text', target: at.id, path: at.path, start: at.start, end: at.end, quote, insert: this.richText(p, at.ps, at.pe) });
    }
    this.formatChanges(l, p, toBase);
  }

  /** Bold and italic the reviewer changed on words that stayed. */
  private formatChanges(l: Line, p: Para, toBase: Int32Array): void {
    type Span = { id: string; path: string; start: number; end: number; next: number; bold?: boolean | undefined; italic?: boolean | undefined; who: Who };
    let span: Span | undefined;
    const close = () => {
      if (span) {
        const quote = this.fieldText(span.id, span.path)!.slice(span.start, span.end);
        const marks = { ...(span.bold !== undefined ? { bold: span.bold } : {}), ...(span.italic !== undefined ? { italic: span.italic } : {}) };
        this.emit(span.who, { kind: 'format', target: span.id, path: span.path, start: span.start, end: span.end, quote, ...marks });
      }
      span = undefined;
    };
    for (let c = 0; c < p.text.length; c++) {
      const b = toBase[c]!;
      const r = p.runs[p.runAt[c]!]!;
      // Marks printed as the file has them: no change here (the common case, checked cheaply).
      if (!span && (b < 0 || (l.runs[l.runAt[b]!]!.bold === true) === r.bold) && (b < 0 || (l.runs[l.runAt[b]!]!.italic === true) === r.italic)) continue;
      const f = b >= 0 ? fromAt(l, b) : undefined;
      // Bold on a space shows nothing (and which space is which is the diff's guess): words only.
      const delta = f && !/\s/u.test(p.text[c]!) ? this.markDelta(l, b, f, r) : undefined;
      const follows = span !== undefined && f !== undefined && f.id === span.id && f.path === span.path && f.off === span.next;
      if (follows && delta && delta.bold === span!.bold && delta.italic === span!.italic) {
        span!.end = span!.next = f.off + 1;
        continue;
      }
      // White space between words changed alike does not split the change.
      if (follows && !delta && /\s/u.test(p.text[c]!)) {
        span!.next = f.off + 1;
        continue;
      }
      close();
      if (f && delta) {
        const fmt = r.fmt && !this.options.isCopyRevision?.({ kind: 'inserted', author: r.fmt.author, ...(r.fmt.date ? { date: r.fmt.date } : {}) }) ? this.who(r.fmt) : this.untrackedWho;
        span = { id: f.id, path: f.path, start: f.off, end: f.off + 1, next: f.off + 1, bold: delta.bold, italic: delta.italic, who: fmt };
      }
    }
    close();
  }

  /**
   * The marks to set on a base character so that it prints as the file has it: only where the
   * printed marks differ and the model's own marks differ too (a heading the format makes bold
   * stays a heading, whatever the reviewer's bold).
   */
  private markDelta(l: Line, b: number, f: { id: string; path: string; off: number }, r: FileRun): { bold?: boolean; italic?: boolean } | undefined {
    const printed = l.runs[l.runAt[b]!]!;
    const model = this.modelMarks(f.id, f.path, f.off);
    if (!model) return undefined;
    const out: { bold?: boolean; italic?: boolean } = {};
    if ((printed.bold === true) !== r.bold && model.bold !== r.bold) out.bold = r.bold;
    if ((printed.italic === true) !== r.italic && model.italic !== r.italic) out.italic = r.italic;
    return out.bold !== undefined || out.italic !== undefined ? out : undefined;
  }

  /** Who made the difference at [ps, pe) of the accepted text: a tracked revision there, else untracked. */
  private hunkWho(p: Para, ps: number, pe: number, deleted = ''): Who {
    for (let c = ps; c < pe; c++) {
      const rev = p.runs[p.runAt[c]!]!.rev;
      if (rev && !this.options.isCopyRevision?.(rev)) return this.who(rev);
    }
    // A deletion stands between two characters; which spaces around it the word diff counts as changed is its guess.
    let from = ps;
    let to = pe;
    while (from > 0 && /\s/u.test(p.text[from - 1]!)) from--;
    while (to < p.text.length && /\s/u.test(p.text[to]!)) to++;
    for (let c = from; c <= to; c++) {
      const rev = p.gaps.get(c)?.find((r) => !this.options.isCopyRevision?.(r));
      if (rev) return this.who(rev);
    }
    // A word repeated ("the the"): the diff may mark the other copy than the one the reviewer
    // changed. The paragraph's tracked change with the same words is the reviewer's.
    const words = [normText(deleted), normText(p.text.slice(ps, pe))];
    const same = p.tracked.find((t) => !this.options.isCopyRevision?.(t.rev) && words.includes(normText(t.text)) && normText(t.text) !== '');
    return same ? this.who(same.rev) : this.untrackedWho;
  }

  private richText(p: Para, ps: number, pe: number): RichText {
    const out: TextRun[] = [];
    for (let c = ps; c < pe; ) {
      const r = p.runs[p.runAt[c]!]!;
      let e = c + 1;
      while (e < pe && p.runs[p.runAt[e]!]!.bold === r.bold && p.runs[p.runAt[e]!]!.italic === r.italic) e++;
      // A run holds at most LIMITS.maxTextLength characters: a long paragraph is several runs.
      for (let a = c; a < e; a += LIMITS.maxTextLength) {
        out.push({ text: p.text.slice(a, Math.min(e, a + LIMITS.maxTextLength)), ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) });
      }
      c = e;
    }
    return out;
  }

  // ------------------------------------------------------------ paragraphs added

  private add(g: Group, prev: Line | undefined, p: Para): void {
    const who = p.mark && !this.options.isCopyRevision?.(p.mark) ? this.who(p.mark) : this.hunkWho(p, 0, p.text.length);
    const text = this.richText(p, 0, p.text.length);
    const change = this.insertion(g, prev, p, text);
    this.emit(who, change ?? { kind: 'unplaced', ...this.near(prev?.source ?? g.source), deleted: '', inserted: bound(p.text) });
  }

  private insertion(g: Group, prev: Line | undefined, p: Para, text: RichText): Change | undefined {
    if (prev === undefined) {
      // Before the first line of a block: before it in its container.
      const first = g.lines[0];
      if (!p.inside || !first?.source) return undefined;
      const info = this.blocks.get(first.source);
      return info ? { kind: 'insert-block', container: info.container, ...(info.prev ? { afterId: info.prev } : {}), block: this.paragraphBlock(text) } : undefined;
    }
    // A line of one object (a bullet and its country, a statement's label and first paragraph): the
    // paragraph typed after it is that object's next element.
    const own = prev.fields.length > 0 && prev.fields.every((f) => f.id === prev.fields[0]!.id);
    const field = own ? (prev.fields.find((f) => PARAGRAPH_ELEMENT.test(f.path)) ?? prev.fields.find((f) => f.path === 'text')) : undefined;
    if (p.inside && field) {
      const item = this.itemAfter(field, text);
      if (item) return item;
    }
    if (prev.source === undefined) return undefined;
    // After an annex's label or title (its only lines of its own): first in the annex.
    if (this.annexes.has(prev.source)) return { kind: 'insert-block', container: prev.source, block: this.paragraphBlock(text) };
    const info = this.blocks.get(prev.source);
    if (!info) return undefined;
    const type = (this.index.get(prev.source)?.value ?? {})['type'];
    if (type === 'section' || type === 'session') {
      // After a heading line: first in the section or session.
      return prev === this.lines.find((l) => l.source === prev.source) ? { kind: 'insert-block', container: prev.source, block: this.paragraphBlock(text) } : undefined;
    }
    if (info.lastLine !== prev) return undefined;
    return { kind: 'insert-block', container: info.container, afterId: prev.source, block: this.paragraphBlock(text) };
  }

  /** A paragraph typed after an element of a list field: the next element of that list. */
  private itemAfter(f: { id: string; path: string }, text: RichText): Change | undefined {
    const m = PARAGRAPH_ELEMENT.exec(f.path);
    if (m) {
      // A rich text (or a string) in an array: paragraphs.2, description.0, titleLines.1.
      const owner = this.index.get(f.id)?.value;
      const arr = owner ? valueAt(owner, m[1]!) : undefined;
      if (!Array.isArray(arr)) return undefined;
      const value = typeof arr[Number(m[2])] === 'string' ? text.map((r) => r.text).join('') : text;
      return { kind: 'insert-item', target: f.id, path: m[1]!, index: Number(m[2]) + 1, value };
    }
    const placed = this.index.get(f.id);
    if (f.path !== 'text' || !placed || !isBullet(placed.value)) return undefined;
    const bullet = { id: this.options.newId('bullet'), text };
    // The line after a bullet with nested bullets is its first nested bullet's place.
    const children = placed.value['children'];
    if (Array.isArray(children) && children.length > 0) return { kind: 'insert-item', target: f.id, path: 'children', index: 0, value: bullet };
    return { kind: 'insert-item', target: placed.at.parent, path: placed.at.list, index: placed.at.index + 1, afterId: f.id, value: bullet };
  }

  private paragraphBlock(text: RichText): Extract<Change, { kind: 'insert-block' }>['block'] {
    return { id: this.options.newId('block'), type: 'paragraph', text };
  }

  // ------------------------------------------------------------ lines removed

  /**
   * Lines the file no longer has, as removals: the largest objects all of whose lines are gone (a
   * block, a bullet, a turn, a statement), then single paragraphs of a list field, then the text of
   * fields on a line of typed text only. A line with the format's words on it that is not one of
   * those is unplaced.
   */
  private resolveRemovals(): void {
    if (this.removed.size === 0) return;
    const linesOf = new Map<string, Line[]>();
    const up = (id: string | undefined): string[] => {
      const chain: string[] = [];
      for (let x = id, n = 0; x !== undefined && x !== 'meeting' && n < 64; n++) {
        chain.push(x);
        x = this.index.get(x)?.at.parent;
      }
      return chain;
    };
    const add = <T>(m: Map<string, T[]>, key: string, v: T) => {
      const list = m.get(key);
      if (list) list.push(v);
      else m.set(key, [v]);
    };
    for (const l of this.lines) for (const id of up(l.owner)) add(linesOf, id, l);
    const children = new Map<string, string[]>();
    for (const [id, p] of this.index) add(children, p.at.parent, id);
    const handled = new Set<Line>();
    const referenced = referencedIds(this.base);
    const visit = (id: string, parentList: string | undefined) => {
      const lines = linesOf.get(id);
      if (!lines) return;
      // An object others refer to (a delegation an answer is attributed to) is not removed whole:
      // the meeting would no longer be valid. Its lines are removed as text.
      if (!referenced.has(id) && lines.every((l) => this.removed.has(l))) {
        const who = this.removed.get(lines[0]!)!;
        const placed = this.index.get(id)!;
        const quote = bound(lines.map((l) => l.text).join('\n'));
        if (parentList === 'body' || this.blocks.has(id)) this.emit(who, { kind: 'remove-block', target: id, quote });
        else this.emit(who, { kind: 'remove-item', target: placed.at.parent, path: placed.at.list, index: placed.at.index, id, quote: itemQuote(placed.value) });
        lines.forEach((l) => handled.add(l));
        return;
      }
      for (const child of children.get(id) ?? []) visit(child, this.index.get(child)!.at.list);
    };
    for (const id of children.get('meeting') ?? []) visit(id, this.index.get(id)!.at.list);

    for (const l of this.lines) {
      if (!this.removed.has(l) || handled.has(l)) continue;
      const who = this.removed.get(l)!;
      const f = l.fields[0];
      const m = f && l.fields.length === 1 ? PARAGRAPH_ELEMENT.exec(f.path) : null;
      if (!l.generatedWords && m) {
        const arr = valueAt(this.index.get(f!.id)?.value ?? {}, m[1]!);
        if (Array.isArray(arr)) {
          this.emit(who, { kind: 'remove-item', target: f!.id, path: m[1]!, index: Number(m[2]), quote: itemQuote(arr[Number(m[2])]) });
          continue;
        }
      }
      let typed = false;
      for (let c = 0; c < l.text.length && !typed; c++) typed = fromAt(l, c) !== undefined;
      if (!l.generatedWords && typed) {
        for (const fld of l.fields) {
          let start = Infinity;
          let end = -1;
          for (let c = 0; c < l.text.length; c++) {
            const x = fromAt(l, c);
            if (x && x.id === fld.id && x.path === fld.path) {
              start = Math.min(start, x.off);
              end = Math.max(end, x.off + 1);
            }
          }
          const quote = this.fieldText(fld.id, fld.path)?.slice(start, end);
          if (quote) this.emit(who, { kind: 'text', target: fld.id, path: fld.path, start, end, quote, insert: [] });
        }
        continue;
      }
      this.emit(who, { kind: 'unplaced', ...this.near(l.source), deleted: bound(l.text), inserted: '' });
    }
  }

  // ------------------------------------------------------------ comments

  private threads(groups: Group[]): CommentThread[] {
    const where = new Map<string, Covered>();
    if (this.doc.comments.length > 0) {
      for (const g of groups)
        for (const p of g.paras)
          for (let c = 0; c < p.text.length; c++)
            for (const id of p.runs[p.runAt[c]!]!.comments) {
              const w = where.get(id) ?? { para: p, group: g, cs: [], across: false };
              if (w.para === p) w.cs.push(c);
              else w.across = true;
              where.set(id, w);
            }
    }
    const byId = new Map(this.doc.comments.map((c) => [c.id, c]));
    const rootOf = (c: DocxComment): DocxComment => {
      let x = c;
      for (let n = 0; x.parentId !== undefined && byId.has(x.parentId) && n < 64; n++) x = byId.get(x.parentId)!;
      return x;
    };
    const threads = new Map<string, DocxComment[]>();
    for (const c of this.doc.comments) {
      const root = rootOf(c).id;
      const list = threads.get(root);
      if (list) list.push(c);
      else threads.set(root, [c]);
    }
    // Minutes that print no block at all: the thread names the meeting (kept, shown detached, never dropped).
    const firstBlock = this.lines.find((l) => l.source !== undefined)?.source ?? this.base.id;
    const out: CommentThread[] = [];
    for (const [rootId, list] of threads) {
      if (out.length >= COMMENT_LIMITS.maxThreads) break;
      const root = byId.get(rootId)!;
      const anchor = this.anchor(where.get(rootId), this.commentBlock.get(rootId) ?? firstBlock);
      if (!anchor) continue;
      const comments: CommentEntry[] = list.slice(0, COMMENT_LIMITS.maxReplies + 1).map((c) => ({
        id: this.options.newId('comment'),
        author: person(c.author, this.options.reviewer),
        at: isoUtc(c.date) ?? this.options.now(),
        text: commentText(c.text),
      }));
      const last = comments.at(-1)!;
      out.push({
        id: this.options.newId('thread'),
        anchor,
        comments,
        ...(root.done || list.some((c) => c !== root && c.done) ? { resolution: { resolved: true, by: last.author, at: last.at } } : {}),
      });
    }
    return out;
  }

  /** A comment's anchor: its words' field when they lie in one, else the block it starts in. */
  private anchor(w: Covered | undefined, fallback: string | undefined): CommentThread['anchor'] | undefined {
    const block = w ? (w.para.line?.source ?? w.group.source ?? fallback) : fallback;
    if (block === undefined) return undefined;
    const l = w?.para.line;
    if (!w || !l || !w.para.toBase || w.cs.length === 0 || w.across) return { blockId: block };
    const bases = w.cs.map((c) => w.para.toBase![c]!);
    if (bases.some((b) => b < 0)) return { blockId: block };
    const lo = Math.min(...bases);
    const hi = Math.max(...bases);
    const f = fromAt(l, lo);
    // The title's fields are the meeting's, which no comment anchor names: such a thread sits on the first block.
    if (!f || f.id === this.base.id) return { blockId: block };
    if (!this.sameField(l, lo, hi)) return { blockId: f.id };
    const start = f.off;
    const end = f.off + (hi - lo) + 1;
    const quote = this.fieldText(f.id, f.path)?.slice(start, end);
    if (!quote || quote.length > COMMENT_LIMITS.maxQuote) return { blockId: f.id };
    return { blockId: f.id, range: { path: f.path, start, end, quote } };
  }

  // ------------------------------------------------------------ helpers

  private readonly fieldCache = new Map<string, { text: string; runs?: RichText } | undefined>();
  private field(id: string, path: string): { text: string; runs?: RichText } | undefined {
    const key = `${id}\u0000${path}`;
    if (!this.fieldCache.has(key)) {
      const v = valueAt(this.owner(id) ?? {}, path);
      this.fieldCache.set(
        key,
        typeof v === 'string' ? { text: v } : Array.isArray(v) && v.every((r) => isObj(r) && typeof r['text'] === 'string') ? { text: (v as RichText).map((r) => r.text).join(''), runs: v as RichText } : undefined,
      );
    }
    return this.fieldCache.get(key);
  }

  /** The block an unplaced change stood by; the title's nearest block is the first. */
  private near(source: string | undefined): { near?: string } {
    const block = source ?? this.lines.find((l) => l.source !== undefined)?.source;
    return block !== undefined ? { near: block } : {};
  }

  /** The object with this id: a block, a bullet, a turn… or the meeting itself (its title's fields). */
  private owner(id: string): Obj | undefined {
    return id === this.base.id ? (this.base as unknown as Obj) : this.index.get(id)?.value;
  }

  private fieldText(id: string, path: string): string | undefined {
    return this.field(id, path)?.text;
  }

  private modelMarks(id: string, path: string, off: number): { bold: boolean; italic: boolean } | undefined {
    const runs = this.field(id, path)?.runs;
    if (!runs) return undefined;
    let at = 0;
    for (const r of runs) {
      if (off < at + r.text.length) return { bold: r.bold === true, italic: r.italic === true };
      at += r.text.length;
    }
    return undefined;
  }

  private emit(who: Who, change: Change): void {
    const match = this.match(who.author);
    const s: Suggestion = {
      id: this.options.newId('suggestion'),
      importId: this.options.importId,
      author: who.author,
      ...match,
      ...(who.at ? { at: who.at } : {}),
      tracked: who.tracked,
      change,
      status: 'open',
    };
    // A change the model cannot hold as it stands (a paragraph beyond every bound, too many runs) is
    // still shown, bounded, as unplaced: never dropped, never stored invalid.
    if (change.kind !== 'unplaced' && !Suggestion.safeParse(s).success) {
      const target = 'target' in change ? change.target : 'container' in change ? change.container : undefined;
      s.change = { kind: 'unplaced', ...(target && target !== BODY_CONTAINER ? { near: target } : {}), deleted: bound(changeText(change, 'deleted')), inserted: bound(changeText(change, 'inserted')) };
    }
    this.out.push(s);
  }

  private readonly matches = new Map<string, { organisationId?: string; delegationId?: string }>();
  /** The register's organisation and delegation of a person whose printed name is the author's. */
  private match(author: string): { organisationId?: string; delegationId?: string } {
    const known = this.matches.get(author);
    if (known) return known;
    const key = normName(author);
    const p = this.register.people.find((x) => normName(personDisplayName(x)) === key || normName(x.name) === key);
    const out: { organisationId?: string; delegationId?: string } = {};
    if (p?.organisationId) out.organisationId = p.organisationId;
    const d = p ? (this.register.delegations.find((x) => x.headPersonId === p.id) ?? (p.country ? this.register.delegations.find((x) => normName(x.country) === normName(p.country!)) : undefined)) : undefined;
    if (d) out.delegationId = d.id;
    this.matches.set(author, out);
    return out;
  }
}

/** The text a comment covers: the paragraph it starts in, its characters there, whether it goes on. */
interface Covered {
  para: Para;
  group: Group;
  cs: number[];
  across: boolean;
}

/**
 * A field that is one element of a list of paragraphs, each printed on a line of its own (a remark's
 * paragraphs, a delegation's description, a signatory's title lines); not the institutions a
 * delegation line joins with "; ". Group 1: the list's path; 2: the index.
 */
const PARAGRAPH_ELEMENT = /^((?:.*\.)?(?:paragraphs|description|titleLines))\.(\d+)$/;


function valueAt(owner: Obj, path: string): unknown {
  let v: unknown = owner;
  for (const k of path.split('.')) {
    if (Array.isArray(v) && /^\d+$/.test(k)) v = v[Number(k)];
    else if (isObj(v) && Object.hasOwn(v, k)) v = v[k];
    else return undefined;
  }
  return v;
}

const isBullet = (v: Obj): boolean => typeof v['id'] === 'string' && Array.isArray(v['text']) && v['type'] === undefined && !('by' in v);

/** What a change deletes or inserts, as plain text (for showing it unplaced). */
function changeText(c: Change, side: 'deleted' | 'inserted'): string {
  const plain = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.map((r) => (isObj(r) && typeof r['text'] === 'string' ? r['text'] : '')).join('') : isObj(v) ? plain(v['text']) : '');
  if (side === 'deleted') return 'quote' in c ? c.quote : '';
  if (c.kind === 'text') return plain(c.insert);
  if (c.kind === 'insert-item') return plain(c.value);
  if (c.kind === 'insert-block') return plain((c.block as { text?: unknown }).text);
  return '';
}

/** Ids that some field refers to (personId, delegationId, organisationIds…). */
function referencedIds(m: Meeting): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string' && /[a-z]Ids?$/.test(key)) out.add(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(m, '');
  return out;
}

const normName = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();

/** An author as stored: trimmed, bounded; a file that names nobody stands for its reviewer. */
function person(s: string, fallback = 'Reviewer'): string {
  const t = s.replace(/\s+/gu, ' ').trim().slice(0, SUGGESTION_LIMITS.maxAuthor);
  return t !== '' ? t : fallback.trim().slice(0, SUGGESTION_LIMITS.maxAuthor) || 'Reviewer';
}

const bound = (s: string) => s.slice(0, SUGGESTION_LIMITS.maxQuote);

function commentText(paragraphs: readonly string[]): string {
  const t = paragraphs.join('\n').trim().slice(0, COMMENT_LIMITS.maxText).trim();
  return t !== '' ? t : '(empty comment)';
}

/** Who reviewed a file, for its untracked changes: its last author, else its creator. */
export function reviewerOf(doc: Pick<ReviewedDocx, 'core'>): string {
  return person(doc.core.lastModifiedBy ?? '', person(doc.core.creator ?? '', 'Reviewer'));
}

/** A file's time as ISO UTC ("2026-11-30T10:00:00Z"); a time without a zone is taken as UTC (Word writes them so). */
export function isoUtc(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) return undefined;
  const zone = m[5] ? (m[5] === 'Z' ? 'Z' : m[5].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
  const t = Date.parse(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? ':00'}${zone}`);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Scripts written without spaces between words, each its own class of characters. */
const UNSPACED = [/\p{sc=Khmer}/u, /\p{sc=Lao}/u, /\p{sc=Myanmar}/u, /\p{sc=Thai}/u];
const DIGIT = /\p{N}/u;
/** A digit, one of the unspaced scripts (its index), or any other word character. */
const classOf = (c: string): 'digit' | 'spaced' | number => {
  if (DIGIT.test(c)) return 'digit';
  const i = UNSPACED.findIndex((re) => re.test(c));
  return i < 0 ? 'spaced' : i;
};
/**
 * Whether two neighbouring characters belong to one word. Word characters do, except beside a letter of
 * a script written without spaces, where a character of another class (a digit, another script) starts
 * another word: "ဆိုင်ရာ3" is a Burmese word and a cross-reference's "3", as a reader sees it (in spaced
 * scripts "q12z" stays one word).
 */
function joined(a: string, b: string): boolean {
  if (!WORD_CHAR.test(a) || !WORD_CHAR.test(b)) return false;
  const [ca, cb] = [classOf(a), classOf(b)];
  const unspaced = typeof ca === 'number' || typeof cb === 'number';
  return !unspaced || ca === cb;
}

function wordAt(text: string, gen: string, from: number): number {
  const edge = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || !joined(a, b);
  for (let at = text.indexOf(gen, from); at >= 0; at = text.indexOf(gen, at + 1)) {
    if (edge(text[at - 1], gen[0]) && edge(gen.at(-1), text[at + gen.length])) return at;
  }
  return -1;
}
