import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/main/cli/run';
import { COMMANDS } from '../../src/main/cli/commands';
import { findCommand } from '../../src/main/cli/parse';
import { JSON_SHAPES, type ShapeName } from '../../src/main/cli/jsonShapes';
import { FIXTURES, tempDir } from '../support/temp';
import { createTestPki } from '../support/pki';
import { untrackedReview } from '../support/untrackedReview';

/**
 * `--json` of every registered command, over one lifecycle on a real database file (the 2019 and 2018
 * minutes: import, edit, review, seal, export a real PDF with Chromium, sign it, verify): stdout must be
 * JSON — one document, or one per line for lists — matching the command's documented shape
 * (jsonShapes.ts, the README's table), and nothing else. Every command of the registry must be reached.
 */

let tmp: ReturnType<typeof tempDir>;
let db: string;
const covered = new Set<string>();

beforeAll(() => {
  expect(existsSync('out/main/exportWorker.js'), 'run npm run build first').toBe(true);
  tmp = tempDir('minuta-json-');
  db = join(tmp.dir, 'minuta.sqlite');
});
afterAll(() => tmp.cleanup());

const file = (name: string) => join(tmp.dir, name);

async function json(...argv: string[]): Promise<Array<Record<string, unknown>>> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, '--author', 'Keo Sophal', ...argv, '--json'], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} });
  expect({ argv: argv.join(' '), code, stderr: err.join('\n') }).toEqual({ argv: argv.join(' '), code: 0, stderr: '' });
  const command = findCommand(COMMANDS, argv)!;
  const shape = JSON_SHAPES[command.output as ShapeName];
  const lines = out.join('\n').split('\n');
  if (shape.kind === 'document') expect(lines, command.name).toHaveLength(1);
  const values = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  for (const v of values) shape.schema.parse(v);
  if (values.length > 0) covered.add(command.name);
  return values;
}

