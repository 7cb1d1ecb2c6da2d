import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../../src/main/store/meetings';
import { importReview } from '../../../src/main/review/importReview';
import { readReviewedDocx } from '../../../src/main/review/docx';
import { layoutMeeting } from '../../../src/shared/format';
import { type Meeting, type RichText, validateMeeting } from '../../../src/shared/minutes';
import type { Suggestion } from '../../../src/shared/minutes/reviewSuggestions';
import type { DocxRevision, ReviewedDocx } from '../../../src/shared/review/reviewedDocx';
import { layoutLines, layoutRuns } from '../../support/layoutText';
import { tempDir } from '../../support/temp';
import { WORD_STYLE, wordStyleDocx, wordStyleParts, zipParts } from '../../support/wordStyleDocx';

/**
 * Issue 12's acceptance: the hand-made reviewed copy in Word's own style (tests/support/wordStyleDocx.ts:
 * rsids, w14:paraId, a move in w:moveFrom/w:moveTo, an inserted paragraph mark, a w:rPrChange, comments
 * with a reply and a done thread in commentsExtended.xml) imports through the one import path (read +
 * map + store, on a real SQLite file) onto minutes that print exactly its text before its changes, block
 * by block under its bookmarks' ids. Each tracked change comes back as the right suggestion, by its own
 * author at its own date; accepting them all makes the minutes print what Word's "accept all" shows.
 */

const { ana, sokha, vilay } = WORD_STYLE;

/**
 * The minutes the copy was made from, in the agreed format. The copy prints no title block (it starts
 * with its first block), so the meeting's format prints none either (the template's `titleBlock.lines`
 * override: the agreed format otherwise always prints the date and place lines, which the file has
 * not). b_19002 is a list whose heading ("Opening remarks", a label line) and one plain item are the
 * bookmark's two paragraphs; b_19004 the signature grid (the file's table row); b_19005 the last
 * paragraph, whose bookmark the file no longer has (it is found in the group before it).
 * The table row is marked inserted by Ana (w:trPr/w:ins), which the reader does not read: Word's
 * "reject all" would drop the row, the reader's view keeps it, and so do these minutes.
 */
const BASE: Meeting = {
  id: WORD_STYLE.meetingId,
  language: 'en',
  titleBlock: { title: [{ text: 'Minutes of the Vientiane meeting' }] },
  dates: { start: '2019-07-05', end: '2019-07-05' },
  venue: { city: 'Vientiane', country: 'Lao PDR' },
  people: [],
  organisations: [],
  format: { template: 'agreed', overrides: { titleBlock: { lines: [] } } },
  body: [
    { id: 'b_19001', type: 'paragraph', text: [{ text: 'The meeting was held in Vientiane.' }] },
    {
      id: 'b_19002',
      type: 'list',
      role: 'points',
      heading: [{ text: 'Opening', bold: true }, { text: ' remarks' }],
      numbering: 'none',
      items: [{ id: 'i_19002', text: [{ text: 'Thanks were given to the hosts. Then ' }, { text: 'work', bold: true }, { text: ' began', italic: true }, { text: '\tafter\nlunch' }] }],
    },
    { id: 'b_19003', type: 'paragraph', text: [{ text: ' Agreed' }, { text: ' in full', italic: true }] },
    {
      id: 'b_19004',
      type: 'signatories',
      signatories: [
        { id: 's_19004a', role: 'For Cambodia', titleLines: [], signature: { kind: 'none' } },
        { id: 's_19004b', role: 'For Lao PDR', titleLines: [], signature: { kind: 'none' } },
      ],
    },
    { id: 'b_19005', type: 'paragraph', text: [{ text: 'the report, Vientiane (កិច្ចប្រជុំ, ກອງປະຊຸມ, အစည်းအဝေး) on 5 July, page 3 of 9' }] },
  ],
};
const ID = BASE.id;
/** The copy's MinutaRevision. */
const COPY_REVISION = 5;

/** The file's paragraphs as Word shows them with every change accepted (or rejected): runs kept, empty paragraphs gone. */
function wordText(doc: ReviewedDocx, drop: ReadonlySet<DocxRevision['kind']>): string[] {
  return doc.paragraphs.map((p) => p.runs.filter((r) => !(r.revision && drop.has(r.revision.kind))).map((r) => r.text).join('')).filter((t) => t !== '');
}
const ACCEPT_ALL = new Set<DocxRevision['kind']>(['deleted', 'movedFrom']);
const REJECT_ALL = new Set<DocxRevision['kind']>(['inserted', 'movedTo']);

const printed = async (m: Meeting) => layoutLines(await layoutMeeting(m)).map((l) => l.text).filter((t) => t !== '');

