import { afterAll, beforeAll, describe, it } from 'vitest';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { openDatabase, type Db } from '../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../src/main/store/meetings';
import { createServices } from '../../src/main/services';
import { diffMeetings, plain, type Meeting } from '../../src/shared/minutes';
import { loadFixture, tempDir } from '../support/temp';
import { generateLongMeeting } from './generate';
import { REINDEX_EVERYTHING } from '../../src/main/store/migrations/008-decisions';
import { trackerView } from '../../src/main/services/decisions';
import { percentile, report, time } from './stats';

/**
 * Store benchmarks (issues 3 and 9): the autosave of one edited block as the app runs it (through
 * services.dispatch: payload validation + store) on a generated 200-page meeting, its payload, and FTS
 * search over 10,000 generated meetings. Targets: save p99 ≤ 5 ms, payload ≤ 10 KB, search p99 ≤ 30 ms.
 * Figures only; nothing fails on time.
 */
const MEETINGS = Number(process.env['MINUTA_BENCH_MEETINGS'] ?? 10_000);

let tmp: ReturnType<typeof tempDir>;
let db: Db;
let store: MeetingStore;
let vocabulary: string[];

/** A deterministic generator so that runs compare. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Rewrites every text run of a document with words drawn from the seeds' vocabulary. */
function scramble(value: unknown, next: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => scramble(v, next));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'text' && typeof v === 'string') {
        const words = v.split(/\s+/).length;
        out[k] = Array.from({ length: words }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
      } else out[k] = scramble(v, next);
    }
    return out;
  }
  return value;
}

