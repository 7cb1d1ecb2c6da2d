import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp, useBrowser, type AppUnderTest } from './harness';
import { MOD, openMeeting, screenshot, stored, typeInField, waitSaved } from './drivers/ui';
import { tool } from '../support/exportText';
import { parseInterchange, richTextToString, type Meeting, type RichText } from '../../src/shared/minutes';

/**
 * Review in the app: two authors edit the 2019 minutes in turn (two sessions on one database, each
 * with its own author), a version is named between; the history shows both with the names; compare
 * attributes each change and filters by author; a block is restored from history as a new revision.
 */
const browser = useBrowser();

const SOKHA = 'Sokha (Secretariat)';
const PHONE = 'Phonesavanh';
const DRAFT_1 = 'Draft 1 circulated 12 June 2019';

const text = (m: Meeting, id: string) => richTextToString((m.body.find((b) => b.id === id) as unknown as { text: RichText }).text);
const redline = (page: Page) => page.frameLocator('[data-testid="redline-frame"]');

async function session<T>(dataDir: string, author: string, run: (app: AppUnderTest) => Promise<T>): Promise<T> {
  const app = await startApp(browser(), { dataDir, author });
  try {
    const result = await run(app);
    expect(app.problems, 'problems reported by the page').toEqual([]);
    return result;
  } finally {
    await app.close();
  }
}

