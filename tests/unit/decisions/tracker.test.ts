import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseInterchange, type Meeting } from '../../../src/shared/minutes';

const FIXTURES_DIR = resolve('tests/fixtures');
import { decisionsOf } from '../../../src/shared/decisions/collect';
import { filterRows, trackerCsv } from '../../../src/shared/decisions/tracker';
import { createServices, type Services } from '../../../src/main/services';
import { nextMeetingWithMattersArising, recordFollowUp, trackerView, MATTERS_ARISING_HEADING } from '../../../src/main/services/decisions';
import { runCli } from '../../../src/main/cli/run';
import { layoutMeeting } from '../../../src/shared/format';
import { layoutText } from '../../support/layoutText';
import { loadFixture, tempDir } from '../../support/temp';

const m18 = loadFixture(2018);
const m19 = loadFixture(2019);

describe('decisionsOf (pure)', () => {
  it('2019: the agreement of the meeting, concerning every delegation present', () => {
    expect(decisionsOf(m19)).toEqual([
      {
        meetingId: 'm_2019siemreap',
        objectId: 'b_19017',
        kind: 'agreement',
        number: '1',
        label: 'Agreement 1',
        text: expect.stringMatching(/^The meeting agreed that the two objectives are achieved; .* diplomatic channel afterward\.$/),
        body: null,
        date: '2019-10-31',
        delegations: ['Kingdom of Cambodia', "Lao People's Democratic Republic", 'Republic of the Union of Myanmar'],
      },
    ]);
  });

  it('2018: the six recommendations in order; the Lao remark concerns Lao only', () => {
    const d = decisionsOf(m18);
    expect(d.map((x) => [x.objectId, x.kind, x.label])).toEqual([
      ['b_18121', 'recommendation', 'Recommendation 1'],
      ['b_18122', 'recommendation', 'Recommendation 2'],
      ['b_18123', 'recommendation', 'Recommendation 3'],
      ['b_18124', 'recommendation', 'Recommendation 4'],
      ['b_18125', 'recommendation', 'Recommendation 5'],
      ['b_18120', 'recommendation', 'Recommendation 6'],
    ]);
    expect(d[0]!.text).toBe('Strong political commitments and measures between the sending countries and receiving countries.');
    expect(d[0]!.delegations).toEqual(['Cambodia', 'Lao', 'Myanmar']);
    expect(d[5]!.delegations).toEqual(['Lao']);
    expect(d[5]!.text).toMatch(/^Lao: For effective implementation/);
    expect(d.every((x) => x.date === '2018-05-25' && x.meetingId === 'm_2018siemreap')).toBe(true);
  });

  it('nested items belong to their top item; other lists are not decisions', () => {
    const m = structuredClone(m19);
    const list = m.body.find((b) => b.type === 'list' && b.role === 'agreements')!;
    if (list.type !== 'list') throw new Error('no list');
    list.items[0]!.children = [{ id: 'b_nested', text: [{ text: 'A sub-point.' }] }];
    const d = decisionsOf(m);
    expect(d).toHaveLength(1);
    expect(d[0]!.text).toMatch(/afterward\.\nA sub-point\.$/);
    // The objectives and challenges lists hold no decisions.
    expect(d.map((x) => x.objectId)).toEqual(['b_19017']);
  });
});

describe('decision blocks and marked items (pure)', () => {
  it('a decision block is one decision with its body and its own date; an item marked as a decision takes its number, body and date', () => {
    const fomc = parseInterchange(readFileSync(join(FIXTURES_DIR, 'fomc-2013-12.minuta.json'), 'utf8'));
    if (!fomc.ok) throw new Error(fomc.errors.join('\n'));
    const rows = decisionsOf(fomc.meeting);
    expect(rows.map((r) => [r.objectId, r.kind, r.label, r.date])).toEqual([
      ['b_directive', 'decision', 'Decision', fomc.meeting.dates.end],
      ['b_notation', 'decision', 'Decision', '2013-11-19'],
    ]);
    expect(rows.every((r) => r.body !== null && r.body !== '')).toBe(true);
    const marked = structuredClone(m19);
    const list = marked.body.find((b) => b.type === 'list' && b.role === 'agreements') as Extract<Meeting['body'][number], { type: 'list' }>;
    list.items[0]!.decision = { number: 'Decision 1/2019', body: 'Joint Commission', date: '2019-11-02', outcome: 'adopted', method: 'consensus' };
    expect(decisionsOf(marked)[0]).toMatchObject({ objectId: 'b_19017', kind: 'agreement', number: 'Decision 1/2019', label: 'Decision 1/2019', body: 'Joint Commission', date: '2019-11-02' });
  });
});

