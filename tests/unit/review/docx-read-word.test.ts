import { describe, expect, it } from 'vitest';
import { readReviewedDocx } from '../../../src/main/review/docx';
import type { DocxRevision, DocxRun, ReviewedDocx } from '../../../src/shared/review/reviewedDocx';
import { WORD_STYLE, wordStyleDocx, wordStyleParts, zipParts } from '../../support/wordStyleDocx';

/** The hand-made reviewed copy in Word's own style (tests/support/wordStyleDocx.ts), every field of its reading. */

const { ana, sokha, vilay } = WORD_STYLE;
const plainRun = (text: string, more: Partial<DocxRun> = {}): DocxRun => ({ text, bold: false, italic: false, comments: [], ...more });
const by = (kind: DocxRevision['kind'], who: { author: string; date: string }, moveName?: string): DocxRevision => ({
  kind,
  author: who.author,
  date: who.date,
  ...(moveName ? { moveName } : {}),
});

const EXPECTED: ReviewedDocx = {
  custom: { MinutaMeetingId: WORD_STYLE.meetingId, MinutaBaseRevision: '3', MinutaRevision: '5', MinutaFingerprint: 'ab'.repeat(32) },
  core: { creator: 'Minuta', lastModifiedBy: 'Vilay Phommasane', modified: '2026-07-04T08:31:00Z' },
  trackRevisions: true,
  paragraphs: [
    {
      style: 'MinutaBody',
      bookmark: 'b_19001',
      inTable: false,
      runs: [
        plainRun('The meeting was held in '),
        plainRun('Vientiane', { revision: by('deleted', ana) }),
        // Comment 1 has no range of its own, only a reference: it covers the run before it.
        plainRun('Luang Prabang', { revision: by('inserted', ana), comments: ['0', '1'] }),
        plainRun('.'),
      ],
    },
    {
      style: 'Heading1',
      bookmark: 'b_19002',
      inTable: false,
      // Bold from the paragraph style's basedOn chain; switched off by w:b w:val="0"; w:i w:val="false" is not italic.
      runs: [plainRun('Opening', { bold: true }), plainRun(' remarks')],
    },
    {
      bookmark: 'b_19002',
      inTable: false,
      runs: [
        plainRun('Thanks were given to the hosts.', { revision: by('movedFrom', sokha, 'move1') }),
        plainRun(' Then '),
        plainRun('work', { bold: true }),
        plainRun(' began', { italic: true }),
        plainRun('\tafter\nlunch'),
      ],
    },
    { mark: by('inserted', sokha), inTable: false, runs: [plainRun('A new paragraph by Sokha.', { revision: by('inserted', sokha) })] },
    {
      // Its former style (w:pPrChange) is not its style.
      bookmark: 'b_19003',
      inTable: false,
      runs: [
        plainRun('Thanks were given to the hosts.', { revision: by('movedTo', sokha, 'move1') }),
        plainRun(' Agreed', { bold: true, formatChange: { author: vilay.author, date: vilay.date, before: { bold: false, italic: false } } }),
        plainRun(' in full', { formatChange: { author: vilay.author, date: vilay.date, before: { bold: false, italic: true } } }),
      ],
    },
    { bookmark: 'b_19004', inTable: true, runs: [plainRun('For Cambodia', { comments: ['2'] })] },
    { bookmark: 'b_19004', inTable: true, runs: [plainRun('For Lao PDR', { comments: ['2'] })] },
    // Hyperlink, content control, smart tag and simple field give their text; a complex field's instruction does not.
    { inTable: false, runs: [plainRun('the report, Vientiane (កិច្ចប្រជុំ, ກອງປະຊຸມ, အစည်းအဝေး) on 5 July, page 3 of 9')] },
  ],
  comments: [
    { id: '0', author: ana.author, initials: 'AL', date: ana.date, text: ['Is it Luang Prabang?'] },
    { id: '1', author: sokha.author, initials: 'SC', date: sokha.date, text: ['Yes, the venue moved.'], parentId: '0' },
    { id: '2', author: vilay.author, initials: 'VP', date: vilay.date, text: ['Signatures checked.', 'Both heads signed.'], done: true },
  ],
};

describe('reading a reviewed DOCX in Word’s own style', () => {
  it('reads every field: properties, paragraphs, runs, changes, marks, bookmarks, comments, replies, done', () => {
    expect(readReviewedDocx(wordStyleDocx())).toEqual(EXPECTED);
  });

  it('reads the same whatever prefix the file binds WordprocessingML to', () => {
    const parts = wordStyleParts();
    const rebound = Object.fromEntries(
      Object.entries(parts).map(([name, xml]) => [name, name.startsWith('word/') ? xml.replaceAll('<w:', '<x:').replaceAll('</w:', '</x:').replaceAll(' w:', ' x:').replace('xmlns:w=', 'xmlns:x=') : xml]),
    );
    expect(readReviewedDocx(zipParts(rebound))).toEqual(EXPECTED);
  });

  it('reads a file without comments, styles or properties as plain text with none', () => {
    const parts = wordStyleParts();
    const bare = { '[Content_Types].xml': parts['[Content_Types].xml']!, 'word/document.xml': parts['word/document.xml']! };
    const read = readReviewedDocx(zipParts(bare));
    expect(read.custom).toEqual({});
    expect(read.core).toEqual({});
    expect(read.trackRevisions).toBe(false);
    expect(read.comments).toEqual([]);
    // Without styles.xml nothing is bold by style: the heading's two runs are one.
    expect(read.paragraphs[1]!.runs).toEqual([plainRun('Opening remarks')]);
  });
});
