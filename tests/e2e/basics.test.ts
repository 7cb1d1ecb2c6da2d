import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, withApp, type AppUnderTest } from './harness';
import { openMeeting, screenshot, shortcut, stored, waitSaved } from './drivers/ui';
import { findInMeeting } from '../../src/shared/find/find';
import { countWords } from '../../src/shared/find/wordCount';
import { contextMenuItems, type ContextMenuParams } from '../../src/main/spellcheck/contextMenu';
import { loadFixture } from '../support/temp';

/** The basics a Word user reaches for: find/replace, counts, zoom, search hits, trash, settings. */
const browser = useBrowser();
const plain = { matchCase: false, wholeWord: false };

function import2018(app: AppUnderTest): string {
  return app.services.store.create(loadFixture(2018), 'test').id;
}

/** Highlights painted by find, in the page and in the preview's frame. */
async function highlightSizes(app: AppUnderTest) {
  return app.page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-testid="paged-preview"]');
    const size = (w: Window | null | undefined, name: string) => (w as (Window & { CSS: typeof CSS }) | null | undefined)?.CSS.highlights.get(name)?.size ?? 0;
    return {
      editor: size(window, 'minuta-find') + size(window, 'minuta-find-current'),
      preview: size(frame?.contentWindow, 'minuta-find') + size(frame?.contentWindow, 'minuta-find-current'),
    };
  });
}

describe('find and replace', () => {
  it('finds across the meeting with highlights in editor and preview, and replaces all as one undoable step', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = import2018(app);
      await openMeeting(page, id);
      await page.getByTestId('page-count').filter({ hasText: /\d+ pages?/ }).waitFor();
      const expected = findInMeeting(stored(app, id), 'pink card', plain).length;
      expect(expected).toBeGreaterThan(0);

      await page.locator('.blk-paragraph [data-field]').first().click();
      await shortcut(page, 'Mod+F');
      await page.getByLabel('Find', { exact: true }).fill('pink card');
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe(`1 of ${expected}`);
      await expect.poll(async () => (await highlightSizes(app)).editor).toBeGreaterThan(0);
      await expect.poll(async () => (await highlightSizes(app)).preview).toBeGreaterThan(0);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe(`${Math.min(2, expected)} of ${expected}`);

      // Match case: "Pink Card" in capitals is not "pink card".
      await page.getByLabel('Find', { exact: true }).fill('PINK CARD');
      await page.getByLabel('Match case').check();
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('No matches');
      await page.getByLabel('Match case').uncheck();
      await page.getByLabel('Find', { exact: true }).fill('pink card');

      await shortcut(page, 'Mod+H');
      await page.getByLabel('Replace with').fill('blue pass');
      await screenshot(page, 'find-replace.png');
      await page.getByRole('button', { name: 'Replace all' }).click();
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('No matches');
      await waitSaved(page);
      expect(findInMeeting(stored(app, id), 'pink card', plain)).toEqual([]);
      expect(findInMeeting(stored(app, id), 'blue pass', plain)).toHaveLength(expected);

      // One undo step brings every one of them back, and it is saved.
      await page.keyboard.press('Escape');
      await shortcut(page, 'Mod+Z');
      await waitSaved(page);
      await expect.poll(() => findInMeeting(stored(app, id), 'pink card', plain).length).toBe(expected);
      expect(findInMeeting(stored(app, id), 'blue pass', plain)).toEqual([]);

      // Khmer has no spaces between words: whole word follows Chromium's own word segmentation.
      await page.locator('.blk-paragraph [data-field]').first().click();
      await page.keyboard.press('End');
      await page.keyboard.insertText(' កិច្ចប្រជុំគណៈកម្មាធិការ');
      await waitSaved(page);
      await shortcut(page, 'Mod+F');
      await page.getByLabel('Whole word').check();
      await page.getByLabel('Find', { exact: true }).fill('កិច្ចប្រជុំ');
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('1 of 1');
      // Part of a Khmer word ("គណៈកម្ម" of "គណៈកម្មាធិការ", committee) is text, not a whole word.
      await page.getByLabel('Find', { exact: true }).fill('គណៈកម្ម');
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('No matches');
      await page.getByLabel('Whole word').uncheck();
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('1 of 1');
      await expect.poll(async () => (await highlightSizes(app)).editor).toBe(1);

      // Replace one: only the current match changes.
      await shortcut(page, 'Mod+H');
      await page.getByLabel('Find', { exact: true }).fill('pink card');
      await page.getByLabel('Replace with').fill('blue pass');
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe(`1 of ${expected}`);
      await page.getByRole('button', { name: 'Replace', exact: true }).click();
      await waitSaved(page);
      await expect.poll(() => findInMeeting(stored(app, id), 'blue pass', plain).length).toBe(1);
      expect(findInMeeting(stored(app, id), 'pink card', plain)).toHaveLength(expected - 1);
      await expect.poll(() => page.getByTestId('find-count').innerText()).toBe(expected > 1 ? `1 of ${expected - 1}` : 'No matches');
      expect(app.problems).toEqual([]);
    });
  }, 120_000);
});

