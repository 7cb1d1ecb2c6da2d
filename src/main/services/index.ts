import { userInfo } from 'node:os';
import { closeQuietly, openDatabase, readOnlyReasonOf, startBackgroundJob, startCheckpoints, writeTransaction, type Db } from '../store/db';
import { createMeetingStore, type MeetingStore } from '../store/meetings';
import { quickCheck } from '../store/integrity';
import { MinutaError } from '../../shared/errors';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import type { Handlers } from '../../shared/ipc/contract';
import { createFromTemplate, type TemplateName } from '../../shared/minutes';
import { nextMeetingWithMattersArising, recordFollowUp, trackerView, filterSummary } from './decisions';
import { createExportService, type ExportService, type ExportServiceOptions } from '../export/service';
import { NoChromiumError } from '../export/pdf/chromium';
import { readMinutesBundle } from '../interchange/minutesFile';
import { commentHandlers } from './comments';
import { suggestionHandlers } from './suggestions';
import type { ImportReviewedFile } from '../review/importReview';
import { storageError } from '../store/storageErrors';
import { readBounded } from '../files/readBounded';
import { basename } from 'node:path';
import { checkScan } from '../workflow/scanFile';
import { historyOf, restoreRevision } from '../review/history';
import { compareView } from '../review/compareView';
import { compareVersions, redlineSource } from '../export/comparison';
import { suggestedFileName } from '../export/service';
import { authorOf, DEFAULT_SETTINGS, type Settings } from '../../shared/settings/settings';
import type { SettingsStore } from '../settings/settingsFile';
import { signingHandlers, type SignDialogPort } from './signing';

export type { SignDialogPort } from './signing';
import { ALL_SCRIPTS, fontFaceCss } from '../../shared/format';
import { fontDataUrl } from '../export/fonts';

/** Where the minutes file to import comes from: Electron's open dialog in the app, a fixed path in tests. */
export interface OpenDialogPort {
  /** The file the user picked, or undefined when they cancel. */
  chooseMinutesFile(): Promise<string | undefined>;
}

/** Where a copy to verify comes from: Electron's open dialog in the app, a fixed path in tests. */
export interface VerifyDialogPort {
  /** The PDF or DOCX the user picked, or undefined when they cancel. */
  chooseCopy(): Promise<string | undefined>;
}

/**
 * How many meetings the idle indexer (and closing) re-index at a time: a save leaves one or two, an
 * upgrade that changes what is indexed (migration 008) every meeting — about 20 ms each on a loaded
 * 2-core machine, so a bite keeps the main process responsive; a search still catches up whole.
 */
const INDEX_BITE = 50;

export interface ServicesOptions {
  databasePath: string;
  version: string;
  /**
   * Who the edits of this session are attributed to, whatever the settings say (tests, the CLI's
   * --author). Without it: the settings' name, else the OS user name.
   */
  author?: string;
  /** "Who am I" and the spell-check languages (settings.json in the user-data folder). */
  settings?: SettingsStore;
  /** Told after the settings were saved (the app applies the spell-check languages). */
  onSettingsSaved?: (settings: Settings) => void;
  /**
   * Where exports go and what prints PDF: the app passes Electron's save dialog and printer, tests a
   * temp path and the Playwright printer. Without it, exportMeeting answers `unavailable`.
   */
  export?: ExportServiceOptions;
  /** The open dialog for importing a minutes file; without it, importMeeting answers `unavailable`. */
  importDialog?: OpenDialogPort;
  /** The open dialog of "Verify a copy…"; without it, verifyCopy answers `unavailable`. */
  verifyDialog?: VerifyDialogPort;
  /** The dialogs of "Sign as…" (copy, key file, destination); without them, signing answers `unavailable`. */
  signDialog?: SignDialogPort;
  /**
   * The workflow state of a meeting ('approved', 'sealed', …), which decides whether it has signature
   * copies. The workflow's own reader once it lands; a `state` column if the database has one by default.
   */
  workflowState?: (meetingId: string) => string | undefined;
  /**
   * Reads a reviewed DOCX and maps it onto the minutes (src/main/review/importReview.ts names the
   * signature); without it, importReview answers `unavailable`.
   */
  reviewReader?: ImportReviewedFile;
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
    : startBackgroundJob('search indexing', () => db.open && store.flushIndex(INDEX_BITE), { intervalMs: options.intervalsMs?.index ?? 2_000, onError: onBackgroundError });
  /** Every method that changes the database goes through this: a read-only database refuses clearly, up front. */
  const writable = () => {
    if (readOnlyReason) {
      throw new MinutaError('read-only', `This database is read-only: ${readOnlyReason}. Changes cannot be saved.`);
    }
  };
  // Read at each write, so a name saved in settings signs the very next revision.
  const osName = userInfo().username;
  const currentAuthor = () => options.author ?? authorOf(options.settings?.get() ?? DEFAULT_SETTINGS, osName);
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

