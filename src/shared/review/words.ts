import { diffArrays } from 'diff';
import type { RichText } from '../minutes';

/**
 * Word-level difference of two rich texts: jsdiff (Myers) over word tokens, where a token keeps the
 * marks (bold, italic) of the run it came from. Tokens are compared by their text only; an equal token
 * whose marks differ is a formatting change, not a deletion and an insertion.
 *
 * Words come from `Intl.Segmenter` (word granularity): Khmer, Lao, Burmese and Thai write no spaces
 * between words, and the segmenter's dictionaries split them where a regular expression cannot.
 */

export interface Marks {
  bold: boolean;
  italic: boolean;
}

export type Segment =
  | { kind: 'equal' | 'inserted' | 'deleted'; text: string; marks: Marks }
  /** The same words with other marks: `marks` now, `before` then. */
  | { kind: 'formatChanged'; text: string; marks: Marks; before: Marks };

interface Token {
  text: string;
  marks: Marks;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) segmenters.set(locale, (s = new Intl.Segmenter(locale, { granularity: 'word' })));
  return s;
}

const marksOf = (r: { bold?: boolean | undefined; italic?: boolean | undefined }): Marks => ({ bold: r.bold === true, italic: r.italic === true });
const sameMarks = (a: Marks, b: Marks) => a.bold === b.bold && a.italic === b.italic;

/** Tokens never cross runs, so each carries exactly one set of marks. */
function tokenize(rt: RichText, locale: string): Token[] {
  const out: Token[] = [];
  const seg = segmenter(locale);
  for (const run of rt) {
    const marks = marksOf(run);
    for (const s of seg.segment(run.text)) out.push({ text: s.segment, marks });
  }
  return out;
}

const isSpace = (t: Token) => /^\s+$/u.test(t.text);

/** Appends, merging with the previous segment of the same kind and marks (fewer, longer runs to render). */
function push(out: Segment[], s: Segment): void {
  const last = out[out.length - 1];
  if (
    last &&
    last.kind === s.kind &&
    sameMarks(last.marks, s.marks) &&
    (last.kind !== 'formatChanged' || sameMarks(last.before, (s as Extract<Segment, { kind: 'formatChanged' }>).before))
  ) {
    last.text += s.text;
    return;
  }
  out.push(s);
}

/**
 * `a` → `b` as segments. Between two changes, a lone space that happens to be common is folded into
 * the change ("~~the cat~~ a dog", not "~~the~~ a ~~cat~~ dog"): a reader sees phrases replaced, and
 * each deleted or inserted word still appears exactly once.
 */
export function diffRichText(a: RichText, b: RichText, locale = 'en'): Segment[] {
  const ta = tokenize(a, locale);
  const tb = tokenize(b, locale);
  const changes = diffArrays(
    ta.map((t) => t.text),
    tb.map((t) => t.text),
  );
  // Each change as a span of tokens on either side.
  type Span = { kind: 'equal' | 'deleted' | 'inserted'; from: number; count: number };
  const spans: Span[] = [];
  let ia = 0;
  let ib = 0;
  for (const c of changes) {
    const count = c.count;
    if (c.added) {
      spans.push({ kind: 'inserted', from: ib, count });
      ib += count;
    } else if (c.removed) {
      spans.push({ kind: 'deleted', from: ia, count });
      ia += count;
    } else {
      spans.push({ kind: 'equal', from: ia, count });
      ia += count;
      ib += count;
    }
  }

  const out: Segment[] = [];
  let pendingDel: Token[] = [];
  let pendingIns: Token[] = [];
  const flush = () => {
    // A space that both sides end with is common, not changed ("~~Cambodia~~ the Cambodian Delegation").
    const tail: Token[] = [];
    while (pendingDel.length && pendingIns.length && isSpace(pendingDel.at(-1)!) && pendingDel.at(-1)!.text === pendingIns.at(-1)!.text) {
      pendingDel.pop();
      tail.unshift(pendingIns.pop()!);
    }
    for (const t of pendingDel) push(out, { kind: 'deleted', text: t.text, marks: t.marks });
    for (const t of pendingIns) push(out, { kind: 'inserted', text: t.text, marks: t.marks });
    for (const t of tail) push(out, { kind: 'equal', text: t.text, marks: t.marks });
    pendingDel = [];
    pendingIns = [];
  };
  let bPos = 0;
  spans.forEach((span, i) => {
    if (span.kind === 'deleted') {
      pendingDel.push(...ta.slice(span.from, span.from + span.count));
      return;
    }
    if (span.kind === 'inserted') {
      pendingIns.push(...tb.slice(span.from, span.from + span.count));
      bPos += span.count;
      return;
    }
    const equalA = ta.slice(span.from, span.from + span.count);
    const equalB = tb.slice(bPos, bPos + span.count);
    bPos += span.count;
    const prevChanged = pendingDel.length + pendingIns.length > 0;
    const next = spans[i + 1];
    if (prevChanged && next && next.kind !== 'equal' && equalA.every(isSpace)) {
      pendingDel.push(...equalA);
      pendingIns.push(...equalB);
      return;
    }
    flush();
    equalA.forEach((t, k) => {
      const now = equalB[k]!;
      if (sameMarks(t.marks, now.marks)) push(out, { kind: 'equal', text: now.text, marks: now.marks });
      else push(out, { kind: 'formatChanged', text: now.text, marks: now.marks, before: t.marks });
    });
  });
  flush();
  return out;
}

/** Words (not spaces or punctuation) in a text, as a reader counts them. */
export function countWords(text: string, locale = 'en'): number {
  let n = 0;
  for (const s of segmenter(locale).segment(text)) if (s.isWordLike) n++;
  return n;
}

/** The segments as rich text: what `a` was (`side` 'before') or what `b` is ('after'). */
export function segmentsToRichText(segments: readonly Segment[], side: 'before' | 'after'): RichText {
  const out: RichText = [];
  for (const s of segments) {
    if ((side === 'before' && s.kind === 'inserted') || (side === 'after' && s.kind === 'deleted')) continue;
    const m = side === 'before' && s.kind === 'formatChanged' ? s.before : s.marks;
    out.push({ text: s.text, ...(m.bold ? { bold: true } : {}), ...(m.italic ? { italic: true } : {}) });
  }
  return out;
}
