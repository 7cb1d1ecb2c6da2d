import { describe, it } from 'vitest';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, startApp } from '../e2e/harness';
import { CHARS_PER_PAGE, generateLongMeeting } from './generate';
import { percentile } from './stats';
import { shortcut } from '../e2e/drivers/ui';
import { loadFixture } from '../support/temp';
import type { Browser, Page } from 'playwright-core';

/**
 * The editor on a generated ~200-page minutes document, in headless Chromium through the e2e harness
 * (built renderer, real services, real SQLite). Prints:
 *  - open: from the navigation to the meeting until a field in the middle of the document has the
 *    cursor and accepts typing (includes loading the document over the API and rendering it);
 *  - keystroke-to-next-frame: for each of 200 characters typed mid-document, the time from the key
 *    event (its timeStamp) to the next requestAnimationFrame callback, measured in the page. At 60 Hz
 *    this figure is mostly the wait for the display's next frame: the same loop on an empty page (printed
 *    beside it as the floor) gives p95 ≈ 16 ms, so it can only tell a keystroke that misses a frame;
 *  - keystroke-to-frame-rendered, the app's own share: Chromium started again with the frame clock
 *    unthrottled (--disable-frame-rate-limit: a frame is made as soon as one is asked for, so there is
 *    no wait for a display refresh), the time from the key event until the frame that shows it has
 *    been rendered on the main thread (its requestAnimationFrame, then a message posted from there,
 *    which runs after that frame's style, layout and paint). It includes waiting behind whatever task
 *    runs when the key arrives (a preview refresh, find's walk, a save). Keys are sent at random moments
 *    (not locked to the frames), with the preview and find's highlights live. Its floor on an empty
 *    page is printed beside it;
 *  - the JS heap after opening (performance.memory, precise; after a GC and before it);
 *  - keystroke-to-next-frame again with the find bar open on a query (its highlights live in the editor
 *    and the preview);
 *  - preview updated after typing pauses: from the last key event of a word until the preview frame
 *    holds that word and is laid out, on the 200-page document and on the 12-page 2018 minutes.
 * The harness carries the API over a Playwright binding (CDP, JSON): opening is also printed split into
 * that transfer (a few ms over Electron's IPC) and the rendering.
 * Targets: p95 ≤ 16 ms (one 60 Hz frame; keystroke-to-frame-rendered, whose floor is not the frame clock), open ≤ 1 s, heap ≤ 150 MB, preview ≤ 1 s (200 pages) and ≤ 300 ms (2018). Benchmarks print; they never fail on time.
 * Needs `npm run build` first.
 */

const PAGES = 200;
const KEYSTROKES = 200;

