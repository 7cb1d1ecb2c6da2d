import { beforeEach, describe, expect, it, vi } from 'vitest';

// Only the `electron` import is replaced: window.ts, its URL rules and the CSP are the real modules.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const instances: Array<{ options: Record<string, unknown>; loaded: string[] }> = [];
  class BrowserWindow {
    loaded: string[] = [];
    webContents = {
      setWindowOpenHandler: (fn: typeof openHandler) => {
        openHandler = fn;
      },
      on: (event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn),
    };
    constructor(readonly options: Record<string, unknown>) {
      instances.push(this);
    }
    once() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    listeners,
    instances,
    openHandler: () => openHandler!,
  };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, shell: electron.shell }));

const { createMainWindow, secureWebPreferences } = await import('../../src/main/window');
const { CONTENT_SECURITY_POLICY } = await import('../../src/main/security/csp');
const { isSafeExternalUrl } = await import('../../src/main/security/urls');

const rendererRoot = 'file:///opt/minuta/resources/app/out/renderer/';

describe('main window security', () => {
  beforeEach(() => {
    electron.shell.openExternal.mockClear();
    electron.listeners.clear();
    electron.instances.length = 0;
    createMainWindow({ preloadPath: '/opt/minuta/out/preload/index.cjs', rendererRoot });
  });

  it('runs sandboxed, context-isolated, without Node integration', () => {
    const prefs = electron.instances[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/minuta/out/preload/index.cjs',
    });
    expect(secureWebPreferences('x')).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('loads the built renderer from its own folder', () => {
    expect(electron.instances[0]!.loaded).toEqual([`${rendererRoot}index.html`]);
  });

  it('denies every window.open, handing only safe external links to the browser', () => {
    const handler = electron.openHandler();
    expect(handler({ url: 'https://www.iom.int/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.iom.int/');
    electron.shell.openExternal.mockClear();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://insecure.example/', 'https://user:pw@evil.example/']) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('blocks navigation away from the app', () => {
    const navigate = electron.listeners.get('will-navigate')!;
    const event = { preventDefault: vi.fn() };
    navigate(event, 'https://evil.example/phish');
    expect(event.preventDefault).toHaveBeenCalled();
    const lookalike = { preventDefault: vi.fn() };
    navigate(lookalike, 'file:///opt/minuta/resources/app/out/renderer-evil/index.html');
    expect(lookalike.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    navigate(inside, `${rendererRoot}index.html#/meetings`);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses webview attachment', () => {
    const attach = electron.listeners.get('will-attach-webview')!;
    const event = { preventDefault: vi.fn() };
    attach(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
  it('allows scripts only from the app itself, never inline or eval', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    // Workers only from blob: URLs our own script made (the renderer's document worker), never a file or a host.
    expect(directives.get('worker-src')).toEqual(['blob:']);
  });
});

describe('external URL parsing', () => {
  it.each([
    ['https://www.unwomen.org/en', true],
    ['mailto:secretariat@example.org', true],
    ['http://example.org', false],
    ['javascript:alert(1)', false],
    ['https://evil.example/?next=https://good.example', true],
    ['not a url', false],
    ['file:///etc/passwd', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});
