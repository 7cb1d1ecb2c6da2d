import { MinutaError } from '../../../shared/errors';
import type { FollowUpStatus} from '../../../shared/decisions/tracker';
import { FOLLOW_UP_STATUSES, MAX_FOLLOW_UP_NOTE, STATUS_LABEL, type TrackerFilter } from '../../../shared/decisions/tracker';
import { recordFollowUp, trackerView } from '../../services/decisions';
import { defineCommand, type CommandSpec } from '../registry';

/**
 * The decisions tracker from the command line, over the app's tracker service (src/main/services/
 * decisions.ts): every agreement, recommendation and decision of every meeting with its follow-up, and
 * recording a follow-up.
 */

const GROUP = 'Decisions';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export const DECISION_COMMANDS: readonly CommandSpec[] = [
  defineCommand({
    name: 'decisions',
    group: GROUP,
    summary: 'every agreement, recommendation and decision: meeting<TAB>object<TAB>status<TAB>label<TAB>date<TAB>text',
    details: '--series takes any meeting id of the series. --json: the rows with their follow-up history.',
    args: [],
    options: [
      { name: 'series', value: 'MEETING', summary: 'only the series this meeting belongs to' },
      { name: 'status', choices: FOLLOW_UP_STATUSES, summary: 'only decisions with this follow-up status' },
      { name: 'delegation', value: 'D', summary: 'only those concerning this delegation' },
      { name: 'text', value: 'T', summary: 'only those whose text holds T' },
    ],
    output: 'decisions',
    check: (_args, o) => {
      for (const f of ['series', 'delegation', 'text']) if (typeof o[f] === 'string' && (o[f] as string).length > 500) return `--${f} must be at most 500 characters`;
      return undefined;
    },
    run: (ctx) => {
      const { store } = ctx.open();
      const filter: TrackerFilter = {};
      const status = ctx.string('status');
      if (status) filter.status = status as FollowUpStatus;
      const delegation = ctx.string('delegation');
      if (delegation) filter.delegation = delegation;
      const text = ctx.string('text');
      if (text) filter.text = text;
      const series = ctx.string('series');
      if (series) {
        // Any meeting of the series names it.
        const all = trackerView(store);
        const seriesId = all.series.some((s) => s.id === series) ? series : all.rows.find((r) => r.meetingId === series)?.seriesId;
        if (!seriesId) throw new MinutaError('not-found', `no series with a meeting ${series.slice(0, 64)}`, 'series');
        filter.series = seriesId;
      }
      for (const r of trackerView(store, filter).rows) ctx.print(r, [r.meetingId, r.objectId, r.status, r.label, r.date, oneLine(r.text)].join('\t'));
    },
  }),
  defineCommand({
    name: 'follow-up',
    group: GROUP,
    summary: 'record a follow-up of decision OBJECT of meeting ID (or of a matters-arising item); prints its history',
    args: [{ name: 'ID' }, { name: 'OBJECT' }],
    takes: 'a meeting id and the decision (object) id',
    options: [
      { name: 'status', choices: FOLLOW_UP_STATUSES, required: true, summary: 'the follow-up status' },
      { name: 'note', value: 'N', summary: 'what was done' },
      { name: 'superseded-by', value: 'MEETING/OBJECT', summary: 'with --status superseded: the decision that supersedes it' },
    ],
    output: 'followUp',
    check: (_args, o) => {
      if (typeof o['note'] === 'string' && o['note'].length > MAX_FOLLOW_UP_NOTE) return `--note must be at most ${MAX_FOLLOW_UP_NOTE} characters`;
      const by = o['superseded-by'];
      if ((o['status'] === 'superseded') !== (by !== undefined)) return '--superseded-by MEETING/OBJECT goes with --status superseded, and only with it';
      if (typeof by === 'string' && !/^[^/\s]{1,64}\/[^/\s]{1,64}$/.test(by)) return '--superseded-by takes MEETING/OBJECT';
      return undefined;
    },
    run: (ctx) => {
      const { db, store } = ctx.open();
      const [meetingId, objectId] = ctx.args as [string, string];
      const by = ctx.string('superseded-by')?.split('/');
      const { decision, history } = recordFollowUp(
        db,
        store,
        {
          meetingId,
          objectId,
          status: ctx.string('status') as FollowUpStatus,
          note: ctx.string('note') ?? '',
          ...(by ? { supersededBy: { meetingId: by[0]!, objectId: by[1]! } } : {}),
        },
        ctx.author,
      );
      ctx.print({ meetingId: decision.meetingId, objectId: decision.objectId, history }, [
        `${decision.meetingId}\t${decision.objectId}`,
        ...history.map((h) => `  ${h.at}\t${STATUS_LABEL[h.status]}\t${h.author}${h.atMeetingId ? `\tat ${h.atMeetingId}` : ''}${h.note ? `\t${oneLine(h.note)}` : ''}`),
      ]);
    },
  }),
];
