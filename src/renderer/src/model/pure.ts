import type { Person, RichText } from '../../../shared/minutes';

/**
 * The few runtime helpers of the minutes model the renderer needs, without importing zod: zod 4 probes
 * `new Function` when its schemas load, which our CSP (no 'unsafe-eval') reports as a violation. The
 * model keeps its helpers next to its schemas, so they are restated here — same contract, same output.
 */

/** Same format as shared/minutes newId: prefix, "_", 12 base-36 characters from Web Crypto. */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  let token = '';
  for (const b of bytes) token += (b % 36).toString(36);
  return `${prefix}_${token}`;
}

export function richTextToString(rt: RichText): string {
  let s = '';
  for (const run of rt) s += run.text;
  return s;
}

export function personDisplayName(p: Pick<Person, 'honorific' | 'name'>): string {
  return p.honorific ? `${p.honorific} ${p.name}` : p.name;
}
