import { describe, it } from 'vitest';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, startApp } from '../e2e/harness';
import { CHARS_PER_PAGE, generateLongMeeting } from './generate';
import { percentile } from './stats';

/**
 * The editor on a generated ~200-page minutes document, in headless Chromium through the e2e harness
 * (built renderer, real services, real SQLite). Prints:
 *  - open: from the navigation to the meeting until a field in the middle of the document has the
 *    cursor and accepts typing (includes loading the document over the API and rendering it);
 *  - keystroke-to-next-frame: for each of 200 characters typed mid-document, the time from the key
 *    event (its timeStamp) to the next requestAnimationFrame callback, measured in the page;
 *  - the JS heap after opening (performance.memory, precise; after a GC and before it).
 * The harness carries the API over a Playwright binding (CDP, JSON): opening is also printed split into
 * that transfer (a few ms over Electron's IPC) and the rendering.
 * Targets: p95 ≤ 16 ms, open ≤ 1 s, heap ≤ 150 MB. Benchmarks print; they never fail on time.
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

        // Keystrokes: one at a time, each sample taken at the frame after its key event.
        await page.evaluate(() => {
          const w = window as unknown as { __samples: number[] };
          w.__samples = [];
          window.addEventListener(
            'keydown',
            (e) => {
              const start = e.timeStamp;
              requestAnimationFrame(() => w.__samples.push(performance.now() - start));

            },
            true,
          );
        });
        const text = 'The delegations agreed to exchange data on returnees every quarter through the focal points, ';
        for (let i = 0; i < KEYSTROKES; i++) {
          await page.keyboard.type(text[i % text.length]!);
          await page.waitForFunction((n) => (window as unknown as { __samples: number[] }).__samples.length >= n, i + 1, { polling: 'raf' });
        }
        const samples = await page.evaluate(() => (window as unknown as { __samples: number[] }).__samples);

        console.log(
          `keystroke-to-next-frame, ${samples.length} characters mid-document: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms (target p95 ≤ 16 ms)`,
        );
        await page.locator('[data-save-state="saved"]').waitFor({ timeout: 30_000 });
        const storedText = JSON.stringify(app.services.store.get(meeting.id)!.meeting).includes('The delegations agreed to exchange data');
        console.log(`typed text stored by autosave: ${storedText}`);
      }
      if (app.problems.length > 0) console.log('page problems:', app.problems);
    } finally {
      await app.close();
      await browser.close();
    }
  });
});
