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

/**
 * For a printer that can run a script before printing: hides the document from the screen so that
 * loading it lays nothing out (a 200-page document would otherwise be laid out twice, once for the
 * screen and once for print, and the screen pass is wasted). Fonts are then loaded explicitly
 * (`document.fonts` → load each face) before printing, since no screen layout requests them.
 */
export function screenlessHtml(html: string): string {
  const rule = '<style>@media screen { body { display: none !important; } }</style>';
  const at = html.indexOf('</head>');
  return at < 0 ? rule + html : html.slice(0, at) + rule + html.slice(at);
}

/** Evaluated in the page: loads every declared font face; resolves when all are ready. */
export const LOAD_ALL_FONTS = 'Promise.all([...document.fonts].map((f) => f.load())).then(() => document.fonts.ready).then(() => undefined)';
