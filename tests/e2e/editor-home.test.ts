import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useBrowser, withApp, type AppUnderTest } from './harness';
import { screenshot, stored, waitSaved } from './drivers/ui';
import { meetingPlainText, parseInterchange, type Meeting } from '../../src/shared/minutes';

const browser = useBrowser();

function importFixture(app: AppUnderTest, name: string): Meeting {
  const parsed = parseInterchange(readFileSync(`tests/fixtures/${name}`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  app.services.store.create(parsed.meeting, 'test');
  return parsed.meeting;
}

describe('meetings home', () => {
  it('searches all minutes, creates from a template, and duplicates a past meeting as the next one', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    importFixture(app, 'minutes-2018.minuta.json');
    const m2019 = importFixture(app, 'minutes-2019.minuta.json');
    await page.reload();
    const rows = page.getByTestId('meeting-list').locator('li');
    await expect.poll(() => rows.count()).toBe(2);
    await screenshot(page, 'home.png');

    // Full-text search through the store (FTS5), with the match marked in a snippet.
    await page.getByLabel('Search the minutes').fill('deceived brokers');
    const hits = page.getByTestId('search-results').locator('li');
    await expect.poll(() => hits.count()).toBe(1);
    expect(await hits.first().innerText()).toContain('Second Technical Consultative Meeting');
    expect(await hits.first().locator('mark').allTextContents()).toEqual(expect.arrayContaining(['deceived']));
    await screenshot(page, 'home-search.png');
    await page.getByLabel('Search the minutes').fill('');

    // Next meeting from the 2019 one.
    const row2019 = page.locator(`[data-meeting-id="${m2019.id}"]`);
    await row2019.getByRole('button', { name: 'Next meeting…' }).click();
    await row2019.getByLabel('Title of the next meeting').fill('Minutes of the Third Technical Consultative Meeting');
    await row2019.getByLabel('Its first day').fill('2020-11-02');
    await row2019.getByRole('button', { name: 'Create the next meeting' }).click();
    await page.locator('[data-testid="editor"][data-ready]').waitFor();
    const newId = decodeURIComponent(await page.evaluate(() => location.hash.split('/')[2]!));
    expect(newId).not.toBe(m2019.id);
    const next = stored(app, newId);
    expect(next.titleBlock.title).toEqual([{ text: 'Minutes of the Third Technical Consultative Meeting' }]);
    expect(next.dates).toEqual({ start: '2020-11-02', end: '2020-11-03' });
    expect(next.people).toEqual(m2019.people);
    expect(next.organisations).toEqual(m2019.organisations);
    // The same blocks, and the 2019 agreement (still open) carried in as matters arising after the introduction.
    expect(next.body.map((b) => b.type)).toEqual(m2019.body.map((b) => b.type).toSpliced(1, 0, 'list'));
    const delegations = (m: Meeting) => (m.body.find((b) => b.type === 'delegations') as { delegations: { country: string; institutions: string[] }[] }).delegations.map((d) => [d.country, d.institutions]);
    expect(delegations(next)).toEqual(delegations(m2019));
    const text = meetingPlainText(next).join('\n');
    expect(text).not.toContain('The second technical consultative meeting among');
    expect(text).not.toContain('Migrants are still deceived by brokers');
    expect(text).toContain('The minutes is not bound by legal obligation of the Parties.');
    expect(text).toContain('Agreement 1 of 31 October 2019: The meeting agreed that the two objectives are achieved');

    // The new meeting is editable at once; the past one is untouched.
    await page.locator('.blk-paragraph [data-field]').first().click();
    await page.keyboard.type('The third meeting was held in Vientiane.');
    await waitSaved(page);
    expect(stored(app, m2019.id)).toEqual(m2019);

    // Create from a template: the long 2018 form.
    await page.getByRole('button', { name: 'Minuta' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Technical Consultation Meeting 2021');
    await page.getByLabel('First day').fill('2021-05-24');
    await page.getByLabel('Template').selectOption('long-2018');
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await page.locator('[data-testid="editor"][data-ready]').waitFor();
    expect(await page.locator('.blk-section').count()).toBe(4);
    expect(await page.locator('.blk-routing').count()).toBe(1);
    });
  });
});