  const workflowState =
    options.workflowState ??
    ((meetingId: string): string | undefined => (store.get(meetingId) ? store.workflow.status(meetingId).state : undefined));
  /** Sealed minutes print without the draft mark: their head is the sealed version. */
  const isSealed = (meetingId: string): boolean => workflowState(meetingId) === 'sealed';
  /** The version a signature copy is made of (the latest named one) and whether it may have one. */
  const copyStatus = (id: string) => {
    stored(id);
    const version = store.namedVersions(id).at(-1);
    const state = workflowState(id);
    if (!version) return { allowed: false, reason: 'Name a version first: a signature copy is made of a named, approved or sealed version.' } as const;
    if (state !== 'approved' && state !== 'sealed') {
      return {
        allowed: false,
        reason: state
          ? `This version is ${state}: only an approved or sealed version has a signature copy.`
          : 'Only an approved or sealed version has a signature copy, and this meeting has not been approved (the approval workflow is not available yet).',
        versionName: version.name,
        ...(state ? { state } : {}),
      } as const;
    }
    return { allowed: true, versionName: version.name, state, version } as const;
  };

  const handlers: Handlers = {
    appInfo: () => ({
      version: options.version,
      databasePath: options.databasePath,
      author: currentAuthor(),
      readOnly: readOnlyReason !== undefined,
      ...(readOnlyReason ? { readOnlyReason } : {}),
    }),
    startupState: () => ({ status: 'ready' }),
    listMeetings: (request) => store.list(request?.view ?? 'active'),
    trashMeeting: ({ id }) => {
      writable();
      store.trash(id, currentAuthor());
      return { id };
    },
    restoreMeeting: ({ id }) => {
      writable();
      store.restore(id);
      return { id };
    },
    archiveMeeting: ({ id, archived }) => {
      writable();
      store.setArchived(id, archived);
      return { id };
    },
    emptyTrash: () => {
      writable();
      return { deleted: store.emptyTrash() };
    },
    getSettings: () => {
      const settings = options.settings;
      if (!settings) return { settings: { ...DEFAULT_SETTINGS }, path: '' };
      const notice = settings.notice();
      return { settings: settings.get(), path: settings.path, ...(notice ? { notice } : {}) };
    },
    saveSettings: (next) => {
      if (!options.settings) throw new MinutaError('unavailable', 'Settings are not kept in this process');
      const saved = options.settings.save(next);
      options.onSettingsSaved?.(saved);
      return saved;
    },
    searchMeetings: ({ query, decisions }) => store.search(query, 50, { decisions: decisions ?? false }),
    getMeeting: ({ id }) => {
      const found = store.get(id);
      if (!found) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
      return found;
    },
    createMeeting: ({ template, title, startsOn }) => {
      writable();
      return summary(store.create(createFromTemplate(template as TemplateName, { title, startDate: startsOn }), currentAuthor()));
    },
    duplicateMeeting: ({ id, title, startsOn }) => {
      writable();
      return summary(nextMeetingWithMattersArising(db, store, id, { title, startsOn }, currentAuthor()));
    },
    saveMeeting: ({ id, base, changes }) => {
      writable();
      return store.save(id, base, changes, currentAuthor());
    },
    recoverMeeting: ({ id }) => {
      writable();
      return store.recover(id, currentAuthor());
    },
    listRevisions: ({ id }) => {
      if (!store.get(id)) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
      return store.revisions(id);
    },
    nameVersion: ({ id, name, revisionId }) => {
      writable();
      return { revisionId: store.nameVersion(id, name, currentAuthor(), revisionId) };
    },
    revisionHistory: ({ id }) => historyOf(store, id),
    getRevision: ({ id, revisionId }) => {
      const info = store.get(id) ? store.revisions(id).find((r) => r.id === revisionId) : undefined;
      const meeting = info ? store.revision(id, revisionId) : undefined;
      if (!info || !meeting) throw new MinutaError('not-found', `No revision ${revisionId} of meeting ${id}`, 'revisionId');
      return { meeting, revisionId, author: info.author, savedAt: info.savedAt, names: info.names };
    },
    restoreRevision: ({ id, revisionId, blockId, base }) => {
      writable();
      const { revisionId: created, seq, changed } = restoreRevision(
        store,
        { id, revisionId, ...(blockId !== undefined ? { blockId } : {}), ...(base !== undefined ? { base } : {}) },
        currentAuthor(),
      );
      return { revisionId: created, seq, changed };
    },
    compareVersions: ({ id, a, b }) => compareView(store, id, a, b, exports && ((source) => exports.previewRedline(source))),
    exportComparison: async ({ id, a, b, format }) => {
      const versions = compareVersions(store, id, a, b);
      if (!exports) throw new MinutaError('unavailable', 'Export is not available in this process');
      const name = suggestedFileName(versions.b.meeting, format).replace(/(\.[a-z]+)$/, ` redline r${versions.a.revisionId}-r${versions.b.revisionId}$1`);
      try {
        return await exports.exportRedlineToFile(redlineSource(versions), format, name);
      } catch (error) {
        if (error instanceof NoChromiumError) throw new MinutaError('unavailable', error.message);
        throw error;
      }
    },
    exportMeeting: async ({ id, format, sealed, allowMissingGlyphs }) => {
      const meeting = stored(id);
      if (!exports) throw new MinutaError('unavailable', 'Export is not available in this process');
      try {
        return await exports.exportToFile(meeting, format, {
          sealed: sealed === true || isSealed(id),
          allowMissingGlyphs: allowMissingGlyphs ?? false,
          ...(format === 'json' ? { comments: store.comments.list(id), review: store.suggestions.bundle(id) } : {}),
        });
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
      const { meeting, comments, review } = readMinutesBundle(file);
      return { imported: true, meeting: summary(store.createWithComments(meeting, comments, currentAuthor(), review)) };
    },
    signatureCopyStatus: ({ id }) => {
      const { allowed, versionName, state, ...rest } = copyStatus(id);
      return { allowed, ...('reason' in rest ? { reason: rest.reason } : {}), ...(versionName ? { versionName } : {}), ...(state ? { state } : {}) };
    },
    exportSignatureCopy: async ({ id, format }) => {
      const status = copyStatus(id);
      if (!status.allowed) throw new MinutaError('invalid', status.reason, 'id');
      if (!exports) throw new MinutaError('unavailable', 'Export is not available in this process');
      const meeting = store.revision(id, status.version.revisionId);
      if (!meeting) throw new MinutaError('not-found', `Revision ${status.version.revisionId} of meeting ${id} is missing`, 'id');
      try {
        // A sealed copy prints the audit chain's head, so that whoever holds it can later show that the
        // log was not rewritten; the export itself is then logged (after the head it printed).
        const auditHead = status.state === 'sealed' ? store.audit.head(id) : undefined;
        const result = await exports.exportCopyToFile(
          meeting,
          { revisionId: status.version.revisionId, versionName: status.version.name, state: status.state, ...(auditHead ? { auditHead } : {}) },
          format,
        );
        if (result.saved && !readOnlyReason) {
          writeTransaction(db, () =>
            store.audit.append(id, currentAuthor(), 'signature-copy', { format, version: status.version.name, revisionId: status.version.revisionId, bytes: result.bytes ?? 0 }),
          )();
        }
        return result;
      } catch (error) {
        if (error instanceof NoChromiumError) throw new MinutaError('unavailable', error.message);
        throw error;
      }
    },
    verifyCopy: async () => {
      if (!options.verifyDialog) throw new MinutaError('unavailable', 'Verifying a copy is not available in this process');
      const file = await options.verifyDialog.chooseCopy();
      if (!file) return { chosen: false };
      const { MAX_COPY_BYTES, storeRecordSource, verifyCopy } = await import('../copies/verifyCopy');
      const anchors = options.settings?.get().trustAnchors;
      const { loadTrustAnchors } = await import('../signoff/trust');
      const report = await verifyCopy(readBounded(file, MAX_COPY_BYTES), storeRecordSource(store, workflowState), anchors ? { trustAnchors: loadTrustAnchors(anchors) } : {});
      return {
        chosen: true,
        file: basename(file),
        report: {
          ...report,
          signatures: report.signatures.map((s) => ({
            field: s.field,
            ...(s.page !== undefined ? { page: s.page } : {}),
            signed: s.signed,
            ...(s.signer ? { signer: s.signer.subject } : {}),
            ...(s.signingTime ? { signingTime: s.signingTime.toISOString() } : {}),
            valid: s.valid,
            problems: s.problems,
          })),
        },
      };
    },
    ...signingHandlers({ db, store, dialog: options.signDialog, author: currentAuthor, writable }),
    getWorkflow: ({ id }) => ({ ...store.workflow.status(id), attachments: store.workflow.attachments(id) }),
    transitionMeeting: ({ id, transition, note }) => {
      writable();
      return store.workflow.transition(id, transition, currentAuthor(), note);
    },
    recordRoutingStep: ({ id, base, step, date, personId, by }) => {
      writable();
      return store.recordRoutingStep(id, { step, date, base, ...(personId ? { personId } : {}), ...(by ? { by } : {}) }, currentAuthor());
    },
    listAudit: ({ id }) => {
      const entries = store.workflow.auditEntries(id).map(({ seq, at, actor, action, details, hash }) => ({ seq, at, actor, action, details, hash }));
      const report = store.audit.verify(id);
      return { entries, ok: report.ok, ...(report.problem ? { problem: report.problem } : {}) };
    },
    attachScan: ({ id, name, bytes }) => {
      writable();
      const mediaType = checkScan(bytes, name);
      return store.workflow.attach(id, { name, bytes, mediaType, kind: 'scan' }, currentAuthor());
    },
    createCorrigendum: ({ id }) => {
      writable();
      const { id: created } = store.workflow.corrigendum(id, currentAuthor());
      return summary(store.get(created)!);
    },
    previewMeeting: async ({ id, sealed, revisionId }) => {
      const meeting = revisionId === undefined ? stored(id) : store.get(id) && store.revision(id, revisionId);
      if (!meeting) throw new MinutaError('not-found', `No revision ${revisionId} of meeting ${id}`, 'revisionId');
      if (!exports) throw new MinutaError('unavailable', 'Preview is not available in this process');
      // The head of sealed minutes is the sealed version: no draft mark (an older revision is a draft).
      return exports.preview(meeting, { sealed: sealed === true || (revisionId === undefined && isSealed(id)) });
    },
    previewFonts: () => ({ css: fontFaceCss(ALL_SCRIPTS, { fontUrl: fontDataUrl }) }),
    ...commentHandlers({ store, author: currentAuthor, writable, exports }),
    ...suggestionHandlers({ db, store, author: currentAuthor, writable, reader: options.reviewReader }),
    listDecisions: (request) => trackerView(store, request?.filter ?? {}),
    recordFollowUp: ({ meetingId, objectId, status, note, supersededBy, atMeetingId }) => {
      writable();
      return recordFollowUp(db, store, { meetingId, objectId, status, note, supersededBy, atMeetingId }, currentAuthor());
    },
    exportDecisions: async ({ filter, format }) => {
      if (!exports) throw new MinutaError('unavailable', 'Export is not available in this process');
      const view = trackerView(store, filter ?? {});
      try {
        return await exports.exportTrackerToFile({ rows: view.rows, subtitle: filterSummary(filter ?? {}, view), today: new Date().toISOString().slice(0, 10) }, format);
      } catch (error) {
        if (error instanceof NoChromiumError) throw new MinutaError('unavailable', error.message);
        throw error;
      }
    },
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
        if (db.open && !readOnlyReason) store.flushIndex(INDEX_BITE);
      } catch (error) {
        onBackgroundError(storageError(error, 'search indexing') ?? new MinutaError('internal', `search indexing failed: ${String(error).slice(0, 300)}`));
      }
      exports?.close().catch((error: unknown) => onBackgroundError(new MinutaError('internal', `closing the printer failed: ${String(error).slice(0, 300)}`)));
      closeQuietly(db, onBackgroundError);
    },
  };
}
