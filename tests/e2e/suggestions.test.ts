import { describe, expect, it } from 'vitest';
import { useBrowser, withApp } from './harness';
import { openMeeting, screenshot, shortcut } from './drivers/ui';
import { loadFixture } from '../support/temp';
import { REVIEWERS, reviews2019 } from '../support/reviews';
import { storeMappedReview } from '../../src/main/review/importReview';
import { reviewCopy } from '../../src/main/export/reviewCopy';
import { untrackedReview } from '../support/untrackedReview';
import { richTextToString, type Meeting } from '../../src/shared/minutes';

const browser = useBrowser();
const textOf = (m: Meeting, id: string) => richTextToString((m.body.find((b) => b.id === id) as { text: Parameters<typeof richTextToString>[0] }).text);

/**
 * Three delegations' reviewed copies of the 2019 minutes (pre-mapped, stored through the service's
 * import path), worked through in the suggestions panel: accept one of two overlapping suggestions
 * (the other is flagged conflicting), reject one, resolve the conflict by rejecting it, accept all from
 * one reviewer and a selection; the stored meeting, the history and the audit log are as expected.
 */
describe('review suggestions in the app', () => {
  it('accepts, rejects and resolves a conflict between delegations, one revision per acceptance', async () => {
    await withApp(
      browser(),
      async (app) => {
        const { page, services } = app;
        const meeting = loadFixture(2019);
        const created = services.store.create(meeting, 'Ana Lopes');
        const reviews = reviews2019(meeting, created.revisionId);
        const ids: Record<string, string[]> = {};
        for (const [i, key] of (['cambodia', 'lao', 'myanmar'] as const).entries()) {
          const done = storeMappedReview(services.db, services.store, { meetingId: meeting.id, fileName: `minutes-2019-${key}.docx`, sha256: String(i).repeat(64) }, reviews[key], 'Secretariat');
          ids[key] = done.suggestions.map((s) => s.id);
        }
        await openMeeting(page, meeting.id);

        // The panel opens from the palette (Ctrl+K): keyboard all the way.
        await shortcut(page, 'Mod+K');
        await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
        await page.keyboard.type('review suggestions');
        await page.keyboard.press('Enter');
        const pane = page.getByRole('complementary', { name: 'Suggestions' });
        await pane.waitFor();
        await expect.poll(() => pane.getByTestId('review-status').innerText()).toMatch(/3 of 3 delegations answered/);
        await expect.poll(() => pane.getByTestId('suggestion').count()).toBe(8);
        expect(await pane.getByRole('region').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
          'Delegation Kingdom of Cambodia',
          "Delegation Lao People's Democratic Republic",
          'Delegation Republic of the Union of Myanmar',
        ]);
        const card = (id: string) => pane.locator(`[data-suggestion-id="${id}"]`);
        // Inline redline: the words taken out and put in, with the current text around them.
        expect(await card(ids['cambodia']![0]!).locator('del').innerText()).toBe('strong');
        expect(await card(ids['cambodia']![0]!).locator('ins').innerText()).toBe('full');
        await screenshot(page, 'suggestions-by-delegation.png');

        // By block: Cambodia's and Lao's suggestions on the same words stand side by side.
        await pane.getByRole('combobox', { name: /Group by/ }).selectOption('block');
        const rivals = pane.getByRole('group', { name: 'Suggestions on the same words' });
        await expect.poll(() => rivals.getByTestId('suggestion').evaluateAll((els) => els.map((e) => e.getAttribute('data-suggestion-id')))).toEqual([ids['cambodia']![0], ids['lao']![0]]);
        await screenshot(page, 'suggestions-by-block.png');

        // Accept Cambodia's: Lao's on the same words is flagged conflicting, with why.
        await card(ids['cambodia']![0]!).getByRole('button', { name: 'Accept' }).click();
        await expect.poll(() => card(ids['lao']![0]!).getAttribute('data-status')).toBe('conflicting');
        expect(await card(ids['lao']![0]!).locator('.sg-problem').innerText()).toContain(REVIEWERS.cambodia);
        expect(await card(ids['lao']![0]!).getByRole('button', { name: 'Accept' }).isDisabled()).toBe(true);
        await screenshot(page, 'suggestions-conflict.png');
        // Resolve the conflict: Lao's wording is rejected, as is Lao's removal of the brokers item.
        await card(ids['lao']![0]!).getByRole('button', { name: 'Reject' }).click();
        await expect.poll(() => card(ids['lao']![0]!).count()).toBe(0);
        await card(ids['lao']![1]!).getByRole('button', { name: 'Reject' }).click();
        await expect.poll(() => card(ids['lao']![1]!).count()).toBe(0);

        // All of Myanmar's in one revision, then Cambodia's other two as a selection.
        await pane.getByRole('combobox', { name: /Group by/ }).selectOption('delegation');
        await pane.getByRole('button', { name: `Accept all from ${REVIEWERS.myanmar}` }).click();
        await expect.poll(() => pane.getByTestId('suggestion').count()).toBe(2);
        for (const id of ids['cambodia']!.slice(1)) await card(id).getByRole('checkbox').check();
        await pane.getByRole('button', { name: 'Accept selected (2)' }).click();
        await expect.poll(() => pane.locator('.sg-empty').innerText()).toBe('Every suggestion has been decided.');
        await pane.getByRole('checkbox', { name: /decided too/ }).check();
        await pane.getByRole('combobox', { name: /Group by/ }).selectOption('block');
        await screenshot(page, 'suggestions-decided.png');

        // The history panel names the reviewer as each acceptance's author and the user who accepted.
        await shortcut(page, 'Mod+Alt+H');
        const history = page.locator('.history-item');
        await expect.poll(() => history.count()).toBe(4);
        // Newest first: the selection of Cambodia's two, all of Myanmar's three, Cambodia's first, the creation.
        expect(await history.locator('.history-author').allInnerTexts()).toEqual([REVIEWERS.cambodia, REVIEWERS.myanmar, REVIEWERS.cambodia, 'Ana Lopes']);
        expect((await history.locator('.history-what').allInnerTexts()).map((t) => /(\d+) suggestions? accepted by (\S+)/.exec(t)?.slice(1) ?? null)).toEqual([
          ['2', 'Secretariat'],
          ['3', 'Secretariat'],
          ['1', 'Secretariat'],
          null,
        ]);
        await screenshot(page, 'suggestions-history.png');

        // The stored meeting, as accepted.
        const head = services.store.get(meeting.id)!.meeting;
        expect(textOf(head, 'b_19008')).toBe(textOf(meeting, 'b_19008').replace('strong support', 'full support'));
        expect((head.body.find((b) => b.id === 'b_19008') as { text: { text: string; bold?: boolean }[] }).text.filter((r) => r.bold).map((r) => r.text)).toEqual(['IOM']);
        expect(textOf(head, 'b_19001')).toContain('took place in Siem Reap');
        expect(textOf(head, 'b_19009')).toContain('migration contributes');
        const list = head.body.find((b) => b.id === 'b_19010') as { items: { id: string }[] };
        expect(list.items.map((i) => i.id)).toEqual(['b_19011', 'b_19kh01', 'b_19012', 'b_19013', 'b_19014', 'b_19015']);
        expect(head.body.map((b) => b.id)).toContain('b_19mm01');
        // The history: one revision per acceptance, each attributed to its reviewer; the audit log says who accepted.
        expect(services.store.revisions(meeting.id).map((r) => r.author)).toEqual(['Ana Lopes', REVIEWERS.cambodia, REVIEWERS.myanmar, REVIEWERS.cambodia]);
        const audit = services.store.audit.list(meeting.id).filter((e) => e.action.startsWith('suggestions-'));
        expect(audit.map((e) => [e.action, e.actor, e.details['reviewers']])).toEqual([
          ['suggestions-accepted', 'Secretariat', REVIEWERS.cambodia],
          ['suggestions-rejected', 'Secretariat', REVIEWERS.lao],
          ['suggestions-rejected', 'Secretariat', REVIEWERS.lao],
          ['suggestions-accepted', 'Secretariat', REVIEWERS.myanmar],
          ['suggestions-accepted', 'Secretariat', REVIEWERS.cambodia],
        ]);
        expect(services.store.suggestions.list(meeting.id).map((s) => s.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected', 'rejected', 'accepted', 'accepted', 'accepted']);
        expect(app.problems).toEqual([]);
      },
      { author: 'Secretariat' },
    );
  }, 120_000);

  it('"Import reviewed copy…" brings three delegations\' real reviewed copies back, each to its delegation; a file that is not a DOCX is refused changing nothing', async () => {
    await withApp(browser(), async (app) => {
      const { page, services } = app;
      const meeting = loadFixture(2019);
      services.store.create(meeting, 'Ana Lopes');
      services.store.nameVersion(meeting.id, 'Draft 1', 'Ana Lopes');
      const copy = (await reviewCopy(services.store, meeting.id, 'Draft 1')).bytes;
      const files = {
        cambodia: untrackedReview(copy, [['technical consultative meeting', 'technical consultation meeting']], REVIEWERS.cambodia),
        lao: untrackedReview(copy, [['technical consultative meeting', 'technical coordination meeting']], REVIEWERS.lao),
        myanmar: untrackedReview(copy, [['Kingdom of Cambodia, on', 'Kingdom of Cambodia, from']], REVIEWERS.myanmar),
      };
      const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      const row = () => page.locator('li', { has: page.getByText(meeting.titleBlock.title.map((r) => r.text).join('')) }).first();
      await page.reload();
      await row().getByTestId('home-review-input').setInputFiles({ name: 'minutes-not-a-docx.docx', mimeType: docx, buffer: Buffer.from('PK\u0003\u0004 reviewed') });
      await expect.poll(() => row().getByRole('alert').innerText()).toMatch(/Not imported, nothing was changed: .*not a ZIP/);
      expect(services.store.suggestions.imports(meeting.id)).toEqual([]);
      for (const [who, bytes] of Object.entries(files)) {
        await page.reload();
        await row().getByTestId('home-review-input').setInputFiles({ name: `minutes-${who}.docx`, mimeType: docx, buffer: Buffer.from(bytes) });
        // The meeting opens with the suggestions beside it.
        await expect.poll(() => services.store.suggestions.imports(meeting.id).length).toBe(Object.keys(files).indexOf(who) + 1);
        await page.locator('[data-testid="editor"][data-ready]').waitFor();
        await page.evaluate(() => {
          location.hash = '#/';
        });
      }
      const imports = services.store.suggestions.imports(meeting.id);
      expect(imports.map((i) => [i.reviewer, i.delegationId])).toEqual([
        [REVIEWERS.cambodia, 'd_19001'],
        [REVIEWERS.lao, 'd_19002'],
        [REVIEWERS.myanmar, 'd_19003'],
      ]);
      const list = services.store.suggestions.list(meeting.id);
      expect(list.map((x) => [x.author, x.tracked, x.change.kind])).toEqual([
        [REVIEWERS.cambodia, false, 'text'],
        [REVIEWERS.lao, false, 'text'],
        [REVIEWERS.myanmar, false, 'text'],
      ]);
      // Cambodia's and Laos' changes are to the same words: accepting one makes the other conflicting.
      const [kh, la, mm] = list;
      expect(services.store.suggestions.accept(meeting.id, [kh!.id, mm!.id], 'Secretariat').conflicts).toEqual([]);
      expect(services.store.suggestions.list(meeting.id).find((x) => x.id === la!.id)?.status).toBe('conflicting');
      const text = richTextToString((services.store.get(meeting.id)!.meeting.body[0] as { text: Meeting['titleBlock']['title'] }).text);
      expect(text).toContain('technical consultation meeting');
      expect(text).toContain('Kingdom of Cambodia, from');
      await openMeeting(page, meeting.id);
      await screenshot(page, 'suggestions-imported-real-copies.png');
      expect(app.problems).toEqual([]);
    });
  }, 120_000);
});
