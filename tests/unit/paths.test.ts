import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { defaultUserDataDir, resolveDatabasePath } from '../../src/main/paths';

describe('database location', () => {
  const home = '/home/ana';
  const userData = defaultUserDataDir('linux', {}, home);

  it('defaults to minuta.sqlite in the app user-data folder', () => {
    expect(userData).toBe('/home/ana/.config/Minuta');
    expect(resolveDatabasePath(['node', 'minuta', 'list'], {}, userData)).toBe(join(userData, 'minuta.sqlite'));
  });

  it('takes MINUTA_DB, and --db before it', () => {
    expect(resolveDatabasePath(['list'], { MINUTA_DB: '/srv/m.sqlite' }, userData)).toBe('/srv/m.sqlite');
    expect(resolveDatabasePath(['--db', '/tmp/a.sqlite', 'list'], { MINUTA_DB: '/srv/m.sqlite' }, userData)).toBe('/tmp/a.sqlite');
    expect(resolveDatabasePath(['--db=/tmp/b.sqlite', 'list'], {}, userData)).toBe('/tmp/b.sqlite');
  });

  it('follows each platform convention, as Electron does for an app named Minuta', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, home)).toBe('/cfg/Minuta');
    expect(defaultUserDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Minuta');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      join('C:\\Users\\ana\\AppData\\Roaming', 'Minuta'),
    );
  });
});
