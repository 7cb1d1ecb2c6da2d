import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Meeting, parseInterchange } from '../../src/shared/minutes';
import { openDatabase } from '../../src/main/store/db';
import { createMeetingStore } from '../../src/main/store/meetings';
import { compareVersions, exportComparison, type VersionComparison } from '../../src/main/export/comparison';
import { exportMeeting } from '../../src/main/export';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { countWords } from '../../src/shared/review/words';
import { compareMeetings } from '../../src/shared/review/compare';
import { loadFixture, tempDir } from '../support/temp';
import { pdftotext, tool } from '../support/exportText';
import { docxRevisions, odtTrackedChanges, pdfMarkedWords, wordsOf } from '../support/redlineFiles';

/**
 * Issue 11's acceptance: the 2018 minutes against an edited copy, stored as revisions by two authors.
 * The redline PDF (as MuPDF reads its colours) and the compare DOCX (as its XML says and as
 * LibreOffice reads it) mark every inserted and deleted word and nothing else; LibreOffice lists the
 * tracked changes with their authors; accepting all gives the newer text, rejecting all the older.
 */

const LOOK = resolve('test-results/compare');
let tmp: ReturnType<typeof tempDir>;
let v: VersionComparison;
const files = { pdf: '', docx: '', odt: '', newer: '', older: '', scripts: '' };

/** What the edits insert and delete, as printed words (format words of added paragraphs included). */
const INSERTED = [
  'Consultation', // summary: "Consultative" → "Consultation"
  'and other development partners', // observers
  'Question (IOM) Are returnees screened for trafficking at the border?', // a new Q&A turn …
  'Answer (MoLVT) Yes, at every checkpoint.', // … with its answer
  'Consultative', // title (the head, by another author)
];
const DELETED = [
  'Consultative', // summary
  'which consists of six countries, including Lao and Myanmar,', // a remark
  'In order to close the meeting, the head of the delegations of the three countries: Cambodia, Laos and Myanmar, signed on the minutes of the meeting which has been agreed in a happy and friendly moment on the 25th of May 2018 in Siem Reap, Kingdom of Cambodia.', // the signing statement, removed
  'Consultation', // title
];
/** The remark moved to the front of the opening section. */
let MOVED = '';

function edit(meeting: Meeting, f: (m: Meeting) => void): Meeting {
  const m = structuredClone(meeting);
  f(m);
  return m;
}
function find(m: Meeting, id: string): Record<string, unknown> {
  const walk = (bs: readonly unknown[]): Record<string, unknown> | undefined => {
    for (const b of bs as Record<string, unknown>[]) {
      if (b['id'] === id) return b;
      const inner = walk((b['blocks'] ?? (b['type'] === 'session' ? b['items'] : [])) as unknown[]);
      if (inner) return inner;
    }
    return undefined;
  };
  const found = walk(m.body);
  if (!found) throw new Error(`no block ${id}`);
  return found;
}
type Runs = { text: string; bold?: boolean }[];
const replaceIn = (runs: Runs, from: string, to: string) => {
  const r = runs.find((x) => x.text.includes(from));
  if (!r) throw new Error(`"${from}" not found`);
  r.text = r.text.replace(from, to);
};