describe('editor benchmark', () => {
  it(`opens and types in a ${PAGES}-page document`, async () => {
    const { meeting, chars, sessions } = generateLongMeeting(PAGES);
    console.log(`document: ${sessions} sessions, ${chars.toLocaleString('en')} characters ≈ ${Math.round(chars / CHARS_PER_PAGE)} pages, ${(JSON.stringify(meeting).length / 1e6).toFixed(2)} MB JSON`);
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      headless: true,
    });
    // The second Chromium, its frame clock unthrottled, for keystroke-to-frame-rendered (see above).
    const unthrottled = await chromium.launch({
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
      headless: true,
    });
    const app = await startApp(browser);
    try {
      const { page } = app;
      app.services.store.create(meeting, 'bench');

      for (let run = 0; run < 3; run++) {
        if (run > 0) {
          // A fresh page each run (the document is not in memory); the browser's code cache is warm.
          await page.evaluate(() => (location.hash = '#/'));
          await page.reload();
          await page.locator('[data-testid="meeting-list"]').waitFor();
        }
        // A presentation's bullets in the middle of the document.
        const middle = meeting.body.flatMap((b) => (b.type === 'section' ? b.blocks : [b])).filter((b) => b.type === 'session');
        const presentation = middle
          .slice(Math.floor(middle.length / 2))
          .flatMap((s) => (s.type === 'session' ? s.items : []))
          .find((b) => b.type === 'presentation')!;
        const key = `${presentation.id}.bullets`;

        const [firstMs, openMs, transferMs, renderMs] = await page.evaluate(
          async ({ id, key }) => {
            performance.clearMarks();
            const t0 = performance.now();
            location.hash = `#/meeting/${id}`;
            const frame = () => new Promise((r) => requestAnimationFrame(r));
            // Typable at the top: the first field of the document takes the cursor.
            while (!document.querySelector('.editor-page [data-field]')) await frame();
            const first = document.querySelector<HTMLElement>('.blk [role="textbox"]')!;
            first.focus();
            while (!document.activeElement?.classList.contains('ProseMirror')) await frame();
            await frame();
            const t1 = performance.now();
            while (!document.querySelector(`[data-field="${key}"]`)) await frame();
            const field = document.querySelector<HTMLElement>(`[data-field="${key}"]`)!;
            field.scrollIntoView({ block: 'center' });
            field.focus();
            while (!document.activeElement?.classList.contains('ProseMirror')) await frame();
            await frame();
            const received = performance.getEntriesByName('minuta:received')[0]!.startTime;
            const opened = performance.getEntriesByName('minuta:open')[0]!.startTime;
            return [t1 - t0, performance.now() - t0, received - opened, t1 - received];
          },
          { id: meeting.id, key },
        );
        const heapBefore = await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
        const heapAfterGc = await page.evaluate(() => {
          (globalThis as unknown as { gc?: () => void }).gc?.();
          return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
        });
        const blocks = await page.locator('.blk').count();
        console.log(`run ${run + 1}: open until typable ${firstMs.toFixed(0)} ms (target ≤ 1000) = getMeeting over the test bridge ${transferMs.toFixed(0)} ms + render until typable ${renderMs.toFixed(0)} ms; until a field in the middle takes the cursor ${openMs.toFixed(0)} ms; ${blocks} blocks; JS heap ${(heapAfterGc / 1e6).toFixed(1)} MB after GC, ${(heapBefore / 1e6).toFixed(1)} MB before (target ≤ 150 MB)`);
        if (run < 2) continue;
        // Steady state: the background chunks of the long lists have all rendered.
        const t = Date.now();
        await page.waitForFunction(() => document.querySelectorAll('.blk-children:not([data-complete])').length === 0, null, { timeout: 30_000 });
        console.log(`rest of the document rendered in the background within ${Date.now() - t} ms more (${await page.locator('.blk').count()} blocks)`);
        // And the preview shown once (its first layout is part of opening, not of typing).
        await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('iframe[data-testid="paged-preview"]')?.contentDocument?.body?.dataset.pages, null, { timeout: 60_000 });

        // Keystrokes: one at a time, each sample taken at the frame after its key event. Long tasks
        // (> 50 ms without yielding, as Chromium reports them) are recorded beside: a keystroke that
        // falls into one waits for it to end.
        await installSampler(page, 'next-frame');
        const text = 'The delegations agreed to exchange data on returnees every quarter through the focal points, ';
        const typeSampled = async (label: string) =>
          printTyping(`keystroke-to-next-frame at 60 Hz, ${KEYSTROKES} characters mid-document${label}`, 'the frame clock sets its floor, printed below', await typeSamples(page, text, 'locked'));
        await typeSampled('');
        console.log(`preview updated after typing pauses, ${PAGES} pages: ${describeLatencies(await previewLatencies(page))} (target ≤ 1000 ms)`);

        // The same with find's highlights live in the editor and the preview.
        await shortcut(page, 'Mod+F');
        // Playwright's label lookup over 600 blocks is slow on a loaded machine: a generous timeout.
        await page.getByLabel('Find', { exact: true }).fill('delegations', { timeout: 120_000 });
        await page.getByTestId('find-count').filter({ hasText: /of \d+/ }).waitFor({ timeout: 120_000 });
        await page.evaluate((key) => document.querySelector<HTMLElement>(`[data-field="${key}"]`)!.focus(), key);
        await typeSampled(', find bar open on "delegations"');
        console.log(`preview updated after typing pauses, ${PAGES} pages, find bar open: ${describeLatencies(await previewLatencies(page))} (target ≤ 1000 ms)`);
        await page.keyboard.press('Escape');
        await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
        const storedText = JSON.stringify(app.services.store.get(meeting.id)!.meeting).includes('The delegations agreed to exchange data');
        console.log(`typed text stored by autosave: ${storedText}`);
        console.log(`  floor of keystroke-to-next-frame at 60 Hz, the same loop on an empty page: ${describeSamples(await emptyPageSamples(browser, 'next-frame'))}`);

        // The app's own share: the same document, the same keys, in the unthrottled Chromium.
        const fast = await startApp(unthrottled);
        try {
          fast.services.store.create(meeting, 'bench');
          await typeUnthrottled(fast.page, meeting.id, key, text);
          if (fast.problems.length > 0) console.log('page problems (unthrottled):', fast.problems);
        } finally {
          await fast.close();
        }
        console.log(`  floor of keystroke-to-frame-rendered, the same loop on an empty page: ${describeSamples(await emptyPageSamples(unthrottled, 'rendered'))}`);
      }
      // The 12-page 2018 minutes: typing at the end of its first text field.
      const minutes = loadFixture(2018);
      app.services.store.create(minutes, 'bench');
      await page.evaluate(() => (location.hash = '#/'));
      await page.reload();
      await page.locator('[data-testid="meeting-list"]').waitFor();
      await page.evaluate((id) => (location.hash = `#/meeting/${id}`), minutes.id);
      await page.locator('iframe[data-testid="paged-preview"]').waitFor();
      await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('iframe[data-testid="paged-preview"]')?.contentDocument?.body?.dataset.pages);
      await page.locator('.blk-paragraph [data-field]').first().click();
      await page.keyboard.press('End');
      console.log(`preview updated after typing pauses, 2018 minutes (12 pages): ${describeLatencies(await previewLatencies(page))} (target ≤ 300 ms)`);
      // The same with the page left alone after the last key (no animation frames asked for while
      // waiting, as when the minute-taker stops typing): idle callbacks then depend on Chromium's own idle periods.
      console.log(`preview updated after typing pauses, 2018 minutes, page left idle: ${describeLatencies(await previewLatencies(page, 'idle'))} (target ≤ 300 ms)`);
      if (app.problems.length > 0) console.log('page problems:', app.problems);
    } finally {
      await app.close();
      await browser.close();
      await unthrottled.close();
    }
  });
});

