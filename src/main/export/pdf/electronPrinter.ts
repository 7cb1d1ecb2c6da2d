import { BrowserWindow, session } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRINT_OPTIONS, type Printer } from './printer';
import { isPrintRequestAllowed } from '../../security/network';

/**
 * The app's printer: Electron's own Chromium prints the HTML in a hidden window — sandboxed, isolated,
 * without preload or scripts, in a private in-memory session that may load nothing but the one file
 * (fonts are data: URLs inside it; the rule is security/network.ts, and the app's Chromium runs with
 * its no-network switches, appended in index.ts). One window is kept for warm exports; prints run one at a time.
 */
const PARTITION = 'minuta-print';

export class ElectronPrinter implements Printer {
  private win: BrowserWindow | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly dir = mkdtempSync(join(tmpdir(), 'minuta-print-'));
  private idle: ReturnType<typeof setTimeout> | undefined;

  private window(): BrowserWindow {
    if (this.win && !this.win.isDestroyed()) return this.win;
    const ses = session.fromPartition(PARTITION, { cache: false });
    const allowed = pathToFileURL(join(this.dir, 'print.html')).href;
    // No filter: every request of this session is seen, and one the rule refuses never reaches the network stack.
    ses.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !isPrintRequestAllowed(details.url, allowed) });
    });
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    this.win = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: {
        session: ses,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    this.win.webContents.on('will-navigate', (event) => event.preventDefault());
    this.win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    return this.win;
  }

  print(html: string): Promise<Uint8Array> {
    const run = async () => {
      const win = this.window();
      const file = join(this.dir, 'print.html');
      writeFileSync(file, html);
      try {
        await win.loadFile(file);
        const pdf = await win.webContents.printToPDF({
          pageSize: 'A4',
          preferCSSPageSize: PRINT_OPTIONS.preferCSSPageSize,
          printBackground: PRINT_OPTIONS.printBackground,
          displayHeaderFooter: PRINT_OPTIONS.displayHeaderFooter,
          generateTaggedPDF: PRINT_OPTIONS.tagged,
          generateDocumentOutline: PRINT_OPTIONS.outline,
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        rmSync(file, { force: true });
      }
    };
    clearTimeout(this.idle);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    // Warm for the next export, but no hidden window left behind for long.
    void this.queue.then(() => {
      clearTimeout(this.idle);
      this.idle = setTimeout(() => this.releaseWindow(), 60_000);
    });
    return result;
  }

  private releaseWindow(): void {
    if (this.win && !this.win.isDestroyed()) this.win.destroy();
    this.win = undefined;
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    this.releaseWindow();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
