import { join } from 'node:path';

/**
 * Where the database lives: `--db FILE` on the command line, else MINUTA_DB, else minuta.sqlite in
 * the app's user-data folder. One rule for the app and the CLI.
 */
export function resolveDatabasePath(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): string {
  const flag = argv.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (flag >= 0) {
    const arg = argv[flag]!;
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[flag + 1];
    if (value) return value;
  }
  return env['MINUTA_DB'] || join(userDataDir, 'minuta.sqlite');
}

/** The user-data folder Electron uses for an app named "Minuta", so the CLI finds the app's database. */
export function defaultUserDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  const name = 'Minuta';
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', name);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), name);
}
