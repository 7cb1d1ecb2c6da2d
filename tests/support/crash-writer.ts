/**
 * Child process of the crash test. Saves revisions of one meeting in a loop and prints `ACK n` on
 * stdout after save number n has returned, i.e. been acknowledged to its caller. The parent kills this
 * process with SIGKILL at random moments and checks that every acknowledged save is in the file.
 *
 * argv: DB_FILE START_N [write-behind]
 * `write-behind` simulates a store that acknowledges before committing (it batches saves in memory
 * and commits them every 50 ms): the crash test must catch it.
 */
import { openDatabase } from '../../src/main/store/db';
import { createMeetingStore } from '../../src/main/store/meetings';
import { crashDocument, CRASH_MEETING_ID } from './crash-document';

const [file, startArg, mode] = process.argv.slice(2);
const db = openDatabase(file!);
// No folding: every acknowledged save must be its own revision, so each one can be checked.
const store = createMeetingStore(db, { foldGapMs: -1 });
if (!store.get(CRASH_MEETING_ID)) store.create(crashDocument(0), 'crash');

let n = Number(startArg);
const pending: number[] = [];

function loop() {
  for (let i = 0; i < 20; i++) {
    n++;
    if (mode === 'write-behind') {
      pending.push(n);
    } else {
      store.saveDocument(CRASH_MEETING_ID, crashDocument(n), 'crash');
    }
    process.stdout.write(`ACK ${n}\n`);
  }
  setImmediate(loop);
}
if (mode === 'write-behind') {
  setInterval(() => {
    const batch = pending.splice(0);
    db.transaction(() => batch.forEach((k) => store.saveDocument(CRASH_MEETING_ID, crashDocument(k), 'crash')))();
  }, 50);
}
loop();