beforeAll(() => {
  tmp = tempDir('minuta-bench-');
  db = openDatabase(join(tmp.dir, 'bench.sqlite'));
  store = createMeetingStore(db);
  const seeds = [loadFixture(2018), loadFixture(2019)];
  vocabulary = [...new Set(JSON.stringify(seeds).match(/[A-Za-z]{4,}/g) ?? [])];
  const next = rng(42);
  const start = performance.now();
  const insertBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const base = seeds[i % 2]!;
      // Half-length documents on average: a realistic spread of short and long minutes.
      const body = base.body.slice(0, 1 + Math.floor(next() * base.body.length));
      const doc = scramble({ ...base, body }, next) as Meeting;
      doc.id = `m_bench${i}`;
      doc.dates = { start: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, end: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}` };
      store.create(doc, 'generator');
    }
  });
  for (let i = 0; i < MEETINGS; i += 500) insertBatch(i, Math.min(MEETINGS, i + 500));
  store.create(loadFixture(2018), 'generator');
  console.log(
    `\nGenerated ${MEETINGS} meetings in ${((performance.now() - start) / 1000).toFixed(1)} s; ` +
      `database ${(['', '-wal'].reduce((n, s) => n + statSync(join(tmp.dir, `bench.sqlite${s}`)).size, 0) / 1e6).toFixed(0)} MB (file + WAL)\n`,
  );
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

describe('store benchmarks', () => {
  it('autosave of one edited block (the 2018 minutes, ~40 kB), store only', () => {
    const stored = store.get(loadFixture(2018).id)!;
    let meeting = stored.meeting;
    let base = stored.seq;
    const index = meeting.body.findIndex((b) => b.type === 'paragraph');
    const samples: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const next = { ...meeting, body: [...meeting.body] };
      next.body[index] = { ...(meeting.body[index] as Extract<Meeting['body'][number], { type: 'paragraph' }>), text: plain(`Typed ${i} characters so far.`) };
      const changes = diffMeetings(meeting, next);
      samples.push(time(() => (base = store.save(meeting.id, base, changes, 'minute-taker').seq)));
      meeting = next;
    }
    report('store.save, one block changed (2018 minutes)', samples.slice(100), 'p99 ≤ 5 ms');
  });

  it('autosave of one edited block on a 200-page meeting, through services.dispatch', async () => {
    const { meeting: long, chars, sessions } = generateLongMeeting(200);
    const services = createServices({ databasePath: join(tmp.dir, 'ipc.sqlite'), version: 'bench', author: 'minute-taker' });
    try {
      const created = services.store.create(long, 'generator');
      let meeting = created.meeting;
      let base = created.seq;
      // A paragraph-like leaf deep in the long section: the worst place for a whole-document save.
      const section = meeting.body.findIndex((b) => b.type === 'section' && b.blocks.some((x) => x.type === 'session'));
      const withPresentation = (meeting.body[section] as Extract<Meeting['body'][number], { type: 'section' }>).blocks.flatMap((b, i) =>
        b.type === 'session' && b.items.some((x) => x.type === 'presentation') ? [i] : [],
      );
      const samples: number[] = [];
      const bytes: number[] = [];
      for (let i = 0; i < 1_100; i++) {
        const sec = meeting.body[section] as Extract<Meeting['body'][number], { type: 'section' }>;
        const si = withPresentation[withPresentation.length - 1 - (i % 20)]!;
        const session = sec.blocks[si] as Extract<Meeting['body'][number], { type: 'session' }>;
        const items = [...session.items];
        const leaf = items.findIndex((x) => x.type === 'presentation');
        const presentation = items[leaf] as Extract<(typeof items)[number], { type: 'presentation' }>;
        items[leaf] = { ...presentation, heading: plain(`Presentation heading typed ${i} times`) };
        const blocks = [...sec.blocks];
        blocks[si] = { ...session, items };
        const body = [...meeting.body];
        body[section] = { ...sec, blocks };
        const next = { ...meeting, body };
        // What the renderer sends: its diff (structural sharing, so it costs the edit), as JSON over IPC.
        const payload = JSON.parse(JSON.stringify({ id: meeting.id, base, changes: diffMeetings(meeting, next) })) as unknown;
        bytes.push(Buffer.byteLength(JSON.stringify(payload)));
        const start = performance.now();
        const result = await services.dispatch('saveMeeting', payload);
        samples.push(performance.now() - start);
        if (!result.ok) throw new Error(result.error.message);
        if ((result.value as { changed: string[] }).changed.length !== 1) throw new Error('expected a one-block save');
        base = (result.value as { seq: number }).seq;
        meeting = next;
      }
      const measured = samples.slice(100);
      console.log(`\n200-page meeting: ${chars} characters, ${sessions} sessions, ${created.meeting.body.length} top-level blocks`);
      report('saveMeeting via dispatch (validate + store)', measured, 'p99 ≤ 5 ms');
      console.log(`${''.padEnd(52)}          p95=${percentile(measured, 95).toFixed(3)} ms  max=${Math.max(...measured).toFixed(3)} ms`);
      console.log(`  payload as JSON: p50 ${percentile(bytes, 50)} bytes, max ${Math.max(...bytes)} bytes (target ≤ 10 KB)`);
    } finally {
      services.close();
    }
  });

  it(`FTS search over ${MEETINGS} meetings`, () => {
    const next = rng(7);
    const queries = [
      'pink card',
      'Zawgyi',
      'Siem Reap',
      'recruitment agencies',
      ...Array.from({ length: 196 }, () => vocabulary[Math.floor(next() * vocabulary.length)]!),
    ];
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) for (const q of queries) samples.push(time(() => store.search(q)));
    report('store.search (50 best hits with snippets)', samples, 'p99 < 30 ms');
    const common = queries.slice(4, 24).map((q) => time(() => store.search(q)));
    report('  …of which single common words', common);
  });
});

describe('search after the upgrade to prose-only indexing (migration 008), and decisions', () => {
  it(`re-indexes ${MEETINGS} meetings once, then searches and lists decisions`, () => {
    const marked = time(() => db.exec(REINDEX_EVERYTHING));
    const pending = db.prepare('SELECT count(*) FROM search_pending').pluck().get() as number;
    const flushed = time(() => store.flushIndex());
    console.log(
      `\nUpgrade re-index of ${MEETINGS} meetings: marking ${pending} blocks pending ${marked.toFixed(0)} ms (in the migration), ` +
        `re-indexing them ${(flushed / 1000).toFixed(1)} s (before the first search, or when idle)\n`,
    );
    const next = rng(11);
    const queries = Array.from({ length: 100 }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
    report('store.search decisions only', queries.map((q) => time(() => store.search(q, 50, { decisions: true }))), 'p99 < 30 ms');
    const tracker = [0, 1, 2].map(() => time(() => trackerView(store)));
    report(`decisions tracker over ${MEETINGS} meetings (every head read and verified)`, tracker);
  });
});
