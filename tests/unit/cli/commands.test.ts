import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/main/cli/run';
import { COMMANDS } from '../../../src/main/cli/commands';
import { defineCommand, legacyCheck, legacyRun } from '../../../src/main/cli/registry';
import type { MeetingStore } from '../../../src/main/store/meetings';
import { FIXTURES, tempDir } from '../../support/temp';

/** The new commands (create, next, save, export --all, verify of a folder) on a real database file. */
let tmp: ReturnType<typeof tempDir>;
let db: string;

beforeEach(() => {
  tmp = tempDir('minuta-cli-commands-');
  db = join(tmp.dir, 'minuta.sqlite');
});
afterEach(() => tmp.cleanup());

async function minuta(argv: string[], options: { author?: string; tty?: boolean; commands?: typeof COMMANDS } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    ['--db', db, '--author', options.author ?? 'Keo Sophal', ...argv],
    { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {}, stderrIsTty: options.tty ?? false },
    options.commands,
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const file = (name: string) => join(tmp.dir, name);
const dbBytes = () => readFileSync(db);

describe('create and next', () => {
  it('create makes a meeting from a template, as the app does; next starts the following one', async () => {
    const made = await minuta(['create', '--template', 'agreed-2019', '--title', 'Third Technical Consultative Meeting', '--date', '2026-03-02']);
    expect(made, made.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^m_\S+$/) });
    const list = await minuta(['list']);
    expect(list.stdout).toBe(`${made.stdout}\t2026-03-02\tThird Technical Consultative Meeting`);

    expect((await minuta(['import', FIXTURES[2019]])).code).toBe(0);
    const next = await minuta(['next', 'm_2019siemreap', '--date', '2020-10-28', '--title', 'Third meeting']);
    expect(next, next.stderr).toMatchObject({ code: 0 });
    await minuta(['export', next.stdout, '--out', file('next.minuta.json')]);
    const meeting = (JSON.parse(readFileSync(file('next.minuta.json'), 'utf8')) as { meeting: { dates: unknown; people: unknown[]; body: Array<{ id: string }> } }).meeting;
    const previous = (JSON.parse(readFileSync(FIXTURES[2019], 'utf8')) as { meeting: { people: unknown[]; body: Array<{ id: string }> } }).meeting;
    // Two-day meeting, so two days again; the same register; every block a new one.
    expect(meeting.dates).toEqual({ start: '2020-10-28', end: '2020-10-29' });
    expect(meeting.people).toEqual(previous.people);
    expect(meeting.body.map((b) => b.id)).not.toContain(previous.body[0]!.id);
    expect(await minuta(['next', 'm_nope', '--date', '2020-10-28'])).toMatchObject({ code: 1, stderr: 'minuta: no meeting with id m_nope' });
    expect(await minuta(['next', 'm_2019siemreap', '--date', '2020-10-28', '--title', ' '])).toMatchObject({ code: 1, stderr: 'minuta: --title: must not be empty' });
  });

  it('refuses a bad title or date, changing nothing', async () => {
    expect((await minuta(['list'])).code).toBe(0);
    const before = dbBytes();
    expect(await minuta(['create', '--template', 'blank', '--title', '   ', '--date', '2026-01-05'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^minuta: --title: must not be empty$/) });
    expect(await minuta(['create', '--template', 'blank', '--title', 'x'.repeat(501), '--date', '2026-01-05'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/at most 500/) });
    expect(await minuta(['create', '--template', 'blank', '--title', 'T', '--date', '5 May'])).toMatchObject({ code: 2 });
    expect(await minuta(['create', '--template', 'minutes-1990', '--title', 'T', '--date', '2026-01-05'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown template minutes-1990/) });
    expect(dbBytes().equals(before)).toBe(true);
  });
});

