import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServices, type Services } from '../../src/main/services';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { runCli } from '../../src/main/cli/run';
import { loadFixture, tempDir } from '../support/temp';
import { noSystemNotoEnv } from '../support/noSystemFonts';
import { tool } from '../support/exportText';
import { createTestPki, type Signer } from '../support/pki';
import { createSettingsStore } from '../../src/main/settings/settingsFile';
import { DEFAULT_SETTINGS } from '../../src/shared/settings/settings';

/**
 * "Sign as…" through the services (issue 14): the 2019 minutes are sealed through the workflow, their
 * signature copy exported, and three heads of delegation sign it one after another through the same
 * handlers the app's dialog calls (dialog ports answered with fixed paths). pdfsig checks each
 * signature; the audit log must hold three 'signature' entries and verify; each signed file is
 * attached to the sealed record; a wrong password or a signed field changes nothing. Also
 * `minuta sign --db`, which records the same entry.
 */

const FIELDS = ['Head of Cambodia Delegation', 'Head of Lao Delegation', 'Head of Myanmar Delegation'] as const;
const CNS = ['H.E. Mrs. Chou Bun Eng', 'Pol. Col. Dr. Phengsavanh Thipphavongsay', 'U Aung Thu'] as const;

let tmp: ReturnType<typeof tempDir>;
let services: Services;
let meetingId: string;
let signers: Signer[];
let copy: string;
const answers: { copy?: string; key?: string; out?: string } = {};
let caCert: string;

async function call<T>(method: string, payload: unknown): Promise<T> {
  const r = (await services.dispatch(method, payload)) as { ok: boolean; value?: T; error?: { code: string; message: string; path?: string } };
  if (!r.ok) throw Object.assign(new Error(r.error!.message), { code: r.error!.code });
  return r.value as T;
}

interface Chosen {
  chosen: boolean;
  session?: string;
  fields: { name: string; signed: boolean }[];
}
interface Signed {
  saved: boolean;
  field?: string;
  signer?: string;
  certificateSha256?: string;
  audited: boolean;
  attached: boolean;
}

/** One head of delegation at the dialog: copy, key, field, password, destination. */
async function signAs(input: string, signer: Signer, field: string, out: string, password = signer.password): Promise<Signed> {
  answers.copy = input;
  answers.key = signer.p12;
  answers.out = out;
  const chosen = await call<Chosen>('chooseSigningCopy', {});
  expect(chosen.chosen).toBe(true);
  await call('chooseSigningKey', { session: chosen.session });
  return call<Signed>('signCopy', { session: chosen.session, field, password });
}

const audit = async () => call<{ entries: { action: string; actor: string; details: Record<string, unknown> }[]; ok: boolean }>('listAudit', { id: meetingId });
const attachments = async () =>
  (await call<{ attachments: { kind: string; name: string; sha256: string }[] }>('getWorkflow', { id: meetingId })).attachments.filter((a) => a.kind === 'signed-copy');
const filesIn = (dir: string) => readdirSync(dir).sort();

