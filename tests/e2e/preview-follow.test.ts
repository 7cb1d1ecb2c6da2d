import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { rolldown } from 'rolldown';
import { layoutMeeting } from '../../src/shared/format';
import { exportLayout } from '../../src/main/export';
import { previewOf } from '../../src/main/export/service';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { launchBrowser, startApp, type AppUnderTest } from './harness';
import { loadFixture } from '../support/temp';
import { tool } from '../support/exportText';

/**
 * The preview follows the editor's cursor: the preview code (mountPreview.ts, bundled as the app
 * bundles it) mounts the 2018 seed in the real renderer page under the app's CSP; `revealBlock` must
 * name the page a model block prints on (the same page as in the PDF), scroll that page into view and
 * mark the block with a preview-only class.
 */
let browser: Browser;
let app: AppUnderTest;
let code: string;
let pdfPages: string[];
const printer = new PlaywrightPrinter();
const LOOK = resolve('test-results/e2e');
const meeting = loadFixture(2018);

interface Api {
  mountPreview: (f: HTMLIFrameElement, p: unknown, zoom: number) => Promise<{ pages: number }>;
  revealBlock: (f: HTMLIFrameElement, id: string | string[], o?: { behavior?: ScrollBehavior }) => { page: number } | undefined;
}

/** Reveals `id` and reports what the frame shows afterwards. */
const reveal = (id: string | string[]) =>
  app.page.evaluate((id) => {
    const api = (window as unknown as { MinutaPreview: Api }).MinutaPreview;
    const frame = document.querySelector<HTMLIFrameElement>('iframe.test-preview')!;
    const result = api.revealBlock(frame, id, { behavior: 'instant' });
    const doc = frame.contentDocument!;
    const scroller = doc.scrollingElement!;
    const marked = [...doc.querySelectorAll('.minuta-focus')];
    const first = marked[0];
    const rect = first?.getClientRects()[0];
    const pitch = doc.body.getBoundingClientRect().width / Number(doc.body.dataset.pages);
    return {
      page: result?.page,
      scrollLeft: scroller.scrollLeft,
      pitch,
      /** The pages wholly in view, 1-based. */
      visible: [Math.ceil(scroller.scrollLeft / pitch - 0.01) + 1, Math.floor((scroller.scrollLeft + scroller.clientWidth) / pitch + 0.01)],
      inView: rect ? rect.left >= 0 && rect.right <= scroller.clientWidth && rect.top >= 0 && rect.top < scroller.clientHeight : false,
      marked: marked.map((m) => m.getAttribute('data-block') ?? m.tagName),
      text: first?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 60),
      background: first ? getComputedStyle(first).backgroundColor : undefined,
    };
  }, id);

/** The 1-based PDF page whose text holds the start of `text`. */
const pdfPageOf = (text: string) => {
  const words = text.split(' ').slice(0, 4).join(' ');
  return pdfPages.findIndex((p) => p.includes(words)) + 1;
};

beforeAll(async () => {
  const bundle = await rolldown({ input: 'src/renderer/src/preview/mountPreview.ts', platform: 'browser', logLevel: 'silent' });
  const out = await bundle.generate({ format: 'iife', name: 'MinutaPreview' });
  await bundle.close();
  code = out.output[0].code;
  const layout = await layoutMeeting(meeting);
  const dir = mkdtempSync(join(tmpdir(), 'minuta-follow-'));
  try {
    writeFileSync(join(dir, 'm.pdf'), await exportLayout(layout, 'pdf', { printer }));
    pdfPages = tool('pdftotext', 'poppler-utils', ['-layout', join(dir, 'm.pdf'), '-'])
      .stdout.split('\f')
      .map((p) => p.replace(/\s+/g, ' '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  browser = await launchBrowser();
  app = await startApp(browser, { viewport: { width: 1400, height: 1000 } });
  mkdirSync(LOOK, { recursive: true });
  await app.page.evaluate(code);
  const pages = await app.page.evaluate(async (preview) => {
    const frame = document.createElement('iframe');
    frame.className = 'test-preview';
    frame.title = 'Print preview';
    document.body.append(frame);
    Object.assign(frame.style, { position: 'fixed', top: '0', left: '0', width: '1300px', height: '900px', zIndex: '10' });
    return (await (window as unknown as { MinutaPreview: Api }).MinutaPreview.mountPreview(frame, preview, 0.5)).pages;
  }, previewOf(layout));
  expect(pages).toBe(pdfPages.filter((p) => p.trim()).length);
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
  await printer.close();
});

describe('the preview follows the cursor (2018 seed)', () => {
  const sessions = meeting.body.flatMap((b) => (b.type === 'section' ? b.blocks.filter((s) => s.type === 'session') : []));
  const routing = meeting.body.find((b) => b.type === 'routing')!;
  const summary = meeting.body[0]!;

  it('scrolls to the page of the routing block, the same page as in the PDF, and marks it', async () => {
    const r = await reveal(routing.id);
    expect(r.page).toBe(pdfPageOf(r.text!));
    expect(r.page).toBeGreaterThan(4);
    expect(r.scrollLeft).toBeGreaterThan(0);
    expect(r.visible[0]).toBeLessThanOrEqual(r.page!);
    expect(r.visible[1]).toBeGreaterThanOrEqual(r.page!);
    expect(r.inView).toBe(true);
    expect(r.marked).toEqual([routing.id]);
    expect(r.background).toBe('rgb(255, 244, 184)');
    await app.page.locator('iframe.test-preview').screenshot({ path: join(LOOK, 'preview-follow.png') });
  });

  it('a block on page 1 scrolls back to the start', async () => {
    const r = await reveal(summary.id);
    expect(r.page).toBe(1);
    expect(r.scrollLeft).toBe(0);
    expect(r.inView).toBe(true);
    expect(r.marked).toEqual([summary.id]);
  });

  it('every session lands on its PDF page; a leaf inside one is found too', async () => {
    for (const s of sessions) {
      const r = await reveal(s.id);
      expect(r.page, s.id).toBe(pdfPageOf(r.text!));
      expect(r.inView, s.id).toBe(true);
      expect(r.visible[0]).toBeLessThanOrEqual(r.page!);
      expect(r.visible[1]).toBeGreaterThanOrEqual(r.page!);
    }
    const last = sessions.at(-1)!;
    const leaf = last.type === 'session' ? last.items.at(-1)! : last;
    const r = await reveal(leaf.id);
    expect(r.page).toBe(pdfPageOf(r.text!));
    // A group prints as a heading and a list: both are marked.
    expect(r.marked).toEqual([leaf.id, 'UL']);
  });

  it('an id the print does not hold clears the mark; a fallback candidate is used instead', async () => {
    expect((await reveal('no-such-block')).marked).toEqual([]);
    const r = await reveal(['no-such-bullet', routing.id]);
    expect(r.marked).toEqual([routing.id]);
  });

  it('the focus class exists only in the preview, never in the print output; no page problem', async () => {
    const print = previewOf(await layoutMeeting(meeting));
    expect(print.css + print.body).not.toContain('minuta-focus');
    expect(app.problems).toEqual([]);
  });
});
