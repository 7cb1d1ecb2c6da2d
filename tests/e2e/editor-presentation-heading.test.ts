import { describe, expect, it } from 'vitest';
import { layoutMeeting } from '../../src/shared/format';
import { useBrowser, withApp } from './harness';
import { bodyBlockIds, createMeeting, field, focusField, openMeeting, screenshot, shortcut, stored, waitSaved } from './drivers/ui';

const browser = useBrowser();

describe('a presentation heading', () => {
  it('left empty, shows as its placeholder the heading the minutes will print, made from the title typed above', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = createMeeting(app, 'agreed-2019', 'Presentations', '2019-10-30');
      await openMeeting(page, id);
      const [intro] = await bodyBlockIds(page, 'paragraph');
      await focusField(page, `${intro}.text`);
      await shortcut(page, 'Mod+Alt+P');
      await page.locator('.blk-presentation .ProseMirror:focus').waitFor();
      const [block] = await bodyBlockIds(page, 'presentation');
      await field(page, `${block}.title`).fill('Border checkpoints');
      await waitSaved(page);
      // The placeholder is read when the heading field is shown (the field was re-rendered by the edit).
      const heading = field(page, `${block}.heading`);
      await expect.poll(() => heading.locator('[data-placeholder]').first().getAttribute('data-placeholder')).toBe('Presentation: Border checkpoints');
      await screenshot(page, 'presentation-heading-placeholder.png');

      const meeting = stored(app, id);
      const doc = await layoutMeeting(meeting);
      const printed = doc.blocks.flatMap((b) => (b.kind === 'list' && b.source === block ? [b.items[0]!.runs.map((r) => r.text).join('')] : []));
      expect(printed).toEqual(['Presentation: Border checkpoints']);
    });
  });
});
