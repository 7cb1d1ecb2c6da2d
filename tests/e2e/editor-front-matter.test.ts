import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { layoutMeeting } from '../../src/shared/format';
import { useBrowser, withApp } from './harness';
import { bodyBlockIds, createMeeting, field, focusField, openMeeting, screenshot, shortcut, stored, waitSaved } from './drivers/ui';

const browser = useBrowser();

const focused = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null);

/** Runs a palette command by typing part of its label. */
async function command(page: Page, typed: string): Promise<void> {
  await shortcut(page, 'Mod+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.waitFor();
  await page.keyboard.type(typed);
  await expect.poll(() => palette.getByRole('option').count()).toBe(1);
  await page.keyboard.press('Enter');
  await expect.poll(() => palette.count()).toBe(0);
}

describe('front matter and the agenda in the editor', () => {
  it('are typed by keyboard beside the title (Tab walks the fields, the palette adds items and documents), and print', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = createMeeting(app, 'agreed-2019', 'Summary record', '2024-03-12');
      await openMeeting(page, id);

      // From the venue's country, Tab reaches the front matter: issuing body, symbol, distribution, date of issue, original language.
      await field(page, 'meeting.country').focus();
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page)).toBe('meeting.frontMatter.issuingBody');
      await page.keyboard.type('Economic and Social Council');
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page)).toBe('meeting.frontMatter.symbol');
      await page.keyboard.type('E/CN.6/2024/SR.3');
      await page.keyboard.press('Tab');
      await page.keyboard.type('General');
      for (const key of ['Tab', 'Tab']) await page.keyboard.press(key);
      await expect.poll(() => focused(page)).toBe('meeting.frontMatter.originalLanguage');
      await page.keyboard.type('English');
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page)).toBe('meeting.frontMatter.meetingTime');
      await page.keyboard.type('10 a.m.');
      await page.keyboard.press('Tab');
      await page.keyboard.type('CONFIDENTIAL');

      // The palette adds an agenda item (the cursor goes to its title) and a document to it.
      await command(page, 'Add an agenda item');
      await expect.poll(() => focused(page)).toMatch(/^meeting\.agenda\.ag_\w+\.title$/);
      const item = (await focused(page))!.split('.')[2]!;
      await page.keyboard.type('Adoption of the agenda');
      await command(page, 'Add a document to this');
      await expect.poll(() => focused(page)).toBe(`meeting.agenda.${item}.documents.0`);
      await page.keyboard.type('E/CN.6/2024/1');

      // A heading block that prints the agenda item: its text left empty shows the item's heading as placeholder.
      const [intro] = await bodyBlockIds(page, 'paragraph');
      await focusField(page, `${intro}.text`);
      await command(page, 'Add a heading');
      const [heading] = await bodyBlockIds(page, 'heading');
      await page.locator(`[data-field="${heading}.agendaItem"]`).selectOption(item);
      await expect
        .poll(() => field(page, `${heading}.text`).locator('[data-placeholder]').first().getAttribute('data-placeholder'))
        .toBe('Agenda item 1: Adoption of the agenda');
      await command(page, 'Add the agenda');
      await waitSaved(page);
      await screenshot(page, 'front-matter-agenda.png');

      const meeting = stored(app, id);
      expect(meeting.frontMatter).toEqual({
        symbol: 'E/CN.6/2024/SR.3',
        issuingBody: [{ text: 'Economic and Social Council' }],
        distribution: 'General',
        originalLanguage: 'English',
        classification: 'CONFIDENTIAL',
        meetingTime: '10 a.m.',
      });
      expect(meeting.agenda).toEqual([{ id: item, number: '1', title: [{ text: 'Adoption of the agenda' }], documents: ['E/CN.6/2024/1'] }]);
      const doc = await layoutMeeting(meeting);
      const text = doc.blocks.flatMap((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? [`${b.kind === 'paragraph' && b.number !== undefined ? `${b.number} ` : ''}${b.runs.map((r) => r.text).join('')}`] : []));
      expect(text).toEqual(expect.arrayContaining(['Agenda item 1: Adoption of the agenda', 'Agenda', '1. Adoption of the agenda', ' Documents: E/CN.6/2024/1']));
      expect(doc.furniture.marking).toBe('CONFIDENTIAL');

      // Removing the item (palette, cursor in it) unlinks the heading: no dangling reference is saved.
      await field(page, `meeting.agenda.${item}.number`).focus();
      await command(page, 'Remove this agenda item');
      await waitSaved(page);
      const after = stored(app, id);
      expect(after.agenda).toEqual([]);
      expect(after.body.find((b) => b.id === heading)).not.toHaveProperty('agendaItemId');
    });
  });
});
