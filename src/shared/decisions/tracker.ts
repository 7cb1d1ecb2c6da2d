import { z } from 'zod';
import type { DecisionEntry } from './collect';

/**
 * The tracker's vocabulary: follow-up statuses, a row (a decision with its meeting, series and
 * follow-up history), the filter, and the table's columns — one definition for the screen, the CLI,
 * the CSV, PDF and DOCX exports.
 */

export const FOLLOW_UP_STATUSES = ['open', 'in-progress', 'done', 'superseded'] as const;
export const FollowUpStatus = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;
export const STATUS_LABEL: Record<FollowUpStatus, string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', superseded: 'Superseded' };

/** A follow-up note is a short paragraph, not a document. */
export const MAX_FOLLOW_UP_NOTE = 4000;

/** A decision by the meeting that took it and its object id. */
export const DecisionRef = z.strictObject({
  meetingId: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  objectId: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
});
export type DecisionRef = z.infer<typeof DecisionRef>;

/** One entry of a decision's follow-up history (rows are appended: the latest is the status). */
export interface FollowUp {
  status: FollowUpStatus;
  note: string;
  author: string;
  /** ISO time. */
  at: string;
  /** The meeting at which it was followed up (its matters arising), with its title when known. */
  atMeetingId?: string;
  atMeetingTitle?: string;
  supersededBy?: DecisionRef;
}

export interface TrackerRow extends DecisionEntry {
  meetingTitle: string;
  /** The meeting's first day. */
  meetingDate: string;
  /** The series: the first meeting of the chain "Next meeting…" made (its id and title). */
  seriesId: string;
  seriesTitle: string;
  /** The latest follow-up's status; `open` when none was recorded. */
  status: FollowUpStatus;
  /** Oldest first. */
  history: FollowUp[];
  /** Meetings whose matters arising carry this decision. */
  carriedInto: string[];
}

export const TrackerFilter = z.strictObject({
  series: z.string().max(64, 'must be at most 64 characters').optional(),
  body: z.string().max(200, 'must be at most 200 characters').optional(),
  delegation: z.string().max(200, 'must be at most 200 characters').optional(),
  status: FollowUpStatus.optional(),
  text: z.string().max(500, 'must be at most 500 characters').optional(),
});
export type TrackerFilter = z.infer<typeof TrackerFilter>;

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The rows a filter keeps; every criterion must hold; text matches words of the decision, its meeting or its notes. */
export function filterRows(rows: readonly TrackerRow[], filter: TrackerFilter): TrackerRow[] {
  const text = filter.text?.trim() ? fold(filter.text.trim()) : undefined;
  return rows.filter(
    (r) =>
      (!filter.series || r.seriesId === filter.series) &&
      (!filter.body || r.body === filter.body) &&
      (!filter.delegation || r.delegations.includes(filter.delegation)) &&
      (!filter.status || r.status === filter.status) &&
      (!text || fold([r.label, r.text, r.meetingTitle, r.body ?? '', ...r.history.map((h) => h.note)].join('\n')).includes(text)),
  );
}

/** The latest note, as the table shows it. */
export const latestNote = (r: TrackerRow): string => r.history.at(-1)?.note ?? '';

/** The table's columns, in order: header and cell text. */
export const TRACKER_COLUMNS: ReadonlyArray<{ key: string; header: string; cell: (r: TrackerRow) => string }> = [
  { key: 'meeting', header: 'Meeting', cell: (r) => r.meetingTitle },
  { key: 'date', header: 'Date', cell: (r) => r.date },
  { key: 'label', header: 'Decision', cell: (r) => r.label },
  { key: 'text', header: 'Text', cell: (r) => r.text },
  { key: 'body', header: 'Body', cell: (r) => r.body ?? '' },
  { key: 'delegations', header: 'Delegations', cell: (r) => r.delegations.join('; ') },
  { key: 'status', header: 'Status', cell: (r) => STATUS_LABEL[r.status] },
  { key: 'note', header: 'Latest note', cell: latestNote },
];

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The table as CSV: RFC 4180 (CRLF line ends, quoted fields), with a UTF-8 byte order mark so that
 * Excel reads Khmer, Lao and Burmese as UTF-8. A cell that starts like a formula (= + - @) is prefixed
 * with an apostrophe, so that a spreadsheet never runs a decision's text as one.
 */
export function trackerCsv(rows: readonly TrackerRow[]): string {
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const lines = [TRACKER_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const r of rows) lines.push(TRACKER_COLUMNS.map((c) => csvField(safe(c.cell(r)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