it('every command prints JSON of its documented shape, and only that', async () => {
  const [y2019] = await json('import', FIXTURES[2019]);
  const id = y2019!['id'] as string;
  expect(y2019).toMatchObject({ id: 'm_2019siemreap', startsOn: '2019-10-30' });
  const [y2018] = await json('import', FIXTURES[2018]);
  expect((await json('list')).map((m) => m['id'])).toEqual(expect.arrayContaining([id, y2018!['id']]));
  expect((await json('search', 'Siem Reap'))[0]).toMatchObject({ id });
  const [made] = await json('create', '--template', 'agreed-2019', '--title', 'Third Technical Consultative Meeting', '--date', '2026-03-02');
  expect(made).toMatchObject({ title: 'Third Technical Consultative Meeting', startsOn: '2026-03-02' });
  const [next] = await json('next', id, '--date', '2020-10-28');
  expect(next).toMatchObject({ startsOn: '2020-10-28' });

  // The file round trip: export (naming its base), edit, save.
  const [exported] = await json('export', id, '--format', 'json', '--out', file('edit.minuta.json'));
  expect(exported).toMatchObject({ id, format: 'json', file: file('edit.minuta.json') });
  writeFileSync(file('edit.minuta.json'), readFileSync(file('edit.minuta.json'), 'utf8').replace('"Siem Reap"', '"Siem Reap Province"'));
  const [saved] = await json('save', id, file('edit.minuta.json'));
  expect(saved).toMatchObject({ id, changed: ['~head'] });
  // Revision numbers run across the database: the import's and the save's.
  const [r1, r2] = (await json('history', id)).map((r) => r['revision'] as number);
  expect(r2).toBe(saved!['revision']);

  await json('name', id, 'Draft 1', '--revision', String(r1));
  expect(await json('versions', id)).toEqual([expect.objectContaining({ name: 'Draft 1', revision: r1, namedBy: 'Keo Sophal' })]);
  expect((await json('compare', id, String(r1), String(r2)))[0]).toMatchObject({ a: r1, b: r2, format: 'text', text: expect.stringContaining('Siem Reap') });
  expect((await json('restore', id, '--revision', String(r2)))[0]).toMatchObject({ from: r2, changed: [] });
  const [thread] = await json('comment', id, '--block', 'b_19001', '--text', 'Check the venue');
  await json('comment', id, '--resolve', thread!['thread'] as string);
  expect(await json('comments', id)).toEqual([expect.objectContaining({ thread: thread!['thread'], state: 'resolved', blockId: 'b_19001', detached: false })]);
  expect((await json('review-copy', id, '--base', 'Draft 1', '--out', file('review.docx')))[0]).toMatchObject({ baseRevision: r1, threads: 1 });

  // A delegation's reviewed copy back (untracked words edited in the file itself), decided from the CLI.
  writeFileSync(file('reviewed.docx'), untrackedReview(readFileSync(file('review.docx')), [['technical consultative meeting', 'technical consultation meeting'], ['Kingdom of Cambodia, on', 'Kingdom of Cambodia, from']]));
  const [imported] = await json('import-review', id, file('reviewed.docx'));
  expect(imported).toMatchObject({ suggestions: 2 });
  const [listed] = await json('suggestions', id);
  const ids = (listed!['suggestions'] as { id: string }[]).map((x) => x.id);
  expect(ids).toHaveLength(2);
  expect((await json('accept', id, ids[0]!))[0]).toMatchObject({ accepted: [ids[0]], conflicts: [] });
  expect((await json('reject', id, ids[1]!, '--reason', 'as drafted'))[0]).toEqual({ rejected: [ids[1]] });

  // The decisions tracker: the 2019 agreements, one followed up.
  const rows = await json('decisions', '--series', id);
  expect(rows.length).toBeGreaterThan(0);
  const [followed] = await json('follow-up', id, rows[0]!['objectId'] as string, '--status', 'in-progress', '--note', 'drafting the MoU');
  expect(followed).toMatchObject({ meetingId: id, history: [expect.objectContaining({ status: 'in-progress' })] });

  // Sign-off, to a sealed record and its signed PDF.
  expect((await json('submit', id))[0]).toEqual({ id, state: 'in-review' });
  expect((await json('approve', id))[0]).toMatchObject({ id, state: 'approved', versionName: expect.stringMatching(/^Approved /) });
  expect((await json('seal', id))[0]).toMatchObject({ state: 'sealed' });
  await json('submit', made!['id'] as string);
  expect((await json('reopen', made!['id'] as string, '--reason', 'wrong date'))[0]).toMatchObject({ state: 'draft' });
  expect((await json('route', y2018!['id'] as string, '--step', '2', '--date', '2018-06-01', '--person', 'p_18chou'))[0]).toMatchObject({ step: 2 });
  expect((await json('export', id, '--version', 'sealed', '--format', 'pdf', '--out', file('sealed.pdf')))[0]).toMatchObject({ format: 'pdf', version: 'sealed' });
  expect((await json('attach', id, file('sealed.pdf')))[0]).toMatchObject({ attachment: 1, mediaType: 'application/pdf' });
  expect((await json('attachment', id, '1', '--out', file('scan.pdf')))[0]).toMatchObject({ file: file('scan.pdf') });
  expect((await json('status', id))[0]).toMatchObject({ state: 'sealed', attachments: [expect.objectContaining({ id: 1 })] });
  expect((await json('audit', id)).map((e) => e['action'])).toEqual(expect.arrayContaining(['transition', 'signature-copy', 'attachment']));
  expect(await json('audit', 'verify')).toEqual(expect.arrayContaining([expect.objectContaining({ meetingId: id, ok: true })]));
  expect((await json('corrigendum', id))[0]).toMatchObject({ startsOn: '2019-10-30' });

  const pki = createTestPki(join(tmp.dir, 'pki'));
  const signer = pki.issue({ name: 'keo', subject: '/O=Secretariat/CN=Keo Sophal', key: 'rsa' });
  writeFileSync(file('pw.txt'), `${signer.password}\n`);
  const key = ['--p12', signer.p12, '--password-file', file('pw.txt')];
  expect((await json('certify', file('sealed.pdf'), ...key, '--out', file('certified.pdf')))[0]).toMatchObject({ field: 'Certification by the Secretariat' });
  expect((await json('sign', file('certified.pdf'), '--field', 'Head of Cambodia Delegation', ...key, '--out', file('signed.pdf')))[0]).toMatchObject({
    field: 'Head of Cambodia Delegation',
    subject: expect.stringContaining('Keo Sophal'),
    latinSubstitute: false,
  });
  expect((await json('verify-signatures', file('signed.pdf'), '--trust', pki.caCert))[0]).toMatchObject({ allSignedValid: true });
  expect(await json('verify', file('signed.pdf'), file('sealed.pdf'))).toEqual([
    expect.objectContaining({ file: file('signed.pdf'), matches: true }),
    expect.objectContaining({ file: file('sealed.pdf'), matches: true }),
  ]);

  expect((await json('backup', file('backup.sqlite')))[0]).toMatchObject({ meetings: 5 });
  expect((await json('check'))[0]).toMatchObject({ ok: true, problems: [] });
  expect((await json('delete', made!['id'] as string))[0]).toEqual({ id: made!['id'], action: 'deleted' });
  expect((await json('restore-deleted', made!['id'] as string))[0]).toEqual({ id: made!['id'], action: 'restored' });
  const batch = await json('export', '--all', '--format', 'docx', '--out', file('all'));
  expect(batch).toHaveLength(5);
  expect(readdirSync(file('all')).sort()).toEqual(batch.map((b) => (b['file'] as string).slice(file('all').length + 1)).sort());

  expect([...covered].sort()).toEqual(COMMANDS.map((c) => c.name).sort());
}, 240_000);

it('a failure in --json mode is one JSON line on stderr with the error code; stdout stays empty', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, '--json', 'export', 'm_nope', '--out', file('x.json')], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} });
  expect({ code, out, err: err.map((e) => JSON.parse(e) as unknown) }).toEqual({ code: 1, out: [], err: [{ error: { code: 'not-found', message: 'no meeting with id m_nope' } }] });
  err.length = 0;
  expect(await runCli(['--db', db, 'create', '--template', 'blank', '--title', ' ', '--date', '2026-01-01', '--json'], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} })).toBe(1);
  expect(JSON.parse(err[0]!)).toEqual({ error: { code: 'invalid', message: '--title: must not be empty', path: 'title' } });
  expect(out).toEqual([]);
});