describe('history and compare in the app', () => {
  it('two authors, a named version, history, attributed compare with a filter, a block restored', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'minuta-e2e-history-'));
    try {
      // Sokha, at the secretariat, imports the minutes, edits two paragraphs and names the version.
      const id = await session(dataDir, SOKHA, async (app) => {
        const parsed = parseInterchange(readFileSync('tests/fixtures/minutes-2019.minuta.json', 'utf8'));
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        const { id } = app.services.store.create(parsed.meeting, SOKHA);
        const { page } = app;
        await openMeeting(page, id);
        await typeInField(page, 'b_19001.text', ' Edited by Sokha.');
        await typeInField(page, 'b_19009.text', ' Sokha noted the agenda.');
        await waitSaved(page);
        await page.keyboard.press(`${MOD}+Alt+KeyH`);
        await page.getByTestId('history-panel').waitFor();
        await page.getByLabel('Name the current version').fill(DRAFT_1);
        await page.keyboard.press('Enter');
        await page.locator('.history-name-tag', { hasText: DRAFT_1 }).waitFor();
        return id;
      });

      await session(dataDir, PHONE, async (app) => {
        const { page } = app;
        await openMeeting(page, id);
        await typeInField(page, 'b_19008.text', ' Amended by Phonesavanh.');
        await typeInField(page, 'b_19001.text', ' Phonesavanh added this.');
        await waitSaved(page);

        // The history: both authors, the name on Sokha's revision, blocks named by their words.
        await page.keyboard.press(`${MOD}+Alt+KeyH`);
        const panel = page.getByTestId('history-panel');
        await panel.locator('.history-item').nth(2).waitFor();
        const items = panel.locator('.history-item');
        expect(await items.count()).toBe(3);
        const newest = items.nth(0);
        const draft = items.nth(1);
        expect(await newest.locator('.history-author').textContent()).toBe(PHONE);
        expect(await draft.locator('.history-author').textContent()).toBe(SOKHA);
        expect(await items.nth(2).locator('.history-author').textContent()).toBe(SOKHA);
        expect(await draft.locator('.history-name-tag').textContent()).toBe(DRAFT_1);
        const labels = await newest.locator('.history-block-label').allTextContents();
        expect(labels.sort()).toEqual([
          expect.stringMatching(/^Paragraph: After welcoming speech/),
          expect.stringMatching(/^Paragraph: The second technical consultative meeting/),
        ]);
        expect(labels.join(' ')).not.toMatch(/b_19/);
        await screenshot(page, 'history-panel.png');

        // Open Draft 1 read-only: the editor's view of it, inert, and its paged preview.
        await draft.getByRole('button', { name: 'Open' }).click();
        const view = page.getByTestId('revision-view');
        await view.waitFor();
        expect(await view.locator('[data-field="b_19001.text"]').textContent()).toContain('Edited by Sokha.');
        expect(await view.locator('[data-field="b_19001.text"]').textContent()).not.toContain('Phonesavanh');
        expect(await view.locator('.editor-scroll').getAttribute('inert')).not.toBeNull();
        await view.frameLocator('[data-testid="paged-preview"]').locator('body[data-pages]').waitFor();
        expect(await view.frameLocator('[data-testid="paged-preview"]').locator('body').textContent()).toContain('Sokha noted the agenda.');
        await screenshot(page, 'history-revision.png');

        // Compare the imported minutes (revision 1) with the current text.
        await items.nth(2).getByRole('button', { name: 'Compare with…' }).click();
        await newest.getByRole('button', { name: 'Compare with this' }).click();
        await page.getByTestId('compare-counts').waitFor();
        await redline(page).locator('body[data-pages]').waitFor();
        const marks = () => redline(page).locator('ins, del, span.c-fmt');
        const all = await marks().evaluateAll((els) => els.map((e) => ({ author: e.getAttribute('data-author'), text: e.textContent })));
        expect(all.find((m) => m.text?.includes('noted the agenda'))?.author).toBe(SOKHA);
        expect(all.find((m) => m.text?.includes('Amended by Phonesavanh'))?.author).toBe(PHONE);
        expect(new Set(all.map((m) => m.author))).toEqual(new Set([SOKHA, PHONE]));
        expect(await page.getByTestId('compare-position').textContent()).toBe(`– of ${all.length}`);
        expect(await page.getByTestId('compare-counts').textContent()).toMatch(/Insertions: \d+/);
        await screenshot(page, 'compare-view.png');

        // Filter by Sokha: only Sokha's marks remain marked and are stepped through.
        await page.getByTestId('compare-author').selectOption(SOKHA);
        const sokhas = all.filter((m) => m.author === SOKHA).length;
        await expect.poll(() => page.getByTestId('compare-position').textContent()).toBe(`– of ${sokhas}`);
        await page.keyboard.press('Alt+ArrowDown');
        expect(await page.getByTestId('compare-position').textContent()).toBe(`1 of ${sokhas}`);
        expect(await redline(page).locator('.c-current').getAttribute('data-author')).toBe(SOKHA);
        expect(await redline(page).locator('.c-current').textContent()).toContain('noted the agenda');
        expect(await redline(page).locator(`ins.c-dim[data-author="${PHONE}"]`).count()).toBeGreaterThan(0);
        await screenshot(page, 'compare-view-filtered.png');

        // The redline as a Word document with tracked changes, through the export service.
        await page.getByTestId('export-redline-docx').click();
        await page.getByRole('status').filter({ hasText: 'Saved to' }).waitFor();
        const files = readdirSync(app.exportsDir).filter((f) => f.endsWith('.docx'));
        expect(files).toHaveLength(1);
        expect(readFileSync(join(app.exportsDir, files[0]!)).subarray(0, 2).toString()).toBe('PK');
        // And as a PDF (laid out and finished in the export worker, printed by Chromium): the changes are in its text.
        await page.getByTestId('export-redline-pdf').click();
        await page.getByRole('status').filter({ hasText: /Saved to .*\.pdf/ }).waitFor({ timeout: 60_000 });
        const pdf = readdirSync(app.exportsDir).find((f) => f.endsWith('.pdf'))!;
        const pdfText = tool('pdftotext', 'poppler-utils', [join(app.exportsDir, pdf), '-']).stdout.replace(/\s+/g, ' ');
        expect(pdfText).toContain('Comparison of revision 1 and revision 3');
        expect(pdfText).toContain('Sokha noted the agenda.');
        expect(pdfText).toContain('Amended by Phonesavanh.');

        // Restore Sokha's paragraph from Draft 1: a new revision by Phonesavanh; Phonesavanh's other edit stays.
        await page.getByRole('button', { name: 'Back to the current text' }).click();
        const before = app.services.store.revisions(id);
        await draft.locator('.history-blocks li', { hasText: 'The second technical consultative' }).getByRole('button', { name: 'Restore block' }).click();
        await expect.poll(() => items.count()).toBe(4);
        const after = app.services.store.revisions(id);
        expect(after.slice(0, 3)).toEqual(before);
        expect(after[3]).toMatchObject({ author: PHONE, changed: ['b_19001'] });
        const head = stored(app, id);
        expect(text(head, 'b_19001')).toMatch(/Edited by Sokha\.$/);
        expect(text(head, 'b_19008')).toMatch(/Amended by Phonesavanh\.$/);
        // The editor shows the restored text, and typing goes on from it.
        await page.locator('[data-testid="editor"][data-ready]').waitFor();
        expect(await page.locator('[data-field="b_19001.text"]').textContent()).not.toContain('Phonesavanh');
        await typeInField(page, 'b_19001.text', ' And more.');
        await waitSaved(page);
        expect(text(stored(app, id), 'b_19001')).toMatch(/Edited by Sokha\. And more\.$/);
        expect(existsSync(app.databasePath)).toBe(true);
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
