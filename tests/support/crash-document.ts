import { createFromTemplate, plain, type Meeting } from '../../src/shared/minutes';

export const CRASH_MEETING_ID = 'm_crash';

/** Save number n of the crash test: deterministic, so the parent can rebuild and compare it. */
export function crashDocument(n: number): Meeting {
  let seq = 0;
  const meeting = createFromTemplate('long-2018', {
    title: `Crash test save #${n}`,
    startDate: '2018-05-24',
    endDate: '2018-05-25',
    newId: (prefix) => `${prefix}_${++seq}`,
  });
  meeting.id = CRASH_MEETING_ID;
  meeting.body.push({ id: 'b_counter', type: 'paragraph', text: plain(`Save number ${n}. `.repeat(1 + (n % 7))) });
  return meeting;
}

export function saveNumberOf(meeting: Meeting): number {
  const match = /Crash test save #(\d+)/.exec(meeting.titleBlock.title.map((r) => r.text).join(''));
  if (!match) throw new Error('not a crash-test document');
  return Number(match[1]);
}
