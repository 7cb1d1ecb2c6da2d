import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, withApp } from './harness';
import { focusField, openMeeting, screenshot, shortcut, waitSaved } from './drivers/ui';
import { loadFixture } from '../support/temp';

const browser = useBrowser();
const INTRO = 'b_19001';
const QUOTE = 'Siem Reap';

describe('comments in the editor', () => {
  it('adds a thread on selected text, replies, resolves it, comments on a block, and exports a review copy', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const meeting = loadFixture(2019);
      app.services.store.create(meeting, 'Ana Lopes');
      app.services.store.nameVersion(meeting.id, 'Draft 1', 'Ana Lopes');
      await openMeeting(page, meeting.id);
      const pane = page.getByRole('complementary', { name: 'Comments' });
      await pane.waitFor();

      // Select "Siem Reap" in the introduction (a DOM selection, as a mouse drag makes), then Ctrl+Alt+M.
      await focusField(page, `${INTRO}.text`);
      await page.locator(`.ProseMirror[data-field="${INTRO}.text"]`).evaluate((el, quote) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.textContent!.indexOf(quote);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + quote.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return;
        }
        throw new Error('quote not found');
      }, QUOTE);
      await expect.poll(() => page.evaluate(() => getSelection()!.toString())).toBe(QUOTE);
      await shortcut(page, 'Mod+Alt+M');
      const composer = pane.getByRole('textbox', { name: 'New comment' });
      await composer.waitFor();
      expect(await pane.locator('.comment-composer q').innerText()).toBe(QUOTE);
      await composer.fill('Siem Reap city or province?');
      await pane.getByRole('button', { name: 'Comment', exact: true }).click();
      const thread = pane.locator('.comment-thread').first();
      await expect.poll(() => thread.locator('.comment-text').allInnerTexts()).toEqual(['Siem Reap city or province?']);
      // The commented text is marked in the field.
      await expect.poll(() => page.locator(`[data-field="${INTRO}.text"] .comment-mark`).allInnerTexts()).toEqual([QUOTE]);

      // A reply, then resolve: the thread moves to the collapsed "Resolved" list.
      await thread.getByRole('textbox', { name: 'Reply' }).fill('The city: the venue was the Sokha hotel.');
      await thread.getByRole('button', { name: 'Reply' }).click();
      await expect.poll(() => thread.locator('.comment-text').count()).toBe(2);
      await thread.getByRole('button', { name: 'Resolve' }).click();
      const resolved = pane.locator('details.comments-resolved');
      await resolved.waitFor();
      expect(await resolved.locator('summary').innerText()).toBe('Resolved (1)');
      await expect.poll(() => page.locator('.comment-mark').count()).toBe(0);

      // A comment on a block: the cursor in the objectives list, no selection.
      await focusField(page, 'b_19002.items');
      await shortcut(page, 'Mod+Alt+M');
      expect(await pane.locator('.comment-composer .comment-anchor').innerText()).toBe('On this block');
      await composer.fill('Objective (2) repeats (1).');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.locator('[data-block-id="b_19002"] .blk-comment-marker').count()).toBe(1);
      await resolved.locator('summary').click();
      await waitSaved(page);
      await screenshot(page, 'comments-pane.png');

      const stored = app.services.store.comments.list(meeting.id);
      expect(stored.map((t) => [t.anchor, t.comments.map((c) => c.text), t.resolution?.resolved ?? false])).toEqual([
        [
          { blockId: INTRO, range: expect.objectContaining({ path: 'text', quote: QUOTE }) },
          ['Siem Reap city or province?', 'The city: the venue was the Sokha hotel.'],
          true,
        ],
        [{ blockId: 'b_19002' }, ['Objective (2) repeats (1).'], false],
      ]);
      const range = stored[0]!.anchor.range!;
      const introText = meeting.body[0]!.type === 'paragraph' ? meeting.body[0]!.text.map((r) => r.text).join('') : '';
      expect(introText.slice(range.start, range.end)).toBe(QUOTE);

      // The review copy from the pane, through the export service's save dialog.
      await pane.getByRole('button', { name: 'Export review copy…' }).click();
      await pane.locator('.review-copy-done').waitFor();
      expect(existsSync(join(app.exportsDir, `${(await pane.locator('.review-copy-done').innerText()).split('/').at(-1)}`))).toBe(true);
      expect(app.problems).toEqual([]);
    });
  }, 120_000);
});
