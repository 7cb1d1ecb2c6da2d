import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readReviewedDocx } from '../../../src/main/review/docx';
import type { DocxParagraph, DocxRun, ReviewedDocx } from '../../../src/shared/review/reviewedDocx';
import { type LibreOfficeReviewed, MALEE_REVIEW, libreOfficeMissing, reviewWithLibreOffice } from '../../support/libreofficeReview';
import { type MadeReviewCopy, makeReviewCopy } from '../../support/reviewCopyFile';

/**
 * Reviewed copies made by LibreOffice itself (7.4, through UNO): a reviewer, "Malee Sirikul", edits a
 * Minuta review copy of the 2018 minutes with change tracking on (and comments, a reply, a resolved
 * thread), and again with tracking off. The reader must find every edit with her name, on the block its
 * paragraph's bookmark names, and its accept-all text must be LibreOffice's own.
 */

const missing = libreOfficeMissing();
if (missing) console.log(`docx-read-libreoffice: skipped, ${missing}`);

const LOOK = resolve('test-results/docx-read');
const { user: USER, name: NAME, edits: EDITS, comments: COMMENTS } = MALEE_REVIEW;

let copy: MadeReviewCopy;
let original: ReviewedDocx;
let tracked: LibreOfficeReviewed;
let plain: LibreOfficeReviewed;
let readTracked: ReviewedDocx;
let readPlain: ReviewedDocx;

const text = (p: DocxParagraph) => p.runs.map((r) => r.text).join('');
const inBlock = (d: ReviewedDocx, block: string, needle: string) => {
  const p = d.paragraphs.find((q) => q.bookmark === block && text(q).includes(needle));
  if (!p) throw new Error(`no paragraph of ${block} holds "${needle}"`);
  return p;
};
const byMalee = (p: DocxParagraph, kind: string) =>
  p.runs
    .filter((r) => r.revision?.kind === kind && r.revision.author === NAME)
    .map((r) => r.text)
    .join('');
/** The words once every change is accepted, as the reader sees them (table cells included, as in LibreOffice's text). */
const acceptedWords = (d: ReviewedDocx) =>
  d.paragraphs
    .flatMap((p) => p.runs.filter((r: DocxRun) => r.revision?.kind !== 'deleted' && r.revision?.kind !== 'movedFrom').map((r) => r.text).concat(' '))
    .join('')
    .split(/\s+/)
    .filter(Boolean);

