import type { Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AppUnderTest } from '../harness';
import { ARTIFACTS_DIR } from '../harness';
import type { Meeting } from '../../../src/shared/minutes';

/**
 * Drivers for the editor's end-to-end tests: what a minute-taker does, in their words, so that the
 * tests read as scenarios and the selectors live in one place. Waits are on signals the app emits
 * (data-ready, data-save-state), never on sleeps.
 */

export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

export function createMeeting(app: AppUnderTest, template: 'long-2018' | 'agreed-2019' | 'blank', title: string, startsOn: string): string {
  const created = app.services.handlers.createMeeting({ template, title, startsOn }) as { id: string };
  return created.id;
}

export async function openMeeting(page: Page, id: string): Promise<void> {
  await page.evaluate((meetingId) => {
    location.hash = `#/meeting/${meetingId}`;
  }, id);
  await page.locator('[data-testid="editor"][data-ready]').waitFor();
}

export async function openRegister(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Participants register' }).click();
  await page.locator('[data-testid="register"]').waitFor();
}

export async function openMinutes(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Minutes', exact: true }).click();
  await page.locator('[data-testid="editor"][data-ready]').waitFor();
}

export const field = (page: Page, key: string): Locator => page.locator(`[data-field="${key}"]`);

/** Puts the cursor at the end of a rich-text field (activating its editor). */
export async function focusField(page: Page, key: string): Promise<void> {
  const f = field(page, key);
  await f.scrollIntoViewIfNeeded();
  await f.click();
  await page.locator(`.ProseMirror[data-field="${key}"]`).waitFor();
  await page.keyboard.press(`${MOD}+End`);
}

/** Types into a rich-text field at its end: short text key by key, long text as one input (like an IME). */
export async function typeInField(page: Page, key: string, text: string): Promise<void> {
  await focusField(page, key);
  await typeText(page, text);
}

export async function typeText(page: Page, text: string): Promise<void> {
  if (text.length <= 40) await page.keyboard.type(text);
  else await page.keyboard.insertText(text);
}

export async function fillInput(page: Page, key: string, value: string): Promise<void> {
  await field(page, key).fill(value);
}

/** Chooses an entry in a register combobox by typing part of it and pressing Enter. */
export async function choose(page: Page, key: string, typed: string, expected?: string): Promise<void> {
  const box = field(page, key);
  await box.click();
  await box.fill('');
  await box.pressSequentially(typed);
  const option = page.getByRole('listbox').getByRole('option').first();
  await option.waitFor();
  if (expected) expect(await option.textContent()).toContain(expected);
  await page.keyboard.press('Enter');
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });
}

export async function saveState(page: Page): Promise<string | null> {
  return page.locator('[data-save-state]').getAttribute('data-save-state');
}

export function stored(app: AppUnderTest, id: string): Meeting {
  const found = app.services.store.get(id);
  if (!found) throw new Error(`meeting ${id} is not stored`);
  return found.meeting;
}

/** The model of the open document, as the renderer holds it (for block ids). */
export async function bodyBlockIds(page: Page, type: string): Promise<string[]> {
  return page.locator(`[data-block-type="${type}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-block-id')!));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, name) });
}

/** Pastes HTML (and its plain text) into the focused rich-text field, as the clipboard would. */
export async function pasteHtml(page: Page, key: string, html: string, plain = ''): Promise<void> {
  await page.locator(`.ProseMirror[data-field="${key}"]`).evaluate(
    (el, { html, plain }) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', plain);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, plain },
  );
}

/** Runs a command by its shortcut, e.g. "Mod+Alt+P". */
export async function shortcut(page: Page, keys: string): Promise<void> {
  await page.keyboard.press(keys.replace('Mod', MOD));
}

export interface PersonInput {
  honorific?: string;
  name: string;
  titleLines?: string[];
  /** Typed into the organisation combobox; the first match is chosen. */
  organisation?: string;
  country?: string;
}

/** Adds a person on the register screen, with the keyboard, and returns their id. */
export async function addPerson(page: Page, p: PersonInput): Promise<string> {
  await page.getByRole('button', { name: 'Add a person' }).click();
  const row = page.locator('.reg-person').last();
  const id = (await row.getAttribute('data-person-id'))!;
  await page.locator(`[data-field="${id}.honorific"]:focus`).waitFor();
  if (p.honorific) await page.keyboard.type(p.honorific);
  await page.keyboard.press('Tab');
  await typeText(page, p.name);
  await page.keyboard.press('Tab');
  if (p.titleLines) await typeText(page, p.titleLines.join('\n'));
  if (p.organisation) await choose(page, `${id}.org`, p.organisation);
  if (p.country) await fillInput(page, `${id}.country`, p.country);
  return id;
}

export interface OrganisationInput {
  name: string;
  abbreviation?: string;
  kind?: string;
  country?: string;
}

export async function addOrganisation(page: Page, o: OrganisationInput): Promise<string> {
  await page.getByRole('button', { name: 'Add an organisation' }).click();
  const id = (await page.locator('.reg-org').last().getAttribute('data-organisation-id'))!;
  await page.locator(`[data-field="${id}.name"]:focus`).waitFor();
  await typeText(page, o.name);
  if (o.abbreviation) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(o.abbreviation);
  }
  if (o.kind) await field(page, `${id}.kind`).selectOption(o.kind);
  if (o.country) await fillInput(page, `${id}.country`, o.country);
  return id;
}
