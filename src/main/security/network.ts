/**
 * What the Chromium that prints the minutes may reach: nothing but this machine. One list of switches,
 * used for every Chromium we start (the CLI's and tests' printer, the end-to-end browser: chromium.ts)
 * and appended to Electron's own command line before it is ready (index.ts), plus the request rule of
 * the app's hidden print window. `tests/e2e/printer-network.test.ts` prints under strace and fails on
 * any connect() to an address that is not loopback.
 *
 * What we measured (Chromium 156, Debian), and why the list is what it is:
 *  - Without these switches a full Chromium resolves update.googleapis.com (an on-demand component
 *    update that `--disable-component-update` does not cover) and accounts.google.com (the sign-in
 *    service's ListAccounts, which no switch turns off) on every launch: DNS packets leave the machine.
 *  - The host-resolver rule turns every name but localhost into "not found" inside Chromium, so no DNS
 *    query is ever sent. But Chromium's resolver first checks whether IPv6 is routable by connecting a
 *    UDP socket to 2001:4860:4860::8888 (no packet is sent; it is still a connect() off the machine)
 *    for every name it is asked to resolve, mapped or not. Only a browser that makes no requests of its
 *    own avoids it: the headless shell (chromium.ts prefers it), and Electron, whose embedder has no
 *    sign-in or component updater.
 *  - No `--disable-features`: Chromium keeps the last one given, and Playwright passes its own list
 *    (which already silences network time, optimization hints and search preconnects); a second one
 *    replaced it and brought the network-time query to clients2.google.com back.
 */
export const NO_NETWORK_SWITCHES: ReadonlyArray<readonly [name: string, value?: string]> = [
  // Every host name except localhost resolves to "not found" without a DNS query.
  ['host-resolver-rules', 'MAP * ~NOTFOUND, EXCLUDE localhost'],
  // No QUIC (UDP) sockets, no DNS-over-HTTPS probes, no speculative connections.
  ['disable-quic'],
  ['dns-prefetch-disable'],
  // The browser's own services: update checks, field trials, pings, reporting, sync, first-run fetches.
  ['disable-background-networking'],
  ['disable-component-update'],
  ['disable-domain-reliability'],
  ['disable-sync'],
  ['disable-breakpad'],
  ['metrics-recording-only'],
  ['no-pings'],
  ['no-first-run'],
  ['no-default-browser-check'],
  ['disable-client-side-phishing-detection'],
];

/** The switches as command-line arguments (`--name` or `--name=value`). */
export const NO_NETWORK_ARGS: readonly string[] = NO_NETWORK_SWITCHES.map(([name, value]) => (value === undefined ? `--${name}` : `--${name}=${value}`));

/**
 * The rule of the app's hidden print window: it may load the one HTML file it was given (`fileUrl`,
 * exactly) and the data: URLs inside it (the fonts). Everything else — http(s), ws(s), ftp, blob,
 * another file, a file URL with a query or fragment that could smuggle a second resource — is refused.
 */
export function isPrintRequestAllowed(url: string, fileUrl: string): boolean {
  // Chromium hands over canonical URLs: the scheme is everything before the first ':'.
  return url === fileUrl || /^data:/i.test(url);
}
