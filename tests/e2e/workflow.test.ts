import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { startApp, useBrowser, type AppUnderTest } from './harness';
import { openMeeting, screenshot, stored } from './drivers/ui';
import { routingSteps } from '../../src/shared/workflow/routing';
import { loadFixture } from '../support/temp';

/**
 * The 2019 minutes through sign-off in the app, by two people on one database (two sessions, as two
 * secretariat machines would be): Draft → In review (Sokha) → Approved (Bounmy) → Sealed (Sokha), a
 * signed scan attached, the audit log shown and intact. Screenshots of the bar and the audit view.
 */
const browser = useBrowser();

async function asUser<T>(dataDir: string, author: string, run: (app: AppUnderTest) => Promise<T>): Promise<T> {
  const app = await startApp(browser(), { dataDir, author });
  try {
    const result = await run(app);
    expect(app.problems, 'problems reported by the page').toEqual([]);
    return result;
  } finally {
    await app.close();
  }
}

const bar = (app: AppUnderTest) => app.page.getByTestId('workflow-bar');

describe('sign-off workflow', () => {
  it('takes the 2019 minutes from Draft to Sealed by two named users, with a scan attached and the audit log intact', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'minuta-e2e-workflow-'));
    try {
      const id = await asUser(dataDir, 'Sokha Chan', async (app) => {
        const created = app.services.store.create(loadFixture(2019), 'Sokha Chan').id;
        await app.page.reload();
        const row = app.page.locator(`[data-meeting-id="${created}"]`);
        await expect.poll(() => row.locator('.state-badge').innerText()).toBe('Draft');
        await openMeeting(app.page, created);
        await expect.poll(() => bar(app).getAttribute('data-state')).toBe('draft');
        await bar(app).getByLabel('Note').fill('Complete draft, ready for the delegations');
        await bar(app).getByRole('button', { name: 'Submit for review' }).click();
        await expect.poll(() => bar(app).getAttribute('data-state')).toBe('in-review');
        return created;
      });

      await asUser(dataDir, 'Bounmy Phommachanh', async (app) => {
        await openMeeting(app.page, id);
        await expect.poll(() => bar(app).getAttribute('data-state')).toBe('in-review');
        // Reopening needs a reason: without one, main refuses and the bar says so.
        await bar(app).getByRole('button', { name: 'Return to draft' }).click();
        await expect.poll(() => bar(app).getByRole('alert').innerText()).toMatch(/needs a reason/);
        await bar(app).getByRole('button', { name: 'Approve' }).click();
        await expect.poll(() => bar(app).getAttribute('data-state')).toBe('approved');
        expect(await bar(app).locator('.workflow-version').innerText()).toMatch(/^Approved \d{4}-\d\d-\d\d by Bounmy Phommachanh$/);
        await screenshot(app.page, 'workflow-approved.png');
      });

      const scan = await PDFDocument.create();
      scan.addPage([595, 842]).drawText('Signed copy with three wet-ink signatures');
      const scanBytes = await scan.save();
      const scanFile = join(dataDir, 'signed-2019.pdf');
      writeFileSync(scanFile, scanBytes);

      await asUser(dataDir, 'Sokha Chan', async (app) => {
        await openMeeting(app.page, id);
        await bar(app).getByRole('button', { name: 'Seal' }).click();
        await expect.poll(() => bar(app).getAttribute('data-state')).toBe('sealed');
        await bar(app).getByTestId('scan-input').setInputFiles(scanFile);
        const attachments = bar(app).getByRole('list', { name: 'Attachments' });
        await expect.poll(() => attachments.innerText()).toContain('signed-2019.pdf — application/pdf');
        // A file that is not a scan is refused with a clear message, and nothing is added.
        await bar(app).getByTestId('scan-input').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some words') });
        await expect.poll(() => bar(app).getByRole('alert').innerText()).toMatch(/not a PDF, PNG or JPEG/);
        expect(await attachments.locator('li').count()).toBe(1);
        await screenshot(app.page, 'workflow-sealed.png');

        await bar(app).getByRole('button', { name: 'Audit log' }).click();
        const audit = app.page.getByTestId('audit-view');
        await expect.poll(() => audit.locator('tbody tr').count()).toBe(5);
        expect(await audit.locator('.audit-ok').innerText()).toMatch(/^Audit chain intact: 5 entries/);
        const rows = await audit.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent)));
        expect(rows).toEqual([
          ['Sokha Chan', 'transition'],
          ['Bounmy Phommachanh', 'named-version'],
          ['Bounmy Phommachanh', 'transition'],
          ['Sokha Chan', 'transition'],
          ['Sokha Chan', 'attachment'],
        ]);
        expect(await audit.innerText()).toContain(createHash('sha256').update(scanBytes).digest('hex').slice(0, 16));
        await screenshot(app.page, 'workflow-audit.png');

        // The sealed record refuses saves at the service, whatever the page sends.
        const head = app.services.store.get(id)!;
        const { body: _body, ...meetingHead } = head.meeting;
        const refused = await app.services.dispatch('saveMeeting', { id, base: head.seq, changes: { head: { ...meetingHead, venue: { ...meetingHead.venue, city: 'Elsewhere' } } } });
        expect(refused).toMatchObject({ ok: false, error: { code: 'read-only' } });
        expect(app.services.store.audit.verify(id)).toMatchObject({ ok: true, length: 5 });

        await app.page.evaluate(() => {
          location.hash = '#/';
        });
        await expect.poll(() => app.page.locator(`[data-meeting-id="${id}"] .state-badge`).innerText()).toBe('Sealed');
        await screenshot(app.page, 'workflow-home.png');
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('records a routing step in the editor: dated today, signed by the author, audited, and the editor follows', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'minuta-e2e-routing-'));
    try {
      await asUser(dataDir, 'Keo Sophal', async (app) => {
        const id = app.services.store.create(loadFixture(2018), 'Keo Sophal').id;
        await openMeeting(app.page, id);
        const button = app.page.getByRole('button', { name: 'Record as done today' });
        await button.first().scrollIntoViewIfNeeded();
        await button.first().click();
        const today = new Date().toISOString().slice(0, 10);
        await expect.poll(() => routingSteps(stored(app, id))[0]?.signedBy).toBe('Keo Sophal');
        expect(routingSteps(stored(app, id))[0]?.date).toBe(today);
        expect(app.services.store.workflow.auditEntries(id)).toMatchObject([{ actor: 'Keo Sophal', action: 'routing-step', details: { step: 1, date: today } }]);
        // The editor reopened on the new head: its date field shows the recorded day.
        await app.page.locator('[data-testid="editor"][data-ready]').waitFor();
        await expect.poll(() => app.page.locator('.routing-step').first().locator('input[type="date"]').inputValue()).toBe(today);
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
