import { currentSaver } from './documentSlice';

declare global {
  interface Window {
    /** Called by the Electron main process before it closes the window (executeJavaScript). */
    minutaFlush?: () => Promise<boolean>;
  }
}

/**
 * No edit is lost when the window goes away:
 * - the Electron main process calls `window.minutaFlush()` before closing and waits for it;
 * - on a reload or navigation, `pagehide`/`beforeunload` send the pending document at once: the IPC
 *   message leaves synchronously, so the main process stores it even though the page is gone.
 */
export function installLifecycle(): () => void {
  window.minutaFlush = async () => {
    await currentSaver()?.flush();
    return true;
  };
  const now = () => currentSaver()?.sendNow();
  window.addEventListener('pagehide', now);
  window.addEventListener('beforeunload', now);
  return () => {
    delete window.minutaFlush;
    window.removeEventListener('pagehide', now);
    window.removeEventListener('beforeunload', now);
  };
}
