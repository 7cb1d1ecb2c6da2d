import { describe, expect, it } from 'vitest';
import type { Block, Meeting } from '../../src/shared/minutes';
import { compareMeetings } from '../../src/shared/review/compare';
import { layoutRedline } from '../../src/shared/review/redline';
import { layoutMeeting } from '../../src/shared/format';
import { exportLayout } from '../../src/main/export';
import { generateLongMeeting } from './generate';
import { report } from './stats';

/**
 * Compare benchmark (issue 11): two versions of the generated ~200-page meeting, the newer with about
 * 200 edited blocks (a word replaced and a word added in each), two blocks moved, one added and one
 * removed. Prints the time of `compareMeetings` (target ≤ 300 ms) and, for the record, of the redline
 * layout and its DOCX. Figures only; nothing fails on time.
 */
const RUNS = Number(process.env['MINUTA_BENCH_RUNS'] ?? 10);
const EDITED = 200;

type Runs = { text: string }[];
const isRuns = (v: unknown): v is Runs => Array.isArray(v) && v.length > 0 && v.every((r) => typeof r === 'object' && r !== null && typeof (r as { text?: unknown }).text === 'string');

/** The first rich text inside a block (depth first), to edit. */
function firstText(v: unknown): Runs | undefined {
  if (isRuns(v)) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = firstText(x);
      if (t) return t;
    }
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'id') continue;
      const t = firstText(x);
      if (t) return t;
    }
  }
  return undefined;
}

function leaves(m: Meeting): Block[] {
  const out: Block[] = [];
  const walk = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.type === 'section') walk(b.blocks as Block[]);
      else if (b.type === 'session') walk(b.items as Block[]);
      else out.push(b);
    }
  };
  walk(m.body);
  return out;
}

function editedCopy(a: Meeting): { b: Meeting; edited: number } {
  const b = structuredClone(a);
  const all = leaves(b).filter((x) => firstText(x));
  const step = Math.max(1, Math.floor(all.length / EDITED));
  let edited = 0;
  for (let i = 0; i < all.length && edited < EDITED; i += step) {
    const runs = firstText(all[i])!;
    const r = runs[runs.length - 1]!;
    r.text = r.text.replace(/\b(\w{4,})\b/, 'amended') + ' (as agreed)';
    edited++;
  }
  // Two blocks moved between sessions, one added, one removed.
  const sessions = b.body.flatMap((x) => (x.type === 'section' ? x.blocks.filter((s) => s.type === 'session') : []));
  const [s1, s2, s3] = [sessions[1]!, sessions[Math.floor(sessions.length / 2)]!, sessions[sessions.length - 2]!];
  s3.items.push(...s1.items.splice(0, 1), ...s2.items.splice(0, 1));
  s2.items.push({ id: 'b_benchnew', type: 'paragraph', text: [{ text: 'A paragraph added by the reviewer.' }] });
  s1.items.splice(0, 1);
  return { b, edited };
}

describe('compare benchmark', () => {
  it('compares two versions of a 200-page meeting with ~200 edited blocks', async () => {
    const { meeting: a } = generateLongMeeting(200);
    const { b, edited } = editedCopy(a);
    const times: number[] = [];
    let c = compareMeetings(a, b);
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      c = compareMeetings(a, b);
      times.push(performance.now() - t);
    }
    console.log(
      `compare: ${leaves(a).length} leaf blocks, ${edited} edited; found ${c.counts.changed} changed, ${c.counts.moved} moved, ${c.counts.added} added, ${c.counts.removed} removed; ` +
        `${c.counts.insertedWords} words inserted, ${c.counts.deletedWords} deleted`,
    );
    report('compareMeetings (200 pages, ~200 edited blocks)', times, '≤ 300 ms');
    expect(c.counts.moved).toBe(2);

    const layoutTimes: number[] = [];
    const docxTimes: number[] = [];
    const plainLayoutTimes: number[] = [];
    const plainDocxTimes: number[] = [];
    const fallback = { author: 'bench', date: '2026-06-12T10:00:00.000Z' };
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      let t = performance.now();
      const layout = await layoutRedline(a, b, compareMeetings(a, b), { labels: { a: 'A', b: 'B' }, fallback });
      layoutTimes.push(performance.now() - t);
      t = performance.now();
      await exportLayout(layout, 'docx');
      docxTimes.push(performance.now() - t);
      // The same document exported plainly, for scale on this machine.
      t = performance.now();
      const plain = await layoutMeeting(b);
      plainLayoutTimes.push(performance.now() - t);
      t = performance.now();
      await exportLayout(plain, 'docx');
      plainDocxTimes.push(performance.now() - t);
    }
    report('compare + redline layout (200 pages)', layoutTimes);
    report('redline DOCX from the layout (200 pages)', docxTimes);
    report('for scale: plain layout of the newer version', plainLayoutTimes);
    report('for scale: plain DOCX of the newer version', plainDocxTimes);
  });
});
