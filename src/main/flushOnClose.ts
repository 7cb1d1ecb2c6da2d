import type { BrowserWindow } from 'electron';

/**
 * Closing the window must not lose the last keystrokes: the renderer autosaves within a second, so a
 * close can arrive with an edit pending. Hold the close, ask the page to store what it has
 * (`window.minutaFlush`, set by the renderer), and close once it answers — or after a timeout, so that
 * a hung page can still be closed. Done with executeJavaScript so the preload stays one typed API.
 */
export function flushBeforeClose(win: BrowserWindow, timeoutMs = 5000): void {
  let released = false;
  win.on('close', (event) => {
    if (released || win.webContents.isDestroyed()) return;
    event.preventDefault();
    const flushed = win.webContents
      .executeJavaScript('typeof window.minutaFlush === "function" ? window.minutaFlush() : true', true)
      .catch(() => false);
    const timeout = new Promise((resolve) => setTimeout(() => resolve(false), timeoutMs));
    void Promise.race([flushed, timeout]).then(() => {
      released = true;
      if (!win.isDestroyed()) win.close();
    });
  });
}
