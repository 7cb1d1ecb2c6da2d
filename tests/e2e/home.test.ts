import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ARTIFACTS_DIR, useBrowser, withApp } from './harness';

const browser = useBrowser();

describe('home screen', () => {
  it('starts empty, creates a meeting, and still shows it after a reload (stored in SQLite)', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('meetings-empty').isVisible()).toBe(true);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'home-empty.png') });

    await page.getByLabel('Title').fill('Second Technical Consultative Meeting');
    await page.getByLabel('First day').fill('2019-10-30');
    await page.getByRole('button', { name: 'Create meeting' }).click();
    // Creating opens the new meeting's minutes; the list is one click away.
    await page.locator('[data-testid="editor"][data-ready]').waitFor();
    await page.getByRole('button', { name: 'Minuta' }).click();

    const rows = page.getByTestId('meeting-list').locator('li');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Second Technical Consultative Meeting');
    expect(await rows.first().innerText()).toContain('30 October 2019');

    await app.reload();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Second Technical Consultative Meeting');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'home-one-meeting.png') });

    // The row is in the real database file, read with a separate connection.
    const db = new Database(app.databasePath, { readonly: true });
    try {
      const stored = db.prepare('SELECT title, starts_on FROM meetings').all();
      expect(stored).toEqual([{ title: 'Second Technical Consultative Meeting', starts_on: '2019-10-30' }]);
    } finally {
      db.close();
    }
    });
  });

  it('shows the main process validation error when the form sends a bad value', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    await page.getByLabel('Title').fill('   ');
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('field "title"');
    expect(app.services.handlers.listMeetings(undefined)).toEqual([]);
    });
  });
});
