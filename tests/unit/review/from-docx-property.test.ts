import { describe, expect, it } from 'vitest';
import { layoutContent, layoutMeeting } from '../../../src/shared/format/agreed';
import { type LayoutBlock, type LayoutList, type Run, tableRuns } from '../../../src/shared/format/layout';
import { type Meeting, richTextToString, validateMeeting, walkIds } from '../../../src/shared/minutes';
import { Suggestion } from '../../../src/shared/minutes/reviewSuggestions';
import { applyChanges } from '../../../src/shared/review/applyChanges';
import { fieldText, findAnchorOwner } from '../../../src/shared/review/comments';
import { indexIds } from '../../../src/shared/review/compare';
import { suggestionsFromDocx } from '../../../src/shared/review/fromDocx';
import { generateMeeting, propertyRuns } from '../../support/generateMeeting';
import {
  type CopyPara,
  acceptedTextWithoutXrefs,
  copyOf,
  counterIds,
  deleteParagraph,
  deleteWord,
  fieldWords,
  insertAfterWord,
  insertParagraph,
  replaceWord,
  reviewedDocx,
  wordsOf,
} from '../../support/reviewedCopy';

/**
 * The round trip as a property: random meetings, random word edits of their review copy (words
 * replaced, inserted, deleted; paragraphs of lists and blocks deleted and added), read back as Word
 * would give them, tracked and untracked. Mapped and applied to the base, the minutes print the
 * edited text word for word, and a reviewer who forgot to track gets the same changes.
 */

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lineWords(m: Meeting): string[] {
  const text: string[] = [];
  const list = (l: LayoutList): void =>
    l.items.forEach((it) => {
      text.push(str(it.runs));
      it.children.forEach((c) => (c.kind === 'list' ? list(c) : text.push(str(c.runs))));
    });
  // Without what cross-references print (their targets' numbers, which an added or removed paragraph shifts).
  const str = (rs: readonly Run[]) => rs.filter((r) => r.xref === undefined).map((r) => r.text).join('');
  for (const b of layoutContent(m) as LayoutBlock[]) {
    if (b.kind === 'title') b.lines.forEach((l) => text.push(str(l.runs)));
    else if (b.kind === 'heading' || b.kind === 'paragraph') text.push(str(b.runs));
    else if (b.kind === 'list') list(b);
    else if (b.kind === 'signatures') b.cells.forEach((c) => [c.role, c.name, ...c.titleLines].forEach((l) => text.push(str(l))));
    else if (b.kind === 'table') tableRuns(b).forEach((l) => text.push(str(l)));
    else b.steps.forEach((s) => [s.headline, s.placeDate, s.signerRole].forEach((l) => text.push(str(l))));
  }
  return wordsOf(text.join('\n'), m.language);
}

const LEAF_LINE = new Set(['paragraph', 'next-meeting', 'observers', 'signing', 'disclaimer']);

/** What a paragraph of the copy prints: its one field, if it has exactly one and no words of the format. */
function soleField(p: CopyPara): { id: string; path: string; generated: boolean } | undefined {
  const runs = (p.runs ?? []).filter((r) => r.text.trim() !== '');
  const fields = new Set(runs.filter((r) => r.from).map((r) => `${r.from!.id} ${r.from!.path}`));
  if (fields.size !== 1) return undefined;
  const [id, path] = [...fields][0]!.split(' ') as [string, string];
  return { id, path, generated: runs.some((r) => !r.from && /[\p{L}\p{N}]/u.test(r.text)) };
}

interface Edits {
  paras: CopyPara[];
  count: number;
}

