import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServices, type Services } from '../../src/main/services';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { contract, methods, type Method } from '../../src/shared/ipc/contract';
import { MAX_ERROR_MESSAGE } from '../../src/shared/errors';
import { canonicalJson } from '../../src/shared/canonicalJson';
import { richTextToString, splitMeeting } from '../../src/shared/minutes';
import { storeMappedReview } from '../../src/main/review/importReview';
import { reviews2019 } from '../support/reviews';
import type { ReviewChange } from '../../src/shared/minutes/reviewSuggestions';
import { FIXTURES, loadFixture, tempDir } from '../support/temp';
import { trackerView } from '../../src/main/services/decisions';
import { digest, generate, mutate, requestSchema, seeded, type Pools } from '../support/fuzz';
import { readFileSync } from 'node:fs';
import { createSettingsStore } from '../../src/main/settings/settingsFile';
import { createTestPki, type Signer } from '../support/pki';
import { minimalSignatureCopy } from './signoff/helpers';

/** Every meeting, wherever it is listed (home, archive, trash): restore and archive need them all. */
const allMeetings = () => [...services.store.list('active'), ...services.store.list('archived'), ...services.store.list('trash')];

/**
 * IPC fuzz, generated from the contract: for every method, payloads built from its request schema
 * (valid-looking) and hostile mutations of them (wrong types, huge strings, deep nesting, prototype
 * keys, NUL, lone surrogates, NaN/1e308, extra keys), dispatched through the app's own dispatch over
 * real services on a real SQLite file. Every answer must be an envelope: accepted, or rejected with a
 * code other than `internal` and a message ≤ 2 KB; a rejection must leave the database's content
 * exactly as it was. A new method or field is covered without touching this file.
 *
 * MINUTA_SOAK=1 runs 5,000+ cases (npm run soak); MINUTA_FUZZ_SEED replays a run.
 */
const SOAK = process.env['MINUTA_SOAK'] === '1';
const TOTAL = Number(process.env['MINUTA_FUZZ_CASES'] ?? (SOAK ? 5_000 : 800));
const SEED = Number(process.env['MINUTA_FUZZ_SEED'] ?? 20261130);

let tmp: ReturnType<typeof tempDir>;
let services: Services;
const importFiles: (string | undefined)[] = [];
let importIndex = 0;
/** "Sign as…": the dialogs' answers cycle through cancel, a real copy and files that are not copies. */
const signFiles: { copies: (string | undefined)[]; keys: (string | undefined)[]; outs: (string | undefined)[] } = { copies: [], keys: [], outs: [] };
const signIndex = { copy: 0, key: 0, out: 0 };
let signer: Signer;
/** The sessions chooseSigningCopy handed out, for the calls that name one. */
const signSessions: string[] = [];
let verifyIndex = 0;