describe('status bar and preview zoom', () => {
  it('shows the words of the meeting and the pages of the preview; zooms by buttons and keys', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = import2018(app);
      await openMeeting(page, id);
      // The same function counts in Node here; ICU's word dictionaries differ a little between Node's
      // and Chromium's builds (a few words in 4,600 of the 2018 meeting), so the two agree to 0.5 %.
      const words = countWords(stored(app, id));
      await page.getByTestId('word-count').filter({ hasText: /\d words/ }).waitFor();
      const shown = Number((await page.getByTestId('word-count').innerText()).replace(/\D/g, ''));
      expect(Math.abs(shown - words) / words).toBeLessThan(0.005);
      await page.getByTestId('page-count').filter({ hasText: /\d+ pages?/ }).waitFor();
      const previewBar = await page.locator('.paged-preview-bar').innerText();
      const pages = /(\d+) pages?/.exec(await page.getByTestId('page-count').innerText())![1];
      expect(previewBar).toContain(`${pages} page`);
      await screenshot(page, 'status-bar.png');

      const zoom = async () => Number(/(\d+) %/.exec(await page.getByTestId('zoom-level').innerText())![1]);
      const fitWidth = await zoom();
      await page.getByRole('button', { name: 'Fit page' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Fit page' }).getAttribute('aria-pressed')).toBe('true');
      // A whole A4 page (297 mm = 1,123 px at 100 %) fits the preview's frame.
      const fitPage = await zoom();
      expect(fitPage).toBeLessThanOrEqual(fitWidth);
      const frameHeight = await page.getByTestId('paged-preview').evaluate((f) => f.clientHeight);
      expect((1123 * fitPage) / 100).toBeLessThanOrEqual(frameHeight);
      await page.locator('.blk-paragraph [data-field]').first().click();
      await shortcut(page, 'Mod+]');
      await expect.poll(zoom).toBeGreaterThan(0);
      const before = await zoom();
      await shortcut(page, 'Mod+]');
      await expect.poll(zoom).toBeGreaterThan(before);
      for (let i = 0; i < 12; i++) await shortcut(page, 'Mod+]');
      await expect.poll(zoom).toBe(200);
      for (let i = 0; i < 14; i++) await shortcut(page, 'Mod+[');
      await expect.poll(zoom).toBe(50);
      await shortcut(page, 'Mod+0');
      await expect.poll(zoom).toBe(fitWidth);
      expect(app.problems).toEqual([]);
    });
  }, 120_000);
});

describe('a search hit on the home screen', () => {
  it('opens the meeting at the matching block, marked', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = import2018(app);
      const [hit] = app.services.store.search('pink card');
      expect(hit?.id).toBe(id);
      await page.reload();
      await page.getByLabel('Search the minutes').fill('pink card');
      await page.getByTestId('search-results').getByRole('button').first().click();
      const target = page.locator('.search-target');
      await target.waitFor();
      expect(await target.getAttribute('data-block-id')).toBe(hit!.blockId);
      expect(await target.evaluate((el) => el.textContent)).toMatch(/pink card/i);
      const box = await target.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(800);
      await screenshot(page, 'search-hit-opened.png');
      expect(app.problems).toEqual([]);
    });
  }, 120_000);
});

