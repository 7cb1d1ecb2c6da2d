import { describe, expect, it } from 'vitest';
import {
  AGREED_FORMAT,
  BILATERAL_FORMAT,
  FORMAT_TEMPLATES,
  type FormatTemplate,
  type LayoutDocument,
  type LayoutList,
  LABEL_STYLES,
  REPORT_FORMAT,
  type Run,
  formatLabel,
  layoutMeeting,
  layoutToHtml,
  templateFor,
  templateProblems,
} from '../../../src/shared/format';
import { MAX_ERROR_MESSAGE, isMinutaError } from '../../../src/shared/errors';
import { type Meeting, parseInterchange, serializeInterchange, validateMeeting } from '../../../src/shared/minutes';
import { meetingFixture } from '../minutes/helpers';
import { templateMeeting } from '../../support/templateMeeting';

/**
 * Format templates as data (src/shared/format/template.ts): the seeds' template is the one that has
 * always printed them (their export tests are unchanged), another template changes what the layout
 * says and how it is numbered, and a bad template is refused naming its field.
 */

const str = (rs: readonly Run[]) => rs.map((r) => r.text).join('');
const headings = (doc: LayoutDocument, level: number) => doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [str(b.runs)] : []));
const numbers = (doc: LayoutDocument) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' && b.number !== undefined ? [b.number] : []));

describe('label styles', () => {
  it('count in digits, letters and roman numerals, with their punctuation', () => {
    expect(LABEL_STYLES.map((s) => formatLabel(s, 4))).toEqual(['4.', '4)', '(4)', 'd.', 'd)', '(d)', 'D.', 'iv.', '(iv)', 'IV.']);
    expect(formatLabel('a.', 27)).toBe('aa.');
    expect(formatLabel('I.', 1994)).toBe('MCMXCIV.');
  });
});

describe('the built-in templates', () => {
  it('are valid templates, and a meeting without a format choice gets the agreed format', () => {
    for (const [name, t] of Object.entries(FORMAT_TEMPLATES)) expect(templateProblems(t), name).toEqual([]);
    expect(templateFor(undefined)).toBe(AGREED_FORMAT);
    expect(templateFor({ template: 'bilateral' })).toBe(BILATERAL_FORMAT);
  });

  it('the seeds name no template and lay out exactly as with the agreed format named explicitly', async () => {
    for (const seed of ['minutes-2018.minuta.json', 'minutes-2019.minuta.json']) {
      const m = meetingFixture(seed);
      expect(m.format).toBeUndefined();
      const [implicit, named] = await Promise.all([layoutMeeting(m), layoutMeeting({ ...m, format: { template: 'agreed' } })]);
      expect(named.blocks).toEqual(implicit.blocks);
      // The format choice is part of the record, so the fingerprint differs; the rest of the furniture does not.
      expect({ ...named.furniture, fingerprintLabel: '' }).toEqual({ ...implicit.furniture, fingerprintLabel: '' });
      expect(named.style).toEqual(implicit.style);
    }
  });
});