/** A fresh database whose revision 5 (the copy's MinutaRevision) is BASE, saved by the secretariat before the review. */
function freshStore(dir: string): { db: Db; store: MeetingStore } {
  const db = openDatabase(join(dir, `minuta-${Math.random().toString(36).slice(2)}.sqlite`));
  let clock = Date.parse('2026-06-10T09:00:00Z');
  const store = createMeetingStore(db, { now: () => new Date((clock += 120_000)) });
  const draft = (n: number): Meeting => {
    const m = structuredClone(BASE);
    m.body[0] = { id: 'b_19001', type: 'paragraph', text: [{ text: `The meeting was held (draft ${n}).` }] };
    return m;
  };
  store.create(draft(1), 'Secretariat');
  for (const n of [2, 3, 4]) store.saveDocument(ID, draft(n), 'Secretariat');
  store.saveDocument(ID, BASE, 'Secretariat');
  expect(store.revision(ID, COPY_REVISION)).toEqual(BASE);
  return { db, store };
}

/** A suggestion as the test states it: who, when, whether tracked, what change (a new block's id is the store's). */
const stated = (s: Suggestion) => ({
  author: s.author,
  at: s.at,
  tracked: s.tracked,
  change: s.change.kind === 'insert-block' ? { ...s.change, block: { ...s.change.block, id: expect.stringMatching(/^b_/) } } : s.change,
});
const plainText = (text: string): RichText => [{ text }];

const EXPECTED_SUGGESTIONS = [
  // w:del + w:ins, adjacent: one replacement, by Ana.
  { author: ana.author, at: ana.date, tracked: true, change: { kind: 'text', target: 'b_19001', path: 'text', start: 24, end: 33, quote: 'Vientiane', insert: plainText('Luang Prabang') } },
  // The move, source side (w:moveFrom): the sentence removed from the list item (the word diff pairs
  // the space after it with the file's space before " Then", so it quotes that space and puts it back).
  { author: sokha.author, at: sokha.date, tracked: true, change: { kind: 'text', target: 'i_19002', path: 'text', start: 0, end: 32, quote: 'Thanks were given to the hosts. ', insert: plainText(' ') } },
  // The inserted paragraph mark (and its inserted text): a new paragraph after the block it follows.
  {
    author: sokha.author,
    at: sokha.date,
    tracked: true,
    change: { kind: 'insert-block', container: '~body', afterId: 'b_19002', block: { id: expect.stringMatching(/^b_/), type: 'paragraph', text: plainText('A new paragraph by Sokha.') } },
  },
  // The move, destination side (w:moveTo): the sentence before " Agreed", one change (the space it
  // replaces is the file's; the run after it is bold from Vilay's w:rPrChange, and so is that space).
  {
    author: sokha.author,
    at: sokha.date,
    tracked: true,
    change: { kind: 'text', target: 'b_19003', path: 'text', start: 0, end: 1, quote: ' ', insert: [{ text: 'Thanks were given to the hosts.' }, { text: ' ', bold: true }] },
  },
  // The w:rPrChange: " Agreed" made bold, " in full" no longer italic, by Vilay.
  { author: vilay.author, at: vilay.date, tracked: true, change: { kind: 'format', target: 'b_19003', path: 'text', start: 1, end: 7, quote: 'Agreed', bold: true } },
  { author: vilay.author, at: vilay.date, tracked: true, change: { kind: 'format', target: 'b_19003', path: 'text', start: 8, end: 15, quote: 'in full', italic: false } },
];

let tmp: ReturnType<typeof tempDir>;
const doc = readReviewedDocx(wordStyleDocx());

