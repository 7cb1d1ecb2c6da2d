import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, withApp } from './harness';
import { field, focusField, openMeeting, screenshot, shortcut, stored, waitSaved } from './drivers/ui';
import { createFromTemplate, type DecisionBlock, type Meeting } from '../../src/shared/minutes';

const browser = useBrowser();

/**
 * A roll-call vote recorded by keyboard only (after one click into the first paragraph): a decision
 * inserted with Ctrl+Alt+D, its number typed, the body chosen from the register, the text adopted
 * typed, a roll call (palette), voters chosen from the register into "for" and "against", the rest
 * marked absent with one key, an explanation of vote; the tally follows as the lists are typed and the
 * warnings appear and go (a voter in two lists, an outcome the votes contradict). Then the stored
 * meeting holds the lists as register references (no tally), and the preview prints the tally, then
 * the "Voting for this action" lines.
 */

const MEMBERS = ['Anong Sisouk', 'Bounmy Vongsa', 'Chanthala Keo', 'Davone Phomma', 'Ekkaphone Sy'];

async function palette(page: Page, label: string): Promise<void> {
  await shortcut(page, 'Mod+K');
  await page.locator('.palette input').waitFor();
  await page.keyboard.type(label);
  await page.locator('.palette li[role="option"].active', { hasText: label }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.palette').waitFor({ state: 'detached' });
}

/** Types part of a register entry into the focused combobox and chooses the first match with Enter. */
async function chooseTyped(page: Page, typed: string): Promise<void> {
  await page.keyboard.type(typed);
  await page.locator('[role="listbox"] [role="option"]').first().waitFor();
  await page.keyboard.press('Enter');
}

const previewText = (page: Page) => page.frameLocator('.paged-preview-frame').locator('body').innerText();
const tally = (page: Page) => page.locator('[data-testid="tally"]').innerText();
const warnings = (page: Page) => page.locator('.decision-warnings li').allInnerTexts();
const voters = (page: Page, list: string) => page.locator(`.vote-list[data-list="${list}"] .voter-name`).allInnerTexts();

describe('the decision block', () => {
  it('records a roll-call vote by keyboard: lists from the register, tally as you type, warnings, stored and previewed', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const base = createFromTemplate('blank', { title: 'Governing Council, 12th session', startDate: '2025-07-30', city: 'Vientiane', country: 'Lao PDR' });
      const meeting: Meeting = {
        ...base,
        organisations: [{ id: 'o_council', name: 'Governing Council', abbreviation: 'Council' }],
        people: [
          ...MEMBERS.map((name, i) => ({ id: `p_m${i}`, name, titleLines: [], organisationId: 'o_council' })),
          { id: 'p_sec', name: 'Secretary Not Voting', titleLines: ['Secretary'] },
        ],
      };
      const id = app.services.store.create(meeting, 'tester').id;
      await openMeeting(page, id);
      await focusField(page, `${meeting.body[0]!.id}.text`);
      await page.keyboard.type('The Council considered the budget.');

      // Insert: the cursor is in the number.
      await shortcut(page, 'Mod+Alt+D');
      await page.locator('[data-block-type="decision"] input[data-field$=".number"]:focus').waitFor();
      const [decisionId] = await page.locator('[data-block-type="decision"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-block-id')!));
      await page.keyboard.type('Resolution 2025-07-30.1');
      await page.keyboard.press('Tab');
      await chooseTyped(page, 'Coun');
      expect(await field(page, `${decisionId}.organisation`).inputValue()).toBe('Council');
      await page.keyboard.press('Tab'); // the date: the meeting's, left empty
      await page.keyboard.press('Tab'); // the heading line: the one made from the data is shown
      expect(await page.locator(`[data-field="${decisionId}.heading"]`).getAttribute('data-placeholder').catch(() => null)).toBeDefined();
      await page.keyboard.press('Tab');
      await page.keyboard.type('The Council adopts the budget for 2026.');
      expect(await tally(page)).toBe('Adopted by consensus.');

      // A roll call: the palette opens the lists; the cursor is in "Add to for".
      await palette(page, 'Record a roll-call vote');
      await page.locator(`[data-field="${decisionId}.add.for"]:focus`).waitFor();
      await chooseTyped(page, 'Anong');
      await chooseTyped(page, 'Bounmy');
      await expect.poll(() => tally(page)).toBe('For 2 · Against 0 · Abstaining 0 · Absent 0 — Adopted by 2 votes to 0.');
      // Everyone of the Council is expected in a list: three are in none yet.
      expect(await warnings(page)).toEqual(['Chanthala Keo is in no list (for, against, abstaining or absent).', 'Davone Phomma is in no list (for, against, abstaining or absent).', 'Ekkaphone Sy is in no list (for, against, abstaining or absent).']);
      await page.keyboard.press('Tab');
      await page.locator(`[data-field="${decisionId}.add.against"]:focus`).waitFor();
      await chooseTyped(page, 'Chanth');
      // A slip: Anong also into "against". The warning says so; undo takes it back.
      await chooseTyped(page, 'Anong');
      await expect.poll(() => warnings(page)).toContain('Anong Sisouk is in two lists: for and against.');
      await page.locator('.decision .tally').scrollIntoViewIfNeeded();
      await screenshot(page, 'editor-decision-warning.png');
      await shortcut(page, 'Mod+Z');
      await expect.poll(() => voters(page, 'against')).toEqual(['Chanthala Keo']);
      // The rest are absent, with one key.
      await shortcut(page, 'Mod+Alt+A');
      await expect.poll(() => voters(page, 'absent')).toEqual(['Davone Phomma', 'Ekkaphone Sy']);
      await expect.poll(() => tally(page)).toBe('For 2 · Against 1 · Abstaining 0 · Absent 2 — Adopted by 2 votes to 1, with 2 absent.');
      expect(await warnings(page)).toEqual([]);
      // The outcome "rejected" contradicts the votes: a warning, and the palette puts it back.
      await palette(page, 'Outcome: rejected');
      await expect.poll(() => warnings(page)).toEqual(['The outcome is "rejected" but 2 voted for and 1 against.']);
      await palette(page, 'Outcome: adopted');
      await expect.poll(() => warnings(page)).toEqual([]);
      // Chanthala Keo explains her vote.
      await palette(page, 'Add an explanation of vote');
      const chanthala = await page.locator('.vote-list[data-list="against"] .voter').getAttribute('data-voter-id');
      await page.locator(`[data-field="${chanthala}.explanation"] :focus, .ProseMirror[data-field="${chanthala}.explanation"]:focus`).first().waitFor();
      await page.keyboard.type('Ms. Keo voted against: the budget cuts field offices.');
      await waitSaved(page);
      await page.locator(`[data-block-id="${decisionId}"]`).scrollIntoViewIfNeeded();
      await screenshot(page, 'editor-decision.png');

      const saved = stored(app, id).body.find((b): b is DecisionBlock => b.id === decisionId)!;
      expect(saved).toMatchObject({ number: 'Resolution 2025-07-30.1', organisationId: 'o_council', outcome: 'adopted', method: 'vote' });
      expect(saved.text).toEqual([[{ text: 'The Council adopts the budget for 2026.' }]]);
      const refs = (l: keyof NonNullable<DecisionBlock['vote']>) => saved.vote![l].map((v) => [v.by.label, v.by.personId]);
      expect(refs('for')).toEqual([['Anong Sisouk', 'p_m0'], ['Bounmy Vongsa', 'p_m1']]);
      expect(refs('against')).toEqual([['Chanthala Keo', 'p_m2']]);
      expect(refs('abstaining')).toEqual([]);
      expect(refs('absent')).toEqual([['Davone Phomma', 'p_m3'], ['Ekkaphone Sy', 'p_m4']]);
      expect(saved.vote!.against[0]!.explanation).toEqual([[{ text: 'Ms. Keo voted against: the budget cuts field offices.' }]]);
      // The tally is never stored: only the lists.
      expect(Object.keys(saved.vote!).sort()).toEqual(['absent', 'abstaining', 'against', 'for']);

      await expect.poll(() => previewText(page), { timeout: 20_000 }).toContain('Adopted by 2 votes to 1, with 2 absent.');
      const preview = await previewText(page);
      expect(preview).toContain('Resolution 2025-07-30.1 (Council)');
      expect(preview).toContain('The Council adopts the budget for 2026.');
      expect(preview).toContain('Ms. Keo voted against: the budget cuts field offices.');

      // The body's practice may be the FOMC's: the names, one line per list, the absent not printed.
      await palette(page, 'Print the vote as "Voting for this action');
      await expect.poll(() => previewText(page), { timeout: 20_000 }).toContain('Voting for this action: Anong Sisouk and Bounmy Vongsa.');
      const names = await previewText(page);
      expect(names).toContain('Voting against this action: Chanthala Keo.');
      expect(names).not.toContain('Davone Phomma');
      expect(names).not.toContain('Adopted by');
      await waitSaved(page);
      expect(stored(app, id).body.find((b): b is DecisionBlock => b.id === decisionId)!.votePrint).toBe('names');
    });
  });

  it('marks an agreement as a decision without retyping it: the number prints before it; edits and a split keep one marker', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = app.services.handlers.createMeeting({ template: 'agreed-2019', title: 'Second Technical Consultation', startsOn: '2019-10-30' }) as { id: string };
      await openMeeting(page, id.id);
      const listId = await page.locator('[data-block-type="list"]').evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-block-id')!).find((bid) => document.querySelector(`[data-field="${bid}.items"]`)?.getAttribute('aria-label')?.startsWith('agreements')),
      );
      expect(listId).toBeDefined();
      await focusField(page, `${listId}.items`);
      await page.keyboard.type('The meeting agreed to meet again in Yangon.');
      await palette(page, 'Mark the agreement or recommendation');
      await page.locator(`[data-field$=".decision.number"]:focus`).waitFor();
      await page.keyboard.type('Decision 1/2019');
      await waitSaved(page);
      const items = () => (stored(app, id.id).body.find((b) => b.id === listId) as Extract<Meeting['body'][number], { type: 'list' }>).items;
      expect(items()).toEqual([
        { id: expect.any(String), text: [{ text: 'The meeting agreed to meet again in Yangon.' }], decision: { number: 'Decision 1/2019', outcome: 'adopted', method: 'consensus' } },
      ]);
      // Typing on in the text keeps the marker; Enter starts an item that is not a decision.
      await focusField(page, `${listId}.items`);
      await page.keyboard.type(' In 2020.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('The meeting thanked the hosts.');
      await waitSaved(page);
      expect(items().map((i) => [i.text.map((r) => r.text).join(''), i.decision?.number ?? null])).toEqual([
        ['The meeting agreed to meet again in Yangon. In 2020.', 'Decision 1/2019'],
        ['The meeting thanked the hosts.', null],
      ]);
      await expect.poll(() => previewText(page), { timeout: 20_000 }).toContain('Decision 1/2019: The meeting agreed to meet again in Yangon. In 2020.');
      await page.locator(`[data-block-id="${listId}"]`).scrollIntoViewIfNeeded();
      await screenshot(page, 'editor-decision-marker.png');
    });
  });

  it('votes by delegation: a delegation is one voter, chosen with one key; everyone present, the delegations, with another', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const base = createFromTemplate('blank', { title: 'Ministerial meeting', startDate: '2019-10-30', city: 'Phnom Penh', country: 'Cambodia' });
      const delegations = ['Cambodia', 'Lao PDR', 'Myanmar'].map((country, i) => ({ id: `d_${i}`, country, institutions: [] }));
      const meeting: Meeting = { ...base, body: [...base.body, { id: 'b_dels', type: 'delegations', delegations }] };
      const id = app.services.store.create(meeting, 'tester').id;
      await openMeeting(page, id);
      await focusField(page, `${meeting.body[0]!.id}.text`);
      await shortcut(page, 'Mod+Alt+D');
      await page.locator('[data-block-type="decision"] input[data-field$=".number"]:focus').waitFor();
      const [decisionId] = await page.locator('[data-block-type="decision"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-block-id')!));
      await page.keyboard.type('Recommendation 1');
      await palette(page, 'Record a roll-call vote');
      await page.locator(`[data-field="${decisionId}.add.for"]:focus`).waitFor();
      await page.keyboard.type('Lao');
      const option = page.locator('[role="listbox"] [role="option"]').first();
      await option.waitFor();
      expect(await option.innerText()).toContain('Delegation');
      await page.keyboard.press('Enter');
      await expect.poll(() => warnings(page)).toEqual([
        'Cambodia is in no list (for, against, abstaining or absent).',
        'Myanmar is in no list (for, against, abstaining or absent).',
      ]);
      await shortcut(page, 'Mod+Alt+Y');
      await expect.poll(() => voters(page, 'for')).toEqual(['Lao PDR', 'Cambodia', 'Myanmar']);
      await expect.poll(() => tally(page)).toBe('For 3 · Against 0 · Abstaining 0 · Absent 0 — Adopted by 3 votes to 0.');
      expect(await warnings(page)).toEqual([]);
      await waitSaved(page);
      const saved = stored(app, id).body.find((b): b is DecisionBlock => b.id === decisionId)!;
      expect(saved.vote!.for.map((v) => [v.by.label, v.by.delegationId])).toEqual([['Lao PDR', 'd_1'], ['Cambodia', 'd_0'], ['Myanmar', 'd_2']]);
    });
  });
});
