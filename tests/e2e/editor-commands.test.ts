import { describe, expect, it } from 'vitest';
import { useBrowser, withApp } from './harness';
import { bodyBlockIds, createMeeting, focusField, openMeeting, shortcut, stored, waitSaved } from './drivers/ui';

const browser = useBrowser();

describe('command registry', () => {
  it('feeds the palette (Ctrl+K), the toolbar and the shortcuts from one list', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    const id = createMeeting(app, 'agreed-2019', 'Commands', '2019-10-30');
    await openMeeting(page, id);
    const [intro] = await bodyBlockIds(page, 'paragraph');
    await focusField(page, `${intro}.text`);
    await page.keyboard.type('Introduction');

    await shortcut(page, 'Mod+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    const options = palette.getByRole('option');
    expect(await options.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Add a presentation.*Ctrl\+Alt\+P/)]));
    await page.keyboard.type('presentation');
    expect(await options.count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.locator('.blk-presentation .ProseMirror:focus').waitFor();
    // Inserted right after the paragraph that had the cursor.
    const types = await page.locator('.editor-page > .blk-children > .blk').evaluateAll((els) => els.map((e) => e.getAttribute('data-block-type')));
    expect(types.slice(0, 2)).toEqual(['paragraph', 'presentation']);

    // The toolbar runs the same commands and shows their state: undo is enabled, redo is not.
    const toolbar = page.getByRole('toolbar', { name: 'Editing commands' });
    expect(await toolbar.getByRole('button', { name: 'Redo' }).isDisabled()).toBe(true);
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.blk-presentation').count()).toBe(0);
    expect(await toolbar.getByRole('button', { name: 'Redo' }).isEnabled()).toBe(true);

    // Escape closes the palette without running anything, and the cursor is back in the text at
    // once: the next keys typed go on with the paragraph.
    await focusField(page, `${intro}.text`);
    await page.keyboard.press('End');
    await shortcut(page, 'Mod+K');
    await palette.waitFor();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe(`${intro}.text`);
    await page.keyboard.type(' continued');
    await expect.poll(() => palette.count()).toBe(0);
    await expect.poll(() => page.locator(`[data-field="${intro}.text"]`).innerText()).toBe('Introduction continued');
    // Blocks are added, moved and deleted by keyboard too; the cursor stays in the moved block.
    await focusField(page, `${intro}.text`);
    await shortcut(page, 'Mod+Alt+P');
    await page.locator('.blk-presentation .ProseMirror:focus').waitFor();
    const firstTwo = () =>
      page.locator('.editor-page > .blk-children > .blk').evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-block-type')));
    // The block's buttons name the same shortcuts (title and aria-keyshortcuts), from the registry.
    const up = page.locator('.blk-presentation .blk-actions button[aria-label="Move up"]');
    expect(await up.getAttribute('aria-keyshortcuts')).toBe('Control+Alt+ArrowUp');
    expect(await up.getAttribute('title')).toBe('Move up (Ctrl+Alt+↑)');
    await shortcut(page, 'Mod+Alt+ArrowUp');
    await expect.poll(firstTwo).toEqual(['presentation', 'paragraph']);
    await page.locator('.blk-presentation .ProseMirror:focus').waitFor();
    await shortcut(page, 'Mod+Alt+ArrowDown');
    await expect.poll(firstTwo).toEqual(['paragraph', 'presentation']);
    await shortcut(page, 'Mod+Alt+Backspace');
    await expect.poll(() => page.locator('.blk-presentation').count()).toBe(0);

    await waitSaved(page);
    expect(stored(app, id).body.some((b) => b.type === 'presentation')).toBe(false);

    // The native menu (built by the main process from the same list) runs commands by id.
    const listed = await page.evaluate(() => window.minutaCommands!());
    expect(listed).toEqual(
      expect.arrayContaining([
        { id: 'file.exportPdf', label: 'Export PDF for signature…', group: 'File', shortcut: 'Mod-Shift-E' },
        { id: 'insert.routing', label: 'Add a routing chain', group: 'Insert' },
      ]),
    );
    expect(await page.evaluate(() => window.minutaRunCommand!('go.register'))).toBe(true);
    await page.locator('[data-testid="register"]').waitFor();
    expect(await page.evaluate(() => window.minutaRunCommand!('no.such.command'))).toBe(false);
    // Deleting needs a block with the cursor: nothing is focused on the register screen.
    expect(await page.evaluate(() => window.minutaRunCommand!('block.delete'))).toBe(false);
    });
  });
});
