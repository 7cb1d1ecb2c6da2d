import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../../src/main/store/meetings';
import { BlockRecordSchema, Meeting, MeetingHeadSchema, type Meeting as MeetingT, richTextToString, type RichText } from '../../../src/shared/minutes';
import { compileProse, modelValues, proseOf } from '../../../src/shared/minutes/prose';
import { layoutMeeting } from '../../../src/shared/format';
import { layoutText } from '../../support/layoutText';
import { generateMeeting } from '../../support/generateMeeting';
import { loadFixture, tempDir } from '../../support/temp';
import { shapesMeeting } from '../../support/shapesMeeting';

/**
 * Search indexes prose, never model values (issue 17, point 4). The values come from walking the
 * schema, so an enum value added tomorrow is searched for too. A hit is allowed only where the
 * meeting really prints the word (the seeds do say "objectives" and "opening"); "decimal" and
 * "none" are never words of either seed or of a generated meeting.
 */

/** Words as FTS5's unicode61 tokenizer with remove_diacritics sees them, in order. */
const tokens = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Notes on signatures ("Handwritten signature in blue ink…"): prose a person wrote, not printed. */
const signatureNotes = (m: MeetingT): string[] => {
  const notes: string[] = [];
  JSON.stringify(m, (key, value: unknown) => {
    if (key === 'signature' && value && typeof value === 'object' && 'note' in value) notes.push(String(value.note));
    return value;
  });
  return notes;
};

/** What a reader of the meeting sees: the printed minutes, the register's names, the notes on signatures. */
async function printedWords(m: MeetingT): Promise<string[]> {
  const register = [
    ...m.people.flatMap((p) => [p.honorific ?? '', p.name, ...(p.otherSpellings ?? []), ...p.titleLines, p.country ?? '']),
    ...m.organisations.flatMap((o) => [o.name, o.abbreviation ?? '', o.country ?? '']),
    m.venue.name ?? '',
    ...signatureNotes(m),
    // The agenda and the front matter are typed in the app's "Front matter and agenda" section, and
    // print only where the format places them (an agenda block, a heading, a masthead line).
    ...(m.agenda ?? []).flatMap((a) => [a.number, richTextToString(a.title), ...a.documents]),
    ...Object.values(m.frontMatter ?? {}).flatMap((v) => (typeof v === 'string' ? [v] : v.length > 0 && Array.isArray(v[0]) ? (v as RichText[]).map(richTextToString) : [richTextToString(v as RichText)])),
  ];
  return tokens(`${layoutText(await layoutMeeting(m))}\n${register.join('\n')}`);
}

let tmp: ReturnType<typeof tempDir>;
let db: Db;
let store: MeetingStore;
const meetings: MeetingT[] = [];

