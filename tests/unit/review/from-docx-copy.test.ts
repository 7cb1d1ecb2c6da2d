import { strFromU8, unzipSync } from 'fflate';
import { bookmarkOrigin } from '../../../src/shared/review/bookmarks';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/main/export/docx/render';
import { renderReviewCopy } from '../../../src/main/export/reviewCopy';
import { layoutMeeting } from '../../../src/shared/format/agreed';
import { suggestionsFromDocx } from '../../../src/shared/review/fromDocx';
import type { DocxParagraph, ReviewedDocx } from '../../../src/shared/review/reviewedDocx';
import { meetingFixture } from '../minutes/helpers';
import { copyOf, counterIds, visibleText } from '../../support/reviewedCopy';

/**
 * The mapper's picture of a review copy (one paragraph per printed line, in the renderer's order, each
 * under its block's bookmark) against the real thing: the DOCX the review-copy renderer writes for
 * both seeds, read back with a few lines of XML scanning (paragraphs, their text, the innermost
 * bookmark open over each). The real reader is another module; this only checks the order and the
 * bookmarks the mapper relies on, and that an untouched real copy maps to nothing.
 */

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Paragraphs of document.xml in order: text (w:t), the innermost bookmark open over them, bold runs. */
function readParagraphs(xml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  const open: { id: string; name: string }[] = [];
  // Tokens: bookmark starts and ends, paragraph starts and ends, runs with their properties and text.
  const re = /<w:bookmarkStart\b[^>]*?w:id="(\d+)"[^>]*?w:name="([^"]*)"[^>]*\/>|<w:bookmarkStart\b[^>]*?w:name="([^"]*)"[^>]*?w:id="(\d+)"[^>]*\/>|<w:bookmarkEnd\b[^>]*?w:id="(\d+)"[^>]*\/>|<w:p\b[^>]*?(\/)?>|<\/w:p>|<w:r\b[^>]*>([\s\S]*?)<\/w:r>|<w:(?:del|moveFrom)\b[^>]*[^/]>|<\/w:(?:del|moveFrom)>/g;
  let para: DocxParagraph | undefined;
  // Inside w:del or w:moveFrom: text that accepting the changes removes.
  let removed = false;
  // A bookmark covers a paragraph it was open over at its start, or started in (innermost: the latest).
  let marked: string | undefined;
  for (const m of xml.matchAll(re)) {
    if (/^<w:(del|moveFrom)\b/.test(m[0])) removed = true;
    else if (/^<\/w:(del|moveFrom)>/.test(m[0])) removed = false;
    else if (m[1] !== undefined || m[3] !== undefined) {
      // A table's paragraphs carry part bookmarks ("__pN"): they stand for their block's (bookmarkOrigin).
      const b = { id: m[1] ?? m[4]!, name: bookmarkOrigin(m[2] ?? m[3]!) };
      open.push(b);
      if (para) marked = b.name;
    } else if (m[5] !== undefined) {
      const i = open.findIndex((b) => b.id === m[5]);
      if (i >= 0) open.splice(i, 1);
    } else if (m[0].startsWith('<w:p') && !m[0].startsWith('<w:pPr')) {
      para = { runs: [], inTable: false };
      marked = open.at(-1)?.name;
      if (m[6]) {
        out.push({ ...para, ...(open.at(-1) ? { bookmark: open.at(-1)!.name } : {}) });
        para = undefined;
      }
    } else if (m[0] === '</w:p>' && para) {
      const name = marked;
      out.push({ ...para, ...(name ? { bookmark: name } : {}) });
      para = undefined;
    } else if (m[7] !== undefined && para && !removed) {
      const text = [...m[7].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1]!)).join('');
      if (text !== '') para.runs.push({ text, bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(m[7]), italic: /<w:i\/>/.test(m[7]), comments: [] });
    }
  }
  return out;
}

describe('the review copy as the mapper pictures it is the one the renderer writes', () => {
  for (const fixture of ['minutes-2018.minuta.json', 'minutes-2019.minuta.json']) {
    it(`${fixture}: the same paragraphs in the same order under the same bookmarks; untouched, nothing comes back`, async () => {
      const meeting = meetingFixture(fixture);
      const bytes = await renderDocx(await layoutMeeting(meeting), { review: { threads: [], properties: [] } });
      const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
      const real = readParagraphs(xml).filter((p) => p.runs.some((r) => r.text.trim() !== ''));
      const pictured = copyOf(meeting).filter((p) => visibleText(p).trim() !== '');
      const text = (p: DocxParagraph) => p.runs.map((r) => r.text).join('');
      expect(real.map((p) => [text(p), p.bookmark ?? null])).toEqual(pictured.map((p) => [visibleText(p), p.bookmark ?? null]));

      const doc: ReviewedDocx = { custom: {}, core: { lastModifiedBy: 'Nobody' }, trackRevisions: false, paragraphs: readParagraphs(xml), comments: [] };
      const mapped = suggestionsFromDocx(doc, meeting, { importId: 'imp_1', reviewer: 'Nobody', newId: counterIds(), now: () => '2026-11-30T12:00:00Z' });
      expect(mapped.suggestions).toEqual([]);
    });
  }
});

describe('a review copy that carries its own redline (changes since its base)', () => {
  it('untouched, maps to nothing on the version it was made from: accepting the redline gives that version', async () => {
    const base = meetingFixture('minutes-2019.minuta.json');
    const current = structuredClone(base);
    // Since the base: words changed, a bullet removed, one moved, a paragraph added.
    const first = current.body[0]!;
    if (first.type !== 'paragraph') throw new Error('expected a paragraph');
    first.text = [{ text: first.text.map((r) => r.text).join('').replace('second', 'Second') + ' Amended.' }];
    const list = current.body.find((b) => b.id === 'b_19010');
    if (list?.type !== 'list') throw new Error('expected the challenges list');
    list.items.splice(1, 1);
    list.items.push(list.items.shift()!);
    current.body.splice(3, 0, { id: 'b_new', type: 'paragraph', text: [{ text: 'A paragraph added since the base.' }] });
    const at = '2026-11-29T10:00:00Z';
    const bytes = await renderReviewCopy({
      meetingId: 'm_1',
      base: { meeting: base, revisionId: 3, label: 'revision 3', author: 'Keo Sophal', savedAt: at },
      current: { meeting: current, revisionId: 9, label: 'revision 9', author: 'Keo Sophal', savedAt: at },
      attribution: new Map(),
      threads: [],
    });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    // The copy does carry tracked changes of its own.
    expect(xml).toContain('<w:del ');
    expect(xml).toContain('<w:ins ');
    // Read as accepted (deleted and moved-away text left out): the version the copy was made from.
    const doc: ReviewedDocx = { custom: {}, core: { lastModifiedBy: 'Nobody' }, trackRevisions: true, paragraphs: readParagraphs(xml), comments: [] };
    const mapped = suggestionsFromDocx(doc, current, { importId: 'imp_1', reviewer: 'Nobody', newId: counterIds(), now: () => '2026-11-30T12:00:00Z' });
    expect(mapped.suggestions).toEqual([]);
  });
});
