import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../src/main/store/db';
import { createMeetingStore } from '../../src/main/store/meetings';
import { storeMappedReview } from '../../src/main/review/importReview';
import { FIXTURES, loadFixture, tempDir } from '../support/temp';
import { REVIEWERS, reviews2019 } from '../support/reviews';

/**
 * The real `minuta` bin's review-suggestion commands against a real database file holding three
 * delegations' reviews of the 2019 seed (stored as the import stores them).
 */
const BIN = resolve('bin/minuta.js');
let tmp: ReturnType<typeof tempDir>;
let db: string;
let ids: Record<'cambodia' | 'lao' | 'myanmar', string[]>;
const meeting = loadFixture(2019);

function minuta(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, MINUTA_AUTHOR: 'Secretariat' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeEach(() => {
  expect(existsSync('out/main/cli.js'), 'run npm run build first').toBe(true);
  tmp = tempDir('minuta-cli-sg-');
  db = join(tmp.dir, 'minuta.sqlite');
  expect(minuta('import', FIXTURES[2019]).code).toBe(0);
  const conn = openDatabase(db);
  try {
    const store = createMeetingStore(conn);
    const reviews = reviews2019(meeting, store.get(meeting.id)!.revisionId);
    ids = { cambodia: [], lao: [], myanmar: [] };
    for (const [i, key] of (['cambodia', 'lao', 'myanmar'] as const).entries()) {
      ids[key] = storeMappedReview(conn, store, { meetingId: meeting.id, fileName: `${key}.docx`, sha256: String(i).repeat(64) }, reviews[key], 'Secretariat').suggestions.map((s) => s.id);
    }
  } finally {
    conn.close();
  }
});
afterEach(() => tmp.cleanup());

describe('minuta CLI: review suggestions', () => {
  it('lists, accepts (one revision, conflicts reported), rejects all from a reviewer, accepts all from another', () => {
    const listed = minuta('suggestions', meeting.id);
    expect(listed.code, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]!.split('\t')).toEqual([ids.cambodia[0], 'open', REVIEWERS.cambodia, 'd_19001', 'b_19008', '“strong support” → “full support”']);
    expect(lines.filter((l) => l.startsWith('delegation\t'))).toEqual([
      `delegation\td_19001\tKingdom of Cambodia\tanswered by ${REVIEWERS.cambodia}`,
      `delegation\td_19002\tLao People's Democratic Republic\tanswered by ${REVIEWERS.lao}`,
      `delegation\td_19003\tRepublic of the Union of Myanmar\tanswered by ${REVIEWERS.myanmar}`,
    ]);
    const json = JSON.parse(minuta('suggestions', meeting.id, '--json').stdout) as { suggestions: { id: string; place: { ok: boolean } }[] };
    expect(json.suggestions).toHaveLength(8);

    const accepted = minuta('accept', meeting.id, ids.cambodia[0]!);
    expect(accepted, accepted.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^accepted 1 into revision \d+\n$/) });
    const conflict = minuta('accept', meeting.id, ids.lao[0]!);
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toContain(`conflict\t${ids.lao[0]}\toverlaps the accepted suggestion of ${REVIEWERS.cambodia}`);
    expect(minuta('suggestions', meeting.id).stdout).toContain(`${ids.lao[0]}\tconflicting`);

    // --all is a switch: it does not swallow the next argument.
    expect(minuta('reject', meeting.id, '--all', '--from', REVIEWERS.lao, '--reason', 'Kept as drafted')).toMatchObject({ code: 0, stdout: 'rejected 2\n' });
    expect(minuta('accept', meeting.id, '--all', '--from', REVIEWERS.myanmar)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^accepted 3 into revision/) });
    const history = minuta('history', meeting.id);
    expect(history.stdout).toContain(REVIEWERS.myanmar);

    const after = minuta('suggestions', meeting.id).stdout;
    expect(after.split('\n').filter((l) => /\topen\t/.test(l))).toHaveLength(2);
  });

  it('refuses a wrong command line (exit 2) and refuses a file that is not a DOCX (exit 1), changing nothing', () => {
    expect(minuta('accept', meeting.id).code).toBe(2);
    expect(minuta('accept', meeting.id, ids.cambodia[0]!, '--all').code).toBe(2);
    expect(minuta('reject', meeting.id, ids.cambodia[0]!, '--from', 'x').code).toBe(2);
    expect(minuta('import-review', meeting.id).code).toBe(2);
    const docx = join(tmp.dir, 'reviewed.docx');
    writeFileSync(docx, 'PK\u0003\u0004 not really');
    expect(minuta('import-review', meeting.id, docx)).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a ZIP/) });
    expect(minuta('accept', 'm_nope', 'sg_1')).toMatchObject({ code: 1, stderr: expect.stringMatching(/no meeting/) });
    expect(minuta('suggestions', meeting.id).stdout.split('\n').filter((l) => /\topen\t/.test(l))).toHaveLength(8);
  });
});
