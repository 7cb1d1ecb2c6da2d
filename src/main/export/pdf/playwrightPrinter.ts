import { type Browser, type Page, chromium } from 'playwright-core';
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
  private readonly env: Record<string, string> | undefined;

  /**
   * `tagged` (default true): a tagged PDF, with a structure tree for screen readers and reflow; false
   * prints about a third faster on long documents and makes the file half the size. `env`: the
   * browser's environment (tests pass FONTCONFIG_FILE to print on a machine with no fonts of its own).
   */
  constructor(options: { executablePath?: string; tagged?: boolean; env?: Record<string, string> } = {}) {
    this.executablePath = options.executablePath;
    this.tagged = options.tagged ?? PRINT_OPTIONS.tagged;
    this.env = options.env;
  }

  /** Starts the browser now (e.g. while the user picks a file name). */
  async start(): Promise<void> {
    await this.getBrowser();
  }

  private getBrowser(): Promise<Browser> {
    this.browser ??= chromium
      .launch({ executablePath: this.executablePath ?? chromiumPath(), args: CHROMIUM_ARGS, headless: true, ...(this.env ? { env: { ...process.env, ...this.env } } : {}) })
      .catch((e: unknown) => {
        this.browser = undefined;
        throw e;
      });
    return this.browser;
  }

  /**
   * One page is kept for warm prints (a new context and page cost a renderer process, ~0.2 s); prints
   * queue on it. It runs no script of the document's and keeps no state that one document could leave
   * to the next: each print replaces the whole document.
   */
  private page: Promise<Page> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private getPage(): Promise<Page> {
    this.page ??= this.getBrowser()
      .then((b) => b.newContext({ offline: true }))
      .then((c) => c.newPage())
      .catch((e: unknown) => {
        this.page = undefined;
        throw e;
      });
    return this.page;
  }

  print(html: string): Promise<Uint8Array> {
    const run = async () => {
      const page = await this.getPage();
      try {
        await page.setContent(screenlessHtml(html), { waitUntil: 'load' });
        // Nothing was laid out for the screen, so no font was requested yet: load them all, then print.
        await page.evaluate(LOAD_ALL_FONTS);
        const pdf = await page.pdf({ ...PRINT_OPTIONS, tagged: this.tagged });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } catch (e) {
        // A page in an unknown state is not reused.
        this.page = undefined;
        await page.context().close().catch(() => undefined);
        throw e;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.queue;
    const b = this.browser;
    this.browser = undefined;
    this.page = undefined;
    if (b) await (await b).close();
  }
}
