import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, openSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ARTIFACTS_DIR, startAny, useBrowser, withApp } from './harness';
import { openDatabase } from '../../src/main/store/db';
import { createServices } from '../../src/main/services';
import { loadFixture } from '../support/temp';
import { mountTmpfs } from '../support/tmpfs';

/**
 * A database that cannot be opened still gives a window: the startup error screen names the file,
 * says what happened and what to do. A read-only database opens with a banner, and refuses changes.
 */
const browser = useBrowser();
const dir = mkdtempSync(join(tmpdir(), 'minuta-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectStartupScreen(databasePath: string, shot: string, what: RegExp) {
  const app = await startAny(browser(), { databasePath });
  try {
    expect(app.startup.ok).toBe(false);
    const panel = app.page.locator('.startup-panel');
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).toContain('Minuta cannot open its database');
    expect(text).toContain(databasePath);
    expect(text).toMatch(what);
    expect(text).toContain('--db FILE');
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await app.page.screenshot({ path: join(ARTIFACTS_DIR, shot) });
    expect(app.problems).toEqual([]);
    return text;
  } finally {
    await app.close();
  }
}

describe('startup errors', () => {
  it('a database written by a newer Minuta shows the startup screen: update Minuta', async () => {
    const file = join(dir, 'newer.sqlite');
    const db = openDatabase(file);
    db.pragma('user_version = 99');
    db.close();
    const text = await expectStartupScreen(file, 'startup-newer-version.png', /newer version of Minuta/);
    expect(text).toMatch(/Update Minuta/);
  });

  it('a garbage file shows the startup screen: not a Minuta database', async () => {
    const file = join(dir, 'garbage.sqlite');
    writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
    await expectStartupScreen(file, 'startup-garbage.png', /not a Minuta database/);
  });

  it('a damaged database shows the startup screen: restore the backup', async () => {
    const file = join(dir, 'damaged.sqlite');
    const services = createServices({ databasePath: file, version: 'test' });
    services.store.create(loadFixture(2019), 'tester');
    services.close();
    // Overwrite the schema page's content (after the 100-byte header): SQLite reads a malformed schema.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(2000, 0x5a), 0, 2000, 100);
    closeSync(fd);
    const text = await expectStartupScreen(file, 'startup-damaged.png', /damaged/);
    expect(text).toMatch(/minuta backup/);
  });
});

describe('a read-only database', () => {
  it('opens with a banner, and refuses a new meeting with read-only', async () => {
    const fs = mountTmpfs('8m');
    try {
      const file = join(fs.dir, 'minuta.sqlite');
      const services = createServices({ databasePath: file, version: 'test' });
      services.store.create(loadFixture(2019), 'tester');
      services.close();
      fs.remountReadOnly();
      await withApp(
        browser(),
        async (app) => {
          const { page } = app;
          const banner = page.locator('.read-only-banner');
          await banner.waitFor();
          expect(await banner.innerText()).toBe('This database is read-only: the file is on read-only media. Changes cannot be saved.');
          // The meetings are there to read.
          await expect.poll(() => page.getByTestId('meeting-list').locator('li').count()).toBe(1);
          await page.getByLabel('Title').fill('A meeting that cannot be saved');
          await page.getByRole('button', { name: 'Create meeting' }).click();
          await expect.poll(() => page.locator('form .error').textContent()).toContain('This database is read-only');
          mkdirSync(ARTIFACTS_DIR, { recursive: true });
          await page.screenshot({ path: join(ARTIFACTS_DIR, 'read-only-banner.png') });
          const info = await app.services.dispatch('appInfo', undefined);
          expect(info).toMatchObject({ ok: true, value: { readOnly: true, readOnlyReason: 'the file is on read-only media' } });
          const saved = await app.services.dispatch('saveMeeting', { id: loadFixture(2019).id, base: 0, changes: {} });
          expect(saved).toMatchObject({ ok: false, error: { code: 'read-only' } });
        },
        { databasePath: file },
      );
    } finally {
      fs.unmount();
    }
  });
});
