import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/main/store/db';
import { createMeetingStore, type MeetingStore } from '../../src/main/store/meetings';
import { tempDir } from './temp';

/**
 * A real store on a fresh database file in a temporary folder, with a clock the test moves (`tick`):
 * revisions are folded or split by time, so tests of saves and history set it rather than wait.
 */
export function openTestStore(prefix: string): { tmp: ReturnType<typeof tempDir>; db: Db; store: MeetingStore; tick: (ms: number) => number } {
  const tmp = tempDir(prefix);
  const db = openDatabase(join(tmp.dir, 'minuta.sqlite'));
  let clock = Date.parse('2026-11-23T09:00:00Z');
  const store = createMeetingStore(db, { now: () => new Date(clock) });
  return { tmp, db, store, tick: (ms) => (clock += ms) };
}