beforeAll(() => {
  tmp = tempDir('minuta-search-text-');
  db = openDatabase(join(tmp.dir, 'minuta.sqlite'));
  store = createMeetingStore(db);
  meetings.push(loadFixture(2018), loadFixture(2019));
  for (let seed = 1; seed <= 40; seed++) meetings.push(generateMeeting(seed));
  // A generated meeting whose id is taken is stored under a new one: keep the stored id.
  for (const m of meetings) m.id = store.create(m, 'ana').id;
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

describe('search indexes text, never model values', () => {
  const values = [...new Set([...modelValues(Meeting), ...modelValues(BlockRecordSchema)])].sort();

  it('finds the schema values to try (enums and literals, the issue\'s examples among them)', () => {
    expect(values).toEqual(expect.arrayContaining(['decimal', 'none', 'decimal-paren', 'agreements', 'opening', 'paragraph', 'seen-and-submitted', 'civil-society']));
    expect(values.length).toBeGreaterThan(40);
  });

  it('no meeting is found through an enum or literal value it does not print', async () => {
    const words = new Map(await Promise.all(meetings.map(async (m) => [m.id, await printedWords(m)] as const)));
    const wrong: string[] = [];
    for (const value of values) {
      for (const hit of store.search(value, 1000)) {
        if (!containsPhrase(words.get(hit.id)!, tokens(value))) wrong.push(`"${value}" found ${hit.id} (${hit.snippet.slice(0, 80)})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('dates and ids are not searchable; prose still is', () => {
    const m = meetings[1]!;
    expect(store.search(m.dates.start)).toEqual([]);
    expect(store.search(m.body[0]!.id)).toEqual([]);
    expect(store.search(m.people[0]!.id)).toEqual([]);
    expect(store.search('"diplomatic channel"').map((h) => h.id)).toEqual([m.id]);
    // Each hit's snippet comes from its own best block (it used to be the first matching row's, whatever the hit).
    const agreement = store.search('meeting', 50, { decisions: true }).find((h) => h.id === m.id)!;
    expect(agreement.blockId).toBe('b_19016');
    expect(agreement.snippet).toMatch(/^The \[meeting\] agreed that the two objectives/);
    for (const hit of store.search('meeting')) expect(hit.snippet, hit.id).toMatch(/\[meeting\]/i);
    const titles = new Set(store.search('meeting').map((h) => h.snippet));
    expect(titles.size).toBeGreaterThan(1);
    // A remark's role and a signatory's role are labels a person wrote: searchable.
    expect(store.search('"Permanent Vice Chair"').map((h) => h.id)).toContain(meetings[0]!.id);
  });

  it('indexes the text of attendance lists, notes and annexes, not their functions or kinds', () => {
    // Its own store: the other tests count what every stored meeting prints.
    const dir = tempDir('minuta-search-shapes-');
    const own = openDatabase(join(dir.dir, 'minuta.sqlite'));
    const store = createMeetingStore(own);
    const m = shapesMeeting();
    m.id = store.create(m, 'ana').id;
    try {
      // A group heading, a name and an affiliation; a note's reference, addressee and signer; an annex's title and paragraph.
      for (const q of ['Secretariat', '"Vong Latsamy"', '"Lao People’s Democratic Republic"', '0815', '"Minister of Foreign Affairs"', '"Prasert Wong"', '"Agreed conclusions"', '"recruitment agencies"']) {
        expect(store.search(q).map((h) => h.id), q).toContain(m.id);
      }
      // "rapporteur" is a function (an enum value, printed in the template's words), "note" is not typed here as a kind.
      expect(store.search('rapporteur').map((h) => h.id)).not.toContain(m.id);
      const letter = { id: 'b_l', type: 'letter', kind: 'note', addressee: [[{ text: 'Vientiane' }]], paragraphs: [{ id: 'p_1', text: [{ text: 'Text' }], quoted: true }] };
      expect(proseOf(BlockRecordSchema, letter)).toEqual(['Vientiane', 'Text']);
      const table = { id: 'b_t', type: 'participants', groups: [{ id: 'g_1', heading: [], rows: [{ id: 'r_1', name: 'Ana', function: 'chair' }] }] };
      expect(proseOf(BlockRecordSchema, table)).toEqual(['Ana']);
    } finally {
      own.close();
      dir.cleanup();
    }
  });

  it('the rule compiles for the whole model and reads only declared prose', () => {
    expect(compileProse(Meeting)).not.toBeNull();
    expect(compileProse(MeetingHeadSchema)).not.toBeNull();
    const list = { id: 'b_x', type: 'list', role: 'agreements', numbering: 'decimal', heading: [{ text: 'Agreed' }], items: [{ id: 'b_y', text: [{ text: 'Keep going' }], country: 'Lao' }] };
    expect(proseOf(BlockRecordSchema, list)).toEqual(['Agreed', 'Keep going', 'Lao']);
  });
});

describe('upgrading a database indexed under the old rule', () => {
  it('migration 008 marks every block pending and the next search no longer finds "decimal"', () => {
    const dir = tempDir('minuta-search-upgrade-');
    try {
      const file = join(dir.dir, 'minuta.sqlite');
      const m = loadFixture(2019);
      // A database as version 7 left it: the index built under the old rule (the list's numbering
      // indexed as a word), no tracker tables, nothing pending.
      const first = openDatabase(file);
      createMeetingStore(first).create(m, 'ana');
      first.exec(`
        DROP TABLE meeting_links; DROP TABLE follow_ups; DROP TABLE matters_arising;
        DROP INDEX search_blocks_decisions; ALTER TABLE search_blocks DROP COLUMN decision;
        DELETE FROM search_pending;
        PRAGMA user_version = 7;`);
      first.prepare("UPDATE search_index SET text = text || ' decimal none' WHERE rowid IN (SELECT id FROM search_blocks WHERE meeting_id = ?)").run(m.id);
      expect(first.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'decimal'").pluck().get()).toBeGreaterThan(0);
      first.close();
      const upgraded = openDatabase(file);
      try {
        expect(upgraded.pragma('user_version', { simple: true })).toBe(8);
        const pending = upgraded.prepare('SELECT count(*) FROM search_pending').pluck().get() as number;
        expect(pending).toBeGreaterThan(10);
        const s = createMeetingStore(upgraded);
        // The idle indexer takes bites (at most N meetings a call); a search catches up whole.
        expect(s.flushIndex(0)).toBe(0);
        expect(upgraded.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(pending);
        expect(s.search('decimal')).toEqual([]);
        expect(upgraded.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
        expect(s.search('none')).toEqual([]);
        expect(s.search('"diplomatic channel"').map((h) => h.id)).toEqual([m.id]);
        // …and the decision flag is set by the same re-indexing.
        expect(s.search('"diplomatic channel"', 50, { decisions: true }).map((h) => h.blockId)).toEqual(['b_19016']);
        expect(s.search('Siem Reap', 50, { decisions: true })).toEqual([]);
      } finally {
        upgraded.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
