import { z } from 'zod';
import { MeetingFormatSchema } from '../minutes/formatTemplate';

/**
 * "Who am I": the person drafting on this machine, and the languages the spell-checker uses. Kept in
 * `settings.json` in the user-data folder (src/main/settings/settingsFile.ts); `name` is the author of
 * every revision saved in the app (the OS login name while it is empty).
 */

/** Hunspell dictionaries Electron's spell-checker knows (Linux, Windows); en-GB and en-US at least. */
export const SPELLCHECK_LANGUAGES = ['en-GB', 'en-US', 'en-AU', 'fr-FR', 'pt-PT', 'vi-VN'] as const;
export type SpellcheckLanguage = (typeof SPELLCHECK_LANGUAGES)[number];

const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    // A name is one line of text: no control characters (they would reach revisions and exports).
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'must not contain control characters');

/** Named formats a user may keep in settings. */
export const MAX_FORMAT_TEMPLATES = 50;

export const settingsSchema = z.strictObject({
  name: line(200),
  organisation: line(200),
  initials: line(8),
  spellcheckLanguages: z
    .array(z.enum(SPELLCHECK_LANGUAGES))
    .max(SPELLCHECK_LANGUAGES.length, `must list at most ${SPELLCHECK_LANGUAGES.length} languages`)
    .refine((list) => new Set(list).size === list.length, 'must not list a language twice'),
  /**
   * A file or folder of CA certificates (PEM or DER) that "Verify a copy…" checks signers' chains
   * against; empty: chains are not checked. Nothing is ever fetched (no network).
   */
  trustAnchors: line(4096).default(''),
  /**
   * Formats saved from a meeting ("Save as a named template…" in its Format panel), for the
   * secretariat's next meetings: a name and the meeting's format choice (a built-in template and its
   * overrides).
   */
  formatTemplates: z
    .array(z.strictObject({ name: line(100).refine((n) => n !== '', 'must not be empty'), format: MeetingFormatSchema }))
    .max(MAX_FORMAT_TEMPLATES, `must list at most ${MAX_FORMAT_TEMPLATES} formats`)
    .refine((list) => new Set(list.map((t) => t.name)).size === list.length, 'must not name two formats alike')
    .default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { name: '', organisation: '', initials: '', spellcheckLanguages: ['en-GB', 'en-US'], trustAnchors: '', formatTemplates: [] };

/** The author of a revision: the settings' name, else the fallback (the OS login name). */
export function authorOf(settings: Pick<Settings, 'name'>, fallback: string): string {
  return settings.name.trim() || fallback;
}
