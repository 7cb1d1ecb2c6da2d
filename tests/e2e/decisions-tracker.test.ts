import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, useBrowser, withApp } from './harness';
import { loadFixture } from '../support/temp';
import { pdftotext, tool } from '../support/exportText';

const browser = useBrowser();

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('decisions tracker', () => {
  it('lists the seeds\' agreements and recommendations, filters, records a follow-up by keyboard, and exports CSV, PDF and Word', async () => {
    await withApp(browser(), async (app) => {
      const { page, services } = app;
      const m18 = loadFixture(2018);
      const m19 = loadFixture(2019);
      services.store.create(m18, 'seed');
      services.store.create(m19, 'seed');
      await page.reload();
      mkdirSync(ARTIFACTS_DIR, { recursive: true });

      // From the home screen by keyboard: Ctrl+Shift+L opens the tracker.
      await page.getByTestId('meeting-list').locator('li').first().waitFor();
      await page.keyboard.press('Control+Shift+L');
      const table = page.locator('table.tracker-table');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(7);
      expect(await page.locator('h1#decisions-heading').innerText()).toBe('Decisions and recommendations');
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'tracker-all.png') });

      // Filters: a delegation, then text.
      await page.getByLabel('Delegation').selectOption('Lao');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
      await page.getByLabel('Delegation').selectOption('');
      await page.getByLabel('Text').fill('diplomatic channel');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
      await page.getByLabel('Text').fill('');

      // Follow up Recommendation 3 of 2018 by keyboard: its button, the status, a note, Enter.
      const row = table.locator(`tr[data-decision="${m18.id}/b_18123"]`);
      await row.getByRole('button', { name: 'Follow up…' }).focus();
      await page.keyboard.press('Enter');
      const form = page.getByRole('form', { name: 'Follow up Recommendation 3' });
      await form.getByLabel('Status').selectOption('done');
      await form.getByLabel('Note').focus();
      await page.keyboard.type('Training of border police held in March 2019');
      await form.getByRole('button', { name: 'Record follow-up' }).press('Enter');
      await expect.poll(() => row.locator('.status-badge').innerText()).toBe('Done');
      expect(await row.locator('.follow-up-history').innerText()).toContain('Training of border police held in March 2019');
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'tracker-follow-up.png') });
      const stored = services.db.prepare('SELECT status, note, meeting_id, object_id FROM follow_ups').all();
      expect(stored).toEqual([{ status: 'done', note: 'Training of border police held in March 2019', meeting_id: m18.id, object_id: 'b_18123' }]);

      // Status filter: open only (the done one leaves), then export that filtered table.
      await page.getByLabel('Status').selectOption('open');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
      const status = page.locator('.tracker-export [role="status"]');
      for (const [name, ext] of [['Export CSV…', '.csv'], ['Export PDF…', '.pdf'], ['Export Word…', '.docx']] as const) {
        await page.getByRole('button', { name }).click();
        // Each export names the file it saved; the line of the one before stays until then.
        await expect.poll(async () => ((await status.count()) > 0 ? await status.innerText() : ''), { timeout: 60_000 }).toMatch(new RegExp(`^Saved .*\\${ext}$`));
      }
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'tracker-open-exported.png') });
      const files = readdirSync(app.exportsDir);
      const csvFile = files.find((f) => f.endsWith('.csv'))!;
      const pdfFile = files.find((f) => f.endsWith('.pdf'))!;
      const docxFile = files.find((f) => f.endsWith('.docx'))!;
      expect([csvFile, pdfFile, docxFile].every(Boolean)).toBe(true);

      // CSV: BOM, RFC 4180; six open rows, not the done one.
      const csvBytes = readFileSync(join(app.exportsDir, csvFile));
      expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = parseCsv(csvBytes.toString('utf8').slice(1));
      expect(csv[0]).toEqual(['Meeting', 'Date', 'Decision', 'Text', 'Body', 'Delegations', 'Status', 'Latest note']);
      expect(csv).toHaveLength(7);
      expect(csv.map((r) => r[2])).not.toContain('Recommendation 3');
      expect(csv.find((r) => r[2] === 'Agreement 1')![3]).toMatch(/^The meeting agreed that the two objectives are achieved; however,/);
      expect(csv.find((r) => r[2] === 'Recommendation 6')![5]).toBe('Lao');

      // PDF: the words as a reader's tool extracts them.
      const pdfText = pdftotext(join(app.exportsDir, pdfFile)).replace(/\s+/g, ' ');
      expect(pdfText).toContain('Decisions and recommendations: follow-up');
      expect(pdfText).toContain('Status: Open');
      expect(pdfText).toContain('Strong political commitments and measures');
      expect(pdfText).toContain('diplomatic channel');
      expect(pdfText).not.toContain('Training of border police');
      tool('pdftoppm', 'poppler-utils', ['-png', '-r', '60', '-f', '1', '-l', '1', join(app.exportsDir, pdfFile), join(ARTIFACTS_DIR, 'tracker-pdf')]);

      // DOCX: through LibreOffice, as a Word user's tool reads it.
      const outDir = join(app.dataDir, 'txt');
      const lo = tool('soffice', 'libreoffice-writer-nogui', [
        `-env:UserInstallation=file://${join(app.dataDir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        outDir,
        join(app.exportsDir, docxFile),
      ], { timeout: 180_000 });
      const txtPath = join(outDir, docxFile.replace(/\.docx$/, '.txt'));
      expect(existsSync(txtPath), `soffice: ${lo.stderr.slice(-300)}`).toBe(true);
      const docxText = readFileSync(txtPath, 'utf8').replace(/\s+/g, ' ');
      expect(docxText).toContain('Decisions and recommendations: follow-up');
      expect(docxText).toContain('Increase victim\'s access to compensation.');
      expect(docxText).toContain('Recommendation 6');
      expect(docxText).not.toContain('Recommendation 3 ');
    }, { author: 'Keo Sophal' });
  }, 240_000);

  it('Next meeting… carries the open recommendations as matters arising; a follow-up at that meeting shows in the 2018 history', async () => {
    await withApp(browser(), async (app) => {
      const { page, services } = app;
      const m18 = loadFixture(2018);
      services.store.create(m18, 'seed');
      await page.reload();
      const row18 = page.locator(`[data-testid="meeting-list"] li[data-meeting-id="${m18.id}"]`);
      await row18.getByRole('button', { name: 'Next meeting…' }).click();
      const form = page.getByRole('form', { name: /^Next meeting after/ });
      await form.getByLabel('Title of the next meeting').fill('Third Technical Consultation');
      await form.getByLabel('Its first day').fill('2020-06-01');
      await form.getByRole('button', { name: 'Create the next meeting' }).click();
      await page.locator('[data-testid="editor"][data-ready]').waitFor();
      // The new minutes open on their matters arising: six open recommendations, numbered.
      const editor = page.getByTestId('editor');
      await expect.poll(() => editor.innerText()).toContain('Matters arising from previous meetings');
      expect(await editor.innerText()).toContain('Recommendation 6 of 25 May 2018: Lao: For effective implementation');
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'tracker-matters-arising-editor.png') });

      await page.getByRole('button', { name: 'Decisions', exact: true }).click();
      const row = page.locator(`table.tracker-table tr[data-decision="${m18.id}/b_18124"]`);
      await row.getByRole('button', { name: 'Follow up…' }).click();
      const followUp = page.getByRole('form', { name: 'Follow up Recommendation 4' });
      expect(await followUp.getByLabel('At meeting').inputValue()).not.toBe('');
      await followUp.getByLabel('Status').selectOption('done');
      await followUp.getByLabel('Note').fill('Reported done at the third meeting');
      await followUp.getByRole('button', { name: 'Record follow-up' }).click();
      await expect.poll(() => row.locator('.status-badge').innerText()).toBe('Done');
      const history = await row.locator('.follow-up-history').innerText();
      expect(history).toContain('at Third Technical Consultation');
      expect(history).toContain('Reported done at the third meeting');
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'tracker-history-across-meetings.png') });
    });
  }, 120_000);

  it('search on the home screen can be limited to decisions', async () => {
    await withApp(browser(), async (app) => {
      const { page, services } = app;
      services.store.create(loadFixture(2018), 'seed');
      services.store.create(loadFixture(2019), 'seed');
      await page.reload();
      await page.getByLabel('Search the minutes').fill('meeting');
      const hits = page.getByTestId('search-results').locator('li');
      await expect.poll(() => hits.count()).toBe(2);
      await page.getByLabel('Decisions only').check();
      await expect.poll(() => hits.count()).toBe(1);
      expect(await hits.first().getAttribute('data-meeting-id')).toBe('m_2019siemreap');
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'home-search-decisions-only.png') });
    });
  });
});