beforeAll(async () => {
  tmp = tempDir('minuta-signapp-');
  const pki = createTestPki(join(tmp.dir, 'pki'));
  caCert = pki.caCert;
  signers = [
    pki.issue({ name: 'cambodia', subject: `/C=KH/O=Ministry of Interior/CN=${CNS[0]}`, key: 'rsa' }),
    pki.issue({ name: 'lao', subject: `/C=LA/O=Ministry of Public Security/CN=${CNS[1]}`, key: 'ec-p256' }),
    pki.issue({ name: 'myanmar', subject: `/C=MM/O=Ministry of Home Affairs/CN=${CNS[2]}`, key: 'ec-p384' }),
  ];
  copy = join(tmp.dir, 'copy.pdf');
  services = createServices({
    databasePath: join(tmp.dir, 'minuta.sqlite'),
    version: 'test',
    author: 'Secretariat',
    export: {
      dialog: { chooseDestination: async () => copy },
      createPrinter: () => new PlaywrightPrinter({ env: noSystemNotoEnv(tmp.dir) }),
    },
    settings: createSettingsStore(join(tmp.dir, 'settings.json')),
    verifyDialog: { chooseCopy: async () => answers.copy },
    signDialog: {
      chooseCopy: async () => answers.copy,
      chooseKey: async () => answers.key,
      chooseDestination: async () => answers.out,
    },
  });
  meetingId = services.store.create(loadFixture(2019), 'Ana').id;
  services.store.workflow.transition(meetingId, 'submit', 'ana');
  services.store.workflow.transition(meetingId, 'approve', 'bounmy');
  services.store.workflow.transition(meetingId, 'seal', 'ana');
  const exported = await call<{ saved: boolean }>('exportSignatureCopy', { id: meetingId, format: 'pdf' });
  expect(exported.saved).toBe(true);
}, 120_000);
afterAll(async () => {
  await services?.exports?.close();
  services?.close();
  tmp?.cleanup();
});

