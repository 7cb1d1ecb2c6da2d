import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PDFDocument } from 'pdf-lib';
import { runCli } from '../../../src/main/cli/run';
import { FIXTURES, tempDir } from '../../support/temp';

/** The workflow commands of the CLI against a real database file, with real PNG and PDF scans. */
let tmp: ReturnType<typeof tempDir>;
let db: string;

beforeEach(() => {
  tmp = tempDir('minuta-wf-cli-');
  db = join(tmp.dir, 'minuta.sqlite');
});
afterEach(() => tmp.cleanup());

async function minuta(author: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, '--author', author, ...args], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A real PNG (8×8 grey), as a scanner would write one. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc(8 * 9, 0x80);
  for (let r = 0; r < 8; r++) rows[r * 9] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

async function sealed2019() {
  const id = (await minuta('ana', 'import', FIXTURES[2019])).stdout.trim();
  expect((await minuta('ana', 'submit', id, '--note', 'ready')).stdout).toBe(`${id}: In review`);
  expect((await minuta('bounmy', 'approve', id)).stdout).toMatch(new RegExp(`^${id}: Approved \\(Approved \\d{4}-\\d\\d-\\d\\d by bounmy\\)$`));
  expect((await minuta('ana', 'seal', id)).stdout).toMatch(/: Sealed/);
  return id;
}

