import type { Db } from '../store/db';
import type { MeetingStore } from '../store/meetings';
import { MinutaError } from '../../shared/errors';
import { FOLLOW_UP_STATUSES, FollowUpStatus, MAX_FOLLOW_UP_NOTE, STATUS_LABEL, type TrackerFilter } from '../../shared/decisions/tracker';
import { recordFollowUp, trackerView } from '../services/decisions';

/**
 * The decisions tracker's commands, called from run.ts with an open store:
 *   decisions [--series S] [--status STATUS] [--delegation D] [--text T] [--json]
 *   follow-up ID OBJECT --status STATUS [--note N] [--superseded-by MEETING/OBJECT]
 */
export const DECISION_COMMANDS: Record<string, ReadonlySet<string>> = {
  decisions: new Set(['--series', '--status', '--delegation', '--text', '--json']),
  'follow-up': new Set(['--status', '--note', '--superseded-by']),
};

/** Flags that take no value. */
export const DECISION_SWITCHES: ReadonlySet<string> = new Set(['--json']);

export const DECISION_USAGE = `  decisions [--series S] [--status open|in-progress|done|superseded] [--delegation D] [--text T] [--json]
                                          every agreement, recommendation and decision of every
                                          meeting: meeting<TAB>object<TAB>status<TAB>label<TAB>date
                                          <TAB>text (--json: the rows with their follow-up history);
                                          --series takes any meeting id of the series
  follow-up ID OBJECT --status STATUS [--note N] [--superseded-by MEETING/OBJECT]
                                          record a follow-up of decision OBJECT of meeting ID (or of
                                          a matters-arising item); prints its history`;

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function checkDecisionArgs(command: string, args: readonly string[], flags: ReadonlyMap<string, string>): string | undefined {
  const status = flags.get('--status');
  if (status !== undefined && !FollowUpStatus.safeParse(status).success) return `--status must be one of ${FOLLOW_UP_STATUSES.join(', ')}`;
  if (command === 'decisions') {
    if (args.length !== 0) return 'decisions takes no argument (filter with --series, --status, --delegation, --text)';
    if (flags.has('--json') && flags.get('--json') !== 'true') return '--json takes no value';
    for (const f of ['--series', '--delegation', '--text']) if ((flags.get(f)?.length ?? 0) > 500) return `${f} must be at most 500 characters`;
    return undefined;
  }
  if (args.length !== 2) return 'follow-up takes a meeting id and the decision (object) id';
  if (status === undefined) return 'follow-up needs --status STATUS';
  if ((flags.get('--note')?.length ?? 0) > MAX_FOLLOW_UP_NOTE) return `--note must be at most ${MAX_FOLLOW_UP_NOTE} characters`;
  const by = flags.get('--superseded-by');
  if ((status === 'superseded') !== (by !== undefined)) return '--superseded-by MEETING/OBJECT goes with --status superseded, and only with it';
  if (by !== undefined && !/^[^/\s]{1,64}\/[^/\s]{1,64}$/.test(by)) return '--superseded-by takes MEETING/OBJECT';
  return undefined;
}

export function runDecisionCommand(db: Db, store: MeetingStore, command: string, args: readonly string[], flags: ReadonlyMap<string, string>, author: string, stdout: (line: string) => void): void {
  if (command === 'decisions') {
    const filter: TrackerFilter = {};
    const status = flags.get('--status');
    if (status) filter.status = status as FollowUpStatus;
    const delegation = flags.get('--delegation');
    if (delegation) filter.delegation = delegation;
    const text = flags.get('--text');
    if (text) filter.text = text;
    const series = flags.get('--series');
    if (series) {
      // Any meeting of the series names it.
      const all = trackerView(store);
      const seriesId = all.series.some((s) => s.id === series) ? series : all.rows.find((r) => r.meetingId === series)?.seriesId;
      if (!seriesId) throw new MinutaError('not-found', `no series with a meeting ${series.slice(0, 64)}`, 'series');
      filter.series = seriesId;
    }
    const { rows } = trackerView(store, filter);
    if (flags.has('--json')) stdout(JSON.stringify(rows, null, 2));
    else for (const r of rows) stdout([r.meetingId, r.objectId, r.status, r.label, r.date, oneLine(r.text)].join('\t'));
    return;
  }
  const [meetingId, objectId] = args as [string, string];
  const by = flags.get('--superseded-by')?.split('/');
  const { decision, history } = recordFollowUp(
    db,
    store,
    {
      meetingId,
      objectId,
      status: flags.get('--status') as FollowUpStatus,
      note: flags.get('--note') ?? '',
      ...(by ? { supersededBy: { meetingId: by[0]!, objectId: by[1]! } } : {}),
    },
    author,
  );
  stdout(`${decision.meetingId}\t${decision.objectId}`);
  for (const h of history) stdout(`  ${h.at}\t${STATUS_LABEL[h.status]}\t${h.author}${h.atMeetingId ? `\tat ${h.atMeetingId}` : ''}${h.note ? `\t${oneLine(h.note)}` : ''}`);
}
