import { describe, expect, it } from 'vitest';
import { suggestedFileName } from '../../../src/main/export/service';
import { loadFixture } from '../../support/temp';
import type { Meeting } from '../../../src/shared/minutes';
const FILE_NAME_TITLE_MAX = 80;

const titled = (title: string): Meeting => {
  const m = loadFixture(2018);
  return { ...m, titleBlock: { ...m.titleBlock, title: [{ text: title }] } };
};

describe('suggested export file name', () => {
  it('cuts the 2018 title at a word boundary, never mid-word', () => {
    const name = suggestedFileName(loadFixture(2018), 'pdf');
    expect(name).toBe('Technical Consultation Meeting among the three migrant sending countries 2018-05-24.pdf');
    const title = name.slice(0, -' 2018-05-24.pdf'.length);
    expect([...title].length).toBeLessThanOrEqual(FILE_NAME_TITLE_MAX);
    // Every word of the name is a whole word of the title.
    const words = new Set('Technical Consultation Meeting among the three migrant sending countries Cambodia Lao and Myanmar'.split(' '));
    for (const w of title.split(' ')) expect(words).toContain(w);
  });

  it('keeps a short title whole and cuts a single over-long word where it must', () => {
    expect(suggestedFileName(titled('Short title'), 'docx')).toBe('Short title 2018-05-24.docx');
    const long = 'ក'.repeat(120);
    expect(suggestedFileName(titled(long), 'pdf')).toBe(`${'ក'.repeat(FILE_NAME_TITLE_MAX)} 2018-05-24.pdf`);
    expect(suggestedFileName(titled('  '), 'json')).toMatch(/^minutes 2018-05-24\./);
  });
});
