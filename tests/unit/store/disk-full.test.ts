import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServices, type Services } from '../../../src/main/services';
import { runCli } from '../../../src/main/cli/run';
import { openDatabase, startCheckpoints } from '../../../src/main/store/db';
import { MAX_ERROR_MESSAGE, type MinutaError } from '../../../src/shared/errors';
import { plain, type Meeting } from '../../../src/shared/minutes';
import { loadFixture } from '../../support/temp';
import { fillDisk, mountTmpfs } from '../../support/tmpfs';
import { saveWhole } from '../../support/saves';
import { createMeetingStore } from '../../../src/main/store/meetings';

/**
 * A full disk, for real: a small tmpfs holds the database, a filler file takes the rest of its space,
 * and the app's own services keep saving until the disk refuses. What must hold: saves fail as
 * `disk-full` (not `internal`), the background timers report instead of throwing, close() does not
 * throw, every acknowledged save is there afterwards, and failed exports leave no temporary file.
 */
let fs: ReturnType<typeof mountTmpfs>;
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);

beforeAll(() => {
  fs = mountTmpfs('6m');
  process.on('uncaughtException', onUncaught);
});
afterAll(() => {
  process.off('uncaughtException', onUncaught);
  fs?.unmount();
});

const tmpFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('a full disk', () => {
  it('fails saves as disk-full, keeps every acknowledged save, never throws from timers or close', async () => {
    const databasePath = join(fs.dir, 'minuta.sqlite');
    const background: MinutaError[] = [];
    const exportsDir = join(fs.dir, 'exports');
    const services: Services = createServices({
      databasePath,
      version: 'test',
      author: 'tester',
      intervalsMs: { index: 40, checkpoint: 60 },
      onBackgroundError: (e) => background.push(e),
      export: {
        dialog: { chooseDestination: async ({ defaultName }) => join(exportsDir, defaultName) },
        createPrinter: () => {
          throw new Error('no PDF in this test');
        },
      },
    });
    const seed = loadFixture(2019);
    const created = services.store.create(seed, 'tester');
    const id = created.id;
    await services.dispatch('exportMeeting', { id, format: 'json' }); // makes the exports folder
    fillDisk(fs.dir, 256 * 1024);

    // Save growing documents until the disk refuses; remember what was acknowledged, per revision.
    const acked = new Map<number, Meeting>();
    let last: Meeting | undefined;
    let failure: { code: string; message: string } | undefined;
    for (let n = 1; n <= 2_000 && !failure; n++) {
      const meeting = structuredClone(seed);
      meeting.body.push({ id: `b_fill${n}`, type: 'paragraph', text: plain(`Save ${n}: ${'ສະບາຍດີ '.repeat(200)}`) });
      const result = await saveWhole(services, id, meeting);
      if (result.ok) {
        acked.set((result.value as { revisionId: number }).revisionId, meeting);
        last = meeting;
      } else failure = result.error;
    }
    expect(acked.size, 'saves acknowledged before the disk filled').toBeGreaterThan(0);
    expect(failure, 'the disk never filled').toBeDefined();
    expect(failure!.code).toBe('disk-full');
    expect(failure!.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    expect(failure!.message).toMatch(/disk is full/i);

    // The timers run on the full disk (index flush, checkpoint): they report, they do not throw.
    const stopExtra = startCheckpoints(services.db, { intervalMs: 20, onError: (e) => background.push(e) });
    await new Promise((r) => setTimeout(r, 400));
    stopExtra();
    expect(uncaught).toEqual([]);
    expect(background.length, 'background failures reported').toBeGreaterThan(0);
    expect(background.every((e) => e.code === 'disk-full'), background.map((e) => `${e.code}: ${e.message}`).join('\n')).toBe(true);

    // Reading still works on the full disk.
    const head = await services.dispatch('getMeeting', { id });
    expect(head).toMatchObject({ ok: true, value: { meeting: last } });

    // An export to the full disk fails as disk-full and leaves no temporary file behind.
    const exported = await services.dispatch('exportMeeting', { id, format: 'json' });
    expect(exported).toMatchObject({ ok: false, error: { code: 'disk-full' } });
    expect(tmpFiles(exportsDir)).toEqual([]);

    // The CLI's export too: exit 1, one bounded line saying the disk is full, no temporary file.
    const stderr: string[] = [];
    const code = await runCli(['--db', databasePath, 'export', id, '--format', 'json', '--out', join(exportsDir, 'cli.minuta.json')], {
      stdout: () => undefined,
      stderr: (line) => stderr.push(line),
      env: {},
    });
    expect(code).toBe(1);
    expect(stderr.join('\n')).toMatch(/^minuta: .*disk is full/i);
    expect(stderr.join('\n').length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE + 20);
    expect(tmpFiles(exportsDir)).toEqual([]);

    expect(() => services.close()).not.toThrow();
    expect(uncaught).toEqual([]);

    // Room again: every acknowledged save is there, intact, and the file is sound.
    rmSync(join(fs.dir, 'filler.bin'));
    const db = openDatabase(databasePath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Read back through the store's verified reads (every record hash and revision digest checked).
      const store = createMeetingStore(db);
      for (const [revisionId, meeting] of acked) {
        // Saves within a minute fold into one revision: it holds the last save acknowledged for it.
        expect(store.revision(id, revisionId), `revision ${revisionId}`).toEqual(meeting);
      }
      expect(store.get(id)!.meeting).toEqual(last);
    } finally {
      db.close();
    }
  }, 60_000);
});
