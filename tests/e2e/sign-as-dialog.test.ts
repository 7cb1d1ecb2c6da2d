import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, useBrowser, withApp } from './harness';
import { loadFixture } from '../support/temp';
import { tool } from '../support/exportText';
import { openMeeting } from './drivers/ui';
import { createTestPki } from '../support/pki';

const browser = useBrowser();

const FIELDS = ['Head of Cambodia Delegation', 'Head of Lao Delegation', 'Head of Myanmar Delegation'] as const;
const CNS = ['H.E. Mrs. Chou Bun Eng', 'Pol. Col. Dr. Phengsavanh Thipphavongsay', 'U Aung Thu'] as const;

/**
 * "Sign as…" in the app (issue 14): the 2019 minutes sealed through the workflow, their signature copy
 * exported, then three heads of delegation sign it in the dialog, one after another (the test's open
 * and save dialogs answer fixed paths). A wrong password is refused in the dialog and writes nothing.
 * Then "Verify a copy…" shows the three signatures. Screenshots (1280×800) of both.
 */
describe('"Sign as…" dialog', () => {
  it('three heads sign in the dialog; a wrong password is refused; the verify screen shows three valid signatures', async () => {
    await withApp(
      browser(),
      async (app) => {
        const { page, services } = app;
        const pki = createTestPki(join(app.dataDir, 'pki'));
        const signers = [
          pki.issue({ name: 'cambodia', subject: `/C=KH/O=Ministry of Interior/CN=${CNS[0]}`, key: 'rsa' }),
          pki.issue({ name: 'lao', subject: `/C=LA/O=Ministry of Public Security/CN=${CNS[1]}`, key: 'ec-p256' }),
          pki.issue({ name: 'myanmar', subject: `/C=MM/O=Ministry of Home Affairs/CN=${CNS[2]}`, key: 'ec-p384' }),
        ];
        const id = services.store.create(loadFixture(2019), 'Ana').id;
        services.store.workflow.transition(id, 'submit', 'ana');
        services.store.workflow.transition(id, 'approve', 'bounmy');
        services.store.workflow.transition(id, 'seal', 'ana');
        const exported = (await services.dispatch('exportSignatureCopy', { id, format: 'pdf' })) as { ok: boolean; value: { path: string } };
        expect(exported.ok).toBe(true);
        const copy = exported.value.path;
        const signedDir = join(app.dataDir, 'signed');
        mkdirSync(signedDir);

        // From the workflow bar of the sealed meeting (the home screen's "Verify a copy" has the same button).
        await openMeeting(page, id);
        await page.getByTestId('workflow-sign-as').click();
        const dialog = page.getByTestId('sign-as-dialog');
        await dialog.waitFor();

        app.signAnswer.copy = copy;
        await page.getByTestId('sign-as-choose-copy').click();
        await expect.poll(() => dialog.getByRole('radio').count()).toBe(3);

        for (let i = 0; i < 3; i++) {
          app.signAnswer.key = signers[i]!.p12;
          app.signAnswer.out = join(signedDir, `signed-${i + 1}.pdf`);
          await page.getByTestId('sign-as-choose-key').click();
          await expect.poll(() => page.getByTestId('sign-as-key').innerText()).toBe(`${signers[i]!.name}.p12`);
          await dialog.getByRole('radio', { name: FIELDS[i] }).check();
          if (i === 0) {
            await page.getByTestId('sign-as-password').fill('not-the-password');
            await page.getByTestId('sign-as-sign').click();
            await expect.poll(() => page.getByTestId('sign-as-error').innerText()).toMatch(/Wrong password/);
            expect(await page.getByTestId('sign-as-error').innerText()).not.toContain('not-the-password');
            expect(await page.getByTestId('sign-as-password').inputValue()).toBe('');
            expect(readdirSync(signedDir)).toEqual([]);
            mkdirSync(ARTIFACTS_DIR, { recursive: true });
            await page.getByTestId('sign-as-password').fill(signers[i]!.password);
            await page.screenshot({ path: join(ARTIFACTS_DIR, 'sign-as-dialog.png') });
          } else await page.getByTestId('sign-as-password').fill(signers[i]!.password);
          await page.getByTestId('sign-as-sign').click();
          await expect.poll(() => page.getByTestId('sign-as-done').innerText().catch(() => ''), { timeout: 30_000 }).toContain(`Signed “${FIELDS[i]}”`);
          expect(await page.getByTestId('sign-as-done').innerText()).toContain('Recorded in the audit log. Attached to the sealed record.');
        }
        await page.screenshot({ path: join(ARTIFACTS_DIR, 'sign-as-dialog-done.png') });
        expect(readdirSync(signedDir)).toEqual(['signed-1.pdf', 'signed-2.pdf', 'signed-3.pdf']);
        const last = join(signedDir, 'signed-3.pdf');
        expect(tool('pdfsig', 'poppler-utils', [last]).stdout.match(/Signature is Valid\./g)).toHaveLength(3);
        const audit = services.store.workflow.auditEntries(id).filter((e) => e.action === 'signature');
        expect(audit).toHaveLength(3);

        // The verify screen: the three signatures, each valid.
        await dialog.getByRole('button', { name: 'Close' }).click();
        await page.getByRole('button', { name: 'Minuta' }).click();
        app.verifyAnswer.file = last;
        await page.getByTestId('verify-copy').click();
        const report = page.getByTestId('verify-report');
        await report.waitFor({ timeout: 30_000 });
        const text = await report.innerText();
        expect(text).toContain('Signatures (3 of 3 fields signed)');
        for (const [i, f] of FIELDS.entries()) expect(text).toMatch(new RegExp(`${f}.*: valid, signed by .*CN=${CNS[i]!.replace(/\./g, '\\.')}`));
        await page.getByText('Signatures (3 of 3 fields signed)').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(ARTIFACTS_DIR, 'verify-three-signatures.png') });
      },
      { author: 'Secretariat' },
    );
  });
});
