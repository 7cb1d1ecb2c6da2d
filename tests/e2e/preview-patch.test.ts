import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useBrowser, withApp, type AppUnderTest } from './harness';
import { bodyBlockIds, focusField, openMeeting, shortcut, waitSaved } from './drivers/ui';
import { layoutBodyHtml, layoutMeeting } from '../../src/shared/format';
import { loadFixture } from '../support/temp';

const browser = useBrowser();

/**
 * The live preview replaces only the elements of the blocks an edit changed (mountPreview's
 * patchChunks) and counts pages without re-laying out the body at one page's width. Whatever the
 * edits, it must show exactly what a fresh layout of the stored meeting shows: the same markup (as the
 * frame's own parser reads it) and the same page count as a frame mounted from scratch.
 */

/** The frame's body markup and page count, once the frame holds `text`. */
async function shown(page: Page, text: string): Promise<{ html: string; pages: number }> {
  const frame = page.frameLocator('.paged-preview-frame');
  await expect.poll(() => frame.locator('body').innerText(), { timeout: 20_000 }).toContain(text);
  return page.evaluate(async () => {
    // The page count is set after the layout that follows the new body.
    await new Promise((r) => requestAnimationFrame(r));
    const doc = document.querySelector<HTMLIFrameElement>('iframe[data-testid="paged-preview"]')!.contentDocument!;
    // Without the preview-only mark of the block with the cursor (revealBlock's class).
    const body = doc.body.cloneNode(true) as HTMLElement;
    for (const node of [...body.childNodes]) if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() === '') node.remove();
    for (const el of body.querySelectorAll('.minuta-focus')) {
      el.classList.remove('minuta-focus');
      if (el.classList.length === 0) el.removeAttribute('class');
    }
    return { html: body.innerHTML, pages: Number(doc.body.dataset.pages) };
  });
}

/** The stored meeting laid out afresh, read back by the frame's parser (so both sides are serialised alike). */
async function expected(app: AppUnderTest, id: string): Promise<string> {
  const html = layoutBodyHtml(await layoutMeeting(app.services.store.get(id)!.meeting, { sealed: false }));
  return app.page.evaluate((html) => {
    const doc = document.querySelector<HTMLIFrameElement>('iframe[data-testid="paged-preview"]')!.contentDocument!;
    const template = doc.createElement('template');
    template.innerHTML = html;
    // White space between the blocks' elements lays out as nothing: left out on both sides.
    for (const node of [...template.content.childNodes]) if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() === '') node.remove();
    return template.innerHTML;
  }, html);
}

describe('the live preview patched in place', () => {
  it('shows exactly a fresh layout after edits, insertions and deletions, with the page count of a fresh mount', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const meeting = app.services.store.create(loadFixture(2018), 'tester');
      await openMeeting(page, meeting.id);
      const [intro] = await bodyBlockIds(page, 'paragraph');

      // A word typed into the first paragraph: one block's element changes.
      await focusField(page, `${intro}.text`);
      await page.keyboard.press('End');
      await page.keyboard.type(' Patched once.');
      await waitSaved(page);
      let now = await shown(page, 'Patched once.');
      expect(now.html).toBe(await expected(app, meeting.id));

      // A block inserted after it (the blocks after it shift), typed into, then a long text that adds a page.
      await shortcut(page, 'Mod+Alt+P');
      await page.locator('.blk-presentation .ProseMirror:focus').waitFor();
      await page.keyboard.type('Inserted presentation heading');
      await waitSaved(page);
      now = await shown(page, 'Inserted presentation heading');
      expect(now.html).toBe(await expected(app, meeting.id));
      const pagesBefore = now.pages;
      await focusField(page, `${intro}.text`);
      await page.keyboard.press('End');
      await page.keyboard.insertText(` ${'A long addition to the paragraph that needs room. '.repeat(120)}End of addition.`);
      await waitSaved(page);
      now = await shown(page, 'End of addition.');
      expect(now.html).toBe(await expected(app, meeting.id));
      expect(now.pages).toBeGreaterThan(pagesBefore);

      // Undone (the page goes again) and the presentation removed: elements removed in the middle.
      const toolbar = page.getByRole('toolbar', { name: 'Editing commands' });
      await toolbar.getByRole('button', { name: 'Undo' }).click();
      await toolbar.getByRole('button', { name: 'Undo' }).click();
      await waitSaved(page);
      await expect.poll(() => page.frameLocator('.paged-preview-frame').locator('body').innerText(), { timeout: 20_000 }).not.toContain('Inserted presentation');
      now = await shown(page, 'Patched once.');
      expect(now.html).toBe(await expected(app, meeting.id));
      expect(now.pages).toBe(pagesBefore);

      // A frame mounted from scratch (the page reloaded) counts the same pages.
      await page.reload();
      await openMeeting(page, meeting.id);
      const fresh = await shown(page, 'Patched once.');
      expect(fresh).toEqual(now);
    });
  }, 180_000);

  it('works without the document worker: where none can start, the same work runs on the page', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      // The page's policy with workers forbidden, as a host that cannot start one would be.
      const html = readFileSync('out/renderer/index.html', 'utf8');
      expect(html).toContain('worker-src blob:');
      await page.route('**/index.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html.replace('worker-src blob:', "worker-src 'none'") }));
      await page.reload();
      const meeting = app.services.store.create(loadFixture(2019), 'tester');
      await openMeeting(page, meeting.id);
      // The first requests too (the word count, the first layout): they were asked of the worker
      // before it was refused, and are done on the page instead.
      await expect.poll(() => page.locator('.paged-preview-bar').innerText(), { timeout: 15_000 }).toMatch(/3 pages, A4/);
      await expect.poll(() => page.getByTestId('word-count').innerText(), { timeout: 10_000 }).toMatch(/^[1-9][\d,]* words$/);
      const wordsBefore = await page.getByTestId('word-count').innerText();
      const [intro] = await bodyBlockIds(page, 'paragraph');
      await focusField(page, `${intro}.text`);
      await page.keyboard.press('End');
      await page.keyboard.type(' Without a worker.');
      await waitSaved(page);
      const now = await shown(page, 'Without a worker.');
      expect(now.html).toBe(await expected(app, meeting.id));
      await expect.poll(() => page.getByTestId('word-count').innerText(), { timeout: 10_000 }).not.toBe(wordsBefore);
      // The worker was refused (the policy reported it), and that is the only problem the page had.
      expect(app.problems.length).toBeGreaterThan(0);
      expect(app.problems.every((p) => /worker-src|Worker/.test(p)), app.problems.join('\n')).toBe(true);
      app.problems.length = 0;
    });
  }, 120_000);
});