describe('the table as CSV', () => {
  it('is RFC 4180 with a BOM: quoted commas, quotes and line breaks; formulas defused', () => {
    const row = {
      ...decisionsOf(m18)[5]!,
      text: 'Say "no", then\nwait',
      meetingTitle: 'Meeting, 2018',
      meetingDate: '2018-05-24',
      seriesId: m18.id,
      seriesTitle: 'x',
      status: 'in-progress' as const,
      history: [{ status: 'in-progress' as const, note: '=HYPERLINK("x")', author: 'ana', at: '2026-01-01T00:00:00Z' }],
      carriedInto: [],
    };
    expect(trackerCsv([])).toBe('\uFEFFMeeting,Date,Decision,Text,Body,Delegations,Status,Latest note\r\n');
    expect(trackerCsv([row]).split('\r\n')[1]).toBe(`"Meeting, 2018",2018-05-25,Recommendation 6,"Say ""no"", then\nwait",,Lao,In progress,"'=HYPERLINK(""x"")"`);
    expect(filterRows([row], { delegation: 'Lao', status: 'in-progress', text: 'HYPERLINK' })).toHaveLength(1);
    expect(filterRows([row], { delegation: 'Cambodia' })).toHaveLength(0);
  });
});

let tmp: ReturnType<typeof tempDir>;
let services: Services;
beforeEach(() => {
  tmp = tempDir('minuta-decisions-');
  services = createServices({ databasePath: join(tmp.dir, 'minuta.sqlite'), version: 'test', author: 'Keo Sophal' });
  services.store.create(m18, 'seed');
  services.store.create(m19, 'seed');
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

describe('follow-ups (store and service)', () => {
  it('are appended, never updated: the latest is the status, reopening keeps the history', () => {
    const { db, store } = services;
    const ref = { meetingId: m18.id, objectId: 'b_18123' };
    expect(trackerView(store).rows.find((r) => r.objectId === 'b_18123')!.status).toBe('open');
    recordFollowUp(db, store, { ...ref, status: 'in-progress', note: 'Training of border police planned' }, 'ana');
    recordFollowUp(db, store, { ...ref, status: 'done', note: 'Training held in March' }, 'bo');
    const { history } = recordFollowUp(db, store, { ...ref, status: 'open', note: 'Reopened: the second phase' }, 'ana');
    expect(history.map((h) => [h.status, h.author, h.note])).toEqual([
      ['in-progress', 'ana', 'Training of border police planned'],
      ['done', 'bo', 'Training held in March'],
      ['open', 'ana', 'Reopened: the second phase'],
    ]);
    const row = trackerView(store).rows.find((r) => r.objectId === 'b_18123')!;
    expect(row.status).toBe('open');
    expect(row.history).toHaveLength(3);
    expect(db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(3);
    expect(() => db.prepare("UPDATE follow_ups SET note = 'rewritten'").run()).toThrow(/never changed/);
  });

  it('the tracker follows saves (it keeps what it read only while the meeting is unchanged)', () => {
    const { store } = services;
    expect(trackerView(store).rows.find((r) => r.objectId === 'b_19017')!.text).toMatch(/^The meeting agreed/);
    const edited = structuredClone(store.get(m19.id)!.meeting);
    const list = edited.body.find((b) => b.type === 'list' && b.role === 'agreements');
    if (list?.type !== 'list') throw new Error('no agreements');
    list.items[0]!.text = [{ text: 'The meeting agreed to meet again in Vientiane.' }];
    store.saveDocument(m19.id, edited, 'ana');
    expect(trackerView(store).rows.find((r) => r.objectId === 'b_19017')!.text).toBe('The meeting agreed to meet again in Vientiane.');
  });

  it('refuses an unknown decision, a superseded without its successor, and a successor with another status; nothing is written', () => {
    const { db, store } = services;
    const before = db.prepare('SELECT count(*) FROM follow_ups').pluck().get();
    expect(() => recordFollowUp(db, store, { meetingId: m18.id, objectId: 'b_18001', status: 'done', note: '' }, 'ana')).toThrow(/has no decision/);
    expect(() => recordFollowUp(db, store, { meetingId: 'm_nope', objectId: 'b_18121', status: 'done', note: '' }, 'ana')).toThrow(/No meeting/);
    expect(() => recordFollowUp(db, store, { meetingId: m18.id, objectId: 'b_18121', status: 'superseded', note: '' }, 'ana')).toThrow(/needs the decision/);
    expect(() =>
      recordFollowUp(db, store, { meetingId: m18.id, objectId: 'b_18121', status: 'done', note: '', supersededBy: { meetingId: m19.id, objectId: 'b_19017' } }, 'ana'),
    ).toThrow(/only a superseded/);
    expect(() =>
      recordFollowUp(db, store, { meetingId: m18.id, objectId: 'b_18121', status: 'superseded', note: '', supersededBy: { meetingId: m18.id, objectId: 'b_18121' } }, 'ana'),
    ).toThrow(/itself/);
    expect(db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(before);
    const { history } = recordFollowUp(
      db,
      store,
      { meetingId: m18.id, objectId: 'b_18121', status: 'superseded', note: 'Replaced by the 2019 agreement', supersededBy: { meetingId: m19.id, objectId: 'b_19017' } },
      'ana',
    );
    expect(history.at(-1)!.supersededBy).toEqual({ meetingId: m19.id, objectId: 'b_19017' });
  });

  it('over IPC: the contract refuses a bad status, the service an unknown decision, both naming the field', async () => {
    const bad = await services.dispatch('recordFollowUp', { meetingId: m18.id, objectId: 'b_18121', status: 'closed', note: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', path: 'status' } });
    const unknown = await services.dispatch('recordFollowUp', { meetingId: m18.id, objectId: 'b_nothing', status: 'done', note: '' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found', path: 'objectId' } });
    const ok = await services.dispatch('recordFollowUp', { meetingId: m18.id, objectId: 'b_18121', status: 'done', note: 'ok' });
    expect(ok).toMatchObject({ ok: true, value: { history: [{ status: 'done', author: 'Keo Sophal', note: 'ok' }] } });
  });
});

describe('Next meeting carries the open decisions of the series', () => {
  it('as a numbered "matters arising" list the format prints; a follow-up there shows in the history of the first meeting', async () => {
    const { db, store } = services;
    recordFollowUp(db, store, { meetingId: m18.id, objectId: 'b_18121', status: 'done', note: 'Signed in 2019' }, 'ana');
    recordFollowUp(db, store, { meetingId: m18.id, objectId: 'b_18122', status: 'in-progress', note: 'Drafting a joint standard' }, 'ana');
    // Through the IPC method the home screen's "Next meeting…" calls.
    const r = await services.dispatch('duplicateMeeting', { id: m18.id, title: 'Third Technical Consultation', startsOn: '2020-06-01' });
    if (!r.ok) throw new Error(r.error.message);
    const next = store.get((r.value as { id: string }).id)!.meeting;
    const list = next.body.find((b) => b.type === 'list' && b.heading?.[0]?.text === MATTERS_ARISING_HEADING);
    if (!list || list.type !== 'list') throw new Error('no matters arising');
    // 5 of 6 recommendations: the done one is not carried; the in-progress one says so.
    expect(list.items).toHaveLength(5);
    expect(list.items[0]!.text[0]!.text).toMatch(/^Recommendation 2 of 25 May 2018: To prevent and protect .* \[in progress: Drafting a joint standard\]$/);
    const printed = layoutText(await layoutMeeting(next));
    expect(printed).toContain(MATTERS_ARISING_HEADING);
    expect(printed).toContain('Recommendation 2 of 25 May 2018: To prevent and protect');
    expect(printed.indexOf(MATTERS_ARISING_HEADING)).toBeLessThan(printed.indexOf('PARTICIPANTS OF THE MEETING'));

    // The series: both meetings; the new one's decisions (none yet) and the old one's.
    const view = trackerView(store);
    expect(view.rows.filter((row) => row.meetingId === m18.id).every((row) => row.seriesId === m18.id)).toBe(true);
    const carried = view.rows.find((row) => row.objectId === 'b_18123')!;
    expect(carried.carriedInto).toEqual([next.id]);

    // Followed up at the next meeting, through its matters-arising item: lands on the 2018 decision.
    const item = list.items[1]!; // Recommendation 3
    const followed = await services.dispatch('recordFollowUp', { meetingId: next.id, objectId: item.id, status: 'done', note: 'Reported done at the third meeting' });
    if (!followed.ok) throw new Error(followed.error.message);
    expect((followed.value as { decision: unknown }).decision).toEqual({ meetingId: m18.id, objectId: 'b_18123' });
    const row = trackerView(store).rows.find((x) => x.objectId === 'b_18123')!;
    expect(row.status).toBe('done');
    expect(row.history).toEqual([
      expect.objectContaining({ status: 'done', note: 'Reported done at the third meeting', atMeetingId: next.id, atMeetingTitle: 'Third Technical Consultation' }),
    ]);

    // From the tracker: followed up "at" the third meeting, which carries it; not at one that does not.
    const at = await services.dispatch('recordFollowUp', { meetingId: m18.id, objectId: 'b_18124', status: 'in-progress', note: 'Fund found', atMeetingId: next.id });
    expect(at).toMatchObject({ ok: true, value: { history: [{ atMeetingId: next.id }] } });
    const notCarried = await services.dispatch('recordFollowUp', { meetingId: m19.id, objectId: 'b_19017', status: 'done', note: '', atMeetingId: next.id });
    expect(notCarried).toMatchObject({ ok: false, error: { code: 'invalid', path: 'atMeetingId' } });
    expect(trackerView(store).meetings).toEqual([{ id: next.id, title: 'Third Technical Consultation' }]);

    // The meeting after that: made from the third, same series; carries only what is still open, once.
    const fourth = nextMeetingWithMattersArising(db, store, next.id, { startsOn: '2021-06-01', title: 'Fourth' }, 'ana');
    const fourthMeeting = store.get(fourth.id)!.meeting;
    const lists = fourthMeeting.body.filter((b) => b.type === 'list' && b.heading?.[0]?.text === MATTERS_ARISING_HEADING);
    expect(lists).toHaveLength(1);
    // Recommendations 2 (in progress), 4, 5 and 6; 1 and 3 are done.
    expect((lists[0] as { items: unknown[] }).items).toHaveLength(4);
    expect(store.decisions.carried().filter((c) => c.meetingId === fourth.id).map((c) => c.fromObjectId).sort()).toEqual(['b_18120', 'b_18122', 'b_18124', 'b_18125']);
    expect(trackerView(store).series.map((s) => s.id)).toEqual([m18.id, m19.id]);
  });
});

describe('CLI: decisions, follow-up, search --decisions', () => {
  async function minuta(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--db', join(tmp.dir, 'minuta.sqlite'), '--author', 'Keo Sophal', ...argv], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  it('lists, filters, follows up and searches decisions only', async () => {
    const all = await minuta('decisions');
    expect(all.code, all.stderr).toBe(0);
    const lines = all.stdout.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(`${m18.id}\tb_18121\topen\tRecommendation 1\t2018-05-25\tStrong political commitments and measures between the sending countries and receiving countries.`);
    expect(lines[6]!.startsWith(`${m19.id}\tb_19017\topen\tAgreement 1\t2019-10-31\tThe meeting agreed`)).toBe(true);

    const f = await minuta('follow-up', m18.id, 'b_18121', '--status', 'done', '--note', 'Signed in 2019');
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toMatch(new RegExp(`^${m18.id}\tb_18121\n  \\S+\tDone\tKeo Sophal\tSigned in 2019$`));

    const open = await minuta('decisions', '--status', 'open', '--series', m18.id, '--json');
    expect(open.code, open.stderr).toBe(0);
    const rows = open.stdout.trim().split('\n').map((l) => JSON.parse(l) as { objectId: string; status: string });
    expect(rows.map((r) => r.objectId)).toEqual(['b_18122', 'b_18123', 'b_18124', 'b_18125', 'b_18120']);
    const done = (await minuta('decisions', '--status', 'done', '--json')).stdout.trim().split('\n').map((l) => JSON.parse(l) as { history: unknown[] });
    expect(done).toHaveLength(1);
    expect(done[0]!.history).toHaveLength(1);

    // search: "meeting" is everywhere; in decisions only, it is the 2019 agreement's word
    const everywhere = await minuta('search', 'meeting');
    expect(everywhere.stdout.split('\n')).toHaveLength(2);
    const decisions = await minuta('search', 'meeting', '--decisions');
    expect(decisions.code, decisions.stderr).toBe(0);
    expect(decisions.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual([m19.id]);
  });

  it('refuses wrong usage (exit 2) and an unknown decision (exit 1), writing nothing', async () => {
    expect((await minuta('follow-up', m18.id, 'b_18121', '--status', 'closed')).code).toBe(2);
    expect((await minuta('follow-up', m18.id, 'b_18121')).code).toBe(2);
    expect((await minuta('follow-up', m18.id, 'b_18121', '--status', 'superseded')).code).toBe(2);
    expect((await minuta('decisions', 'extra')).code).toBe(2);
    const unknown = await minuta('follow-up', m18.id, 'b_18001', '--status', 'done');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/has no decision, agreement or recommendation b_18001/);
    expect(services.db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(0);
  });
});
