import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, withApp } from './harness';
import { field, focusField, openMeeting, screenshot, shortcut, stored, waitSaved } from './drivers/ui';
import { createFromTemplate, type LeafBlock, type Meeting } from '../../src/shared/minutes';

const browser = useBrowser();

/**
 * The shapes of issue 15 that engineer C added, edited in the app: an attendance list typed row by
 * row with Tab (a row added from the palette), a note typed field by field, and an annex added, titled
 * and given a paragraph with the body's own "Add…". The stored meeting holds them as data and the
 * preview prints them (the table, "Annex I").
 */

async function palette(page: Page, label: string): Promise<void> {
  await shortcut(page, 'Mod+K');
  await page.locator('.palette input').waitFor();
  await page.keyboard.type(label);
  await page.locator('.palette li[role="option"].active', { hasText: label }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.palette').waitFor({ state: 'detached' });
}

const previewText = (page: Page) => page.frameLocator('.paged-preview-frame').locator('body').innerText();
const blockOf = <T extends LeafBlock['type']>(m: Meeting, type: T) => m.body.find((b) => b.type === type) as Extract<LeafBlock, { type: T }> | undefined;

describe('participants, notes and annexes in the editor', () => {
  it('types an attendance list by keyboard, a note field by field, and an annex with a paragraph; stores and previews them', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const meeting = createFromTemplate('blank', { title: 'Regional Consultative Meeting', startDate: '2024-03-12', city: 'Bangkok', country: 'Thailand' });
      const id = app.services.store.create(meeting, 'tester').id;
      await openMeeting(page, id);
      await focusField(page, `${meeting.body[0]!.id}.text`);
      await page.keyboard.type('The meeting was opened.');

      // The table: the cursor lands in the first group's heading; Tab walks the row.
      await palette(page, 'Add a participants table');
      await page.locator('[data-block-type="participants"] [contenteditable="true"]:focus').waitFor();
      await page.keyboard.type('Members');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Ms. Keo Sophal');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Cambodia');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Rapporteur');
      // A second row from the palette: the cursor in its name.
      await palette(page, 'Add a participant (to the last group)');
      await page.keyboard.type('Mr. Vong Latsamy');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Lao PDR');
      await waitSaved(page);
      let m = stored(app, id);
      const table = blockOf(m, 'participants')!;
      expect(table.groups.map((g) => ({ heading: g.heading.map((r) => r.text).join(''), rows: g.rows.map(({ id: _id, ...r }) => r) }))).toEqual([
        { heading: 'Members', rows: [{ name: 'Ms. Keo Sophal', affiliation: 'Cambodia', functionLabel: 'Rapporteur' }, { name: 'Mr. Vong Latsamy', affiliation: 'Lao PDR' }] },
      ]);

      // The note: reference, place, then on to the addressee.
      await palette(page, 'Add a note or letter');
      await page.locator('[data-block-type="letter"] input:focus').waitFor();
      await page.keyboard.type('No. 0815/2024');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Bangkok');
      const noteId = await page.locator('[data-block-type="letter"]').getAttribute('data-block-id');
      await focusField(page, `${noteId}.salutation`);
      await page.keyboard.type('Excellency,');
      await page.keyboard.press('Tab');
      await page.keyboard.type('I have the honour to refer to the meeting.');
      await waitSaved(page);
      m = stored(app, id);
      const note = blockOf(m, 'letter')!;
      expect({ kind: note.kind, reference: note.reference, place: note.place, salutation: note.salutation, text: note.paragraphs.map((p) => p.text) }).toEqual({
        kind: 'note',
        reference: 'No. 0815/2024',
        place: 'Bangkok',
        salutation: [{ text: 'Excellency,' }],
        text: [[{ text: 'I have the honour to refer to the meeting.' }]],
      });

      // An annex: added, titled, a paragraph through its own "Add…".
      await page.locator('.add-annex').click();
      await page.locator('.annex [contenteditable="true"]:focus').waitFor();
      await page.keyboard.type('Agreed conclusions');
      await page.locator('.annex .add-block').selectOption('paragraph');
      await page.locator('.annex [data-block-type="paragraph"] [contenteditable="true"]:focus').waitFor();
      await page.keyboard.type('Member States agreed to meet again.');
      await waitSaved(page);
      m = stored(app, id);
      expect(m.annexes?.map((a) => ({ title: a.title, blocks: a.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type)) }))).toEqual([
        { title: [{ text: 'Agreed conclusions' }], blocks: [[{ text: 'Member States agreed to meet again.' }]] },
      ]);
      // Nothing of the body moved into the annex, nor the other way.
      expect(m.body.map((b) => b.type)).toEqual(['paragraph', 'participants', 'letter']);

      await expect.poll(() => previewText(page), { timeout: 10_000 }).toContain('Annex I');
      // The annex starts a page of its own in the preview too.
      await page.getByText('2 pages, A4', { exact: true }).waitFor({ timeout: 10_000 });
      const text = await previewText(page);
      expect(text).toMatch(/Ms\. Keo Sophal \(Rapporteur\)\s+Cambodia/);
      expect(text).toContain('No. 0815/2024');
      expect(text).toContain('Member States agreed to meet again.');
      // The word count reads the new shapes and the annex (meetingPlainText).
      await expect.poll(async () => parseInt(await page.locator('[data-testid="word-count"]').innerText(), 10), { timeout: 10_000 }).toBeGreaterThan(30);
      await page.locator('.annex').scrollIntoViewIfNeeded();
      await screenshot(page, 'editor-annex.png');

      // A second annex, moved before the first: the labels follow the order.
      await page.locator('.add-annex').click();
      await page.locator('.annex [contenteditable="true"]:focus').waitFor();
      await page.keyboard.type('List of documents');
      await page.getByRole('button', { name: 'Move Annex II up' }).click();
      await waitSaved(page);
      expect(stored(app, id).annexes?.map((a) => a.title.map((r) => r.text).join(''))).toEqual(['List of documents', 'Agreed conclusions']);
      expect(await page.locator('.annex-label').allInnerTexts()).toEqual(['Annex I', 'Annex II']);

      // Removing the annexes leaves a meeting without annexes (not an empty list).
      await page.getByRole('button', { name: 'Remove Annex II' }).click();
      await page.getByRole('button', { name: 'Remove Annex I' }).click();
      await waitSaved(page);
      expect('annexes' in stored(app, id)).toBe(false);
      expect(await field(page, `${noteId}.reference`).inputValue()).toBe('No. 0815/2024');
    });
  });
});
