/**
 * Child process of the two-writers test: saves one meeting in a loop, each save on the base it last
 * saw, like an editor window. A conflict makes it reopen the meeting (new base) and go on. Prints
 * `ACK seq sha256` after each acknowledged save: the seq the store answered and the hash of the
 * document that save made the head.
 *
 * argv: DB_FILE MEETING_ID WRITER_NAME BLOCK_ID SAVES
 */
import { createHash } from 'node:crypto';
import { openDatabase } from '../../src/main/store/db';
import { createMeetingStore } from '../../src/main/store/meetings';
import { canonicalJson } from '../../src/shared/canonicalJson';
import { isMinutaError } from '../../src/shared/errors';
import { diffMeetings, plain, type Meeting } from '../../src/shared/minutes';

const [file, meetingId, name, blockId, savesArg] = process.argv.slice(2) as [string, string, string, string, string];
const db = openDatabase(file);
const store = createMeetingStore(db);
let opened = store.get(meetingId)!;
let doc: Meeting = opened.meeting;
let base = opened.seq;
let conflicts = 0;

for (let i = 0; i < Number(savesArg); i++) {
  const next: Meeting = {
    ...doc,
    body: doc.body.map((b) => (b.id === blockId && b.type === 'paragraph' ? { ...b, text: plain(`${name} typed word${i}x${name}`) } : b)),
  };
  try {
    const result = store.save(meetingId, base, diffMeetings(doc, next), name);
    base = result.seq;
    doc = next;
    process.stdout.write(`ACK ${result.seq} ${createHash('sha256').update(canonicalJson(next)).digest('hex')} ${i}\n`);
  } catch (error) {
    if (!(isMinutaError(error) && error.code === 'conflict')) throw error;
    conflicts++;
    opened = store.get(meetingId)!;
    doc = opened.meeting;
    base = opened.seq;
  }
}
process.stdout.write(`DONE ${conflicts}\n`);
db.close();
