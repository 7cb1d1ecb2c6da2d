import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, withApp } from './harness';
import { focusField, openMeeting, screenshot, shortcut, stored, waitSaved } from './drivers/ui';
import { createFromTemplate, type Meeting } from '../../src/shared/minutes';
import { ALL_BLOCKS } from '../../src/renderer/src/editor/blocks';
import { TYPING_FIELDS } from '../../src/renderer/src/editor/tabOrder';
import { loadFixture } from '../support/temp';

const browser = useBrowser();

/**
 * Every block type, inserted and filled in by keyboard only (after one click into the first
 * paragraph): the palette (Ctrl+K) inserts each block, Tab walks its fields, and whatever has the
 * focus after a Tab must be a field one types into (never a select, a checkbox or a button: a
 * letter there picks an option or presses it, and the keystrokes are lost). Each field gets its own
 * text; then the stored meeting (through the services) must hold each text in its block, and the
 * preview must print what the agreed format prints.
 */

interface Focused {
  tag: string;
  type: string | null;
  role: string | null;
  field: string | null;
  blockId: string | null;
  rich: boolean;
  /** Whether the next typing field in document order is still in this block. */
  nextInBlock: boolean;
  nextField: string | null;
  prevInBlock: boolean;
  prevField: string | null;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate((selector) => {
    const a = document.activeElement as HTMLElement;
    const blockEl = a.closest('[data-block-id]');
    const fieldOf = (el: Element) => el.getAttribute('data-field') ?? el.closest('[data-field]')?.getAttribute('data-field') ?? null;
    const root = document.querySelector('[data-testid="editor"]')!;
    const all = [...root.querySelectorAll<HTMLElement>(selector)].filter((f) => f.getClientRects().length > 0);
    const i = all.findIndex((f) => f === a || f.contains(a));
    const next = i >= 0 ? all[i + 1] : undefined;
    const prev = i > 0 ? all[i - 1] : undefined;
    return {
      tag: a.tagName.toLowerCase(),
      type: a.getAttribute('type'),
      role: a.getAttribute('role'),
      field: fieldOf(a),
      blockId: blockEl?.getAttribute('data-block-id') ?? null,
      rich: a.isContentEditable,
      nextInBlock: !!next && next.closest('[data-block-id]') === blockEl,
      nextField: next ? fieldOf(next) : null,
      prevInBlock: !!prev && prev.closest('[data-block-id]') === blockEl,
      prevField: prev ? fieldOf(prev) : null,
    };
  }, TYPING_FIELDS);
}

