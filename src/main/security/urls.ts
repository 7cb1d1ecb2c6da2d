/**
 * Links a user may follow out of the app, into their own browser or mail client. Parsed, never matched
 * as substrings: `https://evil.example/?x=https://good` and `javascript:` must both be refused.
 */
const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:']);

export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'https:' && (url.username || url.password)) return false;
  return true;
}

/**
 * Whether a URL belongs to our own renderer: the built index.html under `rendererRoot` (a file: URL
 * ending in '/'), or the dev server's origin during `npm run dev`.
 */
export function isAppUrl(raw: string, rendererRoot: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (devServerUrl) {
    return url.origin === new URL(devServerUrl).origin;
  }
  return url.protocol === 'file:' && url.href.startsWith(rendererRoot);
}
