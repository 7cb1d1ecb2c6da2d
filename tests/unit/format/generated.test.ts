import { describe, expect, it } from 'vitest';
import { AGREED_FORMAT, layoutMeeting, type LayoutDocument } from '../../../src/shared/format';
import { LIMITS, validateMeeting, type Bullet, type Meeting } from '../../../src/shared/minutes';
import { generateMeeting, propertyRuns } from '../../support/generateMeeting';
import { layoutLines, layoutRuns, layoutText } from '../../support/layoutText';
import { schemaFacets, valueFacets } from '../../support/meetingSchema';
import { expectedStrings, missingInOrder, normalise } from '../../support/printedStrings';

/**
 * Property tests of the agreed format over random valid meetings (tests/support/generateMeeting.ts):
 * nothing stored is lost on the way to the layout tree, and nothing is printed for data that does not
 * exist. The same meetings, printed for real, are checked in tests/e2e/export-generated.test.ts.
 */

const RUNS = propertyRuns(300);
/** Laying out a meeting takes about 2 ms here; generous for a loaded machine. */
const TIMEOUT = 10_000 + RUNS * 20;
const seeds = Array.from({ length: RUNS }, (_, i) => i + 1);

/** The deepest chain of bullets in a meeting (a top-level bullet is depth 1). */
function maxBulletDepth(m: Meeting): number {
  const chain = (b: Bullet): number => 1 + Math.max(0, ...(b.children ?? []).map(chain));
  let max = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    // A letter has no bullets (its paragraphs, an id and rich text, would look like them).
    if ('type' in v && v.type === 'letter') return;
    // A bullet: an id, rich text, no block type.
    if ('id' in v && 'text' in v && Array.isArray(v.text) && !('type' in v)) max = Math.max(max, chain(v as Bullet));
    Object.values(v).forEach(walk);
  };
  walk([m.body, m.annexes ?? []]);
  return max;
}

describe('the generator of random meetings', () => {
  it('is reproducible: a seed gives the same meeting, another seed another', () => {
    expect(generateMeeting(7)).toEqual(generateMeeting(7));
    expect(generateMeeting(7)).not.toEqual(generateMeeting(8));
  });

  it('gives valid meetings only', () => {
    for (const seed of seeds.slice(0, 100)) {
      const v = validateMeeting(JSON.parse(JSON.stringify(generateMeeting(seed))));
      expect(v.ok ? [] : v.errors, `seed ${seed}`).toEqual([]);
    }
  });

  it('produces, over 160 meetings, every block type, enum value and boolean of the schema, every optional field present and absent', () => {
    const expected = schemaFacets();
    const seen = new Set<string>();
    for (const seed of seeds.slice(0, 160)) valueFacets(generateMeeting(seed), seen);
    const never = [...expected].filter((f) => !seen.has(f)).sort();
    expect(never, 'facets of the schema that the generator never produced').toEqual([]);
    // The facets come from the schema: a block type or enum value added there shows up here.
    expect(expected).toContain('SessionBlock.items→RoutingBlock');
    expect(expected).toContain('ListBlock.numbering=none');
    expect(expected).toContain('PresentationBlock.title?absent');
  });

  it('nests bullets to the depth limit, and writes empty and blank strings, Khmer, Lao and Burmese, bold and italic runs', () => {
    const json = seeds.slice(0, 20).map((s) => generateMeeting(s));
    // Each meeting that has bullets has one chain to the limit.
    const depths = json.map(maxBulletDepth).filter((d) => d > 0);
    // Most meetings have bullets (fewer since the decision block, a type without bullets, joined the
    // rotation; how many of these 20 exactly moves whenever a schema field is added, which reshuffles
    // the random stream: 11 since the masthead's session lines).
    expect(depths.length).toBeGreaterThan(10);
    expect(depths.every((d) => d === LIMITS.maxBulletDepth)).toBe(true);
    const all = JSON.stringify(json);
    expect(all).toContain('"text":""');
    expect(all).toMatch(/"[a-zA-Z]+":" +"/);
    expect(all).toMatch(/[\u1780-\u17ff]/);
    expect(all).toMatch(/[\u0e80-\u0eff]/);
    expect(all).toMatch(/[\u1000-\u109f]/);
    expect(all).toContain('"bold":true');
    expect(all).toContain('"italic":true');
    expect(all).toContain('"text":[]');
  });
});

