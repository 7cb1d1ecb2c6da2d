import { describe, expect, it } from 'vitest';
import { parseInterchange, serializeInterchange, type Meeting } from '../../../src/shared/minutes';
import { readFixture } from './helpers';
import { type LayoutBlock, layoutContent } from '../../../src/shared/format';
import { meetingNotes } from '../../support/footnoteText';

/**
 * The real records of issue 15's shapes (tests/fixtures/<name>/SOURCE.md) as data: each file parses
 * as a version-3 document in canonical form, and holds its shape in the model's fields (SPEC15), not
 * as typed-in labels. Their exports are checked word by word in tests/e2e/export-real-shapes.test.ts.
 */

const FIXTURES = ['colombo-1951.minuta.json', 'notes-1974.minuta.json', 'cer-1982.minuta.json'] as const;

const load = (fixture: string): Meeting => {
  const r = parseInterchange(readFixture(fixture));
  if (!r.ok) throw new Error(`${fixture}: ${r.errors.join('\n')}`);
  return r.meeting;
};

/** A block seen as data: the new block types are read by field, so that this file does not depend on their TypeScript types. */
type AnyBlock = Record<string, unknown> & { id: string; type: string };
const blocks = (m: Meeting) => m.body as unknown as AnyBlock[];
const ofType = (m: Meeting, type: string) => blocks(m).filter((b) => b.type === type);
/** Every string a rich text holds, joined. */
const plain = (rt: unknown) => (rt as { text: string }[]).map((r) => r.text).join('');

describe('the real-shape fixtures', () => {
  it.each(FIXTURES)('%s parses, and is in canonical form', (fixture) => {
    const text = readFixture(fixture);
    expect(JSON.parse(text).version).toBe(3);
    expect(serializeInterchange(load(fixture))).toBe(text);
  });

  it.each(FIXTURES)('%s types no label into its text: no run begins with a paragraph or list number', (fixture) => {
    const starts: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.text === 'string' && /^(?:\d{1,2}[.)]|\([a-z0-9]{1,4}\))\s/.test(o.text)) starts.push(o.text.slice(0, 40));
        Object.values(o).forEach(walk);
      }
    };
    walk(load(fixture).body);
    expect(starts).toEqual([]);
  });
});

describe('colombo-1951: the report of a regional consultative meeting', () => {
  const m = () => load('colombo-1951.minuta.json');

  it('front matter: the dateline and the classification marking are data', () => {
    const fm = (m() as Meeting & { frontMatter?: { dateline?: unknown; classification?: string } }).frontMatter;
    expect(plain(fm?.dateline)).toBe('Colombo, 20 February 1951');
    expect(fm?.classification).toBe('CONFIDENTIAL');
  });

  it('the agenda (a)–(g) is data, printed by an agenda block after paragraph 3; the headings of agenda items refer to them', () => {
    const meeting = m() as Meeting & { agenda?: { id: string; number: string; documents: string[] }[] };
    expect(meeting.agenda?.map((a) => a.number)).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)']);
    const agendaAt = blocks(meeting).findIndex((b) => b.type === 'agenda');
    expect(blocks(meeting)[agendaAt - 1]?.id).toBe('b_p3');
    const headings = ofType(meeting, 'heading');
    expect(headings).toHaveLength(10);
    expect(headings.every((h) => h.level === 1)).toBe(true);
    const ids = new Set(meeting.agenda!.map((a) => a.id));
    const linked = headings.filter((h) => h.agendaItemId !== undefined);
    expect(linked).toHaveLength(7);
    expect(linked.every((h) => ids.has(h.agendaItemId as string))).toBe(true);
  });

  it('paragraphs: 21 numbered by the format (continuously, template "report"), three continuing paragraph 14 unnumbered', () => {
    const meeting = m();
    expect(meeting.format?.template).toBe('report');
    const paragraphs = ofType(meeting, 'paragraph');
    expect(paragraphs).toHaveLength(24);
    expect(paragraphs.filter((p) => p.numbered === false).map((p) => p.id)).toEqual(['b_p14c1', 'b_p14c2', 'b_p14c3']);
  });

  it('laid out: paragraphs numbered 1.–21. across unnumbered headings, the agenda (a)–(g), paragraph 14 running on unnumbered', () => {
    const laid = layoutContent(m());
    const str = (b: LayoutBlock) => ('runs' in b ? b.runs.map((r) => r.text).join('') : '');
    const numbered = laid.filter((b) => b.kind === 'paragraph' && b.number !== undefined && b.number !== '');
    const numbers = numbered.map((b) => (b.kind === 'paragraph' ? b.number : ''));
    expect(numbers).toEqual([
      ...['1.', '2.', '3.'],
      ...['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)'],
      ...Array.from({ length: 18 }, (_, i) => `${i + 4}.`),
    ]);
    const headings = laid.filter((b) => b.kind === 'heading').map(str);
    expect(headings).toHaveLength(10);
    expect(headings[0]).toBe('Agenda');
    expect(headings.every((h) => !/^\S+\.\s/.test(h))).toBe(true);
    const fourteen = laid.findIndex((b) => b.kind === 'paragraph' && b.number === '14.');
    expect(laid.slice(fourteen + 1, fourteen + 4).map((b) => (b.kind === 'paragraph' ? b.number : 'not a paragraph'))).toEqual(['', '', '']);
  });

  it('five footnotes, as the volume numbers them, on the runs they hang on', () => {
    const notes = meetingNotes(m());
    expect(notes.map((n) => [n.anchor, n.text.join(' ')])).toEqual([
      ['I.', 'Not published.'],
      ['Ranasinha,', 'Permanent Secretary, Ceylon Ministry of Finance, and Secretary to the Ceylonese Cabinet.'],
      ['II.', 'Not published.'],
      ['Exchequer.', 'See appendix A and B, Document 156.'],
      ['III', 'Not published.'],
    ]);
  });
});

