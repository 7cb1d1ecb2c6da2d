import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/store/db';
import { createMeetingStore } from '../../src/main/store/meetings';
import { loadFixture, tempDir } from '../support/temp';
import type { Page } from 'playwright-core';
import { useBrowser, withApp, type AppUnderTest } from './harness';
import { field, openMeeting, screenshot, stored, typeInField, waitSaved } from './drivers/ui';
import { parseInterchange, plain, richTextToString, type Meeting } from '../../src/shared/minutes';
import type { Result } from '../../src/shared/ipc/result';

/**
 * The editor's side of block-level saves: what a save sends, what the author sees when someone else
 * saved the meeting meanwhile, and the screen for a meeting whose head revision is damaged.
 */

const browser = useBrowser();

function importFixture(app: AppUnderTest, name: string): Meeting {
  const parsed = parseInterchange(readFileSync(`tests/fixtures/${name}`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return app.services.store.create(parsed.meeting, 'test').meeting;
}

const paragraphText = (m: Meeting, id: string) => richTextToString((m.body.find((b) => b.id === id) as { text: Parameters<typeof richTextToString>[0] }).text);

/** What another Minuta (or the CLI) does: read the head, change one block, save it from that seq. */
async function saveElsewhere(app: AppUnderTest, id: string, blockId: string, text: string) {
  const opened = (await app.services.dispatch('getMeeting', { id })) as Result<{ meeting: Meeting; seq: number }>;
  if (!opened.ok) throw new Error(opened.error.message);
  const block = opened.value.meeting.body.find((b) => b.id === blockId)!;
  const saved = await app.services.dispatch('saveMeeting', { id, base: opened.value.seq, changes: { blocks: [{ ...block, text: plain(text) }] } });
  if (!saved.ok) throw new Error(saved.error.message);
}

const conflictBanner = (page: Page) => page.getByTestId('conflict');
// textContent, not innerText: a block scrolled out of view is not rendered (content-visibility), so
// its innerText is empty although its text is there.

describe('saves', () => {
  it('typing in one block of the 2018 minutes sends a few KB per save, not the document', async () => {
    const payloads: number[] = [];
    await withApp(
      browser(),
      async (app) => {
        const { page } = app;
        const meeting = importFixture(app, 'minutes-2018.minuta.json');
        await openMeeting(page, meeting.id);
        // An opening remark in the middle of the document.
        const key = 'b_18007.paragraphs';
        await typeInField(page, key, ' The delegates agreed.');
        await waitSaved(page);
        await typeInField(page, key, ' Then they adjourned.');
        await waitSaved(page);
        const saved = stored(app, meeting.id).body[2] as unknown as { blocks: { id: string; paragraphs: { text: string }[][] }[] };
        const remark = saved.blocks.find((b) => b.id === 'b_18007')!;
        expect(remark.paragraphs.flat().map((r) => r.text).join('')).toContain('The delegates agreed. Then they adjourned.');
        const documentBytes = JSON.stringify(stored(app, meeting.id)).length;
        console.log(`save payloads: ${payloads.map((b) => `${(b / 1024).toFixed(1)} KB`).join(', ')}; the document is ${(documentBytes / 1024).toFixed(0)} KB`);
        expect(payloads.length).toBeGreaterThan(0);
        for (const bytes of payloads) expect(bytes).toBeLessThan(4 * 1024);
        expect(Math.max(...payloads)).toBeLessThan(documentBytes / 20);
      },
      {
        bridge: (method, payload, dispatch) => {
          if (method === 'saveMeeting') payloads.push(JSON.stringify(payload).length);
          return dispatch(method, payload);
        },
      },
    );
  });

  it('a save refused because someone else saved shows a banner, keeps the text, and re-applies it on the latest', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const other = importFixture(app, 'minutes-2018.minuta.json');
      const meeting = importFixture(app, 'minutes-2019.minuta.json');
      const [first, second] = meeting.body.filter((b) => b.type === 'paragraph').map((b) => b.id) as [string, string];
      await openMeeting(page, meeting.id);
      const original = paragraphText(meeting, first);

      // Another instance changes the first paragraph after we opened the meeting.
      await saveElsewhere(app, meeting.id, first, 'Their rewording of the opening paragraph.');

      // We type in the second paragraph: the save is refused, never retried, the text stays.
      await typeInField(page, `${second}.text`, ' Added by me.');
      await conflictBanner(page).getByRole('alert').waitFor();
      expect(await conflictBanner(page).innerText()).toMatch(/changed by .+ at \d\d:\d\d.*\(in another window or program\)/);
      expect(await page.locator('[data-save-state]').getAttribute('data-save-state')).toBe('conflict');
      // …and in the first one, which they changed too.
      await typeInField(page, `${first}.text`, ' My addition to the opening.');
      await page.waitForTimeout(1500); // time for (wrong) retries, which must not happen
      // Opening another meeting now would drop the unsaved edits: the editor stays on this one.
      await page.evaluate((id) => void (location.hash = `#/meeting/${id}`), other.id);
      await page.waitForFunction((id) => location.hash === `#/meeting/${id}`, meeting.id);
      await page.locator('[data-testid="editor"][data-ready]').waitFor();
      expect(paragraphText(stored(app, meeting.id), second)).toBe(paragraphText(meeting, second));
      expect(await field(page, `${second}.text`).textContent()).toContain('Added by me.');

      await page.getByRole('button', { name: 'Reload the latest and re-apply my changes' }).click();
      await waitSaved(page);
      // Where the edits did not collide, both are there, in the editor and in the store.
      expect(await field(page, `${first}.text`).textContent()).toBe('Their rewording of the opening paragraph.');
      expect(await field(page, `${second}.text`).textContent()).toContain('Added by me.');
      const after = stored(app, meeting.id);
      expect(paragraphText(after, first)).toBe('Their rewording of the opening paragraph.');
      expect(paragraphText(after, second)).toBe(`${paragraphText(meeting, second)} Added by me.`);
      // Where they collided, our text is offered, not dropped.
      const offer = page.locator(`[data-offer="${first}"]`);
      await offer.waitFor();
      expect(await offer.locator('h3').innerText()).toContain('Your version of this block');
      expect(await offer.locator('textarea').inputValue()).toBe(`${original} My addition to the opening.`);
      // The preview beside the editor follows the store once the editor has been quiet for a moment.
      const preview = page.frameLocator('[data-testid="paged-preview"]');
      await preview.getByText('Their rewording of the opening paragraph.').first().waitFor({ timeout: 10_000 });
      await screenshot(page, 'save-conflict-offer.png');
      await field(page, `${second}.text`).scrollIntoViewIfNeeded();
      await screenshot(page, 'save-conflict-reapplied.png');

      await offer.getByRole('button', { name: 'Copy to clipboard' }).click();
      await offer.getByRole('button', { name: 'Copied' }).waitFor();
      await offer.getByRole('button', { name: 'Use mine' }).click();
      await waitSaved(page);
      expect(await field(page, `${first}.text`).textContent()).toBe(`${original} My addition to the opening.`);
      await expect.poll(() => paragraphText(stored(app, meeting.id), first)).toBe(`${original} My addition to the opening.`);
      expect(paragraphText(stored(app, meeting.id), second)).toBe(`${paragraphText(meeting, second)} Added by me.`);
      expect(await conflictBanner(page).count()).toBe(0);
    });
  });

  // Real damage, as the store's corruption test makes it: one byte of a block record flipped in the
  // database file (same length, so SQLite's integrity_check still passes). The head fails its hash
  // check, getMeeting answers `corrupt`, and recovery goes back to the last revision that verifies.
  it('a meeting whose head is corrupt gets a screen with the two ways out; "Open the last good revision" opens it', async () => {
    const tmp = tempDir('minuta-corrupt-e2e-');
    const file = join(tmp.dir, 'minuta.sqlite');
    const MARK = 'Zanzibar corruption marker';
    const meeting = loadFixture(2019);
    const index = meeting.body.findIndex((b) => b.type === 'paragraph');
    const paragraphId = meeting.body[index]!.id;
    {
      const db = openDatabase(file);
      const store = createMeetingStore(db, { foldGapMs: -1 });
      store.create(meeting, 'ana');
      const body = [...meeting.body];
      body[index] = { ...(body[index] as Extract<Meeting['body'][number], { type: 'paragraph' }>), text: plain(`${MARK} in the minutes.`) };
      store.saveDocument(meeting.id, { ...meeting, body }, 'ben');
      store.flushIndex();
      db.close();
    }
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from(`"text":"${MARK}`, 'utf8')) + '"text":"'.length;
    expect(at).toBeGreaterThan(10);
    bytes[at] = 0x59; // 'Z' → 'Y': same length, still JSON; only the record's hash can tell
    writeFileSync(file, bytes);
    try {
      await withApp(
        browser(),
        async (app) => {
          const { page } = app;
          await page.evaluate((id) => void (location.hash = `#/meeting/${id}`), meeting.id);
          const screen = page.getByTestId('corrupt-meeting');
          await screen.waitFor();
          const text = await screen.innerText();
          expect(text).toContain(meeting.id);
          expect(text).toMatch(/revision 2/);
          expect(text).toContain('minuta backup FILE');
          expect(text).toContain(app.databasePath);
          await screenshot(page, 'corrupt-meeting.png');
          await screen.getByRole('button', { name: 'Open the last good revision' }).click();
          await page.locator('[data-testid="editor"][data-ready]').waitFor();
          await typeInField(page, `${paragraphId}.text`, ' Typed after recovery.');
          await waitSaved(page);
          const head = app.services.store.get(meeting.id)!.meeting;
          expect(paragraphText(head, paragraphId)).toBe(`${paragraphText(meeting, paragraphId)} Typed after recovery.`);
          // Nothing was destroyed: the damaged revision is still there, and still refused.
          expect(() => app.services.store.revision(meeting.id, 2)).toThrow(/hash/);
        },
        { databasePath: file },
      );
    } finally {
      tmp.cleanup();
    }
  });
});