describe(`the agreed format over ${RUNS} random meetings`, () => {
  const layouts = async (each: (doc: LayoutDocument, meeting: Meeting, seed: number) => void) => {
    for (const seed of seeds) {
      const meeting = generateMeeting(seed);
      each(await layoutMeeting(meeting), meeting, seed);
    }
  };

  it('lays out every stored string, in document order', async () => {
    let checked = 0;
    await layouts((doc, meeting, seed) => {
      const expected = expectedStrings(meeting);
      const missing = missingInOrder(expected, layoutText(doc), normalise);
      expect(missing.slice(0, 3), `seed ${seed}: strings not laid out in order`).toEqual([]);
      checked += expected.length;
    });
    expect(checked).toBeGreaterThan(RUNS * 20);
    console.log(`layout: ${checked} stored strings checked over ${RUNS} meetings`);
  }, TIMEOUT);

  it('keeps bold and italic: each bold or italic run typed is bold or italic in the layout', async () => {
    let marked = 0;
    await layouts((doc, meeting, seed) => {
      // The layout's text with only the characters of each mark kept (others become a break), whitespace normalised.
      const only = (mark: 'bold' | 'italic') => normalise(layoutRuns(doc).map((r) => (r[mark] ? r.text : '\n\u0000\n')).join(''));
      const bold = only('bold');
      const italic = only('italic');
      for (const e of expectedStrings(meeting)) {
        for (const run of e.runs ?? []) {
          if (run.text.trim() === '') continue;
          if (run.bold) expect(bold.includes(normalise(run.text)), `seed ${seed} ${e.site}: "${run.text}" not bold`).toBe(true);
          if (run.italic) expect(italic.includes(normalise(run.text)), `seed ${seed} ${e.site}: "${run.text}" not italic`).toBe(true);
          if (run.bold || run.italic) marked++;
        }
      }
    });
    expect(marked).toBeGreaterThan(RUNS * 5);
  }, TIMEOUT);

  it('prints only what exists: no empty brackets, stray separators, blank lines or labels that introduce nothing', async () => {
    const formatLabels = new Set([AGREED_FORMAT.recommendation, AGREED_FORMAT.implementationByCountry, AGREED_FORMAT.collaboration]);
    await layouts((doc, _meeting, seed) => {
      for (const line of layoutLines(doc)) {
        const t = normalise(line.text);
        const where = `seed ${seed}, ${line.kind} "${t.slice(0, 80)}"`;
        // Signature cells keep their three lines (role, box, name) so that the boxes of a row line up;
        // a table row keeps its cells (a participant without an affiliation has an empty one).
        // A numbered item with no text of its own keeps its number for the sub-items it introduces ("2. (a) …").
        const introduces = line.kind === 'item' && line.followed === true;
        if (line.kind !== 'signature' && line.kind !== 'routing' && line.kind !== 'cell' && !introduces) expect(t, `${where}: a blank line`).not.toBe('');
        expect(t, where).not.toMatch(/\(\s*\)/);
        expect(t, where).not.toMatch(/(^|\s),|,\s*$|,\s*,/);
        expect(t, where).not.toMatch(/:\s*:|^:/);
        expect(t, where).not.toMatch(/\bto\s*,|\bto$/);
        // The generated words have no colon: a line ending in one ends in a label of the format, which must introduce something.
        if (/:$/.test(t) || formatLabels.has(t)) expect(line.followed, `${where}: a label followed by nothing`).toBe(true);
      }
    });
  }, TIMEOUT);
});
