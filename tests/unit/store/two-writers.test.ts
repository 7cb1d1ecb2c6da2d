import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../../src/main/store/meetings';
import { checkDatabase } from '../../../src/main/store/integrity';
import { canonicalJson } from '../../../src/shared/canonicalJson';
import { isMinutaError } from '../../../src/shared/errors';
import { diffMeetings, plain, type Meeting } from '../../../src/shared/minutes';
import { bundleForNode } from '../../support/bundle';
import { loadFixture, tempDir } from '../../support/temp';

/**
 * Two writers on one database (two windows, two app instances, the app and the CLI), each saving on
 * its own base: every save is applied on the base it names or refused as a conflict. Never a silent
 * overwrite: the head is the last acknowledged save, and the search index matches the head.
 */
let tmp: ReturnType<typeof tempDir>;
let writer: string;
beforeAll(async () => {
  tmp = tempDir('minuta-two-writers-');
  writer = await bundleForNode(resolve('tests/support/save-writer.ts'), resolve('out/test-bundles/save-writer.mjs'));
}, 60_000);
afterAll(() => tmp.cleanup());

const sha = (m: Meeting) => createHash('sha256').update(canonicalJson(m)).digest('hex');
type Paragraph = Extract<Meeting['body'][number], { type: 'paragraph' }>;

/** After the run: the head equals the last acknowledged save, the check passes, search finds exactly the head's words. */
function expectSound(file: string, meetingId: string, lastAck: string, lastWords: string[], goneWords: string[]) {
  const db = openDatabase(file);
  try {
    const store = createMeetingStore(db);
    expect(sha(store.get(meetingId)!.meeting), 'head = last acknowledged save').toBe(lastAck);
    store.flushIndex();
    expect(checkDatabase(db).problems).toEqual([]);
    for (const word of lastWords) expect(store.search(word).map((h) => h.id), word).toEqual([meetingId]);
    for (const word of goneWords) expect(store.search(word), word).toEqual([]);
  } finally {
    db.close();
  }
}

