import { MinutaError, excerpt } from '../../shared/errors';
import type { Meeting } from '../../shared/minutes';
import { type Comparison, attributionFromRevisions, compareMeetings } from '../../shared/review/compare';
import { layoutRedline } from '../../shared/review/redline';
import { comparisonReport } from '../../shared/review/report';
import type { MeetingStore } from '../store/meetings';
import { HEAD_BLOCK_ID } from '../store/searchText';
import { type ExportFormat, type ExportOptions, exportLayout } from './index';
import type { RedlineSource } from './worker/protocol';

/**
 * Compare two versions of a stored meeting and export the comparison: the text report, a redline PDF
 * or a DOCX with tracked changes. Versions are named as a user names them: a revision number (as the
 * history lists them) or a named version's name. Reads the store only through its public methods.
 */

type StoreReader = Pick<MeetingStore, 'get' | 'revision' | 'revisions' | 'namedVersions'>;

export interface ResolvedVersion {
  meeting: Meeting;
  revisionId: number;
  /** "Draft 1 circulated 12 June (revision 12)", "revision 14". */
  label: string;
  author: string;
  savedAt: string;
}

/** A version by the name it was given, or else by its revision number. */
export function resolveVersion(store: StoreReader, meetingId: string, ref: string): ResolvedVersion {
  if (!store.get(meetingId)) throw new MinutaError('not-found', `No meeting with id ${excerpt(meetingId)}`);
  const revisions = store.revisions(meetingId);
  const named = store.namedVersions(meetingId).find((v) => v.name === ref);
  const revisionId = named?.revisionId ?? (/^\d{1,15}$/.test(ref) ? Number(ref) : undefined);
  const info = revisions.find((r) => r.id === revisionId);
  const meeting = revisionId !== undefined ? store.revision(meetingId, revisionId) : undefined;
  if (!info || !meeting) {
    throw new MinutaError('not-found', `Meeting ${excerpt(meetingId)} has no revision or named version "${excerpt(ref)}"`, 'version');
  }
  return {
    meeting,
    revisionId: info.id,
    label: named ? `"${named.name}" (revision ${info.id})` : `revision ${info.id}`,
    author: info.author,
    savedAt: info.savedAt,
  };
}

export interface VersionComparison {
  a: ResolvedVersion;
  b: ResolvedVersion;
  comparison: Comparison;
}

/** Compares version `refA` (older) with `refB` (newer), attributing each change to who made it. */
export function compareVersions(store: StoreReader, meetingId: string, refA: string, refB: string): VersionComparison {
  const a = resolveVersion(store, meetingId, refA);
  const b = resolveVersion(store, meetingId, refB);
  const attribution = attributionFromRevisions(store.revisions(meetingId), a.revisionId, b.revisionId);
  const comparison = compareMeetings(a.meeting, b.meeting, {
    attribution,
    headKey: HEAD_BLOCK_ID,
    defaultAttribution: { author: b.author, date: b.savedAt },
  });
  return { a, b, comparison };
}

export type ComparisonFormat = 'text' | ExportFormat;

/** What the export worker needs to lay the comparison out as a redline (worker/protocol.ts). */
export function redlineSource(v: VersionComparison): RedlineSource {
  return { a: v.a.meeting, b: v.b.meeting, comparison: v.comparison, options: { labels: { a: v.a.label, b: v.b.label }, fallback: { author: v.b.author, date: v.b.savedAt } } };
}

/** The comparison as a file's bytes: the text report (UTF-8), the redline PDF or the DOCX with tracked changes. */
export async function exportComparison(v: VersionComparison, format: ComparisonFormat, options: ExportOptions = {}): Promise<Uint8Array> {
  const labels = { a: v.a.label, b: v.b.label };
  if (format === 'text') return new TextEncoder().encode(`${comparisonReport(v.comparison, labels)}\n`);
  const layout = await layoutRedline(v.a.meeting, v.b.meeting, v.comparison, {
    ...options,
    labels,
    fallback: { author: v.b.author, date: v.b.savedAt },
  });
  return exportLayout(layout, format, options);
}