beforeAll(async () => {
  tmp = tempDir('minuta-compare-');
  mkdirSync(LOOK, { recursive: true });
  let t = Date.parse('2026-06-10T08:00:00.000Z');
  const db = openDatabase(join(tmp.dir, 'minuta.sqlite'));
  const store = createMeetingStore(db, { now: () => new Date((t += 15 * 60_000)) });
  const original = loadFixture(2018);
  const id = store.create(original, 'importer').id;
  store.nameVersion(id, 'Draft 1 circulated 12 June', 'importer');

  // Sokha edits the body…
  const bySokha = edit(original, (m) => {
    const summary = find(m, 'b_18001')['text'] as Runs;
    replaceIn(summary, 'Technical Consultative Meeting', 'Technical Consultation Meeting');
    // A formatting change only: "Siem Reap" italic (nothing inserted or deleted).
    const i = summary.findIndex((r) => r.text.includes('Siem Reap from'));
    const r = summary[i]!;
    const [before, after] = r.text.split('Siem Reap');
    summary.splice(i, 1, { text: before! }, { text: 'Siem Reap', italic: true } as Runs[number], { text: after! });
    replaceIn(find(m, 'b_18003')['text'] as Runs, 'World Vision Cambodia and ACRA.', 'World Vision Cambodia and ACRA and other development partners.');
    replaceIn((find(m, 'b_18006')['paragraphs'] as Runs[])[0]!, 'COMMIT Working Group, which consists of six countries, including Lao and Myanmar, who', 'COMMIT Working Group, who');
    const qa = find(m, 'b_18083') as { turns: unknown[] };
    qa.turns.push({
      id: 't_new1',
      question: { id: 's_new1', by: { label: 'IOM' }, paragraphs: [[{ text: 'Are returnees screened for trafficking at the border?' }]] },
      answers: [{ id: 's_new2', by: { label: 'MoLVT' }, paragraphs: [[{ text: 'Yes, at every checkpoint.' }]] }],
    });
  });
  store.saveDocument(id, bySokha, 'sokha');
  // …Noy edits the title, moves a remark and removes the signing statement.
  const byNoy = edit(bySokha, (m) => {
    replaceIn(m.titleBlock.title as Runs, 'Technical Consultation Meeting', 'Technical Consultative Meeting');
    const opening = find(m, 'b_18010') as { blocks: Record<string, unknown>[] };
    const moved = opening.blocks.splice(4, 1)[0]!;
    opening.blocks.unshift(moved);
    MOVED = `${(moved['speakerLabel'] as Runs).map((r) => r.text).join('')}: ${(moved['paragraphs'] as Runs[])[0]!.map((r) => r.text).join('')}`;
    const closing = find(m, 'b_18179') as { blocks: Record<string, unknown>[] };
    closing.blocks = closing.blocks.filter((b) => b['id'] !== 'b_18178');
  });
  store.saveDocument(id, byNoy, 'noy');
  const last = store.revisions(id).at(-1)!.id;
  v = compareVersions(store, id, 'Draft 1 circulated 12 June', String(last));
  db.close();

  const printer = new PlaywrightPrinter();
  try {
    files.pdf = join(tmp.dir, 'redline.pdf');
    writeFileSync(files.pdf, await exportComparison(v, 'pdf', { printer }));
    // Khmer, Lao and Burmese words changed in the scripts fixture.
    const parsed = parseInterchange(readFileSync('tests/fixtures/scripts.minuta.json', 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const scripts = parsed.meeting;
    const edited = edit(scripts, (m) => {
      replaceIn(find(m, 'b_mixed')['text'] as Runs, 'យោបល់', 'ការងារ');
      replaceIn(find(m, 'b_lo')['text'] as Runs, 'ດ້ານວິຊາການ', 'ດ້ານວິຊາການ ປີ 2019');
      replaceIn(find(m, 'b_my')['text'] as Runs, 'အတိုင်ပင်ခံ ', '');
    });
    const side = (meeting: Meeting, label: string) => ({ meeting, revisionId: 0, label, author: 'sokha', savedAt: '2026-06-12T10:00:00.000Z' });
    const sv: VersionComparison = { a: side(scripts, 'A'), b: side(edited, 'B'), comparison: compareMeetings(scripts, edited) };
    files.scripts = join(tmp.dir, 'scripts.pdf');
    writeFileSync(files.scripts, await exportComparison(sv, 'pdf', { printer }));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', files.scripts, join(LOOK, 'scripts')]);
  } finally {
    await printer.close();
  }
  files.docx = join(tmp.dir, 'redline.docx');
  writeFileSync(files.docx, await exportComparison(v, 'docx'));
  files.newer = join(tmp.dir, 'newer.docx');
  writeFileSync(files.newer, await exportMeeting(v.b.meeting, 'docx'));
  files.older = join(tmp.dir, 'older.docx');
  writeFileSync(files.older, await exportMeeting(v.a.meeting, 'docx'));
  const r = tool('soffice', 'libreoffice-writer-nogui', ['--headless', `-env:UserInstallation=file://${tmp.dir}/lo-profile`, '--convert-to', 'odt', '--outdir', tmp.dir, files.docx, files.newer, files.older], { timeout: 180_000 });
  expect(r.code, r.stderr).toBe(0);
  files.odt = join(tmp.dir, 'redline.odt');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', files.pdf, join(LOOK, 'redline')]);
  writeFileSync(join(LOOK, 'redline.pdf'), readFileSync(files.pdf));
  writeFileSync(join(LOOK, 'redline.docx'), readFileSync(files.docx));
}, 240_000);
afterAll(() => tmp?.cleanup());

describe('comparing the 2018 minutes with an edited copy', () => {
  it('lists the changes by kind, with their authors', () => {
    const c = v.comparison;
    expect(c.counts).toMatchObject({ moved: 1, removed: 1, formatChanges: 1, head: 1 });
    expect(c.head[0]).toMatchObject({ path: 'titleBlock.title', author: 'noy' });
    expect(c.blocks.find((b) => b.id === 'b_18001')).toMatchObject({ kind: 'changed', author: 'sokha' });
    expect(c.blocks.find((b) => b.id === 'b_18009')).toMatchObject({ kind: 'moved', author: 'noy', from: { parent: 'b_18010', index: 4 }, to: { parent: 'b_18010', index: 0 } });
    expect(c.blocks.find((b) => b.id === 'b_18178')).toMatchObject({ kind: 'removed', author: 'noy' });
  });

  it('the redline PDF marks every inserted and deleted word, the moved remark as moved, and nothing else', () => {
    const marked = pdfMarkedWords(files.pdf);
    expect(marked.inserted).toEqual(wordsOf(INSERTED));
    expect(marked.deleted).toEqual(wordsOf(DELETED));
    expect(marked.movedTo).toEqual(wordsOf([MOVED]));
    expect(marked.movedFrom).toEqual(wordsOf([MOVED]));
    expect(marked.formatChanged).toEqual(wordsOf(['Siem Reap']));
  });

  it('the compare DOCX holds every difference as a Word revision, and nothing else', () => {
    const rev = docxRevisions(files.docx);
    expect(rev.inserted).toEqual(wordsOf(INSERTED));
    expect(rev.deleted).toEqual(wordsOf(DELETED));
    // The move as Word writes one: w:moveFrom and w:moveTo inside ranges of one name.
    expect(rev.movedFrom).toEqual(wordsOf([MOVED]));
    expect(rev.movedTo).toEqual(wordsOf([MOVED]));
    expect(rev.moveRanges).toEqual({ from: ['move1'], to: ['move1'] });
    expect(rev.formatChanged).toEqual(wordsOf(['Siem Reap']));
    expect(new Set(rev.authors)).toEqual(new Set(['sokha', 'noy']));
    // Whole paragraphs carry their paragraph mark: the new question and answer and the remark's new
    // place are inserted; the signing statement and the remark's old place deleted.
    expect(rev.paragraphMarks).toEqual({ inserted: 3, deleted: 2 });
  });

  it('LibreOffice lists the tracked changes with their authors; accepting all gives the newer text, rejecting all the older', () => {
    const lo = odtTrackedChanges(readFileSync(files.odt));
    const byAuthor = (kind: string) => new Set(lo.regions.filter((r) => r.kind === kind).map((r) => r.creator));
    expect(byAuthor('insertion')).toEqual(new Set(['sokha', 'noy']));
    expect(byAuthor('deletion')).toEqual(new Set(['sokha', 'noy']));
    expect(byAuthor('format-change')).toEqual(new Set(['sokha']));
    const newer = odtTrackedChanges(readFileSync(join(tmp.dir, 'newer.odt')));
    const older = odtTrackedChanges(readFileSync(join(tmp.dir, 'older.odt')));
    expect(lo.accepted).toEqual(newer.accepted);
    expect(lo.rejected).toEqual(older.accepted);
    expect(countWords(lo.accepted.join(' '))).toBeGreaterThan(3000);
  });
});

describe('a redline in Khmer, Lao and Burmese', () => {
  it('draws the changed words of each script in their colours, and they extract as typed', () => {
    const marked = pdfMarkedWords(files.scripts);
    const only = (xs: readonly string[], range: RegExp) => [...xs.join('')].filter((c) => range.test(c)).join('');
    const MY = /[\u1000-\u109f]/u;
    const LAO_LETTERS = /[\u0e81-\u0eae0-9]/u;
    const KM = /[\u1780-\u17ff]/u;
    // MuPDF reads Burmese clusters back exactly, Lao without its vowel signs, Khmer without its split
    // vowels (U+FFFD for "យោ"): so exact words, letters, and the consonants it reads.
    expect(only(marked.deleted, MY)).toBe('အတိုင်ပင်ခံ');
    expect(only(marked.inserted, LAO_LETTERS)).toBe('2019ປ');
    expect(only(marked.deleted, KM)).toMatch(/ប.*ល/u);
    expect(only(marked.inserted, KM)).toMatch(/ក.*រ.*ង.*រ/u);
    // The unchanged words around them are not marked ("កិច្ចប្រជុំពិគ្រោះ", "បច្ចេកទេស", "ກອງປະຊຸມ…", "နည်းပညာ…").
    expect(only([...marked.deleted, ...marked.inserted], /[\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff]/u)).not.toMatch(/[ចទសກຊນည]/u);
    // pdftotext (through the PDF's ActualText) reads every word as typed.
    const text = pdftotext(files.scripts).replace(/\s+/g, '');
    for (const w of ['កិច្ចប្រជុំពិគ្រោះយោបល់ការងារបច្ចេកទេស', 'ກອງປະຊຸມປຶກສາຫາລືດ້ານວິຊາການປີ2019', 'နည်းပညာဆိုင်ရာအတိုင်ပင်ခံအစည်းအဝေး']) expect(text).toContain(w);
  });
});
