import { beforeAll, describe, expect, it } from 'vitest';
import { readReviewedDocx } from '../../../src/main/review/docx';
import { bookmarkName } from '../../../src/main/export/docx/render';
import type { ReviewedDocx } from '../../../src/shared/review/reviewedDocx';
import { REVIEW_COPY, type MadeReviewCopy, makeReviewCopy } from '../../support/reviewCopyFile';

/**
 * Minuta's own review copy, read back before anyone edits it: what the copy carries for the round trip
 * (its properties, a bookmark per block, its tracked changes with their authors, its comment threads
 * with replies and resolved state) is what the reader finds.
 */

let made: MadeReviewCopy;
let read: ReviewedDocx;
const text = (p: ReviewedDocx['paragraphs'][number]) => p.runs.map((r) => r.text).join('');

beforeAll(async () => {
  made = await makeReviewCopy();
  read = readReviewedDocx(made.bytes);
});

describe('reading a Minuta review copy', () => {
  it('finds the properties naming what it was made from', () => {
    expect(read.custom).toMatchObject({ MinutaMeetingId: made.current.id, MinutaBaseRevision: String(made.baseRevision), MinutaRevision: String(made.revision) });
    expect(read.trackRevisions).toBe(false);
  });

  it('finds a bookmark for every top-level block, in document order', () => {
    const ids = new Set([...JSON.stringify(made.current.body).matchAll(/"id":"([^"]+)"/g)].map((m) => bookmarkName(m[1]!)));
    const seen = [...new Set(read.paragraphs.map((p) => p.bookmark).filter((b) => b !== undefined))];
    for (const id of ['b_18001', 'b_18002', 'b_18003', 'b_18005']) expect(seen).toContain(id);
    // Each is a block of the minutes, and every top-level block is there.
    expect(seen.filter((b) => !ids.has(b))).toEqual([]);
    expect(made.current.body.map((b) => bookmarkName(b.id)).filter((b) => !seen.includes(b))).toEqual([]);
    expect(read.paragraphs.find((p) => text(p).startsWith('A 2'))!.bookmark).toBe('b_18001');
  });

  it('finds the copy’s tracked change with its author', () => {
    const p = read.paragraphs.find((q) => q.bookmark === 'b_18001')!;
    expect(p.runs.filter((r) => r.revision).map((r) => [r.revision!.kind, r.text, r.revision!.author])).toEqual([
      ['deleted', '2', 'Sokha Chan'],
      ['inserted', 'two', 'Sokha Chan'],
    ]);
  });

  it('finds the threads: the comment on its quote, the reply under it, the resolved one', () => {
    const [thread, reply, resolved] = ['threadText', 'replyText', 'resolvedText'].map((k) => read.comments.find((c) => c.text.join('\n') === REVIEW_COPY[k as 'threadText'])!);
    expect(thread).toMatchObject({ author: 'Vilay Phommasane', initials: 'VP' });
    expect(thread!.parentId).toBeUndefined();
    expect(reply).toMatchObject({ author: 'Sokha Chan', parentId: thread!.id });
    expect(resolved).toMatchObject({ author: 'Ana Lopes', done: true });
    const covered = read.paragraphs.flatMap((p) => p.runs.filter((r) => r.comments.includes(thread!.id)).map((r) => r.text));
    expect(covered.join('')).toBe(REVIEW_COPY.quote);
  });
});
