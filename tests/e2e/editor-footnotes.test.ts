import { describe, expect, it } from 'vitest';
import { layoutMeeting } from '../../src/shared/format';
import type { RichText } from '../../src/shared/minutes';
import { useBrowser, withApp } from './harness';
import { bodyBlockIds, createMeeting, focusField, openMeeting, screenshot, shortcut, stored, typeText, waitSaved } from './drivers/ui';

const browser = useBrowser();

/** Issue 15: a footnote typed in the editor, its text edited under the field, kept through more typing. */
describe('footnotes in the editor', () => {
  it('Ctrl+Alt+F inserts a note at the cursor and puts the cursor in its text; typing around it keeps it', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = createMeeting(app, 'agreed-2019', 'Footnotes', '2019-10-30');
      await openMeeting(page, id);
      const [intro] = await bodyBlockIds(page, 'paragraph');
      const key = `${intro}.text`;
      await focusField(page, key);
      await shortcut(page, 'Mod+Alt+F');
      // The cursor moves to the new note's own field, under the paragraph.
      await page.locator(`.ProseMirror[data-field="${key}.footnote.0"]:focus`).waitFor();
      await typeText(page, 'See annex II.');
      await waitSaved(page);
      const textOf = () => (stored(app, id).body.find((b) => b.id === intro) as { text: RichText }).text;
      expect(textOf().filter((r) => r.footnote)).toEqual([{ text: '', footnote: [{ text: 'See annex II.' }] }]);

      // Typing after the note in the paragraph leaves the note as it is.
      await focusField(page, key);
      await typeText(page, ' Added later.');
      await waitSaved(page);
      const text = textOf();
      expect(text.at(-1)).toEqual({ text: ' Added later.' });
      expect(text.filter((r) => r.footnote)).toEqual([{ text: '', footnote: [{ text: 'See annex II.' }] }]);
      await expect.poll(() => page.locator(`[data-field="${key}"] .pm-fn-mark`).count()).toBe(1);
      await screenshot(page, 'editor-footnote.png');

      // The minutes print it: the note numbered 1, its text with it.
      const doc = await layoutMeeting(stored(app, id));
      const noted = doc.blocks.flatMap((b) => (b.kind === 'paragraph' && b.source === intro ? b.runs.filter((r) => r.note) : []));
      expect(noted.map((r) => [r.note!.n, r.note!.runs.map((x) => x.text).join('')])).toEqual([[1, 'See annex II.']]);
    });
  });
});
