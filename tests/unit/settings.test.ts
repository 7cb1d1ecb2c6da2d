import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSettingsStore, loadSettings, saveSettings } from '../../src/main/settings/settingsFile';
import { DEFAULT_SETTINGS } from '../../src/shared/settings/settings';
import { createServices } from '../../src/main/services';
import { loadFixture, tempDir } from '../support/temp';

/** "Who am I" settings: a real file in a temp user-data folder. */
let tmp: ReturnType<typeof tempDir>;
let path: string;
beforeEach(() => {
  tmp = tempDir('minuta-settings-');
  path = join(tmp.dir, 'settings.json');
});
afterEach(() => tmp.cleanup());

const ana = { name: 'Ana Souza', organisation: 'MRC Secretariat', initials: 'AS', spellcheckLanguages: ['en-GB' as const], trustAnchors: '', formatTemplates: [] };

describe('settings file', () => {
  it('gives the defaults and no notice when there is no file (the first start)', () => {
    expect(loadSettings(path)).toEqual({ settings: DEFAULT_SETTINGS, notice: undefined });
  });

  it('saves atomically and reads back what was saved', () => {
    saveSettings(path, ana);
    expect(loadSettings(path)).toEqual({ settings: ana, notice: undefined });
    expect(readdirSync(tmp.dir)).toEqual(['settings.json']);
  });

  it.each([
    ['not JSON', 'name = Ana', /not JSON/],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8/],
    ['a wrong type', JSON.stringify({ ...ana, name: 42 }), /name: /],
    ['an unknown key', JSON.stringify({ ...ana, colour: 'red' }), /colour/],
    ['an unknown language', JSON.stringify({ ...ana, spellcheckLanguages: ['xx-XX'] }), /spellcheckLanguages/],
    ['a saved format with five signatures a row', JSON.stringify({ ...ana, formatTemplates: [{ name: 'Wide', format: { template: 'agreed', overrides: { signatures: { perRow: 5 } } } }] }), /formatTemplates\.0\.format\.overrides\.signatures\.perRow/],
    ['too large', 'x'.repeat(70_000), /larger than/],
  ])('gives the defaults and a bounded notice naming the problem for a file that is %s, and leaves it as it is', (_what, content, why) => {
    writeFileSync(path, content);
    const loaded = loadSettings(path);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.notice).toMatch(why);
    expect(loaded.notice!.length).toBeLessThan(600);
    expect(readFileSync(path)).toEqual(Buffer.from(content));
  });

  it('gives the defaults and a notice when the path is a folder', () => {
    mkdirSync(path);
    expect(loadSettings(path).notice).toMatch(/cannot be read \(EISDIR\)/);
  });

  it('fills fields a later version added with their defaults', () => {
    writeFileSync(path, JSON.stringify({ name: 'Ana', organisation: '', initials: '' }));
    expect(loadSettings(path).settings).toEqual({ ...DEFAULT_SETTINGS, name: 'Ana' });
  });

  it('keeps formats saved by name, and refuses two of one name', () => {
    const joint = { ...ana, formatTemplates: [{ name: 'Joint commission', format: { template: 'bilateral' as const, overrides: { furniture: { marking: 'RESTRICTED' } } } }] };
    saveSettings(path, joint);
    expect(loadSettings(path).settings).toEqual(joint);
    expect(() => saveSettings(path, { ...joint, formatTemplates: [...joint.formatTemplates, ...joint.formatTemplates] })).toThrow(
      expect.objectContaining({ code: 'invalid', message: expect.stringMatching(/formatTemplates/) }),
    );
  });

  it('refuses to save an invalid value (invalid, naming the field) and keeps the file', () => {
    saveSettings(path, ana);
    expect(() => saveSettings(path, { ...ana, initials: 'ABCDEFGHIJ' })).toThrow(expect.objectContaining({ code: 'invalid', message: expect.stringMatching(/^initials: /) }));
    expect(() => saveSettings(path, { ...ana, name: 'Ana\nBo' })).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(loadSettings(path).settings).toEqual(ana);
  });
});

describe('the author of revisions', () => {
  it('is the settings name from the next save on, else the OS name; an explicit author wins', async () => {
    const settings = createSettingsStore(path);
    const services = createServices({ databasePath: join(tmp.dir, 'db.sqlite'), version: 'test', settings });
    try {
      const created = await services.dispatch('createMeeting', { title: 'T', startsOn: '2019-10-30' });
      expect(created.ok).toBe(true);
      const id = created.ok ? (created.value as { id: string }).id : '';
      const { userInfo } = await import('node:os');
      expect(services.store.revisions(id)[0]!.author).toBe(userInfo().username);
      expect(await services.dispatch('saveSettings', ana)).toEqual({ ok: true, value: ana });
      expect(existsSync(path)).toBe(true);
      const info = await services.dispatch('appInfo', undefined);
      expect(info.ok && (info.value as { author: string }).author).toBe('Ana Souza');
      services.store.create(loadFixture(2019), 'x');
      const again = await services.dispatch('duplicateMeeting', { id, startsOn: '2019-11-30' });
      expect(again.ok).toBe(true);
      expect(services.store.revisions(again.ok ? (again.value as { id: string }).id : '')[0]!.author).toBe('Ana Souza');
      const got = await services.dispatch('getSettings', undefined);
      expect(got).toEqual({ ok: true, value: { settings: ana, path } });
    } finally {
      services.close();
    }
    const fixed = createServices({ databasePath: join(tmp.dir, 'db.sqlite'), version: 'test', settings: createSettingsStore(path), author: 'cli-user' });
    try {
      const info = await fixed.dispatch('appInfo', undefined);
      expect(info.ok && (info.value as { author: string }).author).toBe('cli-user');
    } finally {
      fixed.close();
    }
  });

  it('a corrupt settings file still starts the services, with the notice in getSettings', async () => {
    writeFileSync(path, '{"name": ');
    const services = createServices({ databasePath: join(tmp.dir, 'db.sqlite'), version: 'test', settings: createSettingsStore(path) });
    try {
      const got = await services.dispatch('getSettings', undefined);
      expect(got.ok && (got.value as { notice?: string }).notice).toMatch(/could not be read.*not JSON/);
      expect(got.ok && (got.value as { settings: unknown }).settings).toEqual(DEFAULT_SETTINGS);
    } finally {
      services.close();
    }
  });
});
