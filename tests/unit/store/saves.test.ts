import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/store/db';
import type { MeetingStore } from '../../../src/main/store/meetings';
import { applyChanges, emptyState, headInput, recordEntry } from '../../../src/main/store/headState';
import { canonicalJson } from '../../../src/shared/canonicalJson';
import { isMinutaError, type MinutaError } from '../../../src/shared/errors';
import {
  LIMITS,
  diffMeetings,
  headOf,
  plain,
  recordOf,
  serializeInterchange,
  splitMeeting,
  type BlockRecord,
  type Meeting,
  type MeetingChanges,
} from '../../../src/shared/minutes';
import { loadFixture, type tempDir } from '../../support/temp';
import { openTestStore } from '../../support/testStore';

/**
 * Block-level saves on a base (PROTOCOL.md): what one save writes, the conflict check, folding, and the
 * document-wide rules checked against the stored head record by record.
 */
let tmp: ReturnType<typeof tempDir>;
let db: Db;
let store: MeetingStore;
let tick: (ms: number) => number;

beforeEach(() => {
  ({ tmp, db, store, tick } = openTestStore('minuta-saves-'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

type Paragraph = Extract<Meeting['body'][number], { type: 'paragraph' }>;
function withParagraph(meeting: Meeting, id: string, text: string): Meeting {
  return { ...meeting, body: meeting.body.map((b) => (b.id === id ? { ...(b as Paragraph), text: plain(text) } : b)) };
}
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function refusal(run: () => unknown): MinutaError {
  try {
    run();
  } catch (error) {
    if (isMinutaError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Asserts that a refused save left the meeting exactly as it was. */
function unchanged(id: string, before: { seq: number; meeting: Meeting }, revisions: number) {
  const now = store.get(id)!;
  expect(now.seq).toBe(before.seq);
  expect(canonicalJson(now.meeting)).toBe(canonicalJson(before.meeting));
  expect(store.revisions(id)).toHaveLength(revisions);
}

describe('block-level saves', () => {
  it('writes one record row and one revision row for a one-block edit, and only a record when it folds', () => {
    const m = loadFixture(2018);
    const created = store.create(m, 'ana');
    expect(created.seq).toBe(1);
    const paragraph = m.body.find((b) => b.type === 'paragraph')!;
    const records = count('block_records');
    const revisions = count('revisions');

    const edited = withParagraph(m, paragraph.id, 'First words.');
    const changes = diffMeetings(m, edited);
    expect(changes).toEqual({ blocks: [recordOf(edited.body.find((b) => b.id === paragraph.id)!)] });
    tick(1_000);
    const first = store.save(m.id, created.seq, changes, 'ana');
    expect(first).toMatchObject({ seq: 2, folded: false, changed: [paragraph.id] });
    expect([count('block_records') - records, count('revisions') - revisions]).toEqual([1, 1]);

    tick(1_000);
    const again = store.save(m.id, first.seq, diffMeetings(edited, withParagraph(m, paragraph.id, 'More words.')), 'ana');
    expect(again).toMatchObject({ seq: 3, folded: true, revisionId: first.revisionId });
    expect([count('block_records') - records, count('revisions') - revisions]).toEqual([2, 1]);
    expect(canonicalJson(store.get(m.id)!.meeting)).toBe(canonicalJson(withParagraph(m, paragraph.id, 'More words.')));
  });

  it('rebuilds exactly the document the saves describe: moves, removals, additions inside containers', () => {
    const m = loadFixture(2018);
    let base = store.create(m, 'ana').seq;
    let doc: Meeting = m;
    const step = (next: Meeting) => {
      base = store.save(m.id, base, diffMeetings(doc, next), 'ana').seq;
      doc = next;
      expect(canonicalJson(store.get(m.id)!.meeting)).toBe(canonicalJson(doc));
    };
    const sectionIndex = m.body.findIndex((b) => b.type === 'section' && b.blocks.some((x) => x.type === 'session'));
    const section = m.body[sectionIndex] as Extract<Meeting['body'][number], { type: 'section' }>;
    // Reverse a section's blocks, drop its first, add a new paragraph into it.
    const blocks = [...section.blocks].reverse().slice(1);
    blocks.push({ id: 'b_new1', type: 'paragraph', text: plain('A new paragraph in a section.') });
    step({ ...doc, body: doc.body.map((b, i) => (i === sectionIndex ? { ...section, blocks } : b)) });
    // Move the first top-level block to the end.
    step({ ...doc, body: [...doc.body.slice(1), doc.body[0]!] });
    // Remove the section altogether.
    step({ ...doc, body: doc.body.filter((b) => b.id !== section.id) });
    expect(store.search('new paragraph in a section')).toEqual([]);
  });
});

describe('the base', () => {
  it('refuses a save on a stale base as a conflict naming who saved and when, and changes nothing', () => {
    const m = loadFixture(2019);
    const { seq } = store.create(m, 'ana');
    tick(60_000);
    store.save(m.id, seq, diffMeetings(m, withParagraph(m, 'b_19001', 'Ana was here.')), 'ana');
    const before = store.get(m.id)!;
    const error = refusal(() => store.save(m.id, seq, diffMeetings(m, withParagraph(m, 'b_19008', 'Ben was here.')), 'ben'));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/^This meeting was changed by ana at 09:01 UTC on 2026-11-23 \(in another window or program\) since you opened it/);
    unchanged(m.id, before, 2);
    // The whole-document path checks a base too when it is given.
    expect(refusal(() => store.saveDocument(m.id, m, 'ben', seq)).code).toBe('conflict');
  });

  it('never folds across authors, nor across a conflict', () => {
    const m = loadFixture(2019);
    const { seq } = store.create(m, 'ana');
    tick(1_000);
    const a = store.save(m.id, seq, diffMeetings(m, withParagraph(m, 'b_19001', 'one')), 'ana');
    tick(1_000);
    const b = store.save(m.id, a.seq, diffMeetings(m, withParagraph(m, 'b_19001', 'two')), 'ben');
    expect(b.folded).toBe(false);
    // Ana, in a second window still on her old base, is refused; after reopening, her save opens a
    // new revision instead of joining the burst the other window's save belongs to.
    tick(1_000);
    const c = store.save(m.id, b.seq, diffMeetings(m, withParagraph(m, 'b_19001', 'three')), 'ben');
    expect(c.folded).toBe(true);
    tick(1_000);
    expect(refusal(() => store.save(m.id, b.seq, diffMeetings(m, withParagraph(m, 'b_19008', 'four')), 'ben')).code).toBe('conflict');
    const reopened = store.get(m.id)!;
    tick(1_000);
    const d = store.save(m.id, reopened.seq, diffMeetings(reopened.meeting, withParagraph(reopened.meeting, 'b_19008', 'four')), 'ben');
    expect(d.folded).toBe(false);
  });
});

describe('document-wide rules, checked record by record', () => {
  let m: Meeting;
  let seq: number;
  beforeEach(() => {
    m = loadFixture(2019);
    seq = store.create(m, 'ana').seq;
  });
  const refuse = (changes: MeetingChanges, pattern: RegExp) => {
    const before = store.get(m.id)!;
    const error = refusal(() => store.save(m.id, seq, changes, 'ana'));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(pattern);
    unchanged(m.id, before, 1);
  };
  const list = () => structuredClone(recordOf(m.body.find((b) => b.id === 'b_19002')!)) as Extract<BlockRecord, { type: 'list' }>;

  it('refuses an id used elsewhere in the document (a bullet taking another block’s bullet id)', () => {
    const other = m.body.find((b) => b.id === 'b_19010') as Extract<Meeting['body'][number], { type: 'list' }>;
    const record = list();
    record.items[0]!.id = other.items[0]!.id;
    refuse({ blocks: [record] }, new RegExp(`Duplicate id "${other.items[0]!.id}" at block b_19002 items\\[0\\] \\(already used in block b_19010\\)`));
  });

  it('refuses a new block whose id is a register entry’s', () => {
    refuse({ body: [...splitMeeting(m).body, 'p_19chou'], blocks: [{ id: 'p_19chou', type: 'paragraph', text: plain('x') }] }, /Duplicate id "p_19chou"/);
  });

  it('refuses a reference to nobody', () => {
    const presiding = structuredClone(recordOf(m.body.find((b) => b.id === 'b_19007')!)) as Extract<BlockRecord, { type: 'presiding' }>;
    presiding.personId = 'p_nobody';
    refuse({ blocks: [presiding] }, /block b_19007 personId: Unknown person id "p_nobody"/);
  });

  it('re-checks every reference when the register changes', () => {
    const head = headOf(m);
    refuse({ head: { ...head, people: head.people.filter((p) => p.id !== 'p_19sarkheng') } }, /block b_19007 personId: Unknown person id "p_19sarkheng"/);
  });

  it('refuses a heading naming an agenda item the meeting does not have, and an agenda losing an item a heading names', () => {
    const split = splitMeeting(m);
    const heading: BlockRecord = { id: 'b_h1', type: 'heading', level: 1, text: [], agendaItemId: 'ag_1' };
    refuse({ body: [...split.body, 'b_h1'], blocks: [heading] }, /block b_h1 agendaItemId: Unknown agendaItem id "ag_1"/);
    const head = { ...headOf(m), agenda: [{ id: 'ag_1', number: '1', title: plain('Adoption of the agenda'), documents: [] }] };
    seq = store.save(m.id, seq, { head, body: [...split.body, 'b_h1'], blocks: [heading] }, 'ana').seq;
    expect(store.get(m.id)!.meeting.agenda?.[0]?.id).toBe('ag_1');
    const before = store.get(m.id)!;
    const error = refusal(() => store.save(m.id, seq, { head: { ...head, agenda: [] } }, 'ana'));
    expect(error.message).toMatch(/block b_h1 agendaItemId: Unknown agendaItem id "ag_1"/);
    unchanged(m.id, before, 2);
  });

  it('re-checks delegation references when a delegation list goes', () => {
    const split = splitMeeting(m);
    const qa: BlockRecord = {
      id: 'b_qa1',
      type: 'qa',
      turns: [{ id: 't_1', question: { id: 's_1', by: { label: 'Cambodia', delegationId: 'd_19001' }, paragraphs: [plain('Q?')] }, answers: [] }],
    };
    seq = store.save(m.id, seq, { body: [...split.body, 'b_qa1'], blocks: [qa] }, 'ana').seq;
    const revisions = store.revisions(m.id).length;
    const before = store.get(m.id)!;
    const error = refusal(() => store.save(m.id, seq, { body: [...split.body.filter((id) => id !== 'b_19005'), 'b_qa1'] }, 'ana'));
    expect(error.message).toMatch(/Unknown delegation id "d_19001"/);
    unchanged(m.id, before, revisions);
  });

  it('refuses a cross-reference to nothing, and removing a block another one refers to (issue 15)', () => {
    const split = splitMeeting(m);
    const para = (id: string, xref: string): BlockRecord => ({ id, type: 'paragraph', text: [{ text: 'See paragraph ' }, { text: '3', xref }] });
    refuse({ body: [...split.body, 'b_x1'], blocks: [para('b_x1', 'b_nothing')] }, /block b_x1 text\[1\]\.xref: Cross-reference to unknown id "b_nothing"/);
    seq = store.save(m.id, seq, { body: [...split.body, 'b_x1'], blocks: [para('b_x1', 'b_19009')] }, 'ana').seq;
    const revisions = store.revisions(m.id).length;
    const before = store.get(m.id)!;
    const error = refusal(() => store.save(m.id, seq, { body: [...split.body.filter((id) => id !== 'b_19009'), 'b_x1'] }, 'ana'));
    expect(error.message).toMatch(/block b_x1 text\[1\]\.xref: Cross-reference to unknown id "b_19009"/);
    unchanged(m.id, before, revisions);
  });

  it('refuses a block placed twice, a missing child, a record sent but not placed', () => {
    const body = splitMeeting(m).body;
    refuse({ body: [...body, body[0]!] }, /appears more than once/);
    refuse({ body: [...body, 'b_missing'] }, /Block b_missing \(in body\) does not exist/);
    refuse({ blocks: [{ id: 'b_loose', type: 'paragraph', text: plain('x') }] }, /not placed in the document/);
  });

  it('refuses a document larger than a minutes file may be, from a running total', () => {
    const run = { text: 'a'.repeat(LIMITS.maxTextLength) };
    const huge: BlockRecord = { id: 'b_huge', type: 'paragraph', text: Array.from({ length: 1_100 }, () => run) };
    refuse({ body: [...splitMeeting(m).body, 'b_huge'], blocks: [huge] }, /larger than the 20 MB a minutes file may hold/);
  });

  it('counts bytes as an upper bound of the minutes file (so the app never saves what import refuses)', () => {
    for (const fixture of [loadFixture(2018), loadFixture(2019)]) {
      const split = splitMeeting(fixture);
      const state = emptyState(fixture.id);
      applyChanges(state, { head: headInput(split.head), body: split.body, records: [...split.blocks.values()].map((r) => recordEntry(r)) });
      const file = Buffer.byteLength(serializeInterchange(fixture));
      expect(state.bytes).toBeGreaterThanOrEqual(file);
      expect(state.bytes).toBeLessThan(file * 1.5);
    }
  });
});
