import { MinutaError, excerpt, isMinutaError } from '../../shared/errors';
import { decisionsOf } from '../../shared/decisions/collect';
import { STATUS_LABEL, filterRows, type DecisionRef, type FollowUp, type FollowUpStatus, type TrackerFilter, type TrackerRow } from '../../shared/decisions/tracker';
import { meetingTitle, newId, type Block, type Meeting } from '../../shared/minutes';
import { writeDate } from '../../shared/format';
import { writeTransaction, type Db } from '../store/db';
import { decisionKey } from '../store/decisions';
import type { MeetingStore } from '../store/meetings';
import { nextMeetingFrom, type NextMeetingOptions } from './nextMeeting';

/**
 * The decisions tracker over the store: every decision of every meeting (home list and archive; not
 * the trash) with its series and follow-up history; recording a follow-up; and "Next meeting…"
 * carrying the series' open decisions into the new meeting as its matters arising. The app's IPC
 * handlers and the CLI both call these.
 */

export interface TrackerView {
  rows: TrackerRow[];
  /** Every series (for the filter), by its first meeting: id and title. */
  series: Array<{ id: string; title: string }>;
  bodies: string[];
  delegations: string[];
  /** The meetings decisions were carried into (their matters arising), by id and title. */
  meetings: Array<{ id: string; title: string }>;
}

/**
 * The documents the tracker read last, by meeting and save sequence: reading a head verifies every
 * record's hash, so a meeting is read again only when it changed.
 */
const readCache = new WeakMap<MeetingStore, Map<string, { seq: number; meeting: Meeting }>>();

/**
 * Meetings readable now that may hold decisions (the search index flags their blocks; a damaged head
 * is left out, never served), every meeting's title, and the series each belongs to.
 */
function meetingsWithSeries(store: MeetingStore) {
  const summaries = [...store.list('active'), ...store.list('archived')];
  const candidates = store.meetingsWithDecisions();
  let cache = readCache.get(store);
  if (!cache) readCache.set(store, (cache = new Map()));
  const meetings = new Map<string, Meeting>();
  const titles = new Map(summaries.map((s) => [s.id, s.title]));
  for (const s of summaries) {
    if (!candidates.has(s.id)) continue;
    const cached = cache.get(s.id);
    if (cached && cached.seq === store.seqOf(s.id)) {
      meetings.set(s.id, cached.meeting);
      continue;
    }
    try {
      const found = store.get(s.id);
      if (found) {
        meetings.set(s.id, found.meeting);
        cache.set(s.id, { seq: found.seq, meeting: found.meeting });
      }
    } catch (error) {
      if (!(isMinutaError(error) && error.code === 'corrupt')) throw error;
    }
  }
  const links = store.decisions.links();
  const rootOf = (id: string): string => {
    // A chain, guarded against a cycle made by hand-edited SQL.
    const seen = new Set<string>();
    let at = id;
    while (links.has(at) && !seen.has(at)) {
      seen.add(at);
      at = links.get(at)!;
    }
    return at;
  };
  return { meetings, titles, rootOf };
}

export function trackerView(store: MeetingStore, filter: TrackerFilter = {}): TrackerView {
  const { meetings, titles, rootOf } = meetingsWithSeries(store);
  const histories = store.decisions.histories();
  const carriedInto = new Map<string, string[]>();
  for (const c of store.decisions.carried()) {
    const k = decisionKey(c.fromMeetingId, c.fromObjectId);
    const list = carriedInto.get(k) ?? [];
    if (!list.includes(c.meetingId)) list.push(c.meetingId);
    carriedInto.set(k, list);
  }
  const titleOf = (id: string) => titles.get(id) ?? (meetings.has(id) ? meetingTitle(meetings.get(id)!) : id);
  const rows: TrackerRow[] = [];
  const series = new Map<string, string>();
  // Oldest meeting first; within one, document order.
  const ordered = [...meetings.values()].sort((a, b) => (a.dates.start < b.dates.start ? -1 : a.dates.start > b.dates.start ? 1 : 0));
  for (const meeting of ordered) {
    const seriesId = rootOf(meeting.id);
    const seriesTitle = titleOf(seriesId);
    series.set(seriesId, seriesTitle);
    for (const entry of decisionsOf(meeting)) {
      const k = decisionKey(meeting.id, entry.objectId);
      const history: FollowUp[] = (histories.get(k) ?? []).map((h) => (h.atMeetingId ? { ...h, atMeetingTitle: titleOf(h.atMeetingId) } : h));
      rows.push({
        ...entry,
        meetingTitle: meetingTitle(meeting),
        meetingDate: meeting.dates.start,
        seriesId,
        seriesTitle,
        status: history.at(-1)?.status ?? 'open',
        history,
        carriedInto: carriedInto.get(k) ?? [],
      });
    }
  }
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    rows: filterRows(rows, filter),
    series: [...series].map(([id, title]) => ({ id, title })),
    bodies: sorted(rows.flatMap((r) => (r.body ? [r.body] : []))),
    delegations: sorted(rows.flatMap((r) => r.delegations)),
    meetings: [...new Set(rows.flatMap((r) => r.carriedInto))].map((id) => ({ id, title: titleOf(id) })),
  };
}

