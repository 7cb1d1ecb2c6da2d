import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, useBrowser, withApp } from './harness';
import { loadFixture } from '../support/temp';

const browser = useBrowser();

/**
 * The app's side of signature copies: the export menu's "Signature copy (PDF)…" is enabled only for an
 * approved or sealed version (and says why not otherwise), and "Verify a copy…" on the home screen
 * shows one answer for the copy the user picks. Screenshots at 1280×800.
 */
describe('signature copies in the app', () => {
  it('offers a signature copy only for an approved or sealed version, saying why not', async () => {
    await withApp(browser(), async (app) => {
      const id = app.services.store.create(loadFixture(2019), 'Ana').id;
      app.services.store.nameVersion(id, 'Final', 'Ana');
      await app.page.evaluate((m) => (location.hash = `#/meeting/${m}`), id);
      const button = app.page.getByTestId('signature-copy-pdf');
      await expect.poll(() => button.getAttribute('title')).toMatch(/is draft: only an approved or sealed version/);
      expect(await button.isDisabled()).toBe(true);
      expect(app.problems).toEqual([]);
    });
  });

  it('exports the copy of a sealed version, and "Verify a copy…" says it matches, then that a tampered one does not', async () => {
    await withApp(
      browser(),
      async (app) => {
        const { page } = app;
        const id = app.services.store.create(loadFixture(2019), 'Ana').id;
        app.services.store.nameVersion(id, 'Final', 'Ana');
        await page.evaluate((m) => (location.hash = `#/meeting/${m}`), id);
        const button = page.getByTestId('signature-copy-pdf');
        await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
        await button.click();
        await expect.poll(() => page.getByText(/Signature copy saved to/).count(), { timeout: 60_000 }).toBe(1);
        const saved = (await page.getByText(/Signature copy saved to/).innerText()).replace('Signature copy saved to ', '').trim();

        await page.getByRole('button', { name: 'Minuta' }).click();
        app.verifyAnswer.file = saved;
        await page.getByTestId('verify-copy').click();
        const report = page.getByTestId('verify-report');
        await report.waitFor({ timeout: 30_000 });
        const text = await report.innerText();
        expect(text).toContain('Matches the record');
        expect(text).toContain('“Final”');
        expect(text).toContain('sealed when copied');
        expect(text).toMatch(/found in this database; unchanged since; sealed/);
        expect(text).toContain('Head of Cambodia Delegation');
        mkdirSync(ARTIFACTS_DIR, { recursive: true });
        await report.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(ARTIFACTS_DIR, 'verify-copy-matches.png') });

        // One digit of the fingerprint in the copy's metadata changed in place: no match, naming it.
        const bytes = readFileSync(saved);
        const tampered = join(app.dataDir, 'tampered.pdf');
        const pos = bytes.lastIndexOf(Buffer.from('/MinutaFingerprint <FEFF'));
        expect(pos).toBeGreaterThan(0);
        const digit = pos + '/MinutaFingerprint <FEFF'.length + 3; // the last hex digit of the first character
        bytes[digit] = bytes[digit] === 0x30 ? 0x31 : 0x30;
        writeFileSync(tampered, bytes);
        app.verifyAnswer.file = tampered;
        await page.getByTestId('verify-copy').click();
        await expect.poll(() => report.innerText(), { timeout: 30_000 }).toContain('Does not match the record');
        expect(await report.innerText()).toMatch(/is not the copy's fingerprint/);
        await page.screenshot({ path: join(ARTIFACTS_DIR, 'verify-copy-tampered.png') });
        expect(app.problems).toEqual([]);
      },
      { workflowState: () => 'sealed' },
    );
  });
});
