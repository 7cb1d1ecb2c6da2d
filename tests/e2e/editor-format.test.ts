import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, withApp } from './harness';
import { createMeeting, field, openMeeting, screenshot, stored, waitSaved } from './drivers/ui';

const browser = useBrowser();

const previewText = (page: Page) => page.frameLocator('.paged-preview-frame').locator('body').innerText();

describe('the Format panel of a meeting', () => {
  it('chooses the template and its common choices as saved edits, the preview follows; a format saved by name applies to the next meeting', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = createMeeting(app, 'long-2018', 'Joint commission', '2026-03-02');
      await openMeeting(page, id);
      await expect.poll(() => previewText(page)).toContain('A. PARTICIPANTS OF THE MEETING');

      await page.locator('.format-panel > summary').click();
      await field(page, 'meeting.format.template').selectOption('bilateral');
      await field(page, 'meeting.format.signatures.perRow').selectOption('2');
      await field(page, 'meeting.format.furniture.marking').fill('CONFIDENTIAL');
      await waitSaved(page);
      expect(stored(app, id).format).toEqual({ template: 'bilateral', overrides: { signatures: { perRow: 2 }, furniture: { marking: 'CONFIDENTIAL' } } });
      // The preview lays the document out in its new format: sections I., II., the marking on its pages.
      await expect.poll(() => previewText(page)).toContain('I. PARTICIPANTS OF THE MEETING');
      await expect.poll(() => page.locator('.paged-preview-marking').textContent()).toBe('CONFIDENTIAL');
      await screenshot(page, 'format-panel.png');

      // Kept in the settings under a name…
      await field(page, 'meeting.format.saveAs').fill('Joint commission');
      await page.getByRole('button', { name: 'Save format' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved as “Joint commission”.' }).waitFor();
      const settings = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as { formatTemplates: unknown[] };
      expect(settings.formatTemplates).toEqual([{ name: 'Joint commission', format: stored(app, id).format }]);

      // … and applied to the next meeting.
      const next = createMeeting(app, 'long-2018', 'Joint commission, second session', '2026-09-07');
      await openMeeting(page, next);
      await page.locator('.format-panel > summary').click();
      await field(page, 'meeting.format.saved').selectOption('Joint commission');
      await waitSaved(page);
      expect(stored(app, next).format).toEqual(stored(app, id).format);
      await expect.poll(() => previewText(page)).toContain('I. PARTICIPANTS OF THE MEETING');

      // Undo is one step back to the agreed format; so is the button.
      await page.getByRole('button', { name: 'Back to the agreed format' }).click();
      await waitSaved(page);
      expect(stored(app, next).format).toBeUndefined();
      await expect.poll(() => previewText(page)).toContain('A. PARTICIPANTS OF THE MEETING');
    });
  });
});