export interface FollowUpRequest extends DecisionRef {
  status: FollowUpStatus;
  note: string;
  supersededBy?: DecisionRef | undefined;
  /** The meeting at which it was followed up: one whose matters arising carry the decision. */
  atMeetingId?: string | undefined;
}

/** The decision `ref` names: itself, or, for an item of a meeting's matters arising, the decision it carries. */
function resolveDecision(store: MeetingStore, ref: DecisionRef): { decision: DecisionRef; atMeetingId?: string } {
  const carried = store.decisions.carriedBy(ref.meetingId, ref.objectId);
  return carried ? { decision: carried, atMeetingId: ref.meetingId } : { decision: ref };
}

function mustBeDecision(store: MeetingStore, ref: DecisionRef, path: string): void {
  const found = store.get(ref.meetingId);
  if (!found) throw new MinutaError('not-found', `No meeting with id ${excerpt(ref.meetingId)}`, path === 'objectId' ? 'meetingId' : path);
  if (!decisionsOf(found.meeting).some((d) => d.objectId === ref.objectId)) {
    throw new MinutaError('not-found', `Meeting ${excerpt(ref.meetingId)} has no decision, agreement or recommendation ${excerpt(ref.objectId)}`, path);
  }
}

/**
 * Appends a follow-up (who and when recorded; nothing is ever overwritten) and answers the decision's
 * whole history. A matters-arising item stands for the decision it carries, the follow-up being made
 * at that meeting. `superseded` needs the decision that supersedes it; no other status takes one.
 */
export function recordFollowUp(db: Db, store: MeetingStore, request: FollowUpRequest, author: string): { decision: DecisionRef; history: FollowUp[] } {
  return writeTransaction(db, () => {
    const resolved = resolveDecision(store, request);
    const { decision } = resolved;
    mustBeDecision(store, decision, 'objectId');
    let atMeetingId = resolved.atMeetingId;
    if (request.atMeetingId !== undefined && request.atMeetingId !== atMeetingId) {
      const carries = store.decisions.carried().some((c) => c.meetingId === request.atMeetingId && c.fromMeetingId === decision.meetingId && c.fromObjectId === decision.objectId);
      if (!carries) throw new MinutaError('invalid', `atMeetingId: the matters arising of meeting ${excerpt(request.atMeetingId)} do not carry this decision`, 'atMeetingId');
      atMeetingId = request.atMeetingId;
    }
    if (request.status === 'superseded') {
      if (!request.supersededBy) throw new MinutaError('invalid', 'supersededBy: a superseded decision needs the decision that supersedes it', 'supersededBy');
      const by = resolveDecision(store, request.supersededBy).decision;
      if (by.meetingId === decision.meetingId && by.objectId === decision.objectId) {
        throw new MinutaError('invalid', 'supersededBy: a decision cannot supersede itself', 'supersededBy');
      }
      mustBeDecision(store, by, 'supersededBy');
      store.decisions.append(decision, { status: request.status, note: request.note, author, atMeetingId, supersededBy: by });
    } else {
      if (request.supersededBy) throw new MinutaError('invalid', `supersededBy: only a superseded decision names what supersedes it (status is ${request.status})`, 'supersededBy');
      store.decisions.append(decision, { status: request.status, note: request.note, author, atMeetingId });
    }
    return { decision, history: store.decisions.history(decision) };
  })();
}