beforeAll(() => {
  tmp = tempDir('minuta-fuzz-');
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, content);
    return path;
  };
  const seed = readFileSync(FIXTURES[2019]);
  importFiles.push(
    undefined, // the user cancels
    FIXTURES[2019],
    file('bom.minuta.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seed])),
    file('latin1.minuta.json', Buffer.concat([seed.subarray(0, 200), Buffer.from([0xe9]), seed.subarray(200)])),
    file('zip.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(5000, 7)])),
    file('garbage.minuta.json', Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 31) % 256))),
    file('keys.minuta.json', JSON.stringify({ format: 'minuta', version: 1, meeting: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`.repeat(50), i])) })),
    join(tmp.dir, 'missing.minuta.json'),
    tmp.dir,
    '/proc/self/status',
  );
  signer = createTestPki(join(tmp.dir, 'pki')).issue({ name: 'lao', subject: '/C=LA/O=Ministry of Public Security/CN=Fuzz Signer', key: 'ec-p256' });
  // The real copy first: the first round's chooseSigningCopy hands out a session the signing calls can use.
  signFiles.copies.push(file('copy.pdf', minimalSignatureCopy()), undefined, FIXTURES[2019], join(tmp.dir, 'garbage.minuta.json'), join(tmp.dir, 'missing.pdf'));
  signFiles.keys.push(signer.p12, undefined, join(tmp.dir, 'zip.docx'));
  signFiles.outs.push(undefined, join(tmp.dir, 'signed-out.pdf'));
  services = createServices({
    databasePath: join(tmp.dir, 'minuta.sqlite'),
    version: 'fuzz',
    author: 'fuzzer',
    export: {
      dialog: { chooseDestination: async ({ defaultName }) => join(tmp.dir, 'exports', defaultName) },
      createPrinter: () => new PlaywrightPrinter(),
    },
    importDialog: { chooseMinutesFile: async () => importFiles[importIndex++ % importFiles.length] },
    // A copy to verify: cancelled, a minutes file (not a copy), a missing file, garbage.
    verifyDialog: { chooseCopy: async () => [undefined, FIXTURES[2019], join(tmp.dir, 'missing.pdf'), join(tmp.dir, 'garbage.minuta.json')][verifyIndex++ % 4] },
    signDialog: {
      chooseCopy: async () => signFiles.copies[signIndex.copy++ % signFiles.copies.length],
      chooseKey: async () => signFiles.keys[signIndex.key++ % signFiles.keys.length],
      chooseDestination: async () => signFiles.outs[signIndex.out++ % signFiles.outs.length],
    },
    // Every meeting counts as approved, so each named version has a signature copy to export.
    workflowState: () => 'approved',
    settings: createSettingsStore(join(tmp.dir, 'settings.json')),
    // The DOCX reader is not this branch's: a reader that hands over a pre-mapped review (content that
    // could not be placed, so that it suits any meeting), made from the version the file names or the latest.
    reviewReader: (_bytes, base, { meetingId }) => ({
      baseRevision: base.chosen?.revisionId ?? services.store.get(meetingId)!.revisionId,
      reviewer: 'Fuzz Reviewer',
      threads: [],
      suggestions: [{ author: 'Fuzz Reviewer', tracked: false, change: { kind: 'unplaced', deleted: '', inserted: 'A note in the margin' } }],
    }),
  });
  // In each meeting, a thread to reply to and resolve, and a version (named "Final", as signature copies
  // want, and "Draft 1", as review copies want) to make copies from.
  for (const year of [2019, 2018] as const) {
    const created = services.store.create(loadFixture(year), 'seed');
    services.store.comments.add(created.id, { blockId: created.meeting.body[0]!.id }, 'Seed comment', 'seed');
    services.store.nameVersion(created.id, 'Draft 1', 'seed');
    services.store.nameVersion(created.id, 'Final', 'seed');
  }
  // Three delegations' reviews of the 2019 seed (pre-mapped, as the DOCX reader will hand them over),
  // so that accepting and rejecting meet real, overlapping suggestions.
  const m2019 = services.store.get(loadFixture(2019).id)!;
  const reviews = reviews2019(m2019.meeting, m2019.revisionId);
  for (const [i, key] of (['cambodia', 'lao', 'myanmar'] as const).entries()) {
    storeMappedReview(services.db, services.store, { meetingId: m2019.id, fileName: `${key}.docx`, sha256: String(i).repeat(64) }, reviews[key], 'seed');
  }
  // A sealed meeting, so that the workflow's methods meet every state (a corrigendum needs one).
  const sealed = services.store.create({ ...loadFixture(2019), id: 'm_sealed' }, 'seed').id;
  for (const t of ['submit', 'approve', 'seal'] as const) services.store.workflow.transition(sealed, t, 'seed');
  // A meeting in the trash from the start, so that restoreMeeting's example is accepted whatever the
  // seed (otherwise only when a generated trashMeeting happened to succeed before it).
  const trashed = services.store.create({ ...loadFixture(2018), id: 'm_trashed' }, 'seed').id;
  services.store.trash(trashed, 'seed');
}, 60_000);

afterAll(async () => {
  await services?.exports?.close();
  services?.close();
  tmp?.cleanup();
});

/**
 * A payload naming a meeting and one of its revisions or versions (restoreRevision, compareVersions,
 * getRevision…) mostly names one that meeting has, as a real caller's does: drawn independently, the
 * two would almost never agree, and those handlers would only ever be reached to refuse. The
 * mutations still take care of disagreeing.
 */
function versionsOfItsMeeting(payload: unknown, rng: () => number): unknown {
  if (payload === null || typeof payload !== 'object' || rng() < 0.25) return payload;
  const p = payload as Record<string, unknown>;
  const revisions = typeof p['id'] === 'string' && services.store.get(p['id']) ? services.store.revisions(p['id']) : [];
  if (revisions.length === 0) return payload;
  const any = () => revisions[Math.floor(rng() * revisions.length)]!;
  if (typeof p['revisionId'] === 'number') p['revisionId'] = any().id;
  for (const key of ['a', 'b'] as const) if (typeof p[key] === 'string') p[key] = String(any().id);
  if (typeof p['blockId'] === 'string' && typeof p['revisionId'] === 'number') {
    const changed = revisions.find((r) => r.id === p['revisionId'])!.changed;
    if (changed.length > 0) p['blockId'] = changed[Math.floor(rng() * changed.length)];
  }
  return payload;
}

/**
 * A payload naming an open suggestion that can be applied (and its meeting's seq and author). When every
 * one was decided, or went with its meeting, a new pre-mapped review of an editable meeting is stored
 * first (`onSeeded` is told: the database changed), so that these methods are reached whatever the seed.
 */
function undecidedSuggestion(make: (id: string, suggestionId: string, seq: number, author: string) => unknown, onSeeded: () => void): unknown {
  const find = () => {
    for (const m of allMeetings()) {
      const s = services.store.suggestions.list(m.id).find((x) => x.status === 'open' && x.change.kind !== 'unplaced');
      if (s) return make(m.id, s.id, services.store.get(m.id)!.seq, s.author);
    }
    return undefined;
  };
  const found = find();
  if (found !== undefined) return found;
  for (const m of services.store.list()) {
    if (!['draft', 'in-review'].includes(services.store.workflow.status(m.id).state)) continue;
    const head = services.store.get(m.id)!;
    const p = head.meeting.body.find((b) => b.type === 'paragraph' && richTextToString(b.text).trim() !== '');
    const word = p && p.type === 'paragraph' ? /\S+/.exec(richTextToString(p.text)) : null;
    if (!p || !word) continue;
    const change: ReviewChange = { kind: 'text', target: p.id, path: 'text', start: word.index, end: word.index + word[0].length, quote: word[0], insert: [{ text: `${word[0]}!` }] };
    storeMappedReview(
      services.db,
      services.store,
      { meetingId: m.id, fileName: 'seeded.docx', sha256: String(++seededReviews).padStart(64, 'a') },
      { baseRevision: head.revisionId, reviewer: 'Seed Reviewer', threads: [], suggestions: [{ author: 'Seed Reviewer', tracked: true, change }] },
      'seed',
    );
    onSeeded();
    return find();
  }
  return undefined;
}
let seededReviews = 0;

/** A complete 1×1 PNG (signature, IHDR, IDAT, IEND). */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Makes a comment payload name one meeting and its own block, thread or revision. */
function inMeeting(payload: unknown, rng: () => number): void {
  const p = payload as { id?: unknown; anchor?: { blockId?: unknown }; threadId?: unknown; base?: unknown };
  const meetings = services.store.list().filter((m) => !('threadId' in p) || services.store.comments.list(m.id).length > 0);
  if (meetings.length === 0) return;
  const id = meetings[Math.floor(rng() * meetings.length)]!.id;
  p.id = id;
  const first = services.store.get(id)!.meeting.body[0];
  if (first && p.anchor) p.anchor.blockId = first.id;
  if ('threadId' in p) p.threadId = services.store.comments.list(id)[0]!.id;
  if ('base' in p) p.base = String(services.store.revisions(id)[0]!.id);
}

describe('IPC fuzz generated from the contract', () => {
  it(`answers ${TOTAL}+ generated and hostile payloads without a crash, and rejections change nothing`, async () => {
    const rng = seeded(SEED);
    const pools: Pools = {
      strings: (field) => {
        if (field === 'id') {
          // The trash's ids weigh more, so that restoreMeeting (which needs one) is accepted now and then.
          const trashed = services.store.list('trash').map((m) => m.id);
          return [...allMeetings().map((m) => m.id), ...trashed, ...trashed, ...trashed, 'm_doesnotexist'];
        }
        if (field === 'id') return [...services.store.list().map((m) => m.id), 'm_doesnotexist'];
        // Comment anchors, threads and review-copy bases that exist (and some that do not).
        if (field === 'blockId') return ['b_19001', 'b_18001'];
        if (field === 'threadId') return services.store.list().flatMap((m) => services.store.comments.list(m.id).map((t) => t.id));
        if (field === 'base') return ['Draft 1'];
        // Decisions: the meetings there are, and the seeds' agreement and recommendations (and one that is not).
        if (field === 'meetingId') return [...allMeetings().map((m) => m.id), 'm_doesnotexist'];
        if (field === 'objectId') return ['b_19017', 'b_18121', 'b_18120', 'b_19001', 'b_doesnotexist'];
        if (/On$|date/i.test(field)) return ['2019-10-30', '2018-05-24', '2026-02-28'];
        // Versions to compare (a revision number or a name) and blocks to restore, as the history names them.
        if (field === 'a' || field === 'b') return ['1', '2', 'Draft 1 circulated 12 June'];
        if (field === 'blockId') return ['b_19001', 'b_18004', '~head', 'b_doesnotexist'];
        return [
        'Draft 1 circulated 12 June',
        'pink card',
        'Technical Consultation',
        'ກອງປະຊຸມ',
        'កិច្ចប្រជុំ',
        'အစည်းအဝေး',
        ];
      },
      integers: () => [1, 2, 3, ...services.store.list().flatMap((m) => services.store.revisions(m.id).map((r) => r.id))],
      documents: () => services.store.list().map((m) => services.store.get(m.id)!.meeting),
    };
    const counts = { tried: 0, rejected: 0, accepted: 0, crashed: 0 };
    const perMethod = Object.fromEntries(methods.map((m) => [m, { tried: 0, rejected: 0, accepted: 0 }])) as Record<
      Method,
      { tried: number; rejected: number; accepted: number }
    >;
    const failures: string[] = [];
    const schemas = Object.fromEntries(methods.map((m) => [m, requestSchema(contract[m].request)]));
    const perMethodCases = Math.ceil(TOTAL / methods.length);
    let known: string | undefined;
    const started = performance.now();

    /**
     * What the JSON Schema cannot describe: a save's `changes` sit behind a transform (the nesting is
     * bounded before zod descends), and a save is accepted only on its meeting's current seq. So half of
     * the saves start from a real edit of a real meeting: one block's text changed, or the title.
     */
    // An example may find no meeting in the state it needs (all trashed, all sealed): then it yields
    // nothing and the case is generated from the schema instead.
    const examples: Partial<Record<Method, () => unknown>> = {
      saveMeeting: () => {
        const ids = services.store.list().map((m) => m.id);
        const id = ids[Math.floor(rng() * ids.length)];
        if (!id) return undefined;
        const { meeting, seq } = services.store.get(id)!;
        const records = [...splitMeeting(meeting).blocks.values()].filter((r) => r.type === 'paragraph');
        const record = records[Math.floor(rng() * records.length)];
        const changes =
          record && rng() < 0.7
            ? { blocks: [{ ...record, text: [{ text: `Edited ${counts.tried}` }] }] }
            : { head: { ...splitMeeting(meeting).head, titleBlock: { title: [{ text: `Title ${counts.tried}` }] } } };
        return { id, base: seq, changes };
      },
      // Recording a routing step is a save too: on the current seq, of a meeting that has routing steps.
      recordRoutingStep: () => {
        const routed = services.store
          .list()
          .map((m) => services.store.get(m.id)!)
          .filter((m) => ['draft', 'in-review'].includes(services.store.workflow.status(m.id).state) && JSON.stringify(m.meeting.body).includes('"type":"routing"'));
        const m = routed[Math.floor(rng() * routed.length)];
        return m && { id: m.id, base: m.seq, step: 1, date: '2018-06-01' };
      },
      // A transition the meeting's state allows (with a reason, which reopening needs); never sealing,
      // so the other methods keep meeting every state.
      transitionMeeting: () => {
        const open = services.store
          .list()
          .map((m) => ({ id: m.id, allowed: services.store.workflow.status(m.id).allowed.filter((t) => t !== 'seal') }))
          .filter((m) => m.allowed.length > 0);
        const m = open[Math.floor(rng() * open.length)];
        return m && { id: m.id, transition: m.allowed[Math.floor(rng() * m.allowed.length)]!, note: 'Fuzzed transition' };
      },
      createCorrigendum: () => ({ id: 'm_sealed' }),
      // Out of the trash: a meeting that is in it.
      restoreMeeting: () => {
        const trashed = services.store.list('trash');
        const m = trashed[Math.floor(rng() * trashed.length)];
        return m && { id: m.id };
      },
      // A comment on the first block of a meeting that is there.
      addComment: () => {
        const listed = services.store.list();
        const m = listed[Math.floor(rng() * listed.length)];
        const block = m && services.store.get(m.id)!.meeting.body[0];
        return block && { id: m.id, anchor: { blockId: block.id }, text: `Fuzz comment ${counts.tried}` };
      },
      // A follow-up of a decision that exists (the 2019 agreement, the 2018 recommendations), in any status;
      // superseded names another decision that exists.
      recordFollowUp: () => {
        const rows = trackerView(services.store).rows;
        const r = rows[Math.floor(rng() * rows.length)];
        if (!r) return undefined;
        const status = (['open', 'in-progress', 'done', 'superseded'] as const)[Math.floor(rng() * 4)]!;
        const other = rows.find((x) => x.objectId !== r.objectId);
        if (status === 'superseded' && !other) return undefined;
        return {
          meetingId: r.meetingId,
          objectId: r.objectId,
          status,
          note: `Fuzz follow-up ${counts.tried}`,
          ...(status === 'superseded' ? { supersededBy: { meetingId: other!.meetingId, objectId: other!.objectId } } : {}),
        };
      },
      // Picking the copy to sign (the dialog answers in turn: the real copy, a cancel, files that are not copies).
      chooseSigningCopy: () => ({}),
      // A signature copy of a meeting's latest named version (every meeting counts as approved here).
      exportSignatureCopy: () => ({ id: loadFixture(2019).id, format: rng() < 0.5 ? 'docx' : 'pdf' }),
      // Signing names a session main handed out, a field of the copy and (mostly) the key's password.
      chooseSigningKey: () => (signSessions.length > 0 ? { session: signSessions[Math.floor(rng() * signSessions.length)]! } : undefined),
      signCopy: () =>
        signSessions.length > 0
          ? {
              session: signSessions[Math.floor(rng() * signSessions.length)]!,
              field: rng() < 0.8 ? 'Head of Lao Delegation' : 'Head of Cambodia Delegation',
              password: rng() < 0.8 ? signer.password : 'wrong password',
            }
          : undefined,
      // A reviewed copy of a meeting that is there (bytes never seen before: the same file twice is refused).
      importReview: () => {
        const listed = services.store.list();
        const m = listed[Math.floor(rng() * listed.length)];
        return m && { id: m.id, fileName: 'reviewed.docx', bytes: new TextEncoder().encode(`PK reviewed ${counts.tried} ${rng()}`) };
      },
      // Deciding suggestions that are there and undecided, on the meeting's current seq.
      // (A review seeded on the way changes the database: the digest of the last rejection no longer holds.)
      acceptSuggestions: () => undecidedSuggestion((id, s, seq) => ({ id, suggestionIds: [s], base: seq }), () => (known = undefined)),
      rejectSuggestions: () => undecidedSuggestion((id, s) => ({ id, suggestionIds: [s], reason: 'Fuzzed rejection' }), () => (known = undefined)),
      acceptAllFrom: () => undecidedSuggestion((id, _s, seq, author) => ({ id, author, base: seq }), () => (known = undefined)),
      // A scan is a real image, attached to the sealed meeting.
      attachScan: () => ({ id: 'm_sealed', name: 'signed.png', bytes: Uint8Array.from(Buffer.from(ONE_PIXEL_PNG, 'base64')) }),
    };

    for (let round = 0; round < perMethodCases; round++) {
      for (const method of methods) {
        const example = examples[method];
        // The first round sends each example whole, so every method is reached past its validation at
        // least once whatever the seed; later rounds draw.
        const fromExample = example && (round === 0 || rng() < 0.5) ? example() : undefined;
        const valid = fromExample ?? versionsOfItsMeeting(generate(schemas[method]!, rng, pools), rng);
        // A comment's anchor or thread, a review copy's base, mostly belong to the meeting its id names, as a real caller's do
        // (the pools cannot correlate two fields); the mutations take care of disagreeing.
        if (['addComment', 'replyComment', 'resolveComment', 'exportReviewCopy'].includes(method) && rng() < 0.8) inMeeting(valid, rng);
        // A third stay as generated (valid-looking); the rest get one hostile change.
        // (An example, which only a real state makes acceptable, stays whole half the time.)
        const whole = (fromExample && round === 0) || rng() < (fromExample ? 0.5 : 0.33);
        const { payload, how } = whole ? { payload: valid, how: 'as generated' } : mutate(valid, rng);
        // The digest of the current content, reused while nothing was accepted (a rejection was just
        // proven to leave it unchanged); flushing a pending index update changes it, so it is redone.
        // An accepted emptyTrash may have deleted every meeting: bring the seeds back to keep fuzzing them.
        if (allMeetings().length < 2) {
          for (const year of [2019, 2018] as const) services.store.create(loadFixture(year), 'seed');
          known = undefined;
        }
        if (services.store.flushIndex() > 0) known = undefined;
        const before = known ?? digest(services.db);
        known = undefined;
        counts.tried++;
        perMethod[method].tried++;
        const label = `#${counts.tried} ${method} (${how}, seed ${SEED})`;
        let result;
        try {
          result = await services.dispatch(method, payload);
        } catch (error) {
          counts.crashed++;
          failures.push(`${label}: threw ${String(error).slice(0, 200)}`);
          continue;
        }
        if (result.ok) {
          if (method === 'chooseSigningCopy') {
            const session = (result.value as { session?: string }).session;
            if (session) signSessions.push(session);
          }
          counts.accepted++;
          perMethod[method].accepted++;
          const response = contract[method].response.safeParse(result.value);
          if (!response.success) failures.push(`${label}: accepted, but the response breaks the contract: ${response.error.message.slice(0, 200)}`);
          // An acknowledged save is stored exactly as sent: not one character altered on the way.
          if (method === 'saveMeeting') {
            const sent = contract.saveMeeting.request.parse(payload);
            const stored = services.store.get(sent.id)?.meeting;
            const records = stored ? splitMeeting(stored) : undefined;
            const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
            const altered =
              !records ||
              (sent.changes.head !== undefined && !same(records.head, sent.changes.head)) ||
              (sent.changes.body !== undefined && !same(records.body, sent.changes.body)) ||
              (sent.changes.blocks ?? []).some((r) => !same(records.blocks.get(r.id), r));
            if (altered) failures.push(`${label}: accepted, but stored differently`);
          }
          continue;
        }
        if (result.error.code === 'internal') {
          counts.crashed++;
          failures.push(`${label}: internal: ${result.error.message.slice(0, 300)}`);
          continue;
        }
        counts.rejected++;
        perMethod[method].rejected++;
        if (result.error.message.length > MAX_ERROR_MESSAGE) failures.push(`${label}: message of ${result.error.message.length} characters`);
        const after = digest(services.db);
        if (after !== before) failures.push(`${label}: rejected (${result.error.code}) but the database changed`);
        known = after;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `IPC fuzz (seed ${SEED}): tried ${counts.tried}, rejected ${counts.rejected}, accepted ${counts.accepted}, crashed ${counts.crashed} in ${seconds.toFixed(1)} s\n` +
        methods.map((m) => `  ${m}: ${perMethod[m].tried} tried, ${perMethod[m].rejected} rejected, ${perMethod[m].accepted} accepted`).join('\n'),
    );
    expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype was polluted').toBeUndefined();
    expect(failures.slice(0, 20)).toEqual([]);
    expect(counts.crashed).toBe(0);
    expect(counts.tried).toBeGreaterThanOrEqual(TOTAL);
    // Both kinds must occur for every method, or the generator has stopped reaching the handlers.
    for (const m of methods) expect(perMethod[m].rejected, `${m} never rejected`).toBeGreaterThan(0);
    expect(methods.filter((m) => perMethod[m].accepted === 0)).toEqual([]);
  }, SOAK ? 3_600_000 : 300_000);
});
