import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * Small shared building blocks of the schemas. Messages are spelled out so
 * that they read the same in the UI, the CLI and the tests, whatever zod's
 * default wording becomes.
 */

/**
 * The strings of the model that are words a person wrote (prose, names, labels, places): the one mark
 * that search reads (`proseExtractor`, prose.ts). Every other string — ids, dates, enumerations,
 * language tags, anything added without saying it is prose — is never indexed, so a new field cannot
 * leak model values into search. A custom registry, not `.meta()`: it must not change the JSON Schema.
 */
export const proseStrings = z.registry<{ prose: 'text' | 'label' }>();

/** A text string bounded by LIMITS.maxTextLength (prose, a run of rich text). */
export const longText = () =>
  z
    .string()
    .max(LIMITS.maxTextLength, {
      error: `String must contain at most ${LIMITS.maxTextLength} character(s)`,
    })
    .register(proseStrings, { prose: 'text' });

/** A short string: a name, a label, a place. */
export const label = () =>
  z
    .string()
    .max(LIMITS.maxLabelLength, {
      error: `String must contain at most ${LIMITS.maxLabelLength} character(s)`,
    })
    .register(proseStrings, { prose: 'label' });

/** An array bounded by LIMITS.maxListItems. */
export const boundedArray = <T extends z.ZodType>(item: T, max: number = LIMITS.maxListItems) =>
  z.array(item).max(max, { error: `Array must contain at most ${max} item(s)` });

/**
 * Ids: a lowercase prefix naming the kind of thing (`b` block, `p` person,
 * `o` organisation, `d` delegation, `m` meeting…), an underscore, a token.
 * Opaque on purpose: comments, revisions and redlines point at them, so they
 * must never be derived from content that can change.
 */
export const ID_PATTERN = /^[a-z]{1,8}_[A-Za-z0-9_-]{1,48}$/;
export const Id = z
  .string()
  .max(LIMITS.maxIdLength)
  .regex(ID_PATTERN, { error: 'Invalid id: expected a prefix, "_" and letters/digits, e.g. "b_k3j9x0q2ma"' });

const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The earliest year a date may have. Years 0–99 are refused because JavaScript's Date reads them as
 * 1900–1999 (Date.UTC(50, 0, 1) is 1950), which made a calendar check, date formatting and the next
 * meeting's date disagree about what "0050-01-01" means; no minutes predate the year 1000 anyway.
 */
export const MIN_YEAR = 1000;

/**
 * What is wrong with a date string, or undefined when it is a real day written YYYY-MM-DD. The one
 * rule for dates: the model's IsoDate and the IPC contract both use it.
 */
export function isoDateProblem(s: string): string | undefined {
  if (!ISO_DATE_PATTERN.test(s)) return 'Invalid date: expected YYYY-MM-DD';
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (y < MIN_YEAR) return `Invalid date: the year must be ${MIN_YEAR} or later`;
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return 'Invalid date: no such day in the calendar';
  return undefined;
}

/** A calendar date, ISO 8601 `YYYY-MM-DD`, checked to exist (no 31 April) and to be after MIN_YEAR. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, { error: 'Invalid date: expected YYYY-MM-DD' })
  .refine((s) => !ISO_DATE_PATTERN.test(s) || isoDateProblem(s) === undefined, {
    error: (issue) => isoDateProblem(String(issue.input)) ?? 'Invalid date',
  });

/**
 * A new random id such as `b_0k3j9x0q2mab`. Uses the Web Crypto API of
 * globalThis (Node ≥ 19 and every browser) so that this module stays free of
 * Node imports and can run in the renderer.
 */
export function newId(prefix: string): string {
  if (!/^[a-z]{1,8}$/.test(prefix)) throw new Error(`newId: bad prefix "${prefix}"`);
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let token = '';
  for (const b of bytes) token += (b % 36).toString(36);
  return `${prefix}_${token}`;
}