describe('save', () => {
  beforeEach(async () => {
    expect((await minuta(['import', FIXTURES[2019]])).code).toBe(0);
    expect((await minuta(['export', 'm_2019siemreap', '--out', file('edit.minuta.json')])).code).toBe(0);
  });
  const edit = (from: string, to: string, name = 'edit.minuta.json') => writeFileSync(file(name), readFileSync(file('edit.minuta.json'), 'utf8').replace(from, to));

  it('makes the edited file a new revision by its author, then refuses the same file as a conflict unless --force', async () => {
    edit('"Siem Reap"', '"Siem Reap Province"');
    const saved = await minuta(['save', 'm_2019siemreap', file('edit.minuta.json')], { author: 'Bounmy' });
    expect(saved, saved.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+$/) });
    const history = (await minuta(['history', 'm_2019siemreap'])).stdout.split('\n');
    expect(history).toHaveLength(2);
    expect(history[1]).toMatch(new RegExp(`^${saved.stdout}\\t\\S+\\tBounmy\\t1\\t$`));

    // The file still names the revision it was exported from: the meeting has moved on since.
    const before = dbBytes();
    const again = await minuta(['save', 'm_2019siemreap', file('edit.minuta.json')]);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/^minuta: meeting m_2019siemreap changed since revision \d+, which edit.minuta.json was exported from \(it is now at revision \d+\): nothing saved; export it again, or save with --force$/) });
    expect(dbBytes().equals(before)).toBe(true);
    edit('"Siem Reap Province"', '"Siem Reap City"', 'forced.minuta.json');
    const forced = await minuta(['save', 'm_2019siemreap', file('forced.minuta.json'), '--force']);
    expect(forced, forced.stderr).toMatchObject({ code: 0 });
    expect(readFileSync((await minuta(['export', 'm_2019siemreap', '--out', file('now.minuta.json')]), file('now.minuta.json')), 'utf8')).toContain('"Siem Reap City"');
  });

  it('refuses, changing nothing: an invalid file, another meeting’s file, a file naming no revision, approved minutes', async () => {
    const before = dbBytes();
    edit('"Siem Reap"', '42', 'bad.minuta.json');
    expect(await minuta(['save', 'm_2019siemreap', file('bad.minuta.json')])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^minuta: bad.minuta.json: meeting\.venue\.city/) });
    edit('"id": "m_2019siemreap"', '"id": "m_other"', 'other.minuta.json');
    expect(await minuta(['save', 'm_2019siemreap', file('other.minuta.json')])).toMatchObject({ code: 1, stderr: 'minuta: other.minuta.json holds meeting m_other, not m_2019siemreap' });
    expect(await minuta(['save', 'm_2019siemreap', FIXTURES[2019]])).toMatchObject({ code: 1, stderr: expect.stringMatching(/does not say which revision it was exported from/) });
    expect(await minuta(['save', 'm_nope', file('edit.minuta.json')])).toMatchObject({ code: 1, stderr: 'minuta: no meeting with id m_nope' });
    expect(dbBytes().equals(before)).toBe(true);
    for (const step of ['submit', 'approve']) expect((await minuta([step, 'm_2019siemreap'])).code).toBe(0);
    await minuta(['export', 'm_2019siemreap', '--out', file('approved.minuta.json')]);
    const approved = await minuta(['save', 'm_2019siemreap', file('approved.minuta.json')]);
    expect(approved).toMatchObject({ code: 1, stderr: expect.stringMatching(/approved/i) });
  });
});

describe('batches', () => {
  it('export --all writes one file per meeting, named from its title and date, with progress only on a terminal', async () => {
    for (const year of [2018, 2019] as const) expect((await minuta(['import', FIXTURES[year]])).code).toBe(0);
    const quiet = await minuta(['export', '--all', '--format', 'json', '--out', file('all')]);
    expect(quiet, quiet.stderr).toMatchObject({ code: 0, stderr: '' });
    const files = quiet.stdout.split('\n');
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.startsWith(join(tmp.dir, 'all')) && f.endsWith('.minuta.json'))).toBe(true);
    for (const f of files) expect(JSON.parse(readFileSync(f, 'utf8'))).toMatchObject({ format: 'minuta', base: { revision: expect.any(Number) } });
    // Again into the same folder: new names, the first files kept.
    const tty = await minuta(['export', '--all', '--format', 'json', '--out', file('all')], { tty: true });
    expect(tty.stderr.split('\n')).toEqual([expect.stringMatching(/^\[1\/2\] /), expect.stringMatching(/^\[2\/2\] /)]);
    expect(tty.stdout.split('\n').every((f) => / \(2\)\.minuta\.json$/.test(f))).toBe(true);
    expect((await minuta(['--json', 'export', '--all', '--out', file('all')], { tty: true })).stderr).toBe('');
  });

  it('verify takes a folder (its PDF and DOCX files), and ends with a summary', async () => {
    expect((await minuta(['import', FIXTURES[2019]])).code).toBe(0);
    for (const step of ['submit', 'approve', 'seal']) expect((await minuta([step, 'm_2019siemreap'])).code).toBe(0);
    mkdirSync(file('copies'));
    expect((await minuta(['export', 'm_2019siemreap', '--version', 'sealed', '--format', 'docx', '--out', file('copies/sealed.docx')])).code).toBe(0);
    copyFileSync(file('copies/sealed.docx'), file('copies/again.docx'));
    writeFileSync(file('copies/notes.txt'), 'not a copy');
    const r = await minuta(['verify', file('copies')], { tty: true });
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/again\.docx: matches the record[\s\S]*sealed\.docx: matches the record[\s\S]*\nsummary: 2 files: 2 match the record, 0 do not, 0 cannot be read$/);
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^\[1\/2\] .*again\.docx$/), expect.stringMatching(/^\[2\/2\] .*sealed\.docx$/)]);
    writeFileSync(file('copies/broken.pdf'), '%PDF-1.7 truncated');
    const broken = await minuta(['verify', file('copies')]);
    expect(broken).toMatchObject({ code: 2, stderr: expect.stringMatching(/broken\.pdf: cannot be read/) });
    expect(broken.stdout).toMatch(/summary: 3 files: 2 match the record, 0 do not, 1 cannot be read$/);
    expect(await minuta(['verify', file('copies/notes.txt')])).toMatchObject({ code: 2 });
  });
});

