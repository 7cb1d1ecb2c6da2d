/**
 * When the user last pressed a key or typed on this page, so that work that can wait (laying the
 * preview out again: a forced layout of the changed pages and a repaint, 20–40 ms on 200 pages)
 * waits for a pause instead of landing between two keystrokes.
 */
let lastInput = -Infinity;
let listening = false;

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const note = () => (lastInput = performance.now());
  window.addEventListener('keydown', note, { capture: true, passive: true });
  window.addEventListener('beforeinput', note, { capture: true, passive: true });
}

/**
 * Calls `run` once no key has been pressed for `quietMs` (at once if none was); returns a cancel.
 * Typing on without a pause postpones it, as long as it lasts: the preview shows the last pause.
 */
export function whenTypingPauses(run: () => void, quietMs = 200): () => void {
  listen();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const idle = performance.now() - lastInput;
    if (idle >= quietMs) run();
    else timer = setTimeout(check, quietMs - idle);
  };
  check();
  return () => clearTimeout(timer);
}
