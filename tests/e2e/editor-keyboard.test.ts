import { describe, expect, it } from 'vitest';
import { useBrowser, withApp } from './harness';
import { bodyBlockIds, createMeeting, field, focusField, openMeeting, pasteHtml, screenshot, shortcut, stored, typeInField, waitSaved, MOD } from './drivers/ui';
import type { Bullet, Meeting } from '../../src/shared/minutes';

const browser = useBrowser();

const texts = (bs: readonly Bullet[] | undefined): unknown =>
  (bs ?? []).map((b) => (b.children ? [b.text.map((r) => r.text).join(''), texts(b.children)] : b.text.map((r) => r.text).join('')));

function firstOf<T>(meeting: Meeting, type: string): T {
  const out: unknown[] = [];
  const walk = (list: readonly { type: string; blocks?: unknown[]; items?: unknown[] }[]) => {
    for (const b of list) {
      if (b.type === type) out.push(b);
      if (b.type === 'section') walk(b.blocks as never);
      if (b.type === 'session') walk(b.items as never);
    }
  };
  walk(meeting.body as never);
  return out[0] as T;
}

describe('keyboard-first drafting', () => {
  it('adds a presentation by shortcut; Enter, Tab, Shift+Tab and Backspace shape its bullets', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    const id = createMeeting(app, 'long-2018', 'Technical Consultation Meeting', '2018-05-24');
    await openMeeting(page, id);
    const [session] = await bodyBlockIds(page, 'session');
    await typeInField(page, `${session}.title`, 'Labour migration trends');
    await shortcut(page, 'Mod+Alt+P');
    await page.locator('.blk-presentation .ProseMirror:focus').waitFor();
    await page.keyboard.type('The presentation by Mr. Uy Akhara (IOM Phnom Penh):');
    await page.keyboard.press('Tab'); // from the heading to its bullets
    await page.keyboard.type('First point');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('A sub-point');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Second point');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace'); // removes the empty bullet just made
    await page.keyboard.type(' (end)');
    await waitSaved(page);
    const p = firstOf<{ heading: { text: string }[]; bullets: Bullet[] }>(stored(app, id), 'presentation');
    expect(p.heading).toEqual([{ text: 'The presentation by Mr. Uy Akhara (IOM Phnom Penh):' }]);
    expect(texts(p.bullets)).toEqual([['First point', ['A sub-point']], 'Second point (end)']);
    const ids = [p.bullets[0]!.id, p.bullets[0]!.children![0]!.id, p.bullets[1]!.id];
    expect(new Set(ids).size).toBe(3);

    // Shortcuts for a Q&A turn, a group and a new session land where the cursor is.
    await shortcut(page, 'Mod+Alt+Q');
    await page.locator('.blk-qa [data-field$=".by"]:focus').waitFor();
    await shortcut(page, 'Mod+Alt+G');
    await page.locator('.blk-group .ProseMirror:focus').waitFor();
    await shortcut(page, 'Mod+Alt+S');
    await page.keyboard.type('Protection of victims');
    await waitSaved(page);
    const sections = stored(app, id).body.filter((b) => b.type === 'section') as { blocks: { type: string; number?: number; items?: { type: string }[] }[] }[];
    const procedure = sections[2]!.blocks;
    expect(procedure.map((b) => [b.type, b.number])).toEqual([['session', 1], ['session', 2]]);
    expect(procedure[0]!.items!.map((b) => b.type)).toEqual(['presentation', 'qa', 'group']);
    });
  });

  it('Ctrl+Alt+C turns a bullet typed as "Lao: …" into a per-country remark, printed bold, and back', async () => {
    await withApp(browser(), async (app) => {
      const { page } = app;
      const id = createMeeting(app, 'long-2018', 'Technical Consultation Meeting', '2018-05-24');
      await openMeeting(page, id);
      const [session] = await bodyBlockIds(page, 'session');
      await typeInField(page, `${session}.title`, 'Country updates');
      await shortcut(page, 'Mod+Alt+P');
      await page.locator('.blk-presentation .ProseMirror:focus').waitFor();
      await page.keyboard.type('The presentation by the delegations:');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Lao: For effective implementation, focal points in each province');
      await shortcut(page, 'Mod+Alt+C');
      const item = page.locator('.blk-presentation li[data-country="Lao"]');
      await item.waitFor();
      await page.keyboard.type('.'); // the cursor stays in the bullet
      await screenshot(page, 'editor-country-remark.png');
      await waitSaved(page);
      const remark = () => firstOf<{ bullets: Bullet[] }>(stored(app, id), 'presentation').bullets[0]!;
      expect(remark()).toMatchObject({ country: 'Lao', text: [{ text: 'For effective implementation, focal points in each province.' }] });
      // The agreed format prints the country bold before the remark, in the preview as in the exports.
      const preview = await app.services.dispatch('previewMeeting', { id });
      if (!preview.ok) throw new Error(preview.error.message);
      expect((preview.value as { body: string }).body).toContain('<b>Lao:</b> For effective implementation, focal points in each province.');

      await shortcut(page, 'Mod+Alt+C');
      await item.waitFor({ state: 'detached' });
      await waitSaved(page);
      expect(remark().country).toBeUndefined();
      expect(remark().text.map((r) => r.text).join('')).toBe('Lao: For effective implementation, focal points in each province.');
    });
  });

  it('undo and redo work across the whole meeting and put the cursor back in the field they change', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    const id = createMeeting(app, 'blank', 'Undo', '2020-01-01');
    await openMeeting(page, id);
    const [p1] = await bodyBlockIds(page, 'paragraph');
    await typeInField(page, `${p1}.text`, 'Alpha');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Beta');
    await typeInField(page, 'meeting.theme', 'Theme');
    expect(await bodyBlockIds(page, 'paragraph')).toHaveLength(2);

    await page.keyboard.press(`${MOD}+Z`); // the theme
    await expect.poll(() => field(page, 'meeting.theme').textContent()).toBe('');
    await page.keyboard.press(`${MOD}+Z`); // "Beta"
    // The cursor is in the second paragraph before anything else can happen (no waiting for a frame):
    // a key typed straight after the undo must not land in the theme, where the cursor was.
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'));
    const [, p2] = await bodyBlockIds(page, 'paragraph');
    expect(focused).toBe(`${p2}.text`);
    await expect.poll(() => field(page, `${p2}.text`).textContent()).toBe('');
    // The cursor is back in the second paragraph: typing goes there.
    await page.keyboard.type('Gamma');
    await expect.poll(() => field(page, `${p2}.text`).innerText()).toBe('Gamma');
    await page.keyboard.press(`${MOD}+Z`); // "Gamma"
    await page.keyboard.press(`${MOD}+Z`); // the split
    await expect.poll(() => bodyBlockIds(page, 'paragraph')).toHaveLength(1);
    await page.keyboard.press(`${MOD}+Shift+Z`);
    await expect.poll(() => bodyBlockIds(page, 'paragraph')).toHaveLength(2);
    await page.keyboard.press(`${MOD}+Y`);
    await expect.poll(() => field(page, `${p2}.text`).innerText()).toBe('Gamma');
    await waitSaved(page);
    const body = stored(app, id).body as { text: { text: string }[] }[];
    expect(body.map((b) => b.text.map((r) => r.text).join(''))).toEqual(['Alpha', 'Gamma']);
    expect(stored(app, id).titleBlock.theme).toBeUndefined();
    });
  });

  it('paste from Word keeps paragraphs, nested lists, bold and italic, and drops everything else', async () => {
    await withApp(browser(), async (app) => {
    const { page } = app;
    const id = createMeeting(app, 'agreed-2019', 'Paste', '2019-10-30');
    await openMeeting(page, id);
    const [objectives] = await bodyBlockIds(page, 'list');
    const wordList =
      `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0cm;font-family:Calibri}</style></head><body lang=EN-GB>` +
      `<!--StartFragment--><p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>to learn the <b>new incidents</b> of migration<o:p></o:p></p>` +
      `<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>a.<span>&nbsp;</span></span><![endif]><i>in the region</i><o:p></o:p></p>` +
      `<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2)<span>&nbsp;</span></span><![endif]><span style='color:red;font-family:"Khmer OS"'>to identify common key issues</span><o:p></o:p></p><!--EndFragment--></body></html>`;
    await focusField(page, `${objectives}.items`);
    await pasteHtml(page, `${objectives}.items`, wordList);

    const [presiding] = await bodyBlockIds(page, 'presiding');
    const webPage =
      `<div class="article"><h2 style="color:navy">Opening</h2><p style="font-size:20px">The meeting was <span style="font-weight:700">presided</span> over by <a href="https://example.org">Samdech</a>.</p>` +
      `<table><tr><td>a table cell</td></tr></table><img src="https://example.org/x.png"><script>alert(1)</script><p><em>Closing</em> words</p></div>`;
    await focusField(page, `${presiding}.paragraphs`);
    await pasteHtml(page, `${presiding}.paragraphs`, webPage);
    await waitSaved(page);

    const meeting = stored(app, id);
    const list = meeting.body.find((b) => b.id === objectives) as { items: Bullet[] };
    expect(list.items.map((b) => ({ text: b.text, children: b.children?.map((c) => c.text) }))).toEqual([
      { text: [{ text: 'to learn the ' }, { text: 'new incidents', bold: true }, { text: ' of migration' }], children: [[{ text: 'in the region', italic: true }]] },
      { text: [{ text: 'to identify common key issues' }], children: undefined },
    ]);
    const pres = meeting.body.find((b) => b.id === presiding) as { paragraphs: { text: string; bold?: boolean; italic?: boolean }[][] };
    expect(pres.paragraphs).toEqual([
      [{ text: 'Opening' }],
      [{ text: 'The meeting was ' }, { text: 'presided', bold: true }, { text: ' over by Samdech.' }],
      [{ text: 'a table cell' }],
      [{ text: 'Closing', italic: true }, { text: ' words' }],
    ]);
    // Ids are random ("b_…mso…" happens): look at everything but them.
    expect(JSON.stringify(meeting).replace(/"id":"[^"]*"/g, '')).not.toMatch(/color|Khmer OS|alert|mso|href/);
    });
  });
});
