import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { pdftotext, tool } from '../support/exportText';
import { exportForReaders } from '../support/fixtureExports';
import { speechMeeting } from '../support/speechMeeting';
import { tempDir } from '../support/temp';

/**
 * Reported speech, sub-paragraphs, cross-references and footnotes (issue 15, point 2) in the files as
 * their readers see them: the PDF (pdftotext) and the DOCX as LibreOffice prints it, for a small
 * summary record printed with the report template (paragraphs numbered continuously, sub-paragraphs
 * (a) → (i) → (1)). Pages for a human look go to test-results/export-speech/.
 */

const LOOK = resolve('test-results/export-speech');
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

let tmp: ReturnType<typeof tempDir>;
const pdfPath = () => join(tmp.dir, 'speech.pdf');
const docxPath = () => join(tmp.dir, 'speech.docx');
const docxPdfPath = () => join(tmp.dir, 'lo', 'speech.pdf');
const FILES = { PDF: pdfPath, 'DOCX (LibreOffice)': docxPdfPath } as const;

beforeAll(async () => {
  tmp = tempDir('minuta-speech-');
  await exportForReaders(speechMeeting('report'), 'speech', tmp.dir, LOOK);
}, 240_000);

afterAll(() => tmp?.cleanup());

describe.each(Object.entries(FILES))('a summary record in the %s', (_name, path) => {
  it('prints statements as numbered reported speech, the cross-references as their targets’ numbers', () => {
    const text = oneLine(pdftotext(path()));
    // The footnote mark (1) follows "draft"; the reference to the paragraph printed last reads 7.
    expect(text).toMatch(/2\. Mr\. Smith \(United Kingdom\) said that his delegation supported the draft ?1 and referred to paragraph 7 below\./);
    expect(text).toContain('3. He added that the review should be completed in 2025.');
    expect(text).toContain('4. Mr. Keo (Lao PDR) said that his Government agreed with the proposal in subparagraph b.');
    expect(text).toContain('5. The Chair (ESCAP) thanked the delegations.');
    expect(text).toContain('6. A representative spoke on behalf of the observers.');
    expect(text).toContain('7. The meeting adopted the report.');
  });

  it('labels sub-paragraphs (a), (b), then (i), (ii), then (1)', () => {
    const text = oneLine(pdftotext(path()));
    expect(text).toMatch(/\(a\) to hold the next meeting in Vientiane \(b\) to review the guidelines ?2 \(i\) on recruitment \(ii\) on return \(1\) of children/);
  });

  it('prints each footnote’s text on the page of its mark', () => {
    const pages = pdftotext(path()).split('\f');
    const page = pages.findIndex((p) => oneLine(p).includes('supported the draft'));
    expect(oneLine(pages[page]!)).toMatch(/1 ?Document E\/2024\/3, annex\./);
    expect(oneLine(pages.find((p) => oneLine(p).includes('to review the guidelines'))!)).toMatch(/2 ?As revised in 2023\./);
  });
});

describe('the DOCX', () => {
  const part = (name: string) => tool('unzip', 'unzip', ['-p', docxPath(), name]).stdout;

  it('has real Word footnotes, referenced from the text', () => {
    const document = part('word/document.xml');
    expect(document.match(/<w:footnoteReference w:id="\d+"\/>/g)?.length).toBe(2);
    const notes = part('word/footnotes.xml');
    expect(notes).toContain('E/2024/3');
    expect(notes).toContain('As revised in 2023.');
    // The note text is not in the body.
    expect(document).not.toContain('As revised in 2023.');
  });

  it('numbers sub-paragraphs with Word numbering definitions, not typed labels', () => {
    const numbering = part('word/numbering.xml');
    expect(numbering).toMatch(/<w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="\(%1\)"\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="lowerRoman"\/><w:lvlText w:val="\(%2\)"\/>/);
    const document = part('word/document.xml');
    expect(document).not.toMatch(/\(a\)|\(i\)/);
    expect(document).toContain('<w:t xml:space="preserve">to hold the next meeting in Vientiane</w:t>');
  });
});
