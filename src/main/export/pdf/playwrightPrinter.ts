import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { LOAD_ALL_FONTS, PRINT_OPTIONS, type Printer, screenlessHtml } from './printer';

/**
 * The printer for the CLI, the tests and the benchmark: playwright-core
 * driving an installed Chromium. The browser starts on the first print and is
 * kept for the next ones (a warm export costs a page, not a browser).
 */
export class PlaywrightPrinter implements Printer {
  private browser: Promise<Browser> | undefined;

  private readonly executablePath: string | undefined;
  private readonly tagged: boolean;

  /**
   * `tagged` (default true): a tagged PDF, with a structure tree for screen readers and reflow; false
   * prints about a third faster on long documents and makes the file half the size.
   */
  constructor(options: { executablePath?: string; tagged?: boolean } = {}) {
    this.executablePath = options.executablePath;
    this.tagged = options.tagged ?? PRINT_OPTIONS.tagged;
  }

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
      await page.setContent(screenlessHtml(html), { waitUntil: 'load' });
      // Nothing was laid out for the screen, so no font was requested yet: load them all, then print.
      await page.evaluate(LOAD_ALL_FONTS);
      const pdf = await page.pdf({ ...PRINT_OPTIONS, tagged: this.tagged });
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
