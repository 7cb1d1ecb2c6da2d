import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../src/main/store/db';
import { createMeetingStore } from '../../src/main/store/meetings';
import { loadFixture, tempDir } from '../support/temp';
import { pdftotext } from '../support/exportText';

/** `minuta compare ID A B --format text|pdf|docx --out FILE`, through the built bin, as a user runs it. */
const BIN = resolve('bin/minuta.js');
let tmp: ReturnType<typeof tempDir>;
let db: string;
let id: string;
let last: number;

function minuta(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, MINUTA_AUTHOR: 'tester' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  expect(existsSync('out/main/cli.js'), 'run npm run build first').toBe(true);
  tmp = tempDir('minuta-cli-compare-');
  db = join(tmp.dir, 'minuta.sqlite');
  let t = Date.parse('2026-06-10T08:00:00.000Z');
  const handle = openDatabase(db);
  const store = createMeetingStore(handle, { now: () => new Date((t += 15 * 60_000)) });
  const m = loadFixture(2019);
  id = store.create(m, 'importer').id;
  store.nameVersion(id, 'Draft 1', 'importer');
  const edited = structuredClone(m);
  edited.venue.city = 'Luang Prabang';
  const first = edited.body.find((b) => b.type === 'paragraph')!;
  first.text = [...first.text, { text: ' Agreed by all.' }];
  last = store.saveDocument(id, edited, 'sokha').revisionId;
  handle.close();
});
afterAll(() => tmp?.cleanup());

describe('minuta compare', () => {
  it('prints the change list, by a named version and a revision number', () => {
    const r = minuta(['compare', id, 'Draft 1', String(last)]);
    expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`Comparison of "Draft 1" (revision 1) and revision ${last}`);
    expect(lines[1]).toBe('Blocks: 1 changed, 0 added, 0 removed, 0 moved. Title, dates, venue and register: 1 changed. Words: 5 inserted, 2 deleted; 0 formatting changes.');
    // Attributed to the revision that made it, at its time (the test's clock ticks on every read of it).
    const at = (() => {
      const handle = openDatabase(db);
      try {
        return createMeetingStore(handle).revisions(id).at(-1)!.savedAt.slice(0, 16).replace('T', ' ');
      } finally {
        handle.close();
      }
    })();
    expect(r.stdout).toContain(`  venue.city (sokha, ${at}): [-Siem Reap-]{+Luang Prabang+}`);
    expect(r.stdout).toContain(`  changed paragraph [b_19001] (sokha, ${at})`);
    expect(r.stdout).toMatch(/\{\+ Agreed by all\.\+\}/);
  });

  it('writes a DOCX with tracked changes and a redline PDF', () => {
    const docx = join(tmp.dir, 'c.docx');
    expect(minuta(['compare', id, 'Draft 1', String(last), '--format', 'docx', '--out', docx])).toMatchObject({ code: 0, stderr: '' });
    const xml = spawnSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' }).stdout;
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="sokha"[^>]*><w:r><w:t xml:space="preserve"> Agreed by all\.<\/w:t>/);
    const pdf = join(tmp.dir, 'c.pdf');
    const r = minuta(['compare', id, 'Draft 1', String(last), '--format', 'pdf', '--out', pdf]);
    expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdftotext(pdf)).toContain('Comparison of "Draft 1" (revision 1) and revision');
  });

  it('says which version it cannot find, and writes nothing', () => {
    const out = join(tmp.dir, 'none.docx');
    const r = minuta(['compare', id, 'Draft 9', String(last), '--format', 'docx', '--out', out]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(`minuta: Meeting ${id} has no revision or named version "Draft 9"\n`);
    expect(existsSync(out)).toBe(false);
    expect(minuta(['compare', 'm_nope', '1', '2']).stderr).toBe('minuta: No meeting with id m_nope\n');
  });

  it('refuses a wrong command line with the usage', () => {
    expect(minuta(['compare', id, '1'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^minuta: compare takes a meeting id and two versions\nusage:/) });
    expect(minuta(['compare', id, '1', '2', '--format', 'pdf'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs --out FILE/) });
    expect(minuta(['compare', id, '1', '2', '--format', 'odt', '--out', 'x'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown format odt/) });
  });
});
