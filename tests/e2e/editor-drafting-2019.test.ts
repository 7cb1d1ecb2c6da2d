import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startApp, useBrowser } from './harness';
import {
  addOrganisation, addPerson, bodyBlockIds, choose, field, fillInput, focusField, openMinutes, openRegister, screenshot,
  stored, typeInField, typeText, waitSaved,
} from './drivers/ui';
import { normaliseIds } from './drivers/normalise';
import { meetingPlainText, parseInterchange, personDisplayName, type Block, type Bullet, type Meeting, type RichText } from '../../src/shared/minutes';

/**
 * A minute-taker drafts the 2019 agreed minutes from the empty 2019 template, with the keyboard:
 * the register first (organisations, people, delegations), then the minutes from top to bottom.
 * Everything typed comes from the 2019 fixture; at the end the stored meeting must equal the fixture
 * in content (see drivers/normalise.ts for exactly what is compared).
 */

const browser = useBrowser();

const parsed = parseInterchange(readFileSync('tests/fixtures/minutes-2019.minuta.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const fixture: Meeting = parsed.meeting;
const text = (rt: RichText | undefined) => (rt ?? []).map((r) => r.text).join('');
const blockOf = <T extends Block['type']>(type: T, nth = 0) => fixture.body.filter((b) => b.type === type)[nth] as Extract<Block, { type: T }>;

async function typeBullets(page: Page, key: string, items: readonly Bullet[]) {
  await focusField(page, key);
  for (const [i, b] of items.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await typeText(page, text(b.text));
  }
}

describe('drafting the 2019 minutes', () => {
  it('from the empty template, by keyboard, stores a meeting equal to the 2019 fixture in content', async () => {
    const app = await startApp(browser());
    const started = Date.now();
    try {
      const { page } = app;
      // Home: a new meeting from the 2019 template.
      await page.getByLabel('Title', { exact: true }).fill(text(fixture.titleBlock.title));
      await page.getByLabel('First day').fill(fixture.dates.start);
      await page.getByLabel('Template').selectOption('agreed-2019');
      await page.getByRole('button', { name: 'Create meeting' }).click();
      await page.locator('[data-testid="editor"][data-ready]').waitFor();
      const id = decodeURIComponent(await page.evaluate(() => location.hash.split('/')[2]!));

      // ---- the register first
      await openRegister(page);
      const orgIds = new Map<string, string>();
      for (const o of fixture.organisations) {
        orgIds.set(o.id, await addOrganisation(page, { name: o.name, ...(o.abbreviation ? { abbreviation: o.abbreviation } : {}), ...(o.kind ? { kind: o.kind } : {}) }));
      }
      for (const p of fixture.people) {
        const org = p.organisationId ? fixture.organisations.find((o) => o.id === p.organisationId) : undefined;
        await addPerson(page, {
          ...(p.honorific ? { honorific: p.honorific } : {}),
          name: p.name,
          titleLines: p.titleLines,
          ...(org ? { organisation: org.abbreviation ?? org.name } : {}),
          ...(p.country ? { country: p.country } : {}),
        });
      }
      const delegations = blockOf('delegations').delegations;
      for (const d of delegations) {
        await page.getByRole('button', { name: '+ Delegation' }).click();
        const did = (await page.locator('.delegation').last().getAttribute('data-delegation-id'))!;
        await page.locator(`[data-field="${did}.country"]:focus`).waitFor();
        await page.keyboard.type(d.country);
        const head = fixture.people.find((p) => p.id === d.headPersonId)!;
        await choose(page, `${did}.head`, head.name, head.name);
        await fillInput(page, `${did}.institutions`, d.institutions.join('\n'));
      }
      await waitSaved(page);
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        document.querySelector('.app-main')?.scrollTo(0, 0);
      });
      await screenshot(page, 'register.png');

      // ---- then the minutes, top to bottom
      await openMinutes(page);
      await typeInField(page, 'meeting.joiner', text(fixture.titleBlock.joiner));
      await typeInField(page, 'meeting.theme', text(fixture.titleBlock.theme));
      await fillInput(page, 'meeting.end', fixture.dates.end);
      await fillInput(page, 'meeting.city', fixture.venue.city);
      await fillInput(page, 'meeting.country', fixture.venue.country);

      const [intro, text1] = await bodyBlockIds(page, 'paragraph');
      await typeInField(page, `${intro}.text`, text(blockOf('paragraph', 0).text));
      const [objectives, challenges, agreements] = await bodyBlockIds(page, 'list');
      await typeBullets(page, `${objectives}.items`, blockOf('list', 0).items);

      const dids = await page.locator('.delegation').evaluateAll((els) => els.map((e) => e.getAttribute('data-delegation-id')!));
      for (const [i, d] of delegations.entries()) await typeInField(page, `${dids[i]}.description`, text(d.description![0]));

      const [observers] = await bodyBlockIds(page, 'observers');
      for (const oid of blockOf('observers').organisationIds) {
        const o = fixture.organisations.find((x) => x.id === oid)!;
        await choose(page, `${observers}.add`, o.abbreviation ?? o.name, o.abbreviation ?? o.name);
      }
      await typeInField(page, `${observers}.text`, text(blockOf('observers').text));

      const [presiding] = await bodyBlockIds(page, 'presiding');
      const chair = fixture.people.find((p) => p.id === blockOf('presiding').personId)!;
      await choose(page, `${presiding}.person`, chair.name, personDisplayName(chair));
      await typeInField(page, `${presiding}.paragraphs`, text(blockOf('presiding').paragraphs[0]));

      // Two paragraphs: the second one starts with Enter at the end of the first.
      await typeInField(page, `${text1}.text`, text(blockOf('paragraph', 1).text));
      await page.keyboard.press('Enter');
      await typeText(page, text(blockOf('paragraph', 2).text));

      await typeBullets(page, `${challenges}.items`, blockOf('list', 1).items);
      await typeBullets(page, `${agreements}.items`, blockOf('list', 2).items);
      const [next] = await bodyBlockIds(page, 'next-meeting');
      await typeInField(page, `${next}.text`, text(blockOf('next-meeting').text));
      // The disclaimer comes with the template, worded as the 2019 minutes word it.
      const [signing] = await bodyBlockIds(page, 'signing');
      await typeInField(page, `${signing}.text`, text(blockOf('signing').text));
      await fillInput(page, `${signing}.place`, blockOf('signing').place);
      await fillInput(page, `${signing}.date`, blockOf('signing').date);

      for (const s of blockOf('signatories').signatories) {
        await page.getByRole('button', { name: '+ Signatory' }).click();
        const sid = (await page.locator('.signatory').last().getAttribute('data-signatory-id'))!;
        await page.locator(`[data-field="${sid}.role"]:focus`).waitFor();
        await page.keyboard.type(s.role);
        const person = fixture.people.find((p) => p.id === s.personId)!;
        await choose(page, `${sid}.person`, person.name, person.name); // title lines come from the register
        await field(page, `${sid}.signature`).selectOption(s.signature.kind);
        if (s.signature.note) await fillInput(page, `${sid}.note`, s.signature.note);
      }
      await waitSaved(page);

      // The editor with its preview, the cursor in the challenges.
      await focusField(page, `${challenges}.items`);
      await page.locator('.paged-preview-bar').getByText(/\d+ pages?, A4/).waitFor();
      // The preview follows the cursor: the challenges are marked on their page.
      await page.frameLocator('.paged-preview-frame').locator(`[data-block="${challenges}"].minuta-focus`).waitFor();
      // …and its page is scrolled into view (wait for the smooth scroll to come to rest).
      const scrollX = () => page.locator('.paged-preview-frame').evaluate((f) => (f as HTMLIFrameElement).contentWindow!.scrollX);
      await expect.poll(async () => { const a = await scrollX(); await page.waitForTimeout(100); return a === (await scrollX()) && a > 0; }).toBe(true);
      await screenshot(page, 'editor-2019.png');
      const draftedIn = Date.now() - started;

      // ---- the stored meeting equals the fixture in content
      const result = stored(app, id);
      expect(meetingPlainText(result)).toEqual(meetingPlainText(fixture));
      expect(normaliseIds(result)).toEqual(normaliseIds(fixture));
      expect(app.problems).toEqual([]);
      console.log(`drafted the 2019 minutes in ${(draftedIn / 1000).toFixed(1)} s of keyboard input (${JSON.stringify(result).length} bytes stored)`);
    } finally {
      await app.close();
    }
  }, 180_000);
});