describe('a meeting in another template (bilateral, two per row, continuous paragraphs, CONFIDENTIAL)', async () => {
  const m = templateMeeting();
  const doc = await layoutMeeting(m);
  const seedLayout = await layoutMeeting({ ...m, format: undefined });

  it('numbers sections I., II. instead of A., B.', () => {
    expect(headings(doc, 1)).toEqual(['I. INTRODUCTION', 'II. PROCEEDINGS']);
    expect(headings(seedLayout, 1)).toEqual(['A. INTRODUCTION', 'B. PROCEEDINGS']);
  });

  it('numbers running paragraphs 1, 2, 3 … through the document, across the sections', () => {
    const n = numbers(doc);
    expect(n.length).toBeGreaterThan(8);
    expect(n).toEqual(n.map((_, i) => `${i + 1}.`));
    // The second section's first paragraph continues the count.
    const second = doc.blocks.findIndex((b) => b.kind === 'heading' && str(b.runs) === 'II. PROCEEDINGS');
    const next = doc.blocks.slice(second).find((b) => b.kind === 'paragraph' && b.number !== undefined);
    expect(next?.kind === 'paragraph' && Number.parseInt(next.number!, 10)).toBeGreaterThan(1);
    expect(numbers(seedLayout)).toEqual([]);
  });

  it('restarts the count at each section when the template says so', async () => {
    const perSection = await layoutMeeting({ ...m, format: { template: 'bilateral', overrides: { paragraphs: { numbering: 'per-section', style: '(a)' } } } });
    const firsts = perSection.blocks.filter((b) => b.kind === 'paragraph' && b.number === '(a)');
    expect(firsts).toHaveLength(2);
  });

  it('labels the numbered lists (a), (b) and (i), (ii)', () => {
    const labels = doc.blocks.filter((b): b is LayoutList => b.kind === 'list' && b.label !== undefined).map((l) => [l.numbering, l.label]);
    expect(labels).toEqual([
      ['decimal-paren', '(i)'],
      ['decimal', '(a)'],
    ]);
    const html = layoutToHtml(doc, { fontUrl: (f) => f });
    expect(html).toContain('counter(list-item, lower-alpha)');
    expect(html).toContain('counter(list-item, lower-roman)');
  });

  it('lays out two signatures per row, each "For the Government of …" with its own place and date', () => {
    const grid = doc.blocks.find((b) => b.kind === 'signatures');
    expect(grid?.kind === 'signatures' && grid.perRow).toBe(2);
    const cells = grid?.kind === 'signatures' ? grid.cells : [];
    expect(cells.map((c) => c.party && str(c.party))).toEqual([
      'For the Government of the Kingdom of Cambodia',
      'For the Government of the Lao People’s Democratic Republic',
      'For the Government of the Republic of the Union of Myanmar',
      undefined,
    ]);
    expect(cells.map((c) => c.placeDate && str(c.placeDate))).toEqual(['Siem Reap, 31 October 2019', 'Vientiane, 4 November 2019', 'Nay Pyi Taw, 8 November 2019', undefined]);
    expect(layoutToHtml(doc, { fontUrl: (f) => f })).toContain('grid-template-columns: repeat(2, minmax(0, 1fr))');
  });

  it('prints a signatory known by office alone (no name)', () => {
    const grid = doc.blocks.find((b) => b.kind === 'signatures');
    const last = grid?.kind === 'signatures' ? grid.cells.at(-1) : undefined;
    expect(last && str(last.role)).toBe('Minister of Home Affairs');
    expect(last && str(last.name)).toBe('');
  });

  it('puts the classification marking on every page (page furniture), top and bottom', () => {
    expect(doc.furniture.marking).toBe('CONFIDENTIAL');
    const html = layoutToHtml(doc, { fontUrl: (f) => f });
    expect(html).toMatch(/@top-center \{ content: "CONFIDENTIAL"/);
    expect(html).toMatch(/@bottom-center \{ content: "CONFIDENTIAL"/);
    expect(seedLayout.furniture.marking).toBeUndefined();
  });

  it('round-trips through the .minuta.json file', () => {
    const r = parseInterchange(serializeInterchange(m));
    expect(r.ok && r.meeting.format).toEqual(m.format);
  });
});

describe('the report template', () => {
  it('numbers sections 1., 2. and sessions 1.1, paragraphs continuously (2018 seed)', async () => {
    const m = meetingFixture('minutes-2018.minuta.json');
    const doc = await layoutMeeting({ ...m, format: { template: 'report' } });
    expect(headings(doc, 1).slice(0, 2)).toEqual(['1. PARTICIPANTS OF THE MEETING', '2. OPENING']);
    expect(headings(doc, 2)[0]).toMatch(/^3\.1 /);
    expect(numbers(doc)[0]).toBe('1.');
    expect(REPORT_FORMAT.paragraphs.numbering).toBe('continuous');
  });

  it('prints no title block when the template lists no title line', async () => {
    const m = meetingFixture('minutes-2019.minuta.json');
    const doc = await layoutMeeting({ ...m, format: { template: 'agreed', overrides: { titleBlock: { lines: [] } } } });
    expect(doc.blocks.some((b) => b.kind === 'title')).toBe(false);
    const reordered = await layoutMeeting({ ...m, format: { template: 'agreed', overrides: { titleBlock: { lines: ['date', 'place', 'title'] } } } });
    const title = reordered.blocks.find((b) => b.kind === 'title');
    expect(title?.kind === 'title' && title.lines.map((l) => l.role)).toEqual(['date', 'place', 'title']);
  });
});

describe('an invalid template', () => {
  const m = meetingFixture('minutes-2019.minuta.json');

  it('is refused by the layout with invalid, naming the field, in a bounded message', async () => {
    const bad = { ...AGREED_FORMAT, signatures: { ...AGREED_FORMAT.signatures, perRow: 5 } } as FormatTemplate;
    const err = await layoutMeeting(m, { template: bad }).catch((e: unknown) => e);
    expect(isMinutaError(err) && err.code).toBe('invalid');
    expect(isMinutaError(err) && err.path).toBe('template.signatures.perRow');
    expect((err as Error).message).toContain('signatures.perRow: must be at most 4');

    const many = { ...AGREED_FORMAT, months: ['x'.repeat(100_000)], page: 'no page numbers', marginsMm: undefined } as unknown as FormatTemplate;
    const err2 = await layoutMeeting(m, { template: many }).catch((e: unknown) => e);
    expect(isMinutaError(err2) && err2.code).toBe('invalid');
    expect((err2 as Error).message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    expect((err2 as Error).message).not.toContain('x'.repeat(50));
    expect((err2 as Error).message).toContain('page: must contain {page} and then {pages}');
  });

  it('an unknown template name (a meeting that skipped validation) is refused as invalid, naming format.template', async () => {
    const err = await layoutMeeting({ ...m, format: { template: 'un-summary-record' } } as unknown as Meeting).catch((e: unknown) => e);
    expect(isMinutaError(err) && [err.code, err.path]).toEqual(['invalid', 'format.template']);
  });

  it('in a minutes file is refused on import, naming the field; an unknown field too', () => {
    const file = (format: unknown) => JSON.stringify({ format: 'minuta', version: 1, meeting: { ...m, format } });
    const tooMany = parseInterchange(file({ template: 'bilateral', overrides: { signatures: { perRow: 7 } } }));
    expect(tooMany.ok).toBe(false);
    expect(!tooMany.ok && tooMany.errors.join('\n')).toMatch(/meeting\.format\.overrides\.signatures\.perRow.*at most 4/);
    const typo = parseInterchange(file({ template: 'agreed', overrides: { signatures: { perRows: 2 } } }));
    expect(!typo.ok && typo.errors.join('\n')).toMatch(/meeting\.format\.overrides\.signatures.*perRows/);
    const unknown = parseInterchange(file({ template: 'un-summary-record' }));
    expect(!unknown.ok && unknown.errors.join('\n')).toMatch(/meeting\.format\.template/);
    const labelStyle = parseInterchange(file({ template: 'agreed', overrides: { headings: { section: '§' } } }));
    expect(!labelStyle.ok && labelStyle.errors.join('\n')).toMatch(/meeting\.format\.overrides\.headings\.section/);
  });

  it('a signatory with neither a name, a person nor an office is still refused', () => {
    const sig = m.body.find((b) => b.type === 'signatories')!;
    const bad = { ...m, body: m.body.map((b) => (b === sig && b.type === 'signatories' ? { ...b, signatories: [{ id: 'g_x', role: ' ', titleLines: [], signature: { kind: 'none' } }] } : b)) };
    const v = validateMeeting(bad);
    expect(v.ok ? [] : v.errors.join('\n')).toMatch(/a personId, a name or an office/);
  });
});
