import { describe, expect, it } from 'vitest';
import { useBrowser, withApp } from './harness';
import {
  addOrganisation, addPerson, bodyBlockIds, choose, createMeeting, field, focusField, openMeeting, openMinutes, openRegister,
  screenshot, shortcut, stored, waitSaved,
} from './drivers/ui';

const browser = useBrowser();

function find<T>(list: unknown[], pred: (b: { type: string }) => boolean): T | undefined {
  for (const b of list as { type: string; blocks?: unknown[]; items?: unknown[] }[]) {
    if (pred(b)) return b as T;
    const kids = b.blocks ?? (b.type === 'session' ? b.items : undefined);
    const inner = kids ? find<T>(kids, pred) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

describe('participants register and autocomplete', () => {
  it('names speakers, questioners and answering organisations from the register, by keyboard', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    const id = createMeeting(app, 'long-2018', 'Technical Consultation Meeting', '2018-05-24');
    await openMeeting(page, id);
    await openRegister(page);
    const iom = await addOrganisation(page, { name: 'International Organization for Migration', abbreviation: 'IOM', kind: 'international' });
    const unwomen = await addOrganisation(page, { name: 'UN Women', kind: 'international' });
    const ncct = await addOrganisation(page, { name: 'National Committee for Counter Trafficking', abbreviation: 'NCCT', kind: 'government', country: 'Cambodia' });
    const chou = await addPerson(page, {
      honorific: 'H.E. Mrs.',
      name: 'Chou Bun Eng',
      titleLines: ['Secretary of State, Ministry of Interior', 'Permanent Vice Chair of NCCT'],
      organisation: 'NCCT',
      country: 'Cambodia',
    });
    await addPerson(page, { honorific: 'Mr.', name: 'Onevong Keobunnavong', titleLines: ['Head of the Lao delegation'], country: 'Lao PDR' });
    await waitSaved(page);
    await screenshot(page, 'register-autocomplete.png');

    const m1 = stored(app, id);
    expect(m1.organisations.map((o) => [o.name, o.abbreviation, o.kind])).toEqual([
      ['International Organization for Migration', 'IOM', 'international'],
      ['UN Women', undefined, 'international'],
      ['National Committee for Counter Trafficking', 'NCCT', 'government'],
    ]);
    expect(m1.people[0]).toEqual({
      id: chou,
      honorific: 'H.E. Mrs.',
      name: 'Chou Bun Eng',
      titleLines: ['Secretary of State, Ministry of Interior', 'Permanent Vice Chair of NCCT'],
      organisationId: ncct,
      country: 'Cambodia',
    });

    await openMinutes(page);
    // The opening remark's speaker: three letters of the surname are enough.
    const [remark] = await bodyBlockIds(page, 'remark');
    const speaker = field(page, `${remark}.speaker`);
    await speaker.click();
    await speaker.pressSequentially('chou');
    const listbox = page.getByRole('listbox');
    await listbox.waitFor();
    expect(await speaker.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('listbox').getByRole('option').allTextContents()).toEqual([expect.stringContaining('H.E. Mrs. Chou Bun Eng')]);
    await page.keyboard.press('Enter');
    expect(await speaker.inputValue()).toBe('H.E. Mrs. Chou Bun Eng');

    // A question from UN Women answered by IOM, in a new Q&A turn of session 1.
    const [session] = await bodyBlockIds(page, 'session');
    await focusField(page, `${session}.title`);
    await page.keyboard.type('Trends');
    await shortcut(page, 'Mod+Alt+Q');
    const question = page.locator('.blk-qa [data-field$=".by"]').first();
    await page.locator('.blk-qa [data-field$=".by"]:focus').waitFor();
    await page.keyboard.type('UN');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    const options = await page.getByRole('listbox').getByRole('option').allTextContents();
    expect(options[0]).toContain('UN Women');
    await page.keyboard.press('Enter');
    expect(await question.inputValue()).toBe('UN Women');
    await page.keyboard.press('Tab');
    await page.keyboard.type('How are returnees screened?');
    const answer = page.locator('.blk-qa [data-field$=".by"]').nth(1);
    await answer.focus();
    await answer.pressSequentially('migration');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    expect(await answer.inputValue()).toBe('IOM');
    await page.keyboard.press('Tab');
    await page.keyboard.type('At the border, with the police.');

    // Arrow keys move through the options; Escape closes the list without choosing.
    await choose(page, `${remark}.speaker`, 'e', 'Chou');
    const box = field(page, `${remark}.speaker`);
    await box.fill('');
    await box.pressSequentially('o');
    await page.keyboard.press('ArrowDown');
    const active = page.locator('[role="option"][aria-selected="true"]');
    expect(await active.textContent()).toContain('Onevong');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('listbox').count()).toBe(0);
    await waitSaved(page);

    const m2 = stored(app, id);
    const opening = find<{ speakerPersonId?: string; speakerLabel?: unknown }>(m2.body, (b) => b.type === 'remark');
    expect(opening?.speakerPersonId).toBe(chou);
    expect(opening?.speakerLabel).toEqual([{ text: 'H.E. Mrs. Chou Bun Eng', bold: true }]);
    const qa = find<{ turns: { question: { by: unknown; paragraphs: unknown }; answers: { by: unknown; paragraphs: unknown }[] }[] }>(m2.body, (b) => b.type === 'qa');
    expect(qa?.turns[0]?.question).toMatchObject({ by: { label: 'UN Women', organisationId: unwomen }, paragraphs: [[{ text: 'How are returnees screened?' }]] });
    expect(qa?.turns[0]?.answers[0]).toMatchObject({ by: { label: 'IOM', organisationId: iom }, paragraphs: [[{ text: 'At the border, with the police.' }]] });
    });
  });
});