/** How much of a decision's text a matters-arising item quotes (a run holds at most 20,000 characters). */
const MAX_CARRIED_TEXT = 4000;
const cut = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

/** The heading of the list that carries a series' open decisions into its next meeting. */
export const MATTERS_ARISING_HEADING = 'Matters arising from previous meetings';

/**
 * "Next meeting…" with its matters arising: the next meeting made from `previousId` (nextMeetingFrom),
 * linked to it (the series), with a numbered list of the series' decisions still open or in progress,
 * each item recorded as carrying its decision — in one transaction. The previous meeting's own matters
 * arising are left out of the copy (the new list replaces them).
 */
export function nextMeetingWithMattersArising(db: Db, store: MeetingStore, previousId: string, options: NextMeetingOptions, author: string) {
  return writeTransaction(db, () => {
    const found = store.get(previousId);
    if (!found) throw new MinutaError('not-found', `No meeting with id ${excerpt(previousId)}`, 'id');
    const view = trackerView(store);
    const seriesId = view.rows.find((r) => r.meetingId === previousId)?.seriesId ?? seriesOf(store, previousId);
    const open = view.rows.filter((r) => r.seriesId === seriesId && (r.status === 'open' || r.status === 'in-progress'));
    const carriedHere = new Set(store.decisions.carried().filter((c) => c.meetingId === previousId).map((c) => c.itemId));
    const previous: Meeting = { ...found.meeting, body: withoutMattersArising(found.meeting.body, carriedHere) };
    const next = nextMeetingFrom(previous, options);
    const id = options.newId ?? newId;
    const items = open.map((r) => {
      const note = r.history.at(-1)?.note;
      const progress = r.status === 'in-progress' ? ` [in progress${note ? `: ${cut(note, 500)}` : ''}]` : '';
      return { id: id('b'), text: [{ text: `${r.label} of ${writeDate(r.date)}: ${cut(r.text, MAX_CARRIED_TEXT)}${progress}` }] };
    });
    if (items.length > 0) {
      const list: Block = { id: id('b'), type: 'list', role: 'points', heading: [{ text: MATTERS_ARISING_HEADING, bold: true }], numbering: 'decimal', items };
      // The agenda opens the minutes: after the opening paragraphs (summary, introduction), before the rest.
      const at = next.body.findIndex((b) => b.type !== 'paragraph');
      next.body.splice(at < 0 ? next.body.length : at, 0, list);
    }
    const created = store.create(next, author);
    store.decisions.link(created.id, previousId);
    open.forEach((r, i) => store.decisions.carry(created.id, items[i]!.id, { meetingId: r.meetingId, objectId: r.objectId }));
    return created;
  })();
}

function seriesOf(store: MeetingStore, id: string): string {
  const links = store.decisions.links();
  let at = id;
  for (let guard = 0; links.has(at) && guard < 10_000; guard++) at = links.get(at)!;
  return at;
}

/** The body without the lists whose items are all matters arising carried into that meeting. */
function withoutMattersArising(body: Block[], carried: ReadonlySet<string>): Block[] {
  if (carried.size === 0) return body;
  const isCarriedList = (b: Block) => b.type === 'list' && b.items.length > 0 && b.items.every((i) => carried.has(i.id));
  return body
    .filter((b) => !isCarriedList(b))
    .map((b) => {
      if (b.type === 'section') return { ...b, blocks: b.blocks.filter((x) => !isCarriedList(x)) };
      return b;
    });
}


/** The filter in words, printed under an exported table's title: "All decisions" or "Status: Open; Delegation: Lao". */
export function filterSummary(filter: TrackerFilter, view: Pick<TrackerView, 'series'>): string {
  const parts: string[] = [];
  if (filter.series) parts.push(`Series: ${view.series.find((s) => s.id === filter.series)?.title ?? filter.series}`);
  if (filter.body) parts.push(`Body: ${filter.body}`);
  if (filter.delegation) parts.push(`Delegation: ${filter.delegation}`);
  if (filter.status) parts.push(`Status: ${STATUS_LABEL[filter.status]}`);
  if (filter.text?.trim()) parts.push(`Text: "${filter.text.trim()}"`);
  return parts.length > 0 ? parts.join('; ') : 'All decisions and recommendations';
}
