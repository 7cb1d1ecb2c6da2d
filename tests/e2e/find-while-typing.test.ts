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
      // Finding scrolls the editor to the first match once; on a loaded machine that can land after the
      // count shows, so wait for the editor to come to rest before the cursor moves elsewhere.
      const scrollTop = () => page.getByTestId('editor').evaluate((el) => el.scrollTop);
      let previous = -1;
      const atRest = async () => {
        const now = await scrollTop();
        const still = now === previous;
        previous = now;
        return still;
      };
      await expect.poll(atRest, { interval: 300 }).toBe(true);

      // A field at the end of the document takes the cursor; typing there adds a match.
      const field = page.locator('[data-testid="editor"] .blk [role="textbox"]').last();
      await field.click();
      await page.keyboard.press('End');
      const onScreen = () =>
        field.evaluate((el) => {
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