/**
 * Types five words, each followed by a pause, and returns for each the time from its last key event
 * until the preview frame holds the word and has been laid out (its page count set). The frame is
 * watched with a MutationObserver, so the poll reads the preview's text only after it changed.
 */
async function previewLatencies(page: Page, wait: 'frames' | 'idle' = 'frames'): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < 5; i++) {
    const word = ` Qzx${i}${Date.now() % 100000}`;
    await page.evaluate(() => {
      const w = window as unknown as { __lastKey: number; __keyWatch?: boolean };
      if (w.__keyWatch) return;
      w.__keyWatch = true;
      window.addEventListener('keydown', (e) => (w.__lastKey = e.timeStamp), true);
    });
    await page.keyboard.type(word);
    out.push(
      await page.evaluate(async ({ word, wait }) => {
        const w = window as unknown as { __lastKey: number };
        const frame = document.querySelector<HTMLIFrameElement>('iframe[data-testid="paged-preview"]')!;
        let observed: Document | undefined;
        let dirty = true;
        const deadline = performance.now() + 20_000;
        while (performance.now() < deadline) {
          // 'idle': polled by timer, so that the wait itself asks for no frame.
          await new Promise((r) => (wait === 'idle' ? setTimeout(r, 4) : requestAnimationFrame(r)));
          const doc = frame.contentDocument;
          if (!doc?.body) continue;
          if (doc !== observed) {
            observed = doc;
            dirty = true;
            new MutationObserver(() => (dirty = true)).observe(doc.documentElement, { childList: true, subtree: false, attributes: true, attributeFilter: ['style'] });
            new MutationObserver(() => (dirty = true)).observe(doc.body, { childList: true, attributes: true });
          }
          if (dirty && doc.body.dataset.pages) {
            dirty = false;
            if (doc.body.textContent?.includes(word.trim())) return performance.now() - w.__lastKey;
          }
        }
        return Number.NaN;
      }, { word, wait }),
    );
  }
  return out;
}