describe('two writers', () => {
  it('two store instances on two connections, interleaved at random: applied on the right base or refused', () => {
    const file = join(tmp.dir, 'interleaved.sqlite');
    const dbs = [openDatabase(file), openDatabase(file)];
    try {
      const stores: MeetingStore[] = dbs.map((db) => createMeetingStore(db));
      const m = loadFixture(2019);
      stores[0]!.create(m, 'ana');
      const paragraphs = m.body.filter((b) => b.type === 'paragraph').map((b) => b.id);
      const writers = stores.map((store, w) => ({ store, name: ['ana', 'ben'][w]!, ...store.get(m.id)! }));
      let seed = 12345;
      const rng = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
      let lastAck = sha(m);
      const typed: string[] = [];
      let applied = 0;
      let refused = 0;
      for (let step = 0; step < 300; step++) {
        const w = writers[rng() < 0.5 ? 0 : 1]!;
        const target = paragraphs[Math.floor(rng() * paragraphs.length)]!;
        const word = `w${step}q${w.name}`;
        const next = { ...w.meeting, body: w.meeting.body.map((b) => (b.id === target ? { ...(b as Paragraph), text: plain(`typed ${word}`) } : b)) };
        try {
          const result = w.store.save(m.id, w.seq, diffMeetings(w.meeting, next), w.name);
          expect(result.seq, 'each save moves the seq on by one').toBe(w.seq + 1);
          w.seq = result.seq;
          w.meeting = next;
          lastAck = sha(next);
          typed.push(word);
          applied++;
        } catch (error) {
          if (!(isMinutaError(error) && error.code === 'conflict')) throw error;
          refused++;
          Object.assign(w, w.store.get(m.id)!);
        }
        // Sometimes both open the same state and save from that one base: the first is applied, the second refused.
        if (rng() < 0.1) {
          for (const x of writers) Object.assign(x, x.store.get(m.id)!);
          const [first, second] = rng() < 0.5 ? writers : [writers[1]!, writers[0]!];
          const edit = (x: typeof first, text: string) => ({
            ...x!.meeting,
            body: x!.meeting.body.map((b) => (b.id === paragraphs[0] ? { ...(b as Paragraph), text: plain(text) } : b)),
          });
          const won = edit(first, `typed s${step}q${first!.name}`);
          first!.seq = first!.store.save(m.id, first!.seq, diffMeetings(first!.meeting, won), first!.name).seq;
          first!.meeting = won;
          lastAck = sha(won);
          typed.push(`s${step}q${first!.name}`);
          const lost = edit(second, `typed s${step}q${second!.name}`);
          const error = (() => {
            try {
              second!.store.save(m.id, second!.seq, diffMeetings(second!.meeting, lost), second!.name);
            } catch (e) {
              return e;
            }
            return undefined;
          })();
          expect(isMinutaError(error) && error.code, 'the second save from one base').toBe('conflict');
          refused++;
          Object.assign(second!, second!.store.get(m.id)!);
        }
      }
      expect(applied).toBeGreaterThan(50);
      expect(refused).toBeGreaterThan(20);
      const head = writers[0]!.store.get(m.id)!.meeting;
      const inHead = typed.filter((word) => JSON.stringify(head).includes(word));
      const gone = typed.filter((word) => !JSON.stringify(head).includes(word)).slice(-20);
      for (const db of dbs) db.close();
      expectSound(file, m.id, lastAck, inHead, gone);
    } finally {
      for (const db of dbs) if (db.open) db.close();
    }
  });

  it('two processes saving concurrently: acknowledged seqs are distinct, and the head is the last of them', async () => {
    const file = join(tmp.dir, 'processes.sqlite');
    const db = openDatabase(file);
    const m = loadFixture(2019);
    createMeetingStore(db).create(m, 'setup');
    db.close();
    const paragraphs = m.body.filter((b) => b.type === 'paragraph').map((b) => b.id);
    const run = (name: string, block: string) =>
      new Promise<{ acks: Array<{ seq: number; hash: string; i: number }>; conflicts: number }>((done, fail) => {
        const child = spawn(process.execPath, [writer, file, m.id, name, block, '300'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (code) => {
          if (code !== 0) return fail(new Error(`${name} exited ${code}: ${err}`));
          const acks = out
            .split('\n')
            .filter((l) => l.startsWith('ACK '))
            .map((l) => {
              const [, seq, hash, i] = l.split(' ');
              return { seq: Number(seq), hash: hash!, i: Number(i) };
            });
          done({ acks, conflicts: Number(/DONE (\d+)/.exec(out)?.[1] ?? -1) });
        });
      });
    const [ana, ben] = await Promise.all([run('ana', paragraphs[0]!), run('ben', paragraphs[1]!)]);
    const all = [...ana.acks, ...ben.acks].sort((a, b) => a.seq - b.seq);
    // Every acknowledged save moved the seq on by one from its own base: no two share a seq.
    expect(new Set(all.map((a) => a.seq)).size).toBe(all.length);
    expect(all.length).toBe(ana.acks.length + ben.acks.length);
    expect(ana.acks.length).toBeGreaterThan(0);
    expect(ben.acks.length).toBeGreaterThan(0);
    const last = all.at(-1)!;
    const lastWriter = ana.acks.includes(last) ? 'ana' : 'ben';
    const otherLast = (lastWriter === 'ana' ? ben : ana).acks.at(-1)!;
    console.log(`two processes: ${all.length} saves acknowledged, ${ana.conflicts + ben.conflicts} refused as conflicts`);
    expectSound(
      file,
      m.id,
      last.hash,
      [`word${last.i}x${lastWriter}`],
      [`word${Math.max(0, last.i - 1)}x${lastWriter}`].filter(() => last.i > 0),
    );
    expect(otherLast.seq).toBeLessThan(last.seq);
  }, 120_000);
});
