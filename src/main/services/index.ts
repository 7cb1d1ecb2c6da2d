import { userInfo } from 'node:os';
import { openDatabase, startCheckpoints, type Db } from '../store/db';
import { createMeetingStore, StoreError, type MeetingStore } from '../store/meetings';
import { DomainError } from '../ipc/errors';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import type { Handlers } from '../../shared/ipc/contract';
import { createFromTemplate, type TemplateName } from '../../shared/minutes';
import { nextMeetingFrom } from './nextMeeting';

export interface ServicesOptions {
  databasePath: string;
  version: string;
  /** Who the edits of this session are attributed to; the OS user name by default. */
  author?: string;
}

export interface Services {
  db: Db;
  store: MeetingStore;
  handlers: Handlers;
  dispatch: Dispatch;
  close(): void;
}

/** Store errors keep their meaning across IPC as error codes. */
function domain<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof StoreError) throw new DomainError(error.code, error.message);
    throw error;
  }
}

/**
 * Everything the app does, as plain Node: the Electron shell, the CLI and the tests all build this
 * same object, so no behaviour exists only inside Electron.
 */
export function createServices(options: ServicesOptions): Services {
  const db = openDatabase(options.databasePath);
  const stopCheckpoints = startCheckpoints(db);
  const store = createMeetingStore(db);
  const author = options.author ?? userInfo().username;
  const summary = ({ id, title, startsOn, updatedAt }: { id: string; title: string; startsOn: string; updatedAt: string }) => ({
    id,
    title,
    startsOn,
    updatedAt,
  });

  const handlers: Handlers = {
    appInfo: () => ({ version: options.version, databasePath: options.databasePath, author }),
    listMeetings: () => store.list(),
    searchMeetings: ({ query }) => store.search(query),
    getMeeting: ({ id }) => {
      const found = store.get(id);
      if (!found) throw new DomainError('not-found', `No meeting with id ${id}`, 'id');
      return found;
    },
    createMeeting: ({ template, title, startsOn }) =>
      summary(store.create(createFromTemplate(template as TemplateName, { title, startDate: startsOn }), author)),
    duplicateMeeting: ({ id, title, startsOn }) => {
      const found = store.get(id);
      if (!found) throw new DomainError('not-found', `No meeting with id ${id}`, 'id');
      return summary(store.create(nextMeetingFrom(found.meeting, { title, startsOn }), author));
    },
    saveMeeting: ({ id, meeting }) => domain(() => store.save(id, meeting, author)),
    listRevisions: ({ id }) => {
      if (!store.get(id)) throw new DomainError('not-found', `No meeting with id ${id}`, 'id');
      return store.revisions(id);
    },
    nameVersion: ({ id, name, revisionId }) => domain(() => ({ revisionId: store.nameVersion(id, name, author, revisionId) })),
  };

  return { db, store, handlers, dispatch: createDispatch(handlers), close: () => {
      stopCheckpoints();
      db.close();
    },
  };
}