const describeLatencies = (ms: number[]) => `median ${percentile(ms, 50).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(', ')})`;

const describeSamples = (ms: number[]) => `p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`;

type Sampled = { __samples: number[]; __longTasks: number[]; __frames: string[]; __since: number };

/**
 * Installs the keystroke sampler in the page. 'next-frame': key event → the next requestAnimationFrame
 * callback. 'rendered': key event → that frame rendered (a message posted from its
 * requestAnimationFrame callback runs once the frame's style, layout and paint are done). Also
 * records main-thread tasks over 50 ms and the long animation frames with the code that ran in them.
 */
async function installSampler(page: Page, mode: 'next-frame' | 'rendered'): Promise<void> {
  await page.evaluate((mode) => {
    const w = window as unknown as Sampled;
    w.__samples = [];
    w.__longTasks = [];
    w.__frames = [];
    w.__since = performance.now();
    // Entries are delivered late: only those that started after the counters were reset count.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= w.__since) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    // Which code ran in each long frame (Long Animation Frames: the script entry points, their
    // time and the style and layout they forced), to name what a long task was.
    type Script = { invoker: string; sourceFunctionName: string; duration: number; forcedStyleAndLayoutDuration: number };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { startTime: number; duration: number; scripts: Script[] }[]) {
        if (e.startTime < w.__since) continue;
        const scripts = e.scripts
          .filter((x) => x.duration >= 5)
          .map((x) => `${x.invoker}${x.sourceFunctionName ? `/${x.sourceFunctionName}` : ''} ${x.duration.toFixed(0)} ms${x.forcedStyleAndLayoutDuration >= 1 ? ` (forced layout ${x.forcedStyleAndLayoutDuration.toFixed(0)} ms)` : ''}`);
        w.__frames.push(`${e.duration.toFixed(0).padStart(5)} ms: ${scripts.join(' + ') || 'rendering only'}`);
      }
    }).observe({ type: 'long-animation-frame' });
    window.addEventListener(
      'keydown',
      (e) => {
        const start = e.timeStamp;
        requestAnimationFrame(() => {
          if (mode === 'next-frame') return void w.__samples.push(performance.now() - start);
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__samples.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  }, mode);
}

async function resetSampler(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Sampled;
    w.__samples = [];
    w.__longTasks = [];
    w.__frames = [];
    w.__since = performance.now();
  });
}

/**
 * Types KEYSTROKES characters of `text`, one at a time, each after the previous one's sample is in.
 * 'locked': the next key goes as soon as the sample is in (polled at each frame, as the 60 Hz figure
 * always was). 'random': a random 0–30 ms wait first, so that keys arrive at any moment, as a typist's do.
 */