describe('importing the reviewed copy in Word’s own style', () => {
  beforeAll(() => {
    tmp = tempDir('minuta-wordimport-');
  });
  afterAll(() => tmp?.cleanup());

  it('the minutes it was made from print its text before its changes (Word’s “reject all”), block by block under its bookmarks', async () => {
    const v = validateMeeting(BASE);
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(await printed(BASE)).toEqual(wordText(doc, REJECT_ALL));
    // Each bookmark names a block of the minutes (b_19005's is the one the file lost).
    const bookmarks = [...new Set(doc.paragraphs.flatMap((p) => (p.bookmark ? [p.bookmark] : [])))];
    expect(bookmarks).toEqual(['b_19001', 'b_19002', 'b_19003', 'b_19004']);
    expect(BASE.body.map((b) => b.id)).toEqual([...bookmarks, 'b_19005']);
  });

  it('as a review copy (its MinutaRevision names the base): each change a suggestion by its author, the comments threads; accept all gives Word’s “accept all”', async () => {
    const { db, store } = freshStore(tmp.dir);
    try {
      const done = await importReview(db, store, { meetingId: ID, fileName: 'minutes-reviewed-in-word.docx', bytes: wordStyleDocx() }, 'Secretariat');
      expect(done.import).toMatchObject({ baseRevision: COPY_REVISION, reviewer: vilay.author, fileName: 'minutes-reviewed-in-word.docx' });
      expect(done.suggestions.map(stated)).toEqual(EXPECTED_SUGGESTIONS);
      expect(done.suggestions.every((s) => s.status === 'open')).toBe(true);

      // Comments: Sokha's reply under Ana's comment (w15:paraIdParent), on the block whose words they
      // cover; Vilay's two-paragraph comment over the signature table, done (w15:done="1"): resolved.
      const threads = store.comments.list(ID);
      expect(threads.map((t) => ({ anchor: t.anchor, comments: t.comments.map((c) => [c.author, c.at, c.text]), resolved: t.resolution?.resolved ?? false }))).toEqual([
        {
          anchor: { blockId: 'b_19001' },
          comments: [
            [ana.author, ana.date, 'Is it Luang Prabang?'],
            [sokha.author, sokha.date, 'Yes, the venue moved.'],
          ],
          resolved: false,
        },
        { anchor: { blockId: 'b_19004' }, comments: [[vilay.author, vilay.date, 'Signatures checked.\nBoth heads signed.']], resolved: true },
      ]);

      // Accept all: the minutes print what Word's "accept all" shows, line for line.
      const accepted = store.suggestions.accept(ID, done.suggestions.map((s) => s.id), 'Secretariat');
      expect(accepted.conflicts).toEqual([]);
      expect(accepted.accepted).toHaveLength(EXPECTED_SUGGESTIONS.length);
      const head = store.get(ID)!.meeting;
      expect(await printed(head)).toEqual(wordText(doc, ACCEPT_ALL));
      expect(await printed(head)).toEqual([
        'The meeting was held in Luang Prabang.',
        'Opening remarks',
        ' Then work began\tafter\nlunch',
        'A new paragraph by Sokha.',
        'Thanks were given to the hosts. Agreed in full',
        'For Cambodia',
        'For Lao PDR',
        'the report, Vientiane (កិច្ចប្រជុំ, ກອງປະຊຸມ, အစည်းအဝေး) on 5 July, page 3 of 9',
      ]);
      // And the formatting change reached the model: "Agreed" bold, "in full" upright.
      const runs = layoutRuns(await layoutMeeting(head));
      expect(runs.find((r) => r.text.includes('Agreed'))).toMatchObject({ bold: true });
      const inFull = runs.find((r) => r.text.includes('in full'));
      expect(inFull).toBeDefined();
      expect(inFull!.italic).not.toBe(true);
      expect(store.suggestions.list(ID).every((s) => s.status === 'accepted')).toBe(true);
    } finally {
      db.close();
    }
  });

  it('the inserted paragraph mark alone (its text not wrapped in w:ins) still makes Sokha’s tracked paragraph', async () => {
    const parts = wordStyleParts();
    const document = parts['word/document.xml']!;
    parts['word/document.xml'] = document.replace(/<w:ins w:id="7"[^>]*>(.*?)<\/w:ins>/, '$1');
    expect(parts['word/document.xml']).not.toBe(document);
    const { db, store } = freshStore(tmp.dir);
    try {
      const done = await importReview(db, store, { meetingId: ID, fileName: 'mark-only.docx', bytes: zipParts(parts) }, 'Secretariat');
      expect(done.suggestions.map(stated)).toEqual(EXPECTED_SUGGESTIONS);
    } finally {
      db.close();
    }
  });

  it('as a DOCX not made by Minuta (no custom properties), against the version the user picks: the same suggestions and threads', async () => {
    const parts = wordStyleParts();
    delete parts['docProps/custom.xml'];
    parts['_rels/.rels'] = parts['_rels/.rels']!.replace(/<Relationship Id="rId3"[^>]*\/>/, '');
    parts['[Content_Types].xml'] = parts['[Content_Types].xml']!.replace(/<Override PartName="\/docProps\/custom.xml"[^>]*\/>/, '');
    const bytes = zipParts(parts);
    expect(readReviewedDocx(bytes).custom).toEqual({});
    const { db, store } = freshStore(tmp.dir);
    try {
      // Without a choice it names what is missing.
      await expect(importReview(db, store, { meetingId: ID, fileName: 'from-word.docx', bytes }, 'Secretariat')).rejects.toMatchObject({
        code: 'invalid',
        message: expect.stringContaining('was not made by Minuta'),
      });
      const done = await importReview(db, store, { meetingId: ID, fileName: 'from-word.docx', bytes, baseRevision: COPY_REVISION }, 'Secretariat');
      expect(done.import.baseRevision).toBe(COPY_REVISION);
      expect(done.suggestions.map(stated)).toEqual(EXPECTED_SUGGESTIONS);
      expect(store.comments.list(ID).map((t) => [t.anchor.blockId, t.comments.length, t.resolution?.resolved ?? false])).toEqual([
        ['b_19001', 2, false],
        ['b_19004', 1, true],
      ]);
    } finally {
      db.close();
    }
  });
});