/** Random edits a reviewer could make, all of which the model can hold. */
function edit(base: Meeting, seed: number): Edits {
  const rnd = random(seed);
  const paras = copyOf(base);
  const index = indexIds(base);
  const targets = new Set(walkIds(base).refs.filter((r) => r.kind === 'target').map((r) => r.id));
  const printed = (b: unknown) => {
    const o = b as { text?: { text: string }[]; country?: string };
    return richTextToString((o.text ?? []) as never).trim() !== '' || (o.country ?? '').trim() !== '';
  };
  const lastOf = new Map<string, number>();
  paras.forEach((p, i) => p.source && lastOf.set(p.source, i));
  // A field printed in two places (an agenda item's title in the agenda and in its heading) changes in
  // both when one is edited: the printed text then differs from the edited copy by design, so such
  // paragraphs are left alone here.
  const fieldsOf = (p: CopyPara) => new Set((p.runs ?? []).filter((r) => r.from).map((r) => `${r.from!.id} ${r.from!.path}`));
  const seen = new Map<string, number>();
  for (const p of paras) for (const k of fieldsOf(p)) seen.set(k, (seen.get(k) ?? 0) + 1);
  const printedTwice = (p: CopyPara) => [...fieldsOf(p)].some((k) => seen.get(k)! > 1);
  let tag = 0;
  const word = () => ` zq${++tag}x`;
  const n = 1 + Math.floor(rnd() * 10);
  let count = 0;
  for (let k = 0; k < n * 4 && count < n; k++) {
    const i = Math.floor(rnd() * paras.length);
    const p = paras[i]!;
    if (p.state !== 'kept' || !p.runs || printedTwice(p)) continue;
    const r = rnd();
    const words = fieldWords(p, base.language);
    if (r < 0.7) {
      if (words.length === 0) continue;
      const w = words[Math.floor(rnd() * words.length)]!;
      // A paragraph keeps one of its words: one with every word changed is, without tracking, as
      // much a paragraph removed and another added as an edited one.
      const op = rnd();
      if (op < 0.3) insertAfterWord(p, w, word());
      else if (words.length < 2) continue;
      else if (op < 0.65) replaceWord(p, w, word().trim());
      else deleteWord(p, w);
      count++;
      continue;
    }
    const f = soleField(p);
    const owner = f ? index.get(f.id) : undefined;
    const isBullet = owner !== undefined && f!.path === 'text' && (owner.value as { type?: string }).type === undefined;
    if (r < 0.85) {
      // Delete a paragraph: an element of a list field, a bullet with no nested ones among printed
      // siblings, or a one-line block.
      const siblings = isBullet ? (valueAtList(index.get(owner.at.parent)?.value, owner.at.list) ?? []) : [];
      const ok =
        // (A delegation's last described paragraph gone, its data would print instead: not a deletion the model can hold.)
        (f && !f.generated && /(paragraphs|titleLines)\.\d+$/.test(f.path)) ||
        (isBullet && !((owner.value as { children?: unknown[] }).children?.length) && siblings.filter(printed).length >= 2) ||
        (f && !f.generated && p.source !== undefined && LEAF_LINE.has(String(index.get(p.source)?.value['type'])) && paras.filter((x) => x.source === p.source).length === 1);
      // A paragraph a cross-reference points at cannot go (the minutes refuse a dangling reference).
      if (!ok || targets.has(isBullet ? f!.id : (p.source ?? ''))) continue;
      deleteParagraph(p);
      count++;
      continue;
    }
    // Add a paragraph: after an element (in its list) or after a block's last line (a new block).
    const type = p.source !== undefined ? String(index.get(p.source)?.value['type']) : '';
    if (f && (/(paragraphs|description|titleLines)\.\d+$/.test(f.path) || isBullet)) insertParagraph(paras, i, `new${word()}${word()}`, true);
    else if (p.source !== undefined && lastOf.get(p.source) === i && type !== 'section' && type !== 'session') insertParagraph(paras, i, `new${word()}`, false);
    else continue;
    paras.forEach((x, j) => x.source && lastOf.set(x.source, j));
    count++;
  }
  return { paras, count };
}

function valueAtList(owner: Record<string, unknown> | undefined, path: string): unknown[] | undefined {
  let v: unknown = owner;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return Array.isArray(v) ? v : undefined;
}

const WHO = { author: 'Reviewer One', date: '2026-11-30T10:00:00Z' };
const map = (base: Meeting, paras: CopyPara[], tracked: boolean) =>
  suggestionsFromDocx(reviewedDocx(paras, tracked, WHO), base, { importId: 'imp_1', reviewer: 'Last Author', newId: counterIds(), now: () => '2026-11-30T12:00:00Z' });

