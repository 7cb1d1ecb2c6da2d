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
