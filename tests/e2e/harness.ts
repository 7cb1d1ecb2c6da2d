import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/main/export/pdf/chromium';
import type { Services } from '../../src/main/services';
import { startServices, type Startup } from '../../src/main/services/startup';
import { PlaywrightPrinter } from '../../src/main/export/pdf/playwrightPrinter';
import { createSettingsStore } from '../../src/main/settings/settingsFile';
import { methods } from '../../src/shared/ipc/contract';

/**
 * The end-to-end harness: the built renderer in real headless Chromium, its `window.minuta` bridged to
 * the real main-process services running in this test process against a real SQLite file. What the
 * preload does in the app (one named function per contract method, results as envelopes) is done here
 * by an init script over one exposed function; the validation and services behind it are the app's own.
 */

const RENDERER_DIR = resolve('out/renderer');
/** A made-up origin, served by request interception: module scripts and 'self' CSP behave as in a real host. */
const ORIGIN = 'http://minuta.localhost';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

// One place finds the browser and its flags: the PDF printer of the CLI uses the same (MINUTA_CHROMIUM first).
export { CHROMIUM_ARGS, chromiumPath };

/**
 * One Chromium for the calling test file: started before its tests, closed after them. Returns a
 * getter, since the browser exists only once the file's tests begin.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser(): the browser starts in beforeAll; call the getter inside a test');
    return browser;
  };
}

/** `executablePath`: another binary or a wrapper around it (printer-network.test.ts traces one). */
export async function launchBrowser(options: { executablePath?: string } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: options.executablePath ?? chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

export interface AppUnderTest {
  page: Page;
  services: Services;
  dataDir: string;
  databasePath: string;
  /** Where the test save dialog puts exported files. */
  exportsDir: string;
  /** Problems the page reported: uncaught errors, console errors, CSP violations. Tests assert it stays empty. */
  problems: string[];
  /** What the test "open dialog" answers next when the app imports a minutes file (undefined: cancel). */
  importAnswer: { file: string | undefined };
  /** What the test "open dialog" of "Verify a copy…" answers (undefined: cancel). */
  verifyAnswer: { file: string | undefined };
  /** What the test dialogs of "Sign as…" answer: the copy, the key file, where the signed copy goes (undefined: cancel). */
  signAnswer: { copy: string | undefined; key: string | undefined; out: string | undefined };
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data folder (e.g. to restart the services on the same file); a fresh temp folder otherwise. */
  dataDir?: string;
  /** The database file (default: minuta.sqlite in the data folder), e.g. a damaged or newer one. */
  databasePath?: string;
  viewport?: { width: number; height: number };
  /** Who this session's revisions are attributed to (the app's "Who am I"); the OS user by default. */
  author?: string;
  /**
   * Wraps the bridge: sees (and may answer instead of) every call the page makes. `dispatch` is the
   * real one. For recording payloads, or for an answer the real services cannot produce yet.
   */
  bridge?: (method: string, payload: unknown, dispatch: Services['dispatch']) => Promise<unknown>;
  /** The workflow state the services see (until the workflow lands, nothing is approved). */
  workflowState?: (meetingId: string) => string | undefined;
}

export async function startApp(browser: Browser, options: StartOptions = {}): Promise<AppUnderTest> {
  const { startup, ...app } = await startAny(browser, options);
  if (!startup.ok) {
    await app.close();
    throw new Error(`the services did not start: ${startup.state.detail}`);
  }
  return { ...app, services: startup.services };
}

/**
 * The app as main starts it, whether or not the database opens: with a newer, damaged or foreign
 * database file the page gets the minimal startup dispatch (src/main/services/startup.ts).
 */
export async function startAny(
  browser: Browser,
  options: StartOptions = {},
): Promise<Omit<AppUnderTest, 'services'> & { startup: Startup }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npm run build` before the end-to-end tests.');
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'minuta-e2e-'));
  const databasePath = options.databasePath ?? join(dataDir, 'minuta.sqlite');
  const exportsDir = join(dataDir, 'exports');
  const importAnswer: { file: string | undefined } = { file: undefined };
  const verifyAnswer: { file: string | undefined } = { file: undefined };
  const signAnswer: AppUnderTest['signAnswer'] = { copy: undefined, key: undefined, out: undefined };
  const startup = startServices({
    databasePath,
    version: 'test',
    ...(options.author ? { author: options.author } : {}),
    // The app's export service with the test adapters: the "save dialog" answers a path in the data
    // folder; the printer (a second Chromium) starts only if a test exports a PDF.
    export: {
      dialog: { chooseDestination: async ({ defaultName }) => join(exportsDir, defaultName) },
      createPrinter: () => new PlaywrightPrinter(),
    },
    importDialog: { chooseMinutesFile: async () => importAnswer.file },
    verifyDialog: { chooseCopy: async () => verifyAnswer.file },
    signDialog: { chooseCopy: async () => signAnswer.copy, chooseKey: async () => signAnswer.key, chooseDestination: async () => signAnswer.out },
    ...(options.workflowState ? { workflowState: options.workflowState } : {}),
    // "Who am I" as the app keeps it: settings.json in the data folder.
    settings: createSettingsStore(join(dataDir, 'settings.json')),
  });
  const services = startup.ok ? startup.services : undefined;

  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });

  await context.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const rel = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    const file = join(RENDERER_DIR, rel);
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: MIME[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });

  await page.exposeFunction('__minutaDispatch', (method: string, payload: unknown) =>
    options.bridge ? options.bridge(method, payload, startup.dispatch) : startup.dispatch(method, payload),
  );
  await page.addInitScript((names: string[]) => {
    const bridge = (window as unknown as { __minutaDispatch: (m: string, p: unknown) => Promise<unknown> })
      .__minutaDispatch;
    const api = Object.fromEntries(names.map((m) => [m, (request: unknown) => bridge(m, request)]));
    Object.defineProperty(window, 'minuta', { value: Object.freeze(api), writable: false });
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  }, methods);

  await page.goto(`${ORIGIN}/index.html`);

  return {
    page,
    startup,
    dataDir,
    databasePath,
    exportsDir,
    problems,
    importAnswer,
    verifyAnswer,
    signAnswer,
    reload: async () => {
      await page.reload();
    },
    close: async () => {
      await context.close();
      await services?.exports?.close();
      services?.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs one scenario on a fresh app (own data folder, own page) and closes it whatever happens. A
 * scenario that passes must also have left the page without problems: no uncaught error, no console
 * error, no CSP violation.
 */
export async function withApp<T>(browser: Browser, scenario: (app: AppUnderTest) => Promise<T>, options?: StartOptions): Promise<T> {
  const app = await startApp(browser, options);
  try {
    const result = await scenario(app);
    expect(app.problems, 'problems reported by the page').toEqual([]);
    return result;
  } finally {
    await app.close();
  }
}

/** Where tests leave what a person should look at (screenshots); kept by CI as artifacts. */
export const ARTIFACTS_DIR = resolve('test-results/e2e');
