import { describe, expect, it } from 'vitest';
import { useBrowser, withApp } from './harness';
import { bodyBlockIds, createMeeting, field, focusField, openMeeting, stored, typeInField, waitSaved, MOD } from './drivers/ui';
import { richTextToString } from '../../src/shared/minutes';

const browser = useBrowser();

describe('editor', () => {
  it('opens a real meeting, edits one block, and autosaves it within a second without any action', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    const id = createMeeting(app, 'long-2018', 'Technical Consultation Meeting', '2018-05-24');
    await openMeeting(page, id);
    const [summary] = await bodyBlockIds(page, 'paragraph');
    const started = Date.now();
    await typeInField(page, `${summary}.text`, 'The meeting was held in Phnom Penh.');
    await expect.poll(() => richTextToString((stored(app, id).body[0] as unknown as { text: { text: string }[] }).text), { interval: 50, timeout: 2000 }).toBe(
      'The meeting was held in Phnom Penh.',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    await waitSaved(page);
    });
  });

  it('keeps what was typed when the page reloads mid-typing (pending edits are sent on unload)', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    const id = createMeeting(app, 'agreed-2019', 'Second Technical Consultative Meeting', '2019-10-30');
    await openMeeting(page, id);
    const [intro] = await bodyBlockIds(page, 'paragraph');
    await typeInField(page, `${intro}.text`, 'The second technical consultative meeting');
    // No wait for "Saved": reload at once, with the last keystrokes still in the debounce window.
    await page.reload();
    await page.locator('[data-testid="editor"][data-ready]').waitFor();
    expect(await field(page, `${intro}.text`).innerText()).toBe('The second technical consultative meeting');
    expect(richTextToString((stored(app, id).body[0] as unknown as { text: { text: string }[] }).text)).toBe('The second technical consultative meeting');
    });
  });

  it('Enter in a paragraph starts the next paragraph block; bold and italic by shortcut', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    const id = createMeeting(app, 'blank', 'Blank', '2020-01-01');
    await openMeeting(page, id);
    const [p] = await bodyBlockIds(page, 'paragraph');
    await focusField(page, `${p}.text`);
    await page.keyboard.type('First ');
    await page.keyboard.press(`${MOD}+B`);
    await page.keyboard.type('bold');
    await page.keyboard.press(`${MOD}+B`);
    await page.keyboard.press('Enter');
    await page.keyboard.press(`${MOD}+I`);
    await page.keyboard.type('Second');
    await waitSaved(page);
    await expect.poll(() => stored(app, id).body.length).toBe(2);
    const body = stored(app, id).body as { text: unknown }[];
    expect(body[0]!.text).toEqual([{ text: 'First ' }, { text: 'bold', bold: true }]);
    expect(body[1]!.text).toEqual([{ text: 'Second', italic: true }]);
    });
  });
});
