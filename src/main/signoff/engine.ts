import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

let ready = false;

/** pkijs works through a WebCrypto engine; Node's is the one to use (no polyfill, no network). */
export function ensureCryptoEngine(): void {
  if (ready) return;
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'] }));
  ready = true;
}
