import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { useBrowser, withApp } from './harness';
import { field, openMeeting, screenshot, waitSaved } from './drivers/ui';
import { loadFixture } from '../support/temp';

const browser = useBrowser();

/**
 * A character no shipped font draws (an emoji) typed into the minutes: the preview warns, naming it
 * and its block; an export stops at a confirmation that names it again, and main refuses the export
 * when the renderer does not say the user confirmed.
 */
describe('characters without a shipped font', () => {
  it('are named in the preview and before export; the export goes ahead only when the user confirms', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const meeting = app.services.store.create(loadFixture(2019), 'tester');
      await openMeeting(page, meeting.id);
      const disclaimer = meeting.meeting.body.find((b) => b.type === 'disclaimer')!;
      await field(page, `${disclaimer.id}.text`).click();
      await page.keyboard.press('End');
      await page.keyboard.insertText(' Agreed \u{1F600}.');
      await waitSaved(page);

      const warning = page.getByTestId('preview-missing-glyphs');
      await expect.poll(() => warning.innerText(), { timeout: 15_000 }).toContain(`U+1F600 \u{1F600} in ${disclaimer.id} (text)`);

      // Main refuses an export that was not confirmed, whoever asks.
      const refused = await app.services.dispatch('exportMeeting', { id: meeting.id, format: 'docx' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
      if (!refused.ok) expect(refused.error.message).toContain(`U+1F600 \u{1F600} in ${disclaimer.id} (text)`);

      // Cancel: nothing is written.
      await page.getByTestId('export-pdf').click();
      const confirm = page.getByTestId('missing-glyphs');
      await expect.poll(() => confirm.innerText()).toContain(`U+1F600 \u{1F600} in ${disclaimer.id} (text)`);
      await screenshot(page, 'missing-glyphs-confirm.png');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => confirm.count()).toBe(0);

      // Confirm: the Word file is written.
      await page.getByTestId('export-docx').click();
      await confirm.getByRole('button', { name: /anyway/ }).click();
      await expect.poll(() => page.locator('.export-status').innerText(), { timeout: 30_000 }).toMatch(/Saved to .*\.docx/);
      expect(readdirSync(app.exportsDir)).toEqual([expect.stringMatching(/\.docx$/)]);
    });
  }, 120_000);
});
