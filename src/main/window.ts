import { BrowserWindow, shell, type WebPreferences } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './security/urls';

/** The settings every Minuta window runs with; exported so that a test can hold them to account. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  /** file: URL of the folder holding the built renderer, ending in '/'. */
  rendererRoot: string;
  devServerUrl?: string;
}

/**
 * Creates the main window. The page may never navigate away or open windows: a link to the outside is
 * handed to the user's browser after URL parsing, anything else is refused.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Minuta',
    webPreferences: secureWebPreferences(options.preloadPath),
  });

  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, options.rendererRoot, options.devServerUrl)) {
      event.preventDefault();
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
    }
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());

  if (options.devServerUrl) void win.loadURL(options.devServerUrl);
  else void win.loadURL(new URL('index.html', options.rendererRoot).href);
  return win;
}
