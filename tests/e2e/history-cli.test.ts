import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURES, tempDir } from '../support/temp';
import { openDatabase } from '../../src/main/store/db';
import { createMeetingStore } from '../../src/main/store/meetings';
import { plain, type Meeting } from '../../src/shared/minutes';

/** `minuta history | versions | name | restore`, through the built bin, as a user runs them. */
const BIN = resolve('bin/minuta.js');
let tmp: ReturnType<typeof tempDir>;
let db: string;
let id: string;

function minuta(args: string[], author = 'tester') {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, MINUTA_AUTHOR: author } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Another author's edit of the first paragraph, saved as the app saves a document. */
function editFirstParagraph(author: string, text: string) {
  const handle = openDatabase(db);
  try {
    const store = createMeetingStore(handle);
    const m = structuredClone(store.get(id)!.meeting) as Meeting;
    (m.body[0] as { text: unknown }).text = plain(text);
    store.saveDocument(id, m, author);
  } finally {
    handle.close();
  }
}

beforeAll(() => {
  expect(existsSync('out/main/cli.js'), 'run npm run build first').toBe(true);
  tmp = tempDir('minuta-cli-history-');
  db = join(tmp.dir, 'minuta.sqlite');
  const r = minuta(['import', FIXTURES[2019]], 'ana');
  expect(r, r.stderr).toMatchObject({ code: 0 });
  id = r.stdout.trim();
});
afterAll(() => tmp?.cleanup());

describe('minuta history, versions, name and restore', () => {
  it('lists revisions with time, author, changed blocks and names; names and lists versions; restores', () => {
    expect(minuta(['name', id, 'Draft 1 circulated 12 June 2019'], 'ana')).toMatchObject({ code: 0, stdout: '1\n', stderr: '' });
    editFirstParagraph('bo', 'Bo rewrote the opening paragraph.');

    const history = minuta(['history', id]);
    expect(history, history.stderr).toMatchObject({ code: 0, stderr: '' });
    const rows = history.stdout.replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(['1', expect.stringMatching(/^\d{4}-\d\d-\d\dT/), 'ana', expect.stringMatching(/^\d+$/), 'Draft 1 circulated 12 June 2019']);
    expect(rows[1]).toEqual(['2', expect.any(String), 'bo', '1', '']);

    expect(minuta(['versions', id]).stdout).toMatch(/^Draft 1 circulated 12 June 2019\t1\tana\t\d{4}-/);

    // Restore the paragraph as it was in revision 1: a new revision 3 by the restoring author.
    const restored = minuta(['restore', id, '--revision', '1', '--block', 'b_19001'], 'chea');
    expect(restored, restored.stderr).toMatchObject({ code: 0, stdout: '3\n', stderr: '' });
    const after = minuta(['history', id]).stdout.replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(after[2]!.slice(2, 4)).toEqual(['chea', '1']);
    expect(minuta(['compare', id, '1', '3']).stdout).toMatch(/Blocks: 0 changed, 0 added, 0 removed, 0 moved. Title, dates, venue and register: 0 changed/);
    expect(minuta(['name', id, 'Draft 2', '--revision', '2'])).toMatchObject({ code: 0, stdout: '2\n' });
    // A whole revision: back to Bo's text.
    expect(minuta(['restore', id, '--revision', '2'], 'chea')).toMatchObject({ code: 0, stdout: '4\n' });
    expect(minuta(['compare', id, 'Draft 2', '4']).stdout).toMatch(/Blocks: 0 changed, 0 added, 0 removed, 0 moved. Title, dates, venue and register: 0 changed/);
  });

  it('refuses wrong usage with exit 2 and unknown meetings, revisions or blocks with exit 1, writing nothing', () => {
    const count = () => minuta(['history', id]).stdout.trim().split('\n').length;
    const before = count();
    expect(minuta(['restore', id])).toMatchObject({ code: 2, stderr: expect.stringContaining('restore needs --revision R') });
    expect(minuta(['restore', id, '--revision', 'x'])).toMatchObject({ code: 2 });
    expect(minuta(['history'])).toMatchObject({ code: 2 });
    expect(minuta(['name', id, '   '])).toMatchObject({ code: 2 });
    expect(minuta(['history', 'm_nope'])).toMatchObject({ code: 1, stderr: 'minuta: no meeting with id m_nope\n' });
    expect(minuta(['restore', id, '--revision', '99'])).toMatchObject({ code: 1, stderr: expect.stringContaining('has no revision 99') });
    expect(minuta(['restore', id, '--revision', '1', '--block', 'b_nope'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no block b_nope') });
    expect(minuta(['name', id, 'Draft 1 circulated 12 June 2019'])).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
    expect(count()).toBe(before);
  });
});
