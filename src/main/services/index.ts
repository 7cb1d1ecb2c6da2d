import { userInfo } from 'node:os';
import { openDatabase, startCheckpoints, type Db } from '../store/db';
import { createMeetingStore, type MeetingStore } from '../store/meetings';
import { MinutaError } from '../../shared/errors';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import type { Handlers } from '../../shared/ipc/contract';
import { createFromTemplate, type MeetingChanges, type TemplateName } from '../../shared/minutes';
import { nextMeetingFrom } from './nextMeeting';
import { createExportService, type ExportService, type ExportServiceOptions } from '../export/service';
import { NoChromiumError } from '../export/pdf/chromium';
import { MinutesFileError, readMinutesFile } from '../interchange/minutesFile';
import { createSaveShim } from './saveShim';

/** Where the minutes file to import comes from: Electron's open dialog in the app, a fixed path in tests. */
export interface OpenDialogPort {
  /** The file the user picked, or undefined when they cancel. */
  chooseMinutesFile(): Promise<string | undefined>;
}

export interface ServicesOptions {
  databasePath: string;
  version: string;
  /** Who the edits of this session are attributed to; the OS user name by default. */
  author?: string;
  /**
   * Where exports go and what prints PDF: the app passes Electron's save dialog and printer, tests a
   * temp path and the Playwright printer. Without it, exportMeeting answers `unavailable`.
   */
  export?: ExportServiceOptions;
  /** The open dialog for importing a minutes file; without it, importMeeting answers `unavailable`. */
  importDialog?: OpenDialogPort;
}

export interface Services {
  db: Db;
  store: MeetingStore;
  handlers: Handlers;
  dispatch: Dispatch;
  exports: ExportService | undefined;
  close(): void;
}

/**
 * Everything the app does, as plain Node: the Electron shell, the CLI and the tests all build this
 * same object, so no behaviour exists only inside Electron.
 */
export function createServices(options: ServicesOptions): Services {
  const db = openDatabase(options.databasePath);
  const stopCheckpoints = startCheckpoints(db);
  const store = createMeetingStore(db);
  // Autosaves leave re-indexing for later (see migration 002); catch up while the user pauses.
  const indexTimer = setInterval(() => {
    if (db.open) store.flushIndex();
  }, 2_000);
  indexTimer.unref();
  const author = options.author ?? userInfo().username;
  const summary = ({ id, title, startsOn, updatedAt }: { id: string; title: string; startsOn: string; updatedAt: string }) => ({
    id,
    title,
    startsOn,
    updatedAt,
  });

  const shim = createSaveShim(store, author); // SHIM until the store branch is merged (see saveShim.ts)
  const exports = options.export ? createExportService(options.export) : undefined;
  const stored = (id: string) => {
    const found = store.get(id);
    if (!found) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
    return found.meeting;
  };

  const handlers: Handlers = {
    appInfo: () => ({ version: options.version, databasePath: options.databasePath, author }),
    listMeetings: () => store.list(),
    searchMeetings: ({ query }) => store.search(query),
    getMeeting: ({ id }) => {
      const found = store.get(id);
      if (!found) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
      return { ...found, seq: shim.seqOf(id) };
    },
    createMeeting: ({ template, title, startsOn }) =>
      summary(store.create(createFromTemplate(template as TemplateName, { title, startDate: startsOn }), author)),
    duplicateMeeting: ({ id, title, startsOn }) => {
      const found = store.get(id);
      if (!found) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
      return summary(store.create(nextMeetingFrom(found.meeting, { title, startsOn }), author));
    },
    saveMeeting: ({ id, base, changes }) => shim.save(id, base, changes as MeetingChanges),
    recoverMeeting: ({ id }) => shim.recover(id),
    listRevisions: ({ id }) => {
      if (!store.get(id)) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
      return store.revisions(id);
    },
    nameVersion: ({ id, name, revisionId }) => ({ revisionId: store.nameVersion(id, name, author, revisionId) }),
    exportMeeting: async ({ id, format, sealed }) => {
      const meeting = stored(id);
      if (!exports) throw new MinutaError('unavailable', 'Export is not available in this process');
      try {
        return await exports.exportToFile(meeting, format, { sealed: sealed ?? false });
      } catch (error) {
        if (error instanceof NoChromiumError) throw new MinutaError('unavailable', error.message);
        throw error;
      }
    },
    importMeeting: async () => {
      if (!options.importDialog) throw new MinutaError('unavailable', 'Import is not available in this process');
      const file = await options.importDialog.chooseMinutesFile();
      if (!file) return { imported: false };
      let meeting;
      try {
        meeting = readMinutesFile(file);
      } catch (error) {
        if (error instanceof MinutesFileError) throw new MinutaError('invalid', error.message);
        throw error;
      }
      return { imported: true, meeting: summary(store.create(meeting, author)) };
    },
    previewMeeting: async ({ id, sealed }) => {
      const meeting = stored(id);
      if (!exports) throw new MinutaError('unavailable', 'Preview is not available in this process');
      return exports.preview(meeting, { sealed: sealed ?? false });
    },
  };

  return {
    db,
    store,
    handlers,
    exports,
    dispatch: createDispatch(handlers),
    close: () => {
      stopCheckpoints();
      clearInterval(indexTimer);
      if (db.open) store.flushIndex();
      void exports?.close();
      db.close();
    },
  };
}
