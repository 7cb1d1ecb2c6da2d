import { openDatabase, type Db } from '../store/db';
import { createMeetingsRepo } from '../store/meetings';
import { DomainError } from '../ipc/errors';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import type { Handlers } from '../../shared/ipc/contract';

export interface ServicesOptions {
  databasePath: string;
  version: string;
}

export interface Services {
  db: Db;
  handlers: Handlers;
  dispatch: Dispatch;
  close(): void;
}

/**
 * Everything the app does, as plain Node: the Electron shell, the CLI and the tests all build this
 * same object, so no behaviour exists only inside Electron.
 */
export function createServices(options: ServicesOptions): Services {
  const db = openDatabase(options.databasePath);
  const meetings = createMeetingsRepo(db);

  const handlers: Handlers = {
    appInfo: () => ({ version: options.version, databasePath: options.databasePath }),
    listMeetings: () => meetings.list(),
    getMeeting: ({ id }) => {
      const found = meetings.get(id);
      if (!found) throw new DomainError('not-found', `No meeting with id ${id}`, 'id');
      return found;
    },
    createMeeting: (input) => meetings.create(input),
  };

  return { db, handlers, dispatch: createDispatch(handlers), close: () => db.close() };
}