describe('a command ported from the old hand-written parser', () => {
  // The shape of the old modules (src/main/cli/history.ts before the registry): flags as a Map of
  // "--name", a check returning a problem, a runner printing lines.
  const checkOld = (command: string, args: readonly string[], flags: ReadonlyMap<string, string>) =>
    args.length !== 1 ? `${command} takes a meeting id` : flags.has('--from') && !flags.get('--from')!.trim() ? '--from needs a name' : undefined;
  const runOld = (command: string, args: readonly string[], flags: ReadonlyMap<string, string>, store: MeetingStore, author: string, stdout: (line: string) => void) => {
    const found = store.get(args[0]!);
    stdout(`${command} ${found?.title ?? 'none'} from ${flags.get('--from') ?? 'anyone'} for ${author}${flags.has('--all') ? ' (all)' : ''}`);
    return found ? 0 : 1;
  };
  const ported = defineCommand({
    name: 'proposals',
    group: 'Review',
    summary: 'list the proposals',
    args: [{ name: 'ID' }],
    options: [
      { name: 'from', value: 'AUTHOR', summary: 'only those by AUTHOR' },
      { name: 'all', type: 'boolean', summary: 'resolved ones too' },
    ],
    output: 'text',
    check: legacyCheck('proposals', checkOld),
    run: legacyRun('proposals', runOld),
  });
  const commands = [...COMMANDS, ported];

  it('runs, prints its lines (as JSON lines in --json mode), gets help, usage errors and completion', async () => {
    expect((await minuta(['import', FIXTURES[2019]])).code).toBe(0);
    expect(await minuta(['proposals', 'm_2019siemreap', '--from', 'Ana'], { commands })).toMatchObject({ code: 0, stdout: expect.stringMatching(/^proposals Minutes of the Second .* from Ana for Keo Sophal$/) });
    expect(JSON.parse((await minuta(['--json', 'proposals', 'm_2019siemreap', '--all'], { commands })).stdout)).toEqual({ line: expect.stringMatching(/from anyone for Keo Sophal \(all\)$/) });
    expect(await minuta(['proposals', 'm_nope'], { commands })).toMatchObject({ code: 1 });
    expect(await minuta(['proposals', 'm_2019siemreap', '--from', ' '], { commands })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^minuta: --from needs a name\nusage: minuta proposals ID \[--from AUTHOR\] \[--all\]/) });
    expect(await minuta(['proposals', '--to', 'x'], { commands })).toMatchObject({ code: 2 });
    expect((await minuta(['help', 'proposals'], { commands })).stdout).toMatch(/--from AUTHOR\s+only those by AUTHOR/);
    expect((await minuta(['completion', 'bash'], { commands })).stdout).toMatch(/proposals\)\n\s+opts="--from --all"/);
    expect((await minuta(['--help'], { commands })).stdout).toMatch(/\nReview:\n {2}proposals ID \[--from AUTHOR\] \[--all\]/);
  });
});

it('a repeatable option gives every value, in order; a boolean one takes none', async () => {
  const seen: unknown[] = [];
  const probe = defineCommand({
    name: 'probe',
    group: 'Test',
    summary: 'records what it was given',
    args: [{ name: 'FILE', variadic: true }],
    options: [
      { name: 'from', value: 'AUTHOR', multiple: true, summary: 'authors' },
      { name: 'all', type: 'boolean', summary: 'everything' },
    ],
    output: 'text',
    run: (ctx) => {
      seen.push({ args: ctx.args, from: ctx.options['from'], all: ctx.options['all'] });
    },
  });
  expect(await minuta(['probe', 'a', '--from', 'Ana', 'b', '--from=Bounmy', '--all'], { commands: [probe] })).toMatchObject({ code: 0 });
  expect(seen).toEqual([{ args: ['a', 'b'], from: ['Ana', 'Bounmy'], all: true }]);
  expect((await minuta(['probe', '--help'], { commands: [probe] })).stdout).toContain('usage: minuta probe FILE… [--from AUTHOR…] [--all]');
  expect(await minuta(['probe'], { commands: [probe] })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^minuta: probe takes FILE…\n/) });
});
