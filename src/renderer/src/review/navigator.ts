/**
 * The open compare view's next/previous change, for the commands (Alt+↓ / Alt+↑): the view registers
 * its stepping function while it is shown.
 */
let navigator: ((delta: 1 | -1) => void) | null = null;

export function setChangeNavigator(fn: ((delta: 1 | -1) => void) | null): void {
  navigator = fn;
}

export function stepChange(delta: 1 | -1): void {
  navigator?.(delta);
}

export const canStepChanges = (): boolean => navigator !== null;
