import { describe, expect, it } from 'vitest';
import { useBrowser, withApp } from './harness';
import { openMeeting } from './drivers/ui';
import { loadFixture } from '../support/temp';

/**
 * Sealed minutes are no draft: once sealed, the live preview beside the editor and main's preview of
 * the head print them without the DRAFT mark (an older revision of them is still a draft). Before,
 * the preview and "Export PDF" of sealed minutes said DRAFT on every page.
 */

const browser = useBrowser();

describe('sealed minutes in the preview', () => {
  it('a draft shows DRAFT; once sealed, the live preview and the head preview do not, an older revision still does', async () => {
    await withApp(browser(), async (app) => {
      const { page, services } = app;
      const id = services.store.create(loadFixture(2019), 'Ana').id;
      const draft = page.locator('.paged-preview-draft');

      await openMeeting(page, id);
      await expect.poll(() => draft.count(), { timeout: 20_000 }).toBe(1);
      expect(await draft.innerText()).toBe('DRAFT');

      services.store.workflow.transition(id, 'submit', 'ana');
      services.store.workflow.transition(id, 'approve', 'bounmy');
      services.store.workflow.transition(id, 'seal', 'ana');
      await page.reload();
      await openMeeting(page, id);
      await expect.poll(() => page.getByText('1 page', { exact: false }).or(page.getByText(/\d+ pages?, A4/)).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(() => draft.count(), { timeout: 20_000 }).toBe(0);

      const head = (await services.dispatch('previewMeeting', { id })) as { ok: boolean; value: { draftMark?: string } };
      expect(head.ok).toBe(true);
      expect(head.value.draftMark).toBeUndefined();
      const first = services.store.revisions(id)[0]!.id;
      const older = (await services.dispatch('previewMeeting', { id, revisionId: first })) as { ok: boolean; value: { draftMark?: string } };
      expect(older.value.draftMark).toBe('DRAFT');
      expect(app.problems).toEqual([]);
    });
  }, 90_000);
});
