/**
 * One Minuta per user session: two instances on one database would race their autosaves (each would
 * see the other's saves only as conflicts). A second launch hands over to the first — which brings its
 * window to the front — and quits. On macOS, clicking the Dock icon (`activate`) opens a window only
 * when none is open. Electron's `app` and `BrowserWindow` are passed in as ports, so this is plain code
 * that tests/unit/single-instance.test.ts runs without an Electron binary.
 */

/** The part of Electron's `app` this needs. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance' | 'activate', listener: () => void): unknown;
}

/** The part of a BrowserWindow this needs. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface Windows {
  /** The open windows (BrowserWindow.getAllWindows()). */
  all(): readonly FocusableWindow[];
  /** Opens the main window. */
  open(): void;
}

/**
 * Takes the single-instance lock; call it before the app is ready. False when another instance holds
 * it: that one has been told (Electron emits `second-instance` there) and this one is quitting, so the
 * caller must not start anything.
 */
export function claimSingleInstance(app: InstanceApp): boolean {
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
}

/** Once ready: a second launch focuses our window (or opens one); `activate` opens one only if none exists. */
export function routeLaunches(app: InstanceApp, windows: Windows): void {
  app.on('second-instance', () => {
    const win = windows.all().find((w) => !w.isDestroyed());
    if (!win) {
      windows.open();
      return;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('activate', () => {
    if (!windows.all().some((w) => !w.isDestroyed())) windows.open();
  });
}
