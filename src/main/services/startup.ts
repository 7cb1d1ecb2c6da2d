import { MinutaError, excerpt } from '../../shared/errors';
import { methods, type Handlers, type StartupProblem, type StartupState } from '../../shared/ipc/contract';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import { NotMinutaDatabaseError } from '../store/db';
import { NewerDatabaseError } from '../store/migrations';
import { storageCodeOf } from '../store/storageErrors';
import { createServices, type Services, type ServicesOptions } from './index';

/**
 * Starting the services without ever leaving the user with no window: when the database cannot be
 * opened (written by a newer Minuta, not a Minuta database, damaged, no permission), the app still
 * gets a dispatch. That minimal dispatch answers `startupState` with what happened and `appInfo` with
 * the version and file; every other method answers `unavailable`. The renderer asks startupState
 * first and shows the startup error screen.
 */
export type Startup =
  | { ok: true; services: Services; dispatch: Dispatch; state: StartupState }
  | { ok: false; dispatch: Dispatch; state: Extract<StartupState, { status: 'failed' }> };

/** What kind of failure an open error is, for the screen's explanation and advice. */
export function startupProblemOf(error: unknown): StartupProblem {
  if (error instanceof NewerDatabaseError) return 'newer-version';
  if (error instanceof NotMinutaDatabaseError) return 'not-minuta';
  const raw = (error as { code?: unknown } | null)?.code;
  // SQLITE_NOTADB: the file does not even start like a SQLite database (a document, garbage).
  if (raw === 'SQLITE_NOTADB') return 'not-minuta';
  if (typeof raw === 'string' && raw.startsWith('SQLITE_CANTOPEN')) return 'no-permission';
  if (error instanceof MinutaError && error.code === 'read-only') return 'no-permission';
  if (error instanceof MinutaError && error.code === 'corrupt') return 'damaged';
  switch (storageCodeOf(error)) {
    case 'corrupt':
      return 'damaged';
    case 'read-only':
      return 'no-permission';
    case 'disk-full':
      return 'disk-full';
    case 'locked':
      return 'locked';
    default:
      return 'other';
  }
}

export function startServices(options: ServicesOptions): Startup {
  try {
    const services = createServices(options);
    if (!services.startupCheck.ok) {
      // SQLite's quick_check found damaged pages: never serve from them. The screen says what to do
      // (restore the last `minuta backup` copy); nothing is written to the damaged file.
      services.close();
      throw new MinutaError('corrupt', `The database file is damaged: ${services.startupCheck.problems.slice(0, 3).join('; ')}`);
    }
    return { ok: true, services, dispatch: services.dispatch, state: { status: 'ready' } };
  } catch (error) {
    const state = {
      status: 'failed' as const,
      databasePath: options.databasePath,
      problem: startupProblemOf(error),
      detail: excerpt(error instanceof Error ? error.message : String(error), 400),
      version: options.version,
    };
    return { ok: false, dispatch: createDispatch(failedHandlers(state, options)), state };
  }
}

function failedHandlers(state: Extract<StartupState, { status: 'failed' }>, options: ServicesOptions): Handlers {
  const unavailable = () => {
    throw new MinutaError('unavailable', `Minuta could not open its database (${state.problem}): ${state.detail}`);
  };
  const handlers = Object.fromEntries(methods.map((m) => [m, unavailable])) as unknown as Handlers;
  handlers.startupState = () => state;
  handlers.appInfo = () => ({ version: options.version, databasePath: options.databasePath, author: options.author ?? '', readOnly: true, readOnlyReason: 'the database could not be opened' });
  return handlers;
}