describe('"Sign as…" through the services', () => {
  const signed: string[] = [];

  it('refuses a wrong password, writing nothing and recording nothing', async () => {
    const before = filesIn(tmp.dir);
    const auditBefore = (await audit()).entries.length;
    const out = join(tmp.dir, 'never.pdf');
    const error = await signAs(copy, signers[0]!, FIELDS[0], out, 'not-the-password').catch((e: Error & { code: string }) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error & { code: string }).code).toBe('invalid');
    expect((error as Error).message).toMatch(/Wrong password/);
    expect((error as Error).message).not.toContain('not-the-password');
    expect(filesIn(tmp.dir)).toEqual(before);
    expect((await audit()).entries.length).toBe(auditBefore);
    expect(await attachments()).toEqual([]);
  });

  it('three heads sign one after another; pdfsig says each is valid', async () => {
    let input = copy;
    for (let i = 0; i < 3; i++) {
      const out = join(tmp.dir, `signed-${i + 1}.pdf`);
      const r = await signAs(input, signers[i]!, FIELDS[i]!, out);
      expect(r).toMatchObject({ saved: true, field: FIELDS[i], audited: true, attached: true });
      expect(r.signer).toContain(`CN=${CNS[i]}`);
      expect(r.certificateSha256).toMatch(/^[0-9a-f]{64}$/);
      signed.push(out);
      input = out;
    }
    const blocks = tool('pdfsig', 'poppler-utils', [signed[2]!]).stdout.split(/^Signature #\d+:$/m).slice(1);
    expect(blocks).toHaveLength(3);
    blocks.forEach((block, i) => {
      expect(block).toContain(`Signature Field Name: ${FIELDS[i]}`);
      expect(block).toContain(`Signer Certificate Common Name: ${CNS[i]}`);
      expect(block).toContain('Signature Validation: Signature is Valid.');
    });
  });

  it('the audit log has the three signatures and verifies; each signed file is attached', async () => {
    const log = await audit();
    expect(log.ok).toBe(true);
    const sigs = log.entries.filter((e) => e.action === 'signature');
    expect(sigs.map((e) => e.details['field'])).toEqual([...FIELDS]);
    sigs.forEach((e, i) => {
      expect(e.actor).toBe('Secretariat');
      expect(String(e.details['signer'])).toContain(`CN=${CNS[i]}`);
      expect(e.details['certificateSha256']).toMatch(/^[0-9a-f]{64}$/);
    });
    expect(JSON.stringify(log)).not.toContain(signers[0]!.password);
    const attached = await attachments();
    expect(attached.map((a) => a.name)).toEqual(['signed-1.pdf', 'signed-2.pdf', 'signed-3.pdf']);
    const { createHash } = await import('node:crypto');
    expect(attached[2]!.sha256).toBe(createHash('sha256').update(readFileSync(signed[2]!)).digest('hex'));
  });

  it('refuses a field already signed and a PDF that is not ours, changing nothing', async () => {
    const before = filesIn(tmp.dir);
    const auditBefore = (await audit()).entries.length;
    const again = await signAs(signed[2]!, signers[1]!, FIELDS[0], join(tmp.dir, 'again.pdf')).catch((e: Error & { code: string }) => e);
    expect((again as Error & { code: string }).code).toBe('conflict');
    expect((again as Error).message).toMatch(/already signed/);
    const foreign = join(tmp.dir, 'foreign.pdf');
    writeFileSync(foreign, '%PDF-1.4\n1 0 obj\n<</Type /Catalog>>\nendobj\ntrailer\n<</Root 1 0 R /Size 2>>\n%%EOF\n');
    answers.copy = foreign;
    const notOurs = await call('chooseSigningCopy', {}).catch((e: Error & { code: string }) => e);
    expect((notOurs as Error & { code: string }).code).toMatch(/invalid|corrupt/);
    expect(filesIn(tmp.dir)).toEqual([...before, 'foreign.pdf'].sort());
    expect((await audit()).entries.length).toBe(auditBefore);
  });

  it('`minuta sign --db` records the same entry when the database has the meeting', async () => {
    // A fourth signer on a copy re-exported unsigned: the copy is one of this database's meeting.
    const pw = join(tmp.dir, 'lao.pw');
    writeFileSync(pw, `${signers[1]!.password}\n`);
    const out: string[] = [];
    const err: string[] = [];
    const cliOut = join(tmp.dir, 'cli-signed.pdf');
    const code = await runCli(
      ['--db', join(tmp.dir, 'minuta.sqlite'), '--author', 'Cli Clerk', 'sign', copy, '--field', FIELDS[1], '--p12', signers[1]!.p12, '--password-file', pw, '--out', cliOut],
      { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} },
    );
    expect(code, err.join('\n')).toBe(0);
    expect(out.join('\n')).toMatch(/recorded in the audit log of meeting/);
    const sigs = (await audit()).entries.filter((e) => e.action === 'signature');
    expect(sigs).toHaveLength(4);
    expect(sigs[3]).toMatchObject({ actor: 'Cli Clerk', details: { field: FIELDS[1] } });
    expect((await audit()).ok).toBe(true);
    // Without --db: the file only, the database untouched.
    const code2 = await runCli(['sign', copy, '--field', FIELDS[2], '--p12', signers[2]!.p12, '--out', join(tmp.dir, 'file-only.pdf')], {
      stdout: () => undefined,
      stderr: () => undefined,
      env: { MINUTA_P12_PASSWORD: signers[2]!.password },
    });
    expect(code2).toBe(0);
    expect((await audit()).entries.filter((e) => e.action === 'signature')).toHaveLength(4);
  });

  it("Verify a copy checks each signer's chain against the trust anchors of the settings, and only them", async () => {
    const lastSigned = signed.at(-1)!;
    const verify = async (trustAnchors: string) => {
      expect(await services.dispatch('saveSettings', { ...DEFAULT_SETTINGS, trustAnchors })).toMatchObject({ ok: true });
      answers.copy = lastSigned;
      return call<{ report: { signatures: { signed: boolean; valid: boolean; problems: string[] }[] } }>('verifyCopy', undefined);
    };
    const trusted = await verify(caCert);
    expect(trusted.report.signatures.filter((s) => s.signed).map((s) => s.valid)).toEqual([true, true, true]);
    const stranger = createTestPki(join(tmp.dir, 'other-ca'), '/C=XX/O=Someone Else/CN=Another Root CA');
    const untrusted = await verify(stranger.caCert);
    const sigs = untrusted.report.signatures.filter((s) => s.signed);
    expect(sigs.every((s) => !s.valid && s.problems.some((p) => /not trusted/.test(p)))).toBe(true);
  });
});
