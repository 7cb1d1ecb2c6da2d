import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

describe('importing a minutes file', () => {
  it('refuses a file that is not valid minutes, naming the problem and changing nothing; imports and opens the 2018 seed', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      await expect.poll(() => page.getByTestId('meetings-empty').isVisible()).toBe(true);
      const button = page.getByRole('button', { name: 'Import minutes file…' });

      // Cancelled in the dialog: nothing happens.
      app.importAnswer.file = undefined;
      await button.click();
      await expect.poll(() => button.isEnabled()).toBe(true);
      expect(await page.getByRole('alert').count()).toBe(0);

      // A file whose bullet text is a number, deep inside: refused, with where and why.
      const seed = readFileSync('tests/fixtures/minutes-2018.minuta.json', 'utf8');
      const bad = JSON.parse(seed) as { meeting: { body: { type: string; blocks?: { type: string; items?: { bullets?: { text: unknown }[] }[] }[] }[] } };
      const session = bad.meeting.body.flatMap((b) => b.blocks ?? []).find((b) => b.type === 'session')!;
      const withBullets = session.items!.find((i) => i.bullets && i.bullets.length > 0)!;
      withBullets.bullets![0]!.text = 42;
      const badFile = join(app.dataDir, 'broken.minuta.json');
      writeFileSync(badFile, JSON.stringify(bad));
      const dbBytes = () => statSync(app.databasePath).size;
      const before = dbBytes();
      app.importAnswer.file = badFile;
      await button.click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const message = await alert.innerText();
      expect(message).toContain('Not imported, nothing was changed');
      expect(message).toContain('broken.minuta.json');
      expect(message).toMatch(/bullets\[0\]\.text: .*expected array, received number/);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'home-import-refused.png') });
      expect(app.services.store.list()).toEqual([]);
      expect(dbBytes()).toBe(before);

      // The seed itself: imported, listed, and opened in the editor.
      const good = join(app.dataDir, 'minutes-2018.minuta.json');
      writeFileSync(good, seed);
      app.importAnswer.file = good;
      await button.click();
      await page.locator('[data-testid="editor"][data-ready]').waitFor();
      const stored = app.services.store.list();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.title).toMatch(/^Technical Consultation Meeting among the three migrant sending countries/);
      expect(await page.locator('.blk-session').count()).toBeGreaterThan(0);
    });
  });
});
