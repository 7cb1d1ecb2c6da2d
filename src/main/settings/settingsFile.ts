import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/writeAtomically';
import { MinutaError, excerpt, listProblems } from '../../shared/errors';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/settings/settings';

/** Bigger than any valid settings file by far; a larger one is not ours (and is not read whole). */
const MAX_SETTINGS_BYTES = 64 * 1024;

export const SETTINGS_FILE_NAME = 'settings.json';
export const settingsPathIn = (userDataDir: string): string => join(userDataDir, SETTINGS_FILE_NAME);

export interface LoadedSettings {
  settings: Settings;
  /** Why the defaults are used although a file exists (corrupt, unreadable), for a notice; else undefined. */
  notice: string | undefined;
}

/**
 * Reads the settings file. A missing file is the first start (defaults, no notice); an unreadable,
 * oversized, malformed or invalid one gives the defaults and a notice saying so: settings never stop
 * the app from starting, and the file is left as it is until the user saves.
 */
export function loadSettings(path: string): LoadedSettings {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_SETTINGS_BYTES) return fallback(`it is larger than ${MAX_SETTINGS_BYTES / 1024} KB`);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: { ...DEFAULT_SETTINGS }, notice: undefined };
    if (error instanceof TypeError) return fallback('it is not UTF-8 text');
    return fallback(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fallback(`it is not JSON (it begins "${excerpt(text, 30)}")`);
  }
  // Fields added in a later version are filled with their defaults; unknown or wrong fields are refused.
  const parsed = settingsSchema.safeParse(typeof json === 'object' && json !== null ? { ...DEFAULT_SETTINGS, ...json } : json);
  if (!parsed.success) {
    return fallback(listProblems(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`)));
  }
  return { settings: parsed.data, notice: undefined };

  function fallback(why: string): LoadedSettings {
    return {
      settings: { ...DEFAULT_SETTINGS },
      notice: `Your settings could not be read (${path}: ${why}); the defaults are used until you save them again.`,
    };
  }
}

/** Validates and writes the settings atomically (a crash leaves the old file or the new one, never half). */
export function saveSettings(path: string, settings: unknown): Settings {
  const parsed = settingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new MinutaError('invalid', listProblems(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)));
  }
  writeFileAtomically(path, `${JSON.stringify(parsed.data, null, 2)}\n`);
  return parsed.data;
}

/** The settings of a running process: read once, then kept in memory and written on each change. */
export function createSettingsStore(path: string) {
  const loaded = loadSettings(path);
  let current = loaded.settings;
  let notice = loaded.notice;
  return {
    path,
    get: (): Settings => current,
    notice: (): string | undefined => notice,
    save(next: Settings): Settings {
      current = saveSettings(path, next);
      notice = undefined;
      return current;
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
