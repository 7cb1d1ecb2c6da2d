import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { rolldown } from 'rolldown';
import { layoutMeeting } from '../../src/shared/format';
import { exportLayout } from '../../src/main/export';
import { previewOf } from '../../src/main/export/service';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { launchBrowser, startApp, type AppUnderTest } from './harness';
import { loadFixture } from '../support/temp';

/**
 * The paged preview in the real renderer page, under the app's real CSP: the preview code
 * (src/renderer/src/preview/mountPreview.ts, bundled as the app bundles it) fills an iframe with the
 * print HTML. It must lay out as many pages as the PDF has, load our fonts, and log no CSP violation.
 */
let browser: Browser;
let app: AppUnderTest;
let mountCode: string;
const printer = new PlaywrightPrinter();
const LOOK = resolve('test-results/export');

beforeAll(async () => {
  const bundle = await rolldown({ input: 'src/renderer/src/preview/mountPreview.ts', platform: 'browser', logLevel: 'silent' });
  const out = await bundle.generate({ format: 'iife', name: 'MinutaPreview' });
  await bundle.close();
  mountCode = out.output[0].code;
  browser = await launchBrowser();
  app = await startApp(browser, { viewport: { width: 1400, height: 1000 } });
  mkdirSync(LOOK, { recursive: true });
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
  await printer.close();
});

describe.each([2019, 2018] as const)('the paged preview of the %s seed', (year) => {
  it('shows as many A4 pages as the PDF has, in our fonts, without a CSP violation', async () => {
    const layout = await layoutMeeting(loadFixture(year));
    const pdfPages = (await PDFDocument.load(await exportLayout(layout, 'pdf', { printer }))).getPageCount();
    const { page } = app;
    await page.evaluate(mountCode);
    const result = await page.evaluate(async (preview) => {
      document.querySelector('iframe.test-preview')?.remove();
      const frame = document.createElement('iframe');
      frame.className = 'test-preview';
      frame.title = 'Print preview';
      document.body.append(frame);
      Object.assign(frame.style, { position: 'fixed', top: '0', left: '0', width: '1300px', height: '900px', zIndex: '10' });
      const violations: string[] = [];
      const mounted = await (window as unknown as { MinutaPreview: { mountPreview: (f: HTMLIFrameElement, p: unknown, zoom: number) => Promise<{ pages: number }> } }).MinutaPreview.mountPreview(
        frame,
        preview,
        0.5,
      );
      const doc = frame.contentDocument!;
      doc.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      const box = doc.querySelector('.sig-box');
      return {
        pages: mounted.pages,
        violations,
        fonts: ['Noto Serif'].map((f) => doc.fonts.check(`12px "${f}"`)),
        fontStatus: [...doc.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
        boxHeightMm: box ? parseFloat(getComputedStyle(box).height) * (25.4 / 96) : undefined,
        h2: doc.querySelector('h2')?.textContent,
      };
    }, previewOf(layout));
    await page.locator('iframe.test-preview').screenshot({ path: join(LOOK, `preview-${year}.png`) });
    expect(result.violations).toEqual([]);
    expect(app.problems).toEqual([]);
    expect(result.fontStatus).toContain('Noto Serif');
    expect(result.pages).toBe(pdfPages);
    if (year === 2019) expect(result.boxHeightMm).toBeCloseTo(28, 0);
    if (year === 2018) expect(result.h2).toBe('A. PARTICIPANTS OF THE MEETING');
  });
});
