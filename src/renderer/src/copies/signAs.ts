/**
 * Opening "Sign as…" from anywhere (the palette command, the verify screen, the workflow bar) without
 * importing the dialog: SignAsHost, mounted once in App, listens for this event.
 */
export const SIGN_AS_EVENT = 'minuta:sign-as';

export function openSignAs(): void {
  window.dispatchEvent(new CustomEvent(SIGN_AS_EVENT));
}
