import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../../src/main/store/meetings';
import { plain } from '../../../src/shared/minutes';
import { loadFixture, tempDir } from '../../support/temp';
import { routingSteps } from '../../../src/main/store/routing';

/** Each transition rule of src/shared/workflow/states.ts and each refusal, through the real store. */
let tmp: ReturnType<typeof tempDir>;
let db: Db;
let store: MeetingStore;
let id: string;
let clock = Date.parse('2019-10-31T09:00:00Z');

beforeEach(() => {
  tmp = tempDir('minuta-workflow-');
  db = openDatabase(join(tmp.dir, 'minuta.sqlite'));
  store = createMeetingStore(db, { now: () => new Date((clock += 1000)) });
  id = store.create(loadFixture(2019), 'ana').id;
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const edit = (title: string) => {
  const head = store.get(id)!;
  return () => store.saveDocument(id, { ...head.meeting, titleBlock: { ...head.meeting.titleBlock, title: plain(title) } }, 'ana', head.seq);
};

describe('workflow transitions', () => {
  it('starts in Draft, with submit the only transition', () => {
    expect(store.workflow.status(id)).toMatchObject({ state: 'draft', allowed: ['submit'], chain: { length: 0 } });
    expect(store.list()[0]).toMatchObject({ id, state: 'draft' });
  });

  it('goes Draft → In review → Approved → Sealed by two people, each step audited', () => {
    store.workflow.transition(id, 'submit', 'ana', 'first full draft');
    expect(store.workflow.status(id).state).toBe('in-review');
    const approved = store.workflow.transition(id, 'approve', 'bounmy');
    expect(approved).toMatchObject({ state: 'approved', versionName: expect.stringMatching(/^Approved 2019-10-31 by bounmy$/) });
    expect(store.namedVersions(id).map((v) => v.name)).toEqual([approved.versionName]);
    const sealed = store.workflow.transition(id, 'seal', 'ana');
    expect(sealed).toMatchObject({ state: 'sealed', allowed: [], revisionId: approved.revisionId, versionName: approved.versionName });
    const log = store.workflow.auditEntries(id);
    expect(log.map((e) => [e.actor, e.action, e.details['to'] ?? e.details['name']])).toEqual([
      ['ana', 'transition', 'in-review'],
      ['bounmy', 'named-version', approved.versionName],
      ['bounmy', 'transition', 'approved'],
      ['ana', 'transition', 'sealed'],
    ]);
    expect(log[0]!.details['note']).toBe('first full draft');
    expect(sealed.chain).toEqual({ length: 4, hash: log[3]!.hash });
    expect(store.audit.verify(id)).toMatchObject({ ok: true, length: 4 });
    expect(store.list()[0]).toMatchObject({ state: 'sealed' });
  });

  it('refuses transitions that are not open from the current state, changing nothing', () => {
    expect(() => store.workflow.transition(id, 'approve', 'ana')).toThrow(/Draft: it cannot be approved \(possible now: submit for review\)/);
    expect(() => store.workflow.transition(id, 'seal', 'ana')).toThrow(expect.objectContaining({ code: 'conflict' }));
    store.workflow.transition(id, 'submit', 'ana');
    expect(() => store.workflow.transition(id, 'submit', 'ana')).toThrow(/In review/);
    expect(() => store.workflow.transition(id, 'seal', 'ana')).toThrow(/cannot be sealed/);
    expect(store.workflow.status(id).chain.length).toBe(1);
  });

  it('reopening an approved meeting needs a reason, to draft or to review', () => {
    store.workflow.transition(id, 'submit', 'ana');
    store.workflow.transition(id, 'approve', 'bounmy');
    expect(() => store.workflow.transition(id, 'reopen-draft', 'ana')).toThrow(expect.objectContaining({ code: 'invalid', path: 'note' }));
    expect(() => store.workflow.transition(id, 'reopen-review', 'ana', '   ')).toThrow(/needs a reason/);
    expect(store.workflow.status(id).state).toBe('approved');
    store.workflow.transition(id, 'reopen-review', 'ana', 'Lao delegation asked to correct a name');
    expect(store.workflow.status(id).state).toBe('in-review');
    store.workflow.transition(id, 'approve', 'bounmy');
    // A second approval the same day gets a name of its own (names are unique per meeting).
    expect(store.workflow.status(id).versionName).toBe('Approved 2019-10-31 by bounmy (2)');
    store.workflow.transition(id, 'reopen-draft', 'ana', 'restructure session 2');
    expect(store.workflow.status(id).state).toBe('draft');
    const reasons = store.workflow.auditEntries(id).filter((e) => e.details['reason']).map((e) => e.details['reason']);
    expect(reasons).toEqual(['Lao delegation asked to correct a name', 'restructure session 2']);
  });

  it('takes edits in Draft and In review, refuses them when Approved (until reopened) and Sealed (for good)', () => {
    edit('Draft edit')();
    store.workflow.transition(id, 'submit', 'ana');
    edit('Review edit')();
    store.workflow.transition(id, 'approve', 'bounmy');
    const approvedSeq = store.get(id)!.seq;
    expect(edit('Edit while approved')).toThrow(expect.objectContaining({ code: 'read-only', message: expect.stringMatching(/approved: return them to draft/) }));
    expect(store.get(id)!.seq).toBe(approvedSeq);
    store.workflow.transition(id, 'seal', 'ana');
    expect(edit('Edit while sealed')).toThrow(expect.objectContaining({ code: 'read-only', message: expect.stringMatching(/sealed: they can no longer change/) }));
    expect(() => store.recover(id, 'ana')).not.toThrow(); // an intact head: nothing to do, nothing written
    expect(() => store.nameVersion(id, 'After sealing', 'ana')).not.toThrow(); // a name changes nothing of the record
    expect(richTitle()).toBe('Review edit');
  });

  it('records routing steps (date and signer) as audited saves, refusing unknown steps and people', () => {
    const m = store.create(loadFixture(2018), 'ana').id;
    const before = routingSteps(store.get(m)!.meeting);
    const person = store.get(m)!.meeting.people[0]!.id;
    const saved = store.recordRoutingStep(m, { step: 1, date: '2018-05-29', personId: person }, 'sokha');
    const after = routingSteps(store.get(m)!.meeting);
    expect(after[0]).toEqual({ ...before[0], date: '2018-05-29', signerPersonId: person, signedBy: expect.any(String) });
    expect(after[1]).toEqual(before[1]);
    expect(store.workflow.auditEntries(m)).toMatchObject([
      { actor: 'sokha', action: 'routing-step', details: { step: 1, date: '2018-05-29', signerPersonId: person, revisionId: saved.revisionId } },
    ]);
    expect(() => store.recordRoutingStep(m, { step: 3, date: '2018-06-01' }, 'sokha')).toThrow(/2 routing steps; there is no step 3/);
    expect(() => store.recordRoutingStep(m, { step: 2, date: '2018-06-01', personId: 'p_nobody' }, 'sokha')).toThrow(/No person with id p_nobody/);
    expect(store.workflow.auditEntries(m)).toHaveLength(1);
  });

  it('makes a corrigendum of sealed minutes only: a new meeting linked to them, printed as "Corrigendum to …"', () => {
    expect(() => store.workflow.corrigendum(id, 'ana')).toThrow(/Only sealed minutes/);
    store.workflow.transition(id, 'submit', 'ana');
    store.workflow.transition(id, 'approve', 'bounmy');
    store.workflow.transition(id, 'seal', 'ana');
    const { id: c } = store.workflow.corrigendum(id, 'ana');
    expect(c).not.toBe(id);
    expect(store.workflow.status(c)).toMatchObject({ state: 'draft', corrects: id });
    expect(store.workflow.status(id).corrigenda).toEqual([c]);
    expect(store.get(c)!.meeting.titleBlock.corrigendumTo).toMatchObject({ meetingId: id, version: 'Approved 2019-10-31 by bounmy' });
    edit('unchanged');
    expect(store.workflow.auditEntries(id).at(-1)).toMatchObject({ action: 'corrigendum', details: { corrigendum: c } });
  });
});

function richTitle() {
  return store.get(id)!.meeting.titleBlock.title.map((r) => r.text).join('');
}
