import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { FIXTURES, loadFixture, tempDir } from '../support/temp';
import { INTERCHANGE_VERSION } from '../../src/shared/minutes';

/**
 * The real `minuta` bin, as a user runs it (after `npm run build`), against a real database file.
 */
const BIN = resolve('bin/minuta.js');
let tmp: ReturnType<typeof tempDir>;
let db: string;

beforeEach(() => {
  expect(existsSync('out/main/cli.js'), 'run npm run build first').toBe(true);
  tmp = tempDir('minuta-cli-');
  db = join(tmp.dir, 'minuta.sqlite');
});
afterEach(() => tmp.cleanup());

function minuta(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, MINUTA_AUTHOR: 'tester' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, content);
  return path;
}

describe('minuta CLI', () => {
  it('imports both seeds, lists them, and exports each back as an equal document', () => {
    for (const year of [2018, 2019] as const) {
      const r = minuta('import', FIXTURES[year]);
      expect(r, r.stderr).toMatchObject({ code: 0 });
      const id = r.stdout.trim();
      expect(id).toBe(loadFixture(year).id);
      const out = join(tmp.dir, `${year}.minuta.json`);
      expect(minuta('export', id, '--format', 'json', '--out', out).code).toBe(0);
      // The fixtures are version-1 files; the export is the current version, the same meeting with no comments.
      const exported = JSON.parse(readFileSync(out, 'utf8'));
      expect(exported).toMatchObject({ format: 'minuta', version: INTERCHANGE_VERSION, comments: [] });
      expect(exported.meeting).toEqual(JSON.parse(readFileSync(FIXTURES[year], 'utf8')).meeting);
    }
    const lines = minuta('list').stdout.trim().split('\n');
    expect(lines.map((l) => l.split('\t').slice(0, 2))).toEqual([
      [loadFixture(2019).id, '2019-10-30'],
      [loadFixture(2018).id, '2018-05-24'],
    ]);
  });

  it('searches: "pink card" finds the 2018 meeting, "Zawgyi" finds nothing', () => {
    minuta('import', FIXTURES[2018]);
    minuta('import', FIXTURES[2019]);
    const hits = minuta('search', 'pink card').stdout.trim().split('\n');
    expect(hits).toHaveLength(1);
    const [id, title, snippet] = hits[0]!.split('\t');
    expect(id).toBe(loadFixture(2018).id);
    expect(title).toMatch(/^Technical Consultation Meeting/);
    expect(snippet).toMatch(/pink\] \[card/);
    expect(minuta('search', 'Zawgyi')).toMatchObject({ code: 0, stdout: '' });
  });

  it('backs the database up into a file that the CLI opens', () => {
    minuta('import', FIXTURES[2019]);
    const copy = join(tmp.dir, 'backup.sqlite');
    expect(minuta('backup', copy).code).toBe(0);
    const r = spawnSync(process.execPath, [BIN, '--db', copy, 'list'], { encoding: 'utf8' });
    expect(r.stdout).toContain(loadFixture(2019).id);
  });

  it('delete moves a meeting to the trash (out of list and search); restore-deleted brings it back', () => {
    const id = minuta('import', FIXTURES[2018]).stdout.trim();
    minuta('import', FIXTURES[2019]);
    const r = minuta('delete', id);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stdout.trim()).toBe(`moved to the trash: ${id}`);
    expect(minuta('list').stdout).not.toContain(id);
    expect(minuta('search', 'pink card').stdout.trim()).toBe('');
    // Who deleted it: --author / MINUTA_AUTHOR, as for revisions.
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT deleted_by FROM meetings WHERE id = ?').pluck().get(id)).toBe('tester');
    raw.close();
    expect(minuta('restore-deleted', id)).toMatchObject({ code: 0, stdout: `restored: ${id}\n` });
    expect(minuta('list').stdout).toContain(id);
    expect(minuta('search', 'pink card').stdout).toContain(id);
    // Not in the trash any more, an unknown id, a missing id: one line, exit 1; wrong usage, exit 2.
    expect(minuta('restore-deleted', id)).toMatchObject({ code: 1, stderr: `minuta: Meeting ${id} is not in the trash\n` });
    expect(minuta('delete', 'm_nope')).toMatchObject({ code: 1, stderr: 'minuta: No meeting with id m_nope\n' });
    expect(minuta('delete').code).toBe(2);
    expect(minuta('delete', 'a', 'b').code).toBe(2);
  }, 60_000);

  it('names the settings author when neither --author nor MINUTA_AUTHOR is given', () => {
    const home = join(tmp.dir, 'config');
    mkdirSync(join(home, 'Minuta'), { recursive: true });
    writeFileSync(join(home, 'Minuta', 'settings.json'), JSON.stringify({ name: 'Ana Souza', organisation: 'MRC', initials: 'AS', spellcheckLanguages: ['en-GB'] }));
    const env = { ...process.env, XDG_CONFIG_HOME: home, MINUTA_AUTHOR: '' };
    const r = spawnSync(process.execPath, [BIN, '--db', db, 'import', FIXTURES[2019]], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT author FROM revisions').pluck().all()).toEqual(['Ana Souza']);
    raw.close();
    const flagged = spawnSync(process.execPath, [BIN, '--db', db, '--author', 'Bo', 'delete', r.stdout.trim()], { encoding: 'utf8', env });
    expect(flagged.status, flagged.stderr).toBe(0);
  });

  it('comments: starts a thread on a block, replies, resolves, lists; exports them in the minutes file; writes a review copy', () => {
    const id = minuta('import', FIXTURES[2019]).stdout.trim();
    const thread = minuta('comment', id, '--block', 'b_19001', '--text', 'Check the dates.');
    expect(thread, thread.stderr).toMatchObject({ code: 0 });
    const threadId = thread.stdout.trim();
    expect(threadId).toMatch(/^c_/);
    expect(minuta('comment', id, '--reply-to', threadId, '--text', 'Checked:\n30–31 October.').code).toBe(0);
    expect(minuta('comment', id, '--resolve', threadId).code).toBe(0);
    expect(minuta('comments', id).stdout.trim().split('\n')).toEqual([
      `${threadId}\tresolved\tb_19001`,
      expect.stringMatching(/^ {2}tester\t\d{4}-\d\d-\d\dT[^\t]+\tCheck the dates\.$/),
      expect.stringMatching(/^ {2}tester\t[^\t]+\tChecked: 30–31 October\.$/),
    ]);
    const out = join(tmp.dir, 'with-comments.minuta.json');
    expect(minuta('export', id, '--format', 'json', '--out', out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).comments).toHaveLength(1);
    // Refusals: a block that is not there, an empty text, a thread of another meeting; nothing stored.
    expect(minuta('comment', id, '--block', 'b_nothere', '--text', 'x')).toMatchObject({ code: 1, stderr: expect.stringMatching(/no block b_nothere/) });
    expect(minuta('comment', id, '--block', 'b_19001', '--text', '  ')).toMatchObject({ code: 1, stderr: expect.stringMatching(/--text/) });
    expect(minuta('comment', id, '--block', 'b_19001').code).toBe(2);
    expect(minuta('comment', id, '--reply-to', 'c_other', '--text', 'x')).toMatchObject({ code: 1, stderr: expect.stringMatching(/no comment thread/) });
    expect(minuta('comments', id).stdout.trim().split('\n')).toHaveLength(3);
    const docx = join(tmp.dir, 'review.docx');
    const copy = minuta('review-copy', id, '--base', '1', '--out', docx);
    expect(copy, copy.stderr).toMatchObject({ code: 0 });
    expect(copy.stdout).toMatch(/1 comment threads/);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    expect(minuta('review-copy', id, '--base', 'Draft 9', '--out', docx)).toMatchObject({ code: 1, stderr: expect.stringMatching(/no revision or named version "Draft 9"/) });
  }, 60_000);

  it('exits 2 with the usage for a wrong command line', () => {
    for (const args of [[], ['frobnicate'], ['list', 'extra'], ['export', 'x'], ['export', 'x', '--out', 'y', '--format', 'odt'], ['list', '--bogus', '1']]) {
      const r = minuta(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: minuta');
    }
  });

  it('exits 1 with one line for an unknown meeting id', () => {
    const r = minuta('export', 'm_nope', '--out', join(tmp.dir, 'x.json'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['minuta: no meeting with id m_nope']);
  });

  describe('refuses a bad file, naming the problem, and leaves the database unchanged', () => {
    const seed = () => JSON.parse(readFileSync(FIXTURES[2019], 'utf8')) as { version: number; meeting: Record<string, unknown> };
    /** Bullets nested `depth` deep, written as text: JSON.stringify itself would overflow the stack. */
    const nestedJson = (depth: number) => {
      let json = '[]';
      for (let i = depth; i > 0; i--) json = `[{"id":"b_deep${i}","text":[{"text":"x"}],"children":${json}}]`;
      return json;
    };
    const cases: Array<[string, () => string, RegExp]> = [
      ['invalid JSON', () => '{"format": "minuta", ', /JSON/i],
      ['a truncated file', () => readFileSync(FIXTURES[2018], 'utf8').slice(0, 5000), /JSON/i],
      ['an unknown version', () => JSON.stringify({ ...seed(), version: 99 }), /version 99/],
      ['another format', () => JSON.stringify({ ...seed(), format: 'docx' }), /format/],
      [
        'a wrong type deep inside',
        () => {
          const s = seed();
          (s.meeting['titleBlock'] as Record<string, unknown>)['title'] = 42;
          return JSON.stringify(s);
        },
        /meeting\.titleBlock\.title/,
      ],
      [
        'a 50 MB string',
        () => {
          const s = seed();
          (s.meeting['titleBlock'] as Record<string, unknown>)['title'] = [{ text: 'x'.repeat(50 * 1024 * 1024) }];
          return JSON.stringify(s);
        },
        /larger than|too (long|big)|at most/i,
      ],
      [
        'bullets nested 10,000 deep',
        () => {
          const s = seed();
          (s.meeting['body'] as unknown[]).push({ id: 'b_hostile', type: 'list', role: 'points', numbering: 'bullet', items: '@ITEMS@' });
          return JSON.stringify(s).replace('"@ITEMS@"', nestedJson(10_000));
        },
        /deep|depth|nest/i,
      ],
    ];

    it.each(cases)('%s', (_name, content, expected) => {
      expect(minuta('import', FIXTURES[2018]).code).toBe(0);
      const before = readFileSync(db);
      const r = minuta('import', file('bad.minuta.json', content()));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr.length).toBeLessThan(2_000);
      expect(minuta('list').stdout.trim().split('\n')).toHaveLength(1);
      expect(readFileSync(db).equals(before)).toBe(true);
    });
  });
});
