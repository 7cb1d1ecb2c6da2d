import { describe, expect, it } from 'vitest';
import { useBrowser, withApp } from './harness';
import { openMeeting, shortcut, waitSaved } from './drivers/ui';
import { loadFixture } from '../support/temp';

const browser = useBrowser();

/**
 * Typing with the find bar open: the highlights follow the text, but the editor stays where the
 * cursor is. (It used to scroll to the current match after every pause, pulling the text being
 * typed out of view.)
 */
describe('find bar open while typing', () => {
  it('keeps the field being typed in on screen, and the highlights follow the edit', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = app.services.store.create(loadFixture(2018), 'test').id;
      await openMeeting(page, id);
      await page.getByTestId('page-count').filter({ hasText: /\d+ pages?/ }).waitFor();
      // The first match is near the top: "pink card" in the opening paragraphs.
      await shortcut(page, 'Mod+F');
      await page.getByLabel('Find', { exact: true }).fill('pink card');
      await expect.poll(() => page.getByTestId('find-count').innerText()).toMatch(/^1 of \d+$/);

      // A field at the end of the document takes the cursor; typing there adds a match.
      const last = page.locator('[data-testid="editor"] .blk [role="textbox"]').last();
      await last.click();
      await page.keyboard.press('End');
      const onScreen = () =>
        last.evaluate((el) => {
          const scroller = document.querySelector<HTMLElement>('[data-testid="editor"]')!.getBoundingClientRect();
          const r = el.getBoundingClientRect();
          return r.bottom > scroller.top && r.top < scroller.bottom;
        });
      expect(await onScreen()).toBe(true);
      const highlighted = () => page.evaluate(() => (window as Window & { CSS: typeof CSS }).CSS.highlights.get('minuta-find')?.size ?? 0);
      const before = await highlighted();
      await page.keyboard.type(' Shown on a pink card.');
      await waitSaved(page);
      // The pause's highlight walk has run (the new match is highlighted) and the field is still in view.
      await expect.poll(highlighted, { timeout: 10_000 }).toBe(before + 1);
      await page.waitForTimeout(500);
      expect(await onScreen()).toBe(true);
    });
  });
});