async function palette(page: Page, label: string): Promise<void> {
  await shortcut(page, 'Mod+K');
  const input = page.locator('.palette input');
  await input.waitFor();
  await page.keyboard.type(label);
  await page.locator('.palette li[role="option"].active', { hasText: label }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.palette').waitFor({ state: 'detached' });
}

/** Every block of the meeting, containers and what they contain. */
function allBlocks(meeting: Meeting): { id: string; type: string }[] {
  const out: { id: string; type: string }[] = [];
  const walk = (list: readonly { id: string; type: string; blocks?: unknown[]; items?: unknown[] }[]) => {
    for (const b of list) {
      out.push(b);
      if (b.type === 'section') walk(b.blocks as never);
      if (b.type === 'session') walk(b.items as never);
    }
  };
  walk(meeting.body as never);
  return out;
}

const findBlock = (meeting: Meeting, id: string) => allBlocks(meeting).find((b) => b.id === id);

/** The text of the print preview's frame (the HTML the PDF is printed from). */
async function previewText(page: Page): Promise<string> {
  return page.frameLocator('.paged-preview-frame').locator('body').innerText();
}

describe('keyboard walk through every block type', () => {
  it('types into every field of every block type by keyboard only; nothing typed is lost or lands in a select', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const base = createFromTemplate('blank', { title: 'Keyboard walk', startDate: '2026-05-24', city: 'Vientiane', country: 'Lao PDR' });
      const meeting: Meeting = {
        ...base,
        people: [{ id: 'p_sou', honorific: 'Mr.', name: 'Souksavanh Phommachanh', titleLines: ['Director General'] }],
        organisations: [{ id: 'o_iom', name: 'International Organization for Migration', abbreviation: 'IOM' }],
      };
      const id = app.services.store.create(meeting, 'tester').id;
      await openMeeting(page, id);
      // The one click: into the blank meeting's paragraph. Everything after is the keyboard.
      await focusField(page, `${meeting.body[0]!.id}.text`);
      await page.keyboard.type('Opening paragraph typed first.');

      /** Text typed per block id, rich-text fields apart (they are printed as typed). */
      const typed = new Map<string, { plain: string[]; rich: string[]; chosen: number }>();
      const visited: string[] = [];
      let n = 0;
      for (const d of ALL_BLOCKS) {
        await palette(page, d.insert!.label);
        await page.locator(`[data-block-type="${d.type}"] :focus`).waitFor();
        const start = await focused(page);
        const blockId = start.blockId!;
        // The cursor starts in the field the descriptor names (e.g. "<turn's question id>.by").
        const firstKey = (d.firstField as (b: unknown) => string)(d.create('2026-05-24')).split('.').at(-1);
        expect(start.field?.split('.').at(-1), d.type).toBe(firstKey);
        // Shift+Tab back to the block's first field (the speaker before the remarks, the presenter
        // before the heading), checking each step lands on the field before.
        for (let f = start; f.prevInBlock; ) {
          await page.keyboard.press('Shift+Tab');
          const back = await focused(page);
          expect(back.field, `${d.type}: Shift+Tab from ${f.field}`).toBe(f.prevField);
          f = back;
        }
        const record = { plain: [] as string[], rich: [] as string[], chosen: 0 };
        typed.set(blockId, record);
        const seen = new Set<string>();
        for (;;) {
          const f = await focused(page);
          expect(f.blockId, `${d.type}: Tab left the block at ${f.field}`).toBe(blockId);
          expect(['input', 'textarea', 'div'], `${d.type}: ${f.field} is a ${f.tag}`).toContain(f.tag);
          expect(['checkbox', 'radio', 'button'], `${d.type}: ${f.field}`).not.toContain(f.type ?? '');
          if (f.field && seen.has(f.field)) break;
          if (f.field) seen.add(f.field);
          visited.push(`${d.type}:${f.field?.split('.').at(-1)}`);
          const text = `${d.type}-t${++n}`;
          if (f.role === 'combobox') {
            // A register combobox: type part of a name, choose with Enter.
            const org = /organisation|add$/.test(f.field ?? '');
            await page.keyboard.type(org ? 'IOM' : 'Souk');
            const option = page.locator('[role="listbox"] [role="option"]').first();
            await option.waitFor();
            await page.keyboard.press('Enter');
            record.chosen++;
          } else if (f.type === 'date') {
            // Leave the date as the block made it (the digits' order depends on the locale).
          } else if (f.type === 'number') {
            await page.keyboard.type('7');
          } else if (f.rich && /\.(items|bullets)$/.test(f.field ?? '')) {
            // A list: two items, the first a per-country remark; Enter on the empty third ends it.
            await page.keyboard.type(`Lao: ${text}a`);
            await shortcut(page, 'Mod+Alt+C');
            await page.keyboard.press('Enter');
            await page.keyboard.type(`${text}b`);
            record.rich.push(`${text}a`, `${text}b`);
            if (!f.nextInBlock) break;
            await page.keyboard.press('Enter');
            await page.keyboard.press('Enter');
            continue;
          } else {
            await page.keyboard.type(text);
            (f.rich ? record.rich : record.plain).push(text);
          }
          if (!f.nextInBlock) break;
          await page.keyboard.press('Tab');
          const after = await focused(page);
          expect(after.field, `${d.type}: Tab from ${f.field}`).toBe(f.nextField);
        }
      }
      await waitSaved(page);
      await screenshot(page, 'editor-keyboard-walk.png');

      const saved = stored(app, id);
      expect(new Set(allBlocks(saved).map((b) => b.type))).toEqual(new Set(ALL_BLOCKS.map((d) => d.type)));
      for (const [blockId, record] of typed) {
        const json = JSON.stringify(findBlock(saved, blockId));
        for (const t of [...record.plain, ...record.rich]) expect(json, `${t} in ${json.slice(0, 200)}`).toContain(t);
        if (record.chosen > 0) expect(json).toMatch(/"(p_sou|o_iom)"/);
      }
      // Per-country remarks kept right: the first item is Lao's, the one typed after it is nobody's.
      const group = allBlocks(saved).find((b) => b.type === 'group') as Extract<Meeting['body'][number], { type: 'group' }> | undefined;
      expect(group!.parts.map((p) => p.kind)).toEqual(['findings']);
      expect(group!.parts[0]!.items.map((i) => [i.country ?? null, i.text.map((r) => r.text).join('')])).toEqual([
        ['Lao', expect.stringMatching(/^group-t\d+a$/)],
        [null, expect.stringMatching(/^group-t\d+b$/)],
      ]);

      // The preview prints every rich text typed (and the register names chosen).
      const rich = [...typed.values()].flatMap((r) => r.rich);
      await expect.poll(async () => {
        const text = await previewText(page);
        return rich.filter((t) => !text.includes(t));
      }, { timeout: 20_000 }).toEqual([]);
      expect(await previewText(page)).toContain('Souksavanh Phommachanh');
      console.log(`keyboard walk: ${ALL_BLOCKS.length} block types, ${visited.length} fields: ${visited.join(' ')}`);
    });
  });
});

describe('insert commands that do not follow the cursor', () => {
  it('"Add signatories" from the palette puts the grid at the signing position, wherever the cursor is', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = app.services.store.create(loadFixture(2019), 'tester').id;
      const before = stored(app, id).body;
      await openMeeting(page, id);
      // The cursor in the very first paragraph, before section A's content.
      await focusField(page, `${before[0]!.id}.text`);
      await palette(page, 'Add signatories');
      await page.locator('[data-block-type="signatories"] :focus').waitFor();
      await page.keyboard.type('Head of the Lao delegation');
      await waitSaved(page);
      const after = stored(app, id).body;
      expect(after.slice(0, before.length).map((b) => b.id)).toEqual(before.map((b) => b.id));
      const added = after.at(-1)!;
      expect(added.type).toBe('signatories');
      expect(JSON.stringify(added)).toContain('Head of the Lao delegation');
    });
  });
});
