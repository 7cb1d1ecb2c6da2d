/**
 * The printer port: HTML in, PDF bytes out. Two adapters: Electron's
 * webContents.printToPDF in the app (electronPrinter.ts) and playwright-core
 * driving an installed Chromium for the CLI and the tests
 * (playwrightPrinter.ts). Both print the same HTML with the same options, so
 * what the app exports is what the tests check.
 */
export interface Printer {
  print(html: string): Promise<Uint8Array>;
  /** Releases the browser or window; the printer may not be used afterwards. */
  close(): Promise<void>;
}

/** The options both adapters pass: A4 from the CSS @page rule, backgrounds, no browser header/footer. */
export const PRINT_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  /** Tagged PDF: structure for screen readers; Chromium also writes ActualText for shaped runs. */
  tagged: true,
  outline: false,
} as const;
