import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { PRINT_OPTIONS, type Printer } from './printer';

/**
 * The printer for the CLI, the tests and the benchmark: playwright-core
 * driving an installed Chromium. The browser starts on the first print and is
 * kept for the next ones (a warm export costs a page, not a browser).
 */
export class PlaywrightPrinter implements Printer {
  private browser: Promise<Browser> | undefined;

  constructor(private readonly executablePath?: string) {}

  /** Starts the browser now (e.g. while the user picks a file name). */
  async start(): Promise<void> {
    await this.getBrowser();
  }

  private getBrowser(): Promise<Browser> {
    this.browser ??= chromium
      .launch({ executablePath: this.executablePath ?? chromiumPath(), args: CHROMIUM_ARGS, headless: true })
      .catch((e: unknown) => {
        this.browser = undefined;
        throw e;
      });
    return this.browser;
  }

  async print(html: string): Promise<Uint8Array> {
    const browser = await this.getBrowser();
    // A context per print: no state (cache, storage) can leak from one document into another.
    // The HTML carries no script; offline because it needs nothing from outside (fonts are data: URLs).
    const context = await browser.newContext({ offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // Web fonts load lazily, when text needs them: print only once every one has arrived.
      await page.evaluate('document.fonts.ready.then(() => undefined)');
      const pdf = await page.pdf(PRINT_OPTIONS);
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b).close();
  }
}