describe('trash and archive', () => {
  it('moves a meeting to the trash and back, archives one, and empties the trash only after asking', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id2018 = import2018(app);
      const id2019 = app.services.store.create(loadFixture(2019), 'test').id;
      await page.reload();
      const rows = page.getByTestId('meeting-list').locator('li');
      await expect.poll(() => rows.count()).toBe(2);

      await page.locator(`[data-meeting-id="${id2018}"]`).getByRole('button', { name: 'Move to trash' }).click();
      await expect.poll(() => rows.count()).toBe(1);
      await page.locator(`[data-meeting-id="${id2019}"]`).getByRole('button', { name: 'Archive' }).click();
      await expect.poll(() => rows.count()).toBe(0);
      await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Archive', exact: true }).click();
      await expect.poll(() => page.getByTestId('meeting-list').locator('li').count()).toBe(1);
      await page.getByRole('button', { name: 'Trash', exact: true }).click();
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().innerText()).toMatch(/Deleted .* by test|Deleted/);
      await page.getByRole('button', { name: 'Empty trash…' }).click();
      await screenshot(page, 'trash.png');
      // Cancel keeps everything.
      await page.getByRole('button', { name: 'Cancel' }).click();
      expect(app.services.store.get(id2018)).toBeDefined();
      await page.getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => rows.count()).toBe(0);
      expect(app.services.store.list().map((m) => m.id)).toEqual([id2018]);

      await page.getByRole('button', { name: 'Meetings', exact: true }).click();
      await page.locator(`[data-meeting-id="${id2018}"]`).getByRole('button', { name: 'Move to trash' }).click();
      await page.getByRole('button', { name: 'Trash', exact: true }).click();
      await page.getByRole('button', { name: 'Empty trash…' }).click();
      await page.getByRole('button', { name: 'Delete for good' }).click();
      await expect.poll(() => page.getByTestId('meetings-empty').innerText()).toBe('The trash is empty.');
      expect(app.services.store.get(id2018)).toBeUndefined();
      expect(app.services.store.list('archived').map((m) => m.id)).toEqual([id2019]);
      expect(app.problems).toEqual([]);
    });
  }, 120_000);
});

describe('settings', () => {
  it('keeps who I am in settings.json and signs the revisions saved after with that name', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = import2018(app);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Ana Souza');
      await page.getByLabel('Organisation').fill('MRC Secretariat');
      await page.getByLabel('Initials').fill('AS');
      await page.getByLabel(/English \(United States\)/).uncheck();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await page.getByRole('heading', { name: 'Settings' }).scrollIntoViewIfNeeded();
      await page.getByRole('heading', { name: 'Settings' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'settings.png');
      const { loadSettings } = await import('../../src/main/settings/settingsFile');
      expect(loadSettings(join(app.dataDir, 'settings.json')).settings).toEqual({
        name: 'Ana Souza',
        organisation: 'MRC Secretariat',
        initials: 'AS',
        spellcheckLanguages: ['en-GB'],
        trustAnchors: '',
        formatTemplates: [],
      });
      await openMeeting(page, id);
      await page.locator('.blk-paragraph [data-field]').first().click();
      await page.keyboard.type(' Noted.');
      await waitSaved(page);
      expect(app.services.store.revisions(id).at(-1)!.author).toBe('Ana Souza');
      expect(app.problems).toEqual([]);
    });
  }, 120_000);

  it('a corrupt settings file still opens the app, with defaults and a notice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'minuta-e2e-settings-'));
    try {
      writeFileSync(join(dataDir, 'settings.json'), '{"name": "Ana", ');
      await withApp(browser(), async (app) => {
        await app.page.getByRole('button', { name: 'Settings' }).click();
        await app.page.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
        expect(await app.page.getByLabel('Name', { exact: true }).inputValue()).toBe('');
      }, { dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('spell-check menu', () => {
  it('is drawn from the items built for a real-shaped context-menu event (Electron is absent here)', async () => {
    const params = {
      isEditable: true,
      selectionText: '',
      misspelledWord: 'recomendation',
      dictionarySuggestions: ['recommendation', 'recommendations', 'commendation'],
      editFlags: { canUndo: true, canRedo: false, canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
    } satisfies ContextMenuParams;
    const items = contextMenuItems(params);
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    try {
      const html = items
        .map((i) => (i.kind === 'separator' ? '<hr>' : `<div class="item ${i.kind === 'info' || (i.kind === 'role' && !i.enabled) ? 'off' : ''}">${i.label}</div>`))
        .join('');
      await page.setContent(`<!doctype html><style>
        body { font: 14px system-ui, sans-serif; background: #f3f5f8; }
        p { margin: 40px 60px 0; font-size: 16px; } u { text-decoration: wavy underline red; }
        .menu { position: absolute; left: 230px; top: 70px; width: 260px; background: #fff; border: 1px solid #c8ccd4; border-radius: 6px; box-shadow: 0 6px 18px rgba(0,0,0,.18); padding: 4px 0; }
        .item { padding: 6px 16px; } .item:first-child { background: #1f4e8c; color: #fff; } .off { color: #999; } hr { border: 0; border-top: 1px solid #e3e6ea; margin: 4px 0; }
        </style><p>The meeting agreed on one <u>recomendation</u> for the Parties.</p><div class="menu">${html}</div>`);
      mkdirSync('test-results/e2e', { recursive: true });
      await page.screenshot({ path: 'test-results/e2e/spellcheck-menu.png' });
      expect(await page.locator('.item').allInnerTexts()).toEqual(items.flatMap((i) => (i.kind === 'separator' ? [] : [i.label])));
    } finally {
      await page.close();
    }
  }, 60_000);
});
