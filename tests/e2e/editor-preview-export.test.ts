import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser, withApp } from './harness';
import { field, openMeeting, screenshot, shortcut, typeInField, waitSaved } from './drivers/ui';
import { loadFixture } from '../support/temp';

const browser = useBrowser();

/** The text of the print preview's frame (the same HTML the PDF is printed from). */
async function previewText(page: Page): Promise<string> {
  return page.frameLocator('.paged-preview-frame').locator('body').innerText();
}

describe('the editor with its print preview and export', () => {
  it('shows the meeting as A4 pages, updates them after an autosave, and exports PDF and Word from the header and by command', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    const meeting = app.services.store.create(loadFixture(2019), 'tester');
    await openMeeting(page, meeting.id);

    const bar = page.locator('.paged-preview-bar');
    await expect.poll(() => bar.innerText(), { timeout: 15_000 }).toMatch(/3 pages, A4/);
    expect(await previewText(page)).toContain('The minutes is not bound by legal obligation of the Parties.');

    // Type into the paragraph after the objectives: the preview follows once the edit is saved.
    const disclaimer = meeting.meeting.body.find((b) => b.type === 'disclaimer')!;
    await typeInField(page, `${disclaimer.id}.text`, ' Reviewed in Vientiane.');
    await waitSaved(page);
    await expect.poll(() => previewText(page), { timeout: 10_000 }).toContain('Reviewed in Vientiane.');
    await screenshot(page, 'editor-preview.png');

    await page.getByTestId('export-docx').click();
    await expect.poll(() => page.locator('.export-status').innerText(), { timeout: 30_000 }).toMatch(/Saved to .*\.docx/);
    await field(page, `${disclaimer.id}.text`).click();
    await shortcut(page, 'Mod+Shift+E');
    await expect.poll(() => page.locator('.export-status').innerText(), { timeout: 60_000 }).toMatch(/Saved to .*\.pdf/);

    const files = readdirSync(app.exportsDir);
    const pdf = files.find((f) => f.endsWith('.pdf'));
    const docx = files.find((f) => f.endsWith('.docx'));
    expect(files).toHaveLength(2);
    expect(readFileSync(join(app.exportsDir, docx!)).subarray(0, 2).toString()).toBe('PK');
    // The PDF was made from the stored document, the edit included.
    const text = execFileSync('pdftotext', ['-raw', join(app.exportsDir, pdf!), '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain('Reviewed in Vientiane.');

    // A copy as a minutes file, from the palette: the stored meeting, edit included.
    await shortcut(page, 'Mod+K');
    await page.keyboard.type('minutes file');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.export-status').innerText(), { timeout: 30_000 }).toMatch(/Saved to .*\.minuta\.json/);
    const copy = readdirSync(app.exportsDir).find((f) => f.endsWith('.minuta.json'))!;
    expect(readFileSync(join(app.exportsDir, copy), 'utf8')).toContain('Reviewed in Vientiane.');
    });
  }, 120_000);
});