describe('notes-1974: an exchange of notes', () => {
  const m = () => load('notes-1974.minuta.json');

  it('two notes as letter blocks: reference, date, addressee, salutation, close and signer as fields; the quoted note quoted', () => {
    const letters = ofType(m(), 'letter');
    const [first, , second] = letters;
    expect(letters.map((l) => l.kind)).toEqual(['note', 'note', 'note']);
    expect([first!.reference, first!.date, first!.place]).toEqual(['14/12', '1974-12-19', undefined]);
    expect([second!.reference, second!.date, second!.place]).toEqual(['DVE/VV - 297588', '1974-12-19', 'The Hague']);
    expect((second!.addressee as unknown[]).map(plain)).toEqual(['To His Excellency Sir John Barnes', 'Ambassador of the United Kingdom of', 'Great Britain and Northern Ireland', 'at The Hague']);
    const quoted = (second!.paragraphs as { quoted?: boolean; text: unknown }[]).filter((p) => p.quoted);
    expect(quoted.map((p) => plain(p.text))).toEqual(['(zoals in Nr. I)']);
    // Signed by office alone would do; here the copy's "(sd.)" name is what prints.
    expect([letters[1]!.signer, second!.signer].map((s) => (s as { name?: string }).name)).toEqual(['(sd.) E. J. W. BARNES.', '(sd.) M. VAN DER STOEL.']);
  });

  it('proposals 1. and 2. as a numbered list, (a)/(b) and (i)–(iii) as its nested levels (labels are the format’s)', () => {
    const [list] = ofType(m(), 'list');
    expect(list!.numbering).toBe('decimal');
    const items = list!.items as { text: unknown; children?: { children?: unknown[] }[] }[];
    expect(items).toHaveLength(2);
    expect(plain(items[1]!.text)).toBe('');
    expect(items[1]!.children?.map((c) => c.children?.length)).toEqual([3, 3]);
  });
});

describe('cer-1982: bilateral agreed minutes', () => {
  const m = () => load('cer-1982.minuta.json');

  it('the bracketed date is the dateline and carries note 1; note 2 hangs on "JCCFI"', () => {
    const notes = meetingNotes(m());
    expect(notes.map((n) => [n.anchor, n.text.slice(0, 3).join(' ')])).toEqual([
      ['1982]', 'The file copy'],
      ['JCCFI', 'Not identified.'],
    ]);
  });

  it('six unnumbered headings; a bullet list and a numbered list; no signatures (agreed, not signed)', () => {
    const meeting = m();
    expect(ofType(meeting, 'heading').map((h) => plain(h.text))).toEqual([
      "Proposal for a Terminal Date: Interpretation of 'by 1995'",
      'Export Incentives',
      'Forest Products',
      'Intermediate Goods',
      'Quality of Access',
      'carpet',
    ]);
    expect(ofType(meeting, 'list').map((l) => l.numbering)).toEqual(['bullet', 'decimal']);
    expect(ofType(meeting, 'signatories')).toEqual([]);
  });
});
