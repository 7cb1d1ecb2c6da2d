import { userInfo } from 'node:os';
import { closeQuietly, openDatabase, readOnlyReasonOf, startBackgroundJob, startCheckpoints, type Db } from '../store/db';
import { createMeetingStore, type MeetingStore } from '../store/meetings';
import { quickCheck } from '../store/integrity';
import { MinutaError } from '../../shared/errors';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import type { Handlers } from '../../shared/ipc/contract';
import { createFromTemplate, type TemplateName } from '../../shared/minutes';
import { nextMeetingFrom } from './nextMeeting';
import { createExportService, type ExportService, type ExportServiceOptions } from '../export/service';
import { NoChromiumError } from '../export/pdf/chromium';
import { readMinutesBundle } from '../interchange/minutesFile';
import { commentHandlers } from './comments';
import { storageError } from '../store/storageErrors';

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
  /** Overrides the database's busy timeout (tests of `locked`). */
  busyTimeoutMs?: number;
  /** How often background work runs (search indexing 2 s, WAL checkpoint 5 s); tests of faults shorten them. */
  intervalsMs?: { index?: number; checkpoint?: number };
  /**
   * Told about failures of background work (search indexing, WAL checkpoints, closing), already mapped
   * to the error model. Those never throw; they run again at their next tick. console.warn by default.
   */
  onBackgroundError?: (error: MinutaError) => void;
}

export interface Services {
  db: Db;
  store: MeetingStore;
  handlers: Handlers;
  dispatch: Dispatch;
  exports: ExportService | undefined;
  /**
   * SQLite's quick_check of the database file, run once at start. `ok: false` means the file is
   * damaged: the start-up screen should say so (with `problems`) and offer a backup to restore;
   * each meeting's own hashes are checked when it is opened (`corrupt`).
   */
  startupCheck: { ok: boolean; problems: string[] };
  /** Why the database can only be read, or undefined when it is writable. */
  readOnlyReason: string | undefined;
  /** Stops the timers, flushes the index and closes the database; never throws (failures go to onBackgroundError). */
  close(): void;
}

/**
 * Everything the app does, as plain Node: the Electron shell, the CLI and the tests all build this
 * same object, so no behaviour exists only inside Electron.
 */
export function createServices(options: ServicesOptions): Services {
  const db = openDatabase(options.databasePath, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  const onBackgroundError = options.onBackgroundError ?? ((e: MinutaError) => console.warn(`minuta: ${e.code}: ${e.message}`));
  const readOnlyReason = readOnlyReasonOf(db);
  const stopCheckpoints = startCheckpoints(db, { intervalMs: options.intervalsMs?.checkpoint ?? 5_000, onError: onBackgroundError });
  const startupCheck = quickCheck(db);
  const store = createMeetingStore(db);
  // Autosaves leave re-indexing for later (see migration 002); catch up while the user pauses.
  const stopIndexing = readOnlyReason
    ? () => undefined
    : startBackgroundJob('search indexing', () => db.open && store.flushIndex(), { intervalMs: options.intervalsMs?.index ?? 2_000, onError: onBackgroundError });
  /** Every method that changes the database goes through this: a read-only database refuses clearly, up front. */
  const writable = () => {
    if (readOnlyReason) {
      throw new MinutaError('read-only', `This database is read-only: ${readOnlyReason}. Changes cannot be saved.`);
    }
  };
  const author = options.author ?? userInfo().username;
  const summary = ({ id, title, startsOn, updatedAt }: { id: string; title: string; startsOn: string; updatedAt: string }) => ({
    id,
    title,
    startsOn,
    updatedAt,
  });

  const exports = options.export ? createExportService(options.export) : undefined;
  const stored = (id: string) => {
    const found = store.get(id);
    if (!found) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
    return found.meeting;
  };

  const handlers: Handlers = {
    appInfo: () => ({
      version: options.version,
      databasePath: options.databasePath,
      author,
      readOnly: readOnlyReason !== undefined,
      ...(readOnlyReason ? { readOnlyReason } : {}),
    }),
    startupState: () => ({ status: 'ready' }),
    listMeetings: () => store.list(),
    searchMeetings: ({ query }) => store.search(query),
    getMeeting: ({ id }) => {
      const found = store.get(id);
      if (!found) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
      return found;
    },
    createMeeting: ({ template, title, startsOn }) => {
      writable();
      return summary(store.create(createFromTemplate(template as TemplateName, { title, startDate: startsOn }), author));
    },
    duplicateMeeting: ({ id, title, startsOn }) => {
      writable();
      const found = store.get(id);
      if (!found) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
      return summary(store.create(nextMeetingFrom(found.meeting, { title, startsOn }), author));
    },
    saveMeeting: ({ id, base, changes }) => {
      writable();
      return store.save(id, base, changes, author);
    },
    recoverMeeting: ({ id }) => {
      writable();
      return store.recover(id, author);
    },
    listRevisions: ({ id }) => {
      if (!store.get(id)) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
      return store.revisions(id);
    },
    nameVersion: ({ id, name, revisionId }) => {
      writable();
      return { revisionId: store.nameVersion(id, name, author, revisionId) };
    },
    exportMeeting: async ({ id, format, sealed }) => {
      const meeting = stored(id);
      if (!exports) throw new MinutaError('unavailable', 'Export is not available in this process');
      try {
        return await exports.exportToFile(meeting, format, { sealed: sealed ?? false, ...(format === 'json' ? { comments: store.comments.list(id) } : {}) });
      } catch (error) {
        if (error instanceof NoChromiumError) throw new MinutaError('unavailable', error.message);
        throw error;
      }
    },
    importMeeting: async () => {
      if (!options.importDialog) throw new MinutaError('unavailable', 'Import is not available in this process');
      writable();
      const file = await options.importDialog.chooseMinutesFile();
      if (!file) return { imported: false };
      const { meeting, comments } = readMinutesBundle(file);
      return { imported: true, meeting: summary(store.createWithComments(meeting, comments, author)) };
    },
    previewMeeting: async ({ id, sealed }) => {
      const meeting = stored(id);
      if (!exports) throw new MinutaError('unavailable', 'Preview is not available in this process');
      return exports.preview(meeting, { sealed: sealed ?? false });
    },
    ...commentHandlers({ store, author, writable, exports }),
  };

  return {
    db,
    store,
    handlers,
    exports,
    startupCheck,
    dispatch: createDispatch(handlers),
    readOnlyReason,
    close: () => {
      stopCheckpoints();
      stopIndexing();
      // Whatever fails here, the database still gets closed: what was committed is safe, and a
      // search index left behind is caught up at the next start (search_pending survives).
      try {
        if (db.open && !readOnlyReason) store.flushIndex();
      } catch (error) {
        onBackgroundError(storageError(error, 'search indexing') ?? new MinutaError('internal', `search indexing failed: ${String(error).slice(0, 300)}`));
      }
      exports?.close().catch((error: unknown) => onBackgroundError(new MinutaError('internal', `closing the printer failed: ${String(error).slice(0, 300)}`)));
      closeQuietly(db, onBackgroundError);
    },
  };
}
