import { MinutaError } from '../../../shared/errors';
import { existsSync } from 'node:fs';
import { NO_NETWORK_ARGS } from '../../security/network';

/**
 * Finding and starting a Chromium-family browser without Playwright's own
 * downloads: the CLI, the tests and the benchmark print with what the machine
 * has (MINUTA_CHROMIUM first, then the usual install paths).
 */

/**
 * For every Chromium we start: headless, and no network (see security/network.ts for what and why).
 * Unhinted fonts: the headless shell hints glyphs for the screen by default, and hinted advances break
 * lines elsewhere than print does, so the end-to-end browser's paged preview would disagree with the
 * PDF about which page a block is on (tests/e2e/preview-follow.test.ts); unhinted, screen and print
 * lay text out alike. Print itself is unaffected (a PDF is never hinted).
 */
export const CHROMIUM_ARGS: string[] = ['--headless', '--no-sandbox', '--disable-gpu', '--font-render-hinting=none', ...NO_NETWORK_ARGS];

/**
 * On Linux the headless shell comes first: it is Chromium's renderer and printer without the browser's
 * profile services (sign-in, component updates), the only Chromium measured to make no connection off
 * this machine at all (security/network.ts). A full browser is the fallback.
 */
const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium-headless-shell',
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    `${process.env['PROGRAMFILES'] ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Microsoft\\Edge\\Application\\msedge.exe`,
    `${process.env['PROGRAMFILES'] ?? 'C:\\Program Files'}\\Microsoft\\Edge\\Application\\msedge.exe`,
  ],
};

/** `unavailable`: printing is a capability this machine lacks until a browser is installed. */
export class NoChromiumError extends MinutaError {
  constructor() {
    super(
      'unavailable',
      'No Chromium, Chrome or Edge found to print PDF: set MINUTA_CHROMIUM to the browser binary, ' +
        'or install one (Debian/Ubuntu: apt-get install chromium). Run `bash scripts/setup.sh test` to do it for you.',
    );
    this.name = 'NoChromiumError';
  }
}

export function chromiumPath(): string {
  const fromEnv = process.env['MINUTA_CHROMIUM'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new MinutaError('unavailable', `MINUTA_CHROMIUM is set to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const found = (CANDIDATES[process.platform] ?? []).find((p) => existsSync(p));
  if (!found) throw new NoChromiumError();
  return found;
}