async function typeSamples(page: Page, text: string, pacing: 'locked' | 'random'): Promise<{ samples: number[]; longTasks: number[]; frames: string[] }> {
  await resetSampler(page);
  for (let i = 0; i < KEYSTROKES; i++) {
    if (pacing === 'random') await new Promise((r) => setTimeout(r, Math.random() * 30));
    await page.keyboard.type(text[i % text.length]!);
    // An unthrottled frame clock makes frames as fast as they are asked for: poll on a timer there.
    await page.waitForFunction((n) => (window as unknown as Sampled).__samples.length >= n, i + 1, { polling: pacing === 'locked' ? 'raf' : 5 });
  }
  // Let the last pause's preview refresh run too: its tasks count as typing's.
  await page.waitForTimeout(1500);
  const [samples, longTasks, frames] = await page.evaluate(() => {
    const w = window as unknown as Sampled;
    return [w.__samples, w.__longTasks, w.__frames] as const;
  });
  return { samples, longTasks, frames };
}

function printTyping(what: string, target: string, { samples, longTasks, frames }: { samples: number[]; longTasks: number[]; frames: string[] }): void {
  console.log(
    `${what}: ${describeSamples(samples)} (${target}); main-thread tasks over 50 ms: ${longTasks.length}${longTasks.length ? `, longest ${Math.max(...longTasks).toFixed(0)} ms` : ''} (target: none)`,
  );
  const longest = [...frames].sort((a, b) => parseFloat(b) - parseFloat(a)).slice(0, 5);
  if (longest.length) console.log(`  longest frames and the code in them:\n  ${longest.join('\n  ')}`);
}

/** The same sampling loop on an empty page with one text area: what the measurement costs by itself. */
async function emptyPageSamples(browser: Browser, mode: 'next-frame' | 'rendered'): Promise<number[]> {
  const page = await browser.newPage();
  try {
    await page.setContent('<textarea></textarea>');
    await page.focus('textarea');
    await installSampler(page, mode);
    const { samples } = await typeSamples(page, 'empty page ', mode === 'next-frame' ? 'locked' : 'random');
    return samples;
  } finally {
    await page.close();
  }
}

/**
 * Keystroke-to-frame-rendered in the unthrottled Chromium: the document opened, the middle field
 * focused, the preview laid out; typed without and then with the find bar open on a word with hundreds
 * of matches (highlights live in the editor and the preview).
 */
async function typeUnthrottled(page: Page, id: string, key: string, text: string): Promise<void> {
  await page.evaluate((id) => (location.hash = `#/meeting/${id}`), id);
  await page.locator(`[data-field="${key}"]`).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelectorAll('.blk-children:not([data-complete])').length === 0, null, { timeout: 30_000, polling: 50 });
  await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('iframe[data-testid="paged-preview"]')?.contentDocument?.body?.dataset.pages, null, { timeout: 60_000, polling: 50 });
  const focus = () => page.evaluate((key) => {
    const field = document.querySelector<HTMLElement>(`[data-field="${key}"]`)!;
    field.scrollIntoView({ block: 'center' });
    field.focus();
  }, key);
  await focus();
  await page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'), null, { polling: 50 });
  await page.keyboard.press('End');
  await installSampler(page, 'rendered');
  printTyping(`keystroke-to-frame-rendered (unthrottled frames), ${KEYSTROKES} characters mid-document, preview live`, 'target p95 ≤ 16 ms', await typeSamples(page, text, 'random'));
  await shortcut(page, 'Mod+F');
  await page.getByLabel('Find', { exact: true }).fill('delegations', { timeout: 120_000 });
  await page.getByTestId('find-count').filter({ hasText: /of \d+/ }).waitFor({ timeout: 120_000 });
  await focus();
  await page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'), null, { polling: 50 });
  await page.keyboard.press('End');
  await page.waitForTimeout(1000);
  printTyping(`keystroke-to-frame-rendered (unthrottled frames), ${KEYSTROKES} characters mid-document, preview live, find bar open on "delegations"`, 'target p95 ≤ 16 ms', await typeSamples(page, text, 'random'));
}