describe.skipIf(missing !== undefined)('reading DOCX files LibreOffice reviewed', () => {
  beforeAll(async () => {
    copy = await makeReviewCopy({ threads: false });
    original = readReviewedDocx(copy.bytes);
    tracked = await reviewWithLibreOffice(copy.bytes, {
      user: USER,
      track: true,
      edits: EDITS,
      comments: COMMENTS,
    });
    plain = await reviewWithLibreOffice(copy.bytes, { user: USER, track: false, edits: EDITS });
    mkdirSync(LOOK, { recursive: true });
    writeFileSync(join(LOOK, 'libreoffice-tracked.docx'), tracked.docx);
    writeFileSync(join(LOOK, 'libreoffice-untracked.docx'), plain.docx);
    readTracked = readReviewedDocx(tracked.docx);
    readPlain = readReviewedDocx(plain.docx);
  }, 300_000);

  it('reads the properties: what the copy was made from, the reviewer as last author, tracking on or off', () => {
    for (const d of [readTracked, readPlain]) {
      expect(d.custom).toMatchObject({ MinutaMeetingId: copy.current.id, MinutaBaseRevision: String(copy.baseRevision), MinutaRevision: String(copy.revision) });
      expect(d.custom.MinutaFingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(d.core.lastModifiedBy).toBe(NAME);
    }
    expect(readTracked.trackRevisions).toBe(true);
    expect(readPlain.trackRevisions).toBe(false);
  });

  it('finds each tracked edit with its kind, its text and the reviewer, on the block it was made in', () => {
    const replaced = inBlock(readTracked, 'b_18001', 'Technical');
    expect(byMalee(replaced, 'deleted')).toBe('Consultative Meeting');
    expect(byMalee(replaced, 'inserted')).toBe('Consultation Meeting');
    expect(byMalee(inBlock(readTracked, 'b_18002', 'Myanmar Embassy'), 'inserted')).toBe(' in Phnom Penh');
    expect(byMalee(inBlock(readTracked, 'b_18005', 'welcome speech'), 'deleted')).toBe(' and appreciation');
    const bolded = inBlock(readTracked, 'b_18006', 'H.E San Arun').runs.find((r) => r.text.startsWith('H.E San Arun'))!;
    expect(bolded).toMatchObject({ text: 'H.E San Arun', bold: true, formatChange: { author: NAME, before: { bold: false, italic: false } } });
    const removed = inBlock(readTracked, 'b_18007', 'Sarah Knibbs');
    expect(removed.mark).toMatchObject({ kind: 'deleted', author: NAME });
    expect(removed.runs.every((r) => r.revision?.kind === 'deleted' && r.revision.author === NAME)).toBe(true);
    // Every change the reviewer made is one of those five; the copy's own changes keep their authors.
    const authors = new Set(readTracked.paragraphs.flatMap((p) => p.runs.flatMap((r) => [r.revision?.author, r.formatChange?.author])).filter(Boolean));
    expect([...authors].sort()).toEqual([NAME, 'Sokha Chan'].sort());
    const malee = readTracked.paragraphs.filter((p) => p.runs.some((r) => r.revision?.author === NAME || r.formatChange?.author === NAME) || p.mark?.author === NAME);
    expect(malee.map((p) => p.bookmark)).toEqual(['b_18001', 'b_18002', 'b_18005', 'b_18006', 'b_18007']);
  });

  it('keeps every block bookmark around the edited paragraphs', () => {
    // LibreOffice 7.4 cannot keep a bookmark that runs from a table cell out of the table (the routing
    // block's): it collapses it and stretches the one before over the table. Paragraphs outside tables
    // that hold text keep theirs exactly; the rest is the mapper's to place by text.
    const names = (d: ReviewedDocx) => d.paragraphs.filter((p) => !p.inTable && text(p) !== '').map((p) => p.bookmark ?? '-');
    expect(names(readTracked)).toEqual(names(original));
    // Untracked, the deleted paragraph is gone and nothing else is.
    const without = names(original);
    without.splice(without.indexOf('b_18007'), 1);
    expect(names(readPlain)).toEqual(without);
  });

  it('reads the comments LibreOffice wrote: authors, dates, text, the reply under its comment, the resolved one', () => {
    const c = readTracked.comments;
    expect(c.map((x) => [x.author, x.text, x.done ?? false])).toEqual(
      expect.arrayContaining([
        [NAME, ['Full name of the organisation?'], false],
        ['Somchai Wongsa', ['It is the registered name.'], false],
        ['Somchai Wongsa', ['Title checked.'], true],
      ]),
    );
    expect(c).toHaveLength(3);
    const first = c.find((x) => x.text[0] === 'Full name of the organisation?')!;
    const reply = c.find((x) => x.text[0] === 'It is the registered name.')!;
    expect(first.date).toMatch(/^2026-07-01T10:00:00/);
    expect(reply.parentId).toBe(first.id);
    expect(first.parentId).toBeUndefined();
    expect(c.find((x) => x.text[0] === 'Title checked.')!.parentId).toBeUndefined();
    const covered = (id: string) => readTracked.paragraphs.flatMap((p) => p.runs.filter((r) => r.comments.includes(id)).map((r) => [p.bookmark, r.text]));
    expect(covered(first.id)).toEqual([['b_18003', 'Hope for Justice']]);
    expect(covered(reply.id)).toEqual([['b_18003', 'Hope for Justice']]);
  });

  it('gives LibreOffice’s own accept-all text, tracked or not', () => {
    const lo = tracked.accepted.split(/\s+/).filter(Boolean);
    expect(acceptedWords(readTracked)).toEqual(lo);
    expect(acceptedWords(readPlain)).toEqual(plain.accepted.split(/\s+/).filter(Boolean));
    expect(lo.join(' ')).toContain('Consultation Meeting');
    expect(lo.join(' ')).not.toContain('Sarah Knibbs');
  });

  it('reads no change by the reviewer when she did not track them, and her text as it is', () => {
    expect(readPlain.paragraphs.some((p) => p.runs.some((r) => r.revision?.author === NAME || r.formatChange?.author === NAME) || p.mark?.author === NAME)).toBe(false);
    expect(text(inBlock(readPlain, 'b_18001', 'Technical'))).toContain('Consultation Meeting');
    expect(inBlock(readPlain, 'b_18006', 'H.E San Arun').runs[0]).toMatchObject({ text: 'H.E San Arun', bold: true });
    expect(readPlain.comments).toEqual([]);
  });
});
