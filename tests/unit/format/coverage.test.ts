import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MinutaError } from '../../../src/shared/errors';
import { assertPrintable, isCovered, parseUnicodeRange, SCRIPTS, scriptOf, splitByScript, uncoveredCharacters } from '../../../src/shared/format';
import type { Meeting } from '../../../src/shared/minutes';
import { loadFixture } from '../../support/temp';

/**
 * The characters the shipped fonts draw, read from the fontsource packages' unicode.json, and the
 * check that runs before every export: what no shipped font covers is named with where it is.
 */

const GRIN = '\u{1F600}'; // an emoji: no colour emoji font is shipped
const TANGUT = '\u{17000}'; // a Tangut ideograph: no font for it at all
const GREEK = 'Ω'; // Noto Serif has a Greek subset, but Minuta does not ship it

/** The 2018 seed with `text` appended to its first paragraph and `title` to its title. */
function withText(text: string, title = ''): Meeting {
  const m = loadFixture(2018);
  const first = m.body[0]!;
  if (first.type !== 'paragraph') throw new Error('the 2018 seed starts with a paragraph');
  return {
    ...m,
    titleBlock: { ...m.titleBlock, title: [...m.titleBlock.title, { text: title }] },
    body: [{ ...first, text: [...first.text, { text }] }, ...m.body.slice(1)],
  };
}

describe('the shipped fonts’ coverage', () => {
  it('is what the packages’ unicode.json says for the subsets shipped, Thai included', () => {
    const thai = JSON.parse(readFileSync('node_modules/@fontsource/noto-serif-thai/unicode.json', 'utf8')) as Record<string, string>;
    expect(SCRIPTS.thai.files.every((f) => f.unicodeRange === thai.thai)).toBe(true);
    for (const [a, b] of parseUnicodeRange(thai.thai!)) for (let cp = a; cp <= b; cp++) expect(isCovered(cp), cp.toString(16)).toBe(true);
    // Cyrillic too: a name written in it (the Node.js TSC fixture's Сковорода Никита Андреевич).
    for (const ch of 'Aé€ក្ល ເກ မြ ภาษาไทย Жё') expect(isCovered(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of [GRIN, TANGUT, GREEK, '中']) expect(isCovered(ch.codePointAt(0)!), ch).toBe(false);
    // Invisible characters need no glyph: a variation selector after an emoji is not a second problem.
    expect(isCovered(0xfe0f)).toBe(true);
  });

  it('parses CSS unicode ranges, wildcards included', () => {
    expect(parseUnicodeRange('U+0131,U+0E01-0E5B, U+4??')).toEqual([
      [0x131, 0x131],
      [0xe01, 0xe5b],
      [0x400, 0x4ff],
    ]);
    expect(() => parseUnicodeRange('0E01')).toThrow();
  });

  it('Thai is a script of its own: lang th, its own font, apart from Lao', () => {
    expect(scriptOf('ก'.codePointAt(0)!)).toBe('thai');
    expect(scriptOf('ກ'.codePointAt(0)!)).toBe('lao');
    expect(SCRIPTS.thai).toMatchObject({ lang: 'th', family: 'Noto Serif Thai' });
    expect(splitByScript('Bangkok กรุงเทพมหานคร ບ້ານ')).toEqual([
      { text: 'Bangkok ', script: 'latin' },
      { text: 'กรุงเทพมหานคร ', script: 'thai' },
      { text: 'ບ້ານ', script: 'lao' },
    ]);
  });
});

describe('characters no shipped font draws, before export', () => {
  it('finds none in the seeds', () => {
    expect(uncoveredCharacters(loadFixture(2018))).toEqual([]);
    expect(uncoveredCharacters(loadFixture(2019))).toEqual([]);
  });

  it('names each character once, with every place it occurs (block id and field)', () => {
    const missing = uncoveredCharacters(withText(` ok ${GRIN}\u{FE0F} ภาษาไทย ${TANGUT}${GRIN}`, ` ${TANGUT}`));
    expect(missing.map((c) => c.codePoint)).toEqual(['U+17000', 'U+1F600']);
    const [tangut, grin] = missing;
    // The title block comes first in document order; the body's paragraph is b_18001, field "text".
    expect(tangut).toMatchObject({ char: TANGUT, count: 2, places: [{ blockId: '~head', field: 'titleBlock.title' }, { blockId: 'b_18001', field: 'text' }] });
    expect(grin).toMatchObject({ char: GRIN, count: 2, places: [{ blockId: 'b_18001', field: 'text' }] });
  });

  it('places a character in a nested block by its innermost id', () => {
    const m = loadFixture(2018);
    const body = JSON.stringify(m.body).replace('"Ministry of Interior"', `"Ministry of Interior ${GREEK}"`);
    const missing = uncoveredCharacters({ ...m, body: JSON.parse(body) as Meeting['body'] });
    expect(missing).toHaveLength(1);
    expect(missing[0]!.places).toEqual([{ blockId: 'd_18001', field: 'institutions.0' }]);
  });

  it('places a character in an annex’s block by that block’s id, and one in a participant’s name by the row', () => {
    const m = loadFixture(2019);
    const annexed: Meeting = {
      ...m,
      annexes: [
        {
          id: 'x_1',
          title: [{ text: 'Annex' }],
          blocks: [
            { id: 'b_ax', type: 'paragraph', text: [{ text: `Agreed ${GRIN}` }] },
            { id: 'b_pt', type: 'participants', groups: [{ id: 'g_1', heading: [], rows: [{ id: 'r_1', name: `Ana ${TANGUT}` }] }] },
          ],
        },
      ],
    };
    expect(uncoveredCharacters(annexed).map((c) => c.places)).toEqual([[{ blockId: 'b_ax', field: 'text' }], [{ blockId: 'r_1', field: 'name' }]]);
  });

  it('refuses the export with invalid, naming the characters and their places; allowed when the user says so', () => {
    const m = withText(`${GRIN} and ${TANGUT}`);
    let error: unknown;
    try {
      assertPrintable(m);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MinutaError);
    expect((error as MinutaError).code).toBe('invalid');
    expect((error as MinutaError).message).toContain(`U+1F600 ${GRIN} in b_18001 (text)`);
    expect((error as MinutaError).message).toContain(`U+17000 ${TANGUT} in b_18001 (text)`);
    expect((error as MinutaError).message).toContain('--allow-missing-glyphs');
    expect((error as MinutaError).path).toBe('b_18001.text');
    expect(() => assertPrintable(m, { allowMissingGlyphs: true })).not.toThrow();
    expect(() => assertPrintable(loadFixture(2019))).not.toThrow();
  });

  it('stays bounded with thousands of distinct characters', () => {
    const many = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x17000 + i)).join('');
    let message = '';
    try {
      assertPrintable(withText(many));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/and 2997 more/);
    expect(message.length).toBeLessThanOrEqual(2048);
  });
});