describe('minuta workflow commands', () => {
  it('status, submit, approve, seal by two authors; saves and edits refused after; audit prints and verifies', async () => {
    const id = await sealed2019();
    const status = await minuta('ana', 'status', id);
    expect(status.stdout).toMatch(/^state: Sealed \(by ana at .*\)\nversion: Approved .* by bounmy \(revision \d+\)\naudit chain: 4 entries, head [0-9a-f]{64}\nnext: \(none: sealed is final\)$/);
    const again = await minuta('ana', 'submit', id);
    expect(again).toMatchObject({ code: 1, stderr: 'minuta: The meeting is Sealed: it cannot be submitted for review (sealed is final; make a corrigendum)' });
    const audit = await minuta('ana', 'audit', id);
    expect(audit.stdout.split('\n').map((l) => l.split('\t').slice(2, 4))).toEqual([
      ['ana', 'transition'],
      ['bounmy', 'named-version'],
      ['bounmy', 'transition'],
      ['ana', 'transition'],
    ]);
    expect(await minuta('ana', 'audit', 'verify')).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^ok: ${id}: 4 entries, head [0-9a-f]{64}$`)) });

    // Someone edits the file behind Minuta's back (triggers dropped): verify names the entry, exit 1.
    const raw = new Database(db);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
    raw.close();
    const broken = await minuta('ana', 'audit', 'verify', id);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`^minuta: broken: ${id}: entry 2 \\(named-version by mallory at .*\\) does not match its hash`));
  });

  it('attaches a real PNG and PDF scan to the sealed version (SHA-256 audited), saves one out, and refuses wrong files changing nothing', async () => {
    const id = (await minuta('ana', 'import', FIXTURES[2019])).stdout.trim();
    const scan = join(tmp.dir, 'signed page.png');
    writeFileSync(scan, png());
    // Not yet sealed: refused.
    expect(await minuta('ana', 'attach', id, scan)).toMatchObject({ code: 1, stderr: expect.stringMatching(/attached to sealed minutes; this meeting is Draft/) });
    await minuta('ana', 'submit', id);
    await minuta('bounmy', 'approve', id);
    await minuta('ana', 'seal', id);
    const sha = createHash('sha256').update(png()).digest('hex');
    expect(await minuta('ana', 'attach', id, scan)).toMatchObject({ code: 0, stdout: `attachment 1: image/png ${png().length} bytes sha256 ${sha}` });
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawText('Signed by the three heads of delegation');
    const pdfFile = join(tmp.dir, 'scan.jpg'); // the name lies: the content decides
    writeFileSync(pdfFile, await pdf.save());
    expect((await minuta('ana', 'attach', id, pdfFile)).stdout).toMatch(/^attachment 2: application\/pdf /);

    const out = join(tmp.dir, 'out.png');
    expect((await minuta('ana', 'attachment', id, '1', '--out', out)).code).toBe(0);
    expect(readFileSync(out).equals(png())).toBe(true);
    const log = (await minuta('ana', 'audit', id)).stdout.split('\n').filter((l) => l.includes('\tattachment\t'));
    expect(log).toHaveLength(2);
    expect(log[0]).toContain(`"sha256":"${sha}"`);

    const bad: Array<[string, Buffer | number, RegExp]> = [
      ['empty.pdf', Buffer.alloc(0), /is empty/],
      ['words.png', Buffer.from('This is not an image at all'), /is not a PDF, PNG or JPEG \(judged by its content/],
      ['cut.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), /starts like a PDF but is not a whole one/],
      ['cut.png', png().subarray(0, 40), /starts like a PNG but is not a whole one/],
      ['huge.pdf', 50 * 1024 * 1024 + 1, /larger than 50 MB/],
    ];
    for (const [name, content, message] of bad) {
      const path = join(tmp.dir, name);
      if (typeof content === 'number') {
        writeFileSync(path, '%PDF-1.7\n');
        truncateSync(path, content); // sparse: the bound is checked while reading, not after
      } else writeFileSync(path, content);
      const r = await minuta('ana', 'attach', id, path);
      expect(r, name).toMatchObject({ code: 1, stderr: expect.stringMatching(message) });
    }
    expect(await minuta('ana', 'attach', id, join(tmp.dir, 'missing.png'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/does not exist/) });
    expect((await minuta('ana', 'status', id)).stdout.split('\n').filter((l) => l.startsWith('attachment '))).toHaveLength(2);
    expect((await minuta('ana', 'audit', 'verify', id)).code).toBe(0);

    // A backup carries the scans and the log (they are in the database), and checks clean.
    const backup = join(tmp.dir, 'backup.sqlite');
    expect((await minuta('ana', 'backup', backup)).code).toBe(0);
    const copy = new Database(backup, { readonly: true });
    expect(copy.prepare('SELECT name, sha256 FROM attachments ORDER BY id').all()).toEqual([
      { name: 'signed page.png', sha256: sha },
      { name: 'scan.jpg', sha256: createHash('sha256').update(readFileSync(pdfFile)).digest('hex') },
    ]);
    copy.close();
    db = backup;
    expect(await minuta('ana', 'audit', 'verify', id)).toMatchObject({ code: 0, stdout: expect.stringMatching(/: 6 entries/) });
    expect((await minuta('ana', 'check')).code).toBe(0);
  });

  it('reopen needs a reason; route records a step; corrigendum makes a linked meeting; bad command lines exit 2', async () => {
    const id = (await minuta('ana', 'import', FIXTURES[2018])).stdout.trim();
    expect(await minuta('ana', 'route', id, '--step', '2', '--date', '2018-06-01', '--person', 'p_18chou')).toMatchObject({ code: 0, stdout: expect.stringMatching(/routing step 2 recorded/) });
    expect((await minuta('ana', 'route', id, '--step', '2', '--date', '2018-02-30')).code).toBe(2);
    expect((await minuta('ana', 'route', id, '--step', 'x', '--date', '2018-06-01')).code).toBe(2);
    await minuta('ana', 'submit', id);
    await minuta('bounmy', 'approve', id);
    expect((await minuta('ana', 'reopen', id)).code).toBe(2);
    expect(await minuta('ana', 'reopen', id, '--reason', 'wrong date', '--to', 'review')).toMatchObject({ code: 0, stdout: `${id}: In review` });
    await minuta('bounmy', 'approve', id);
    await minuta('ana', 'seal', id);
    const c = await minuta('ana', 'corrigendum', id);
    expect(c.code).toBe(0);
    expect((await minuta('ana', 'status', c.stdout)).stdout).toContain(`corrigendum to: ${id}`);
    expect((await minuta('ana', 'status', id)).stdout).toContain(`corrigendum: ${c.stdout}`);
    expect((await minuta('ana', 'audit')).code).toBe(2);
    expect((await minuta('ana', 'seal', id, '--reason', 'x')).code).toBe(2);
    expect((await minuta('ana', 'status', 'm_nothing')).code).toBe(1);
  });
});

describe('minuta export --version sealed', () => {
  it('writes the copy of the version the seal pinned, printing the audit head it was made at, and audits the export', async () => {
    const id = await sealed2019();
    const before = await minuta('ana', 'audit', id);
    const out = join(tmp.dir, 'copy.docx');
    const r = await minuta('ana', 'export', id, '--version', 'sealed', '--format', 'docx', '--out', out);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    const { strFromU8, unzipSync } = await import('fflate');
    const custom = strFromU8(unzipSync(readFileSync(out))['docProps/custom.xml']!);
    expect(custom).toMatch(/Approved \d{4}-\d\d-\d\d by bounmy/);
    const entries = before.stdout.trim().split('\n').length;
    expect(custom).toMatch(new RegExp(`[0-9a-f]{64} ${entries}<`));
    const after = await minuta('ana', 'audit', id);
    expect(after.stdout).toMatch(/signature-copy/);
    expect((await minuta('ana', 'audit', 'verify', id)).code).toBe(0);
    // A meeting that is not sealed has no "sealed" version.
    const draft = (await minuta('ana', 'import', FIXTURES[2018])).stdout.trim();
    expect(await minuta('ana', 'export', draft, '--version', 'sealed', '--format', 'docx', '--out', join(tmp.dir, 'x.docx'))).toMatchObject({ code: 1 });
  }, 60_000);
});