describe('a reviewed copy mapped back and applied prints the edited text (random meetings)', () => {
  const runs = propertyRuns(60);
  it(`${runs} meetings, tracked and untracked`, () => {
    let edits = 0;
    let changes = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const base = generateMeeting(seed);
      const { paras, count } = edit(base, seed * 7919);
      edits += count;
      const expected = wordsOf(acceptedTextWithoutXrefs(paras), base.language);
      const tracked = map(base, paras, true);
      const untracked = map(base, paras, false);
      for (const [which, m] of [['tracked', tracked], ['untracked', untracked]] as const) {
        expect(m.unplaced, `seed ${seed} ${which}: ${JSON.stringify(m.suggestions.filter((s) => s.change.kind === 'unplaced').map((s) => s.change)).slice(0, 600)}`).toBe(0);
        for (const s of m.suggestions) expect(Suggestion.safeParse(s).success, `seed ${seed}: ${JSON.stringify(s).slice(0, 300)}`).toBe(true);
        const applied = applyChanges(base, m.suggestions.map((s) => s.change));
        const valid = validateMeeting(applied);
        expect(valid.ok, `seed ${seed} ${which}: ${valid.ok ? '' : valid.errors.slice(0, 3).join('; ')}`).toBe(true);
        expect(lineWords(applied).join(' '), `seed ${seed} ${which}`).toBe(expected.join(' '));
      }
      // Tracking on or off: the same changes, told apart only by who and when.
      expect(untracked.suggestions.map((s) => s.change), `seed ${seed}`).toEqual(tracked.suggestions.map((s) => s.change));
      expect(tracked.suggestions.filter((s) => !(s.tracked && s.author === WHO.author && s.at === WHO.date)), `seed ${seed}`).toEqual([]);
      expect(untracked.suggestions.every((s) => !s.tracked && s.author === 'Last Author')).toBe(true);
      expect(untracked.untracked).toBe(untracked.suggestions.length);
      changes += tracked.suggestions.length;
    }
    // The property ran on real edits, not on untouched copies.
    expect(edits).toBeGreaterThan(runs * 2);
    expect(changes).toBeGreaterThan(runs * 2);
  });
});

describe('provenance in the layout', () => {
  it('every run that names a field holds that field’s text at its offset; exports lay out no provenance', async () => {
    let checked = 0;
    for (let seed = 1; seed <= propertyRuns(60); seed++) {
      const m = generateMeeting(seed);
      const plain = layoutContent(m);
      const traced = layoutContent(m, { provenance: true });
      // The same lines, word for word, with or without provenance.
      expect(linesOf(traced)).toEqual(linesOf(plain));
      for (const r of runsOf(traced)) {
        if (!r.from) continue;
        // The title's fields are the meeting's own.
        const text = fieldText(r.from.id === m.id ? m : findAnchorOwner(m, r.from.id), r.from.path);
        expect(text?.slice(r.from.start, r.from.start + r.text.length), `seed ${seed}: ${r.from.id} ${r.from.path}`).toBe(r.text);
        checked++;
      }
      expect(JSON.stringify(await layoutMeeting(m))).not.toContain('"from"');
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

function runsOf(blocks: readonly LayoutBlock[]): Run[] {
  const out: Run[] = [];
  const list = (l: LayoutList): void =>
    l.items.forEach((it) => {
      out.push(...it.runs);
      it.children.forEach((c) => (c.kind === 'list' ? list(c) : out.push(...c.runs)));
    });
  for (const b of blocks) {
    if (b.kind === 'title') b.lines.forEach((l) => out.push(...l.runs));
    else if (b.kind === 'heading' || b.kind === 'paragraph') out.push(...b.runs);
    else if (b.kind === 'list') list(b);
    else if (b.kind === 'signatures') b.cells.forEach((c) => [c.role, c.name, ...c.titleLines].forEach((l) => out.push(...l)));
    else if (b.kind === 'table') tableRuns(b).forEach((l) => out.push(...l));
    else b.steps.forEach((s) => [s.headline, s.placeDate, s.signerRole].forEach((l) => out.push(...l)));
  }
  return out;
}

/** Each layout block's text and marks per character (how the runs are cut aside). */
function linesOf(blocks: readonly LayoutBlock[]): string[] {
  return blocks.map((b) =>
    runsOf([b])
      .map((r) => [...r.text].map((ch) => `${ch}${r.bold ? '*' : ''}${r.italic ? '/' : ''}`).join(''))
      .join(''),
  );
}
