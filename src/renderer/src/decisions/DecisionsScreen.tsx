import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import { FOLLOW_UP_STATUSES, STATUS_LABEL, filterRows, type FollowUpStatus, type TrackerFilter, type TrackerRow } from '../../../shared/decisions/tracker';
import { call, CallError } from '../api/client';
import { formatDate } from '../format/dates';
import { useAppStore } from '../state/store';
import './decisions.css';

type View = Response<'listDecisions'>;
const keyOf = (r: Pick<TrackerRow, 'meetingId' | 'objectId'>) => `${r.meetingId}/${r.objectId}`;
const message = (e: unknown) => (e instanceof CallError || e instanceof Error ? e.message : String(e));

/** One decision's follow-up history, oldest first, naming the meeting at which each was made. */
function History({ row }: { row: TrackerRow }) {
  if (row.history.length === 0) return <p className="hint">No follow-up recorded yet.</p>;
  return (
    <ol className="follow-up-history" aria-label={`Follow-up of ${row.label}`}>
      {row.history.map((h, i) => (
        <li key={i}>
          <strong>{STATUS_LABEL[h.status]}</strong> · {h.author} · <time dateTime={h.at}>{formatDate(h.at.slice(0, 10))}</time>
          {h.atMeetingTitle && <span className="at-meeting"> · at {h.atMeetingTitle}</span>}
          {h.supersededBy && <span> · superseded by {h.supersededBy.objectId}</span>}
          {h.note && <p className="note">{h.note}</p>}
        </li>
      ))}
    </ol>
  );
}

/** Changes a decision's status with a note; `superseded` asks which decision supersedes it. */
function FollowUpForm({ row, others, titles, done }: { row: TrackerRow; others: TrackerRow[]; titles: ReadonlyMap<string, string>; done(): void }) {
  const [status, setStatus] = useState<FollowUpStatus>(row.status === 'open' ? 'in-progress' : row.status);
  // Followed up at a later meeting whose matters arising carry it (the latest by default).
  const [at, setAt] = useState(row.carriedInto.at(-1) ?? '');
  const [note, setNote] = useState('');
  const [by, setBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const other = status === 'superseded' ? others.find((o) => keyOf(o) === by) : undefined;
      await call('recordFollowUp', {
        meetingId: row.meetingId,
        objectId: row.objectId,
        status,
        note,
        ...(at ? { atMeetingId: at } : {}),
        ...(other ? { supersededBy: { meetingId: other.meetingId, objectId: other.objectId } } : {}),
      });
      done();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="form follow-up-form" onSubmit={submit} aria-label={`Follow up ${row.label}`}>
      <label>
        Status
        <select value={status} onChange={(e) => setStatus(e.target.value as FollowUpStatus)} autoFocus>
          {FOLLOW_UP_STATUSES.map((s) => (
            <option key={s} value={s}>{STATUS_LABEL[s]}</option>
          ))}
        </select>
      </label>
      {status === 'superseded' && (
        <label>
          Superseded by
          <select value={by} onChange={(e) => setBy(e.target.value)} required>
            <option value="">Choose a decision…</option>
            {others.map((o) => (
              <option key={keyOf(o)} value={keyOf(o)}>{`${o.label}, ${o.meetingTitle}`.slice(0, 120)}</option>
            ))}
          </select>
        </label>
      )}
      {row.carriedInto.length > 0 && (
        <label>
          At meeting
          <select value={at} onChange={(e) => setAt(e.target.value)}>
            <option value="">Outside a meeting</option>
            {row.carriedInto.map((id) => (
              <option key={id} value={id}>{(titles.get(id) ?? id).slice(0, 120)}</option>
            ))}
          </select>
        </label>
      )}
      <label className="note-field">
        Note
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} rows={2} />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="row">
        <button type="submit" disabled={busy}>Record follow-up</button>
        <button type="button" className="secondary" onClick={done}>Cancel</button>
      </div>
    </form>
  );
}

/** Export the filtered table: main asks where, renders and writes. */
function ExportButtons({ filter }: { filter: TrackerFilter }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const run = (format: 'csv' | 'pdf' | 'docx') => async () => {
    setState({ kind: 'busy' });
    try {
      const r = await call('exportDecisions', { filter, format });
      setState(r.saved ? { kind: 'done', text: `Saved ${r.path ?? ''}` } : { kind: 'idle' });
    } catch (err) {
      setState({ kind: 'error', text: message(err) });
    }
  };
  return (
    <div className="tracker-export" role="group" aria-label="Export the table">
      <button type="button" className="secondary" disabled={state.kind === 'busy'} onClick={() => void run('csv')()}>Export CSV…</button>
      <button type="button" className="secondary" disabled={state.kind === 'busy'} onClick={() => void run('pdf')()}>Export PDF…</button>
      <button type="button" className="secondary" disabled={state.kind === 'busy'} onClick={() => void run('docx')()}>Export Word…</button>
      {state.kind === 'done' && <span className="hint" role="status">{state.text}</span>}
      {state.kind === 'error' && <span className="error" role="alert">{state.text}</span>}
    </div>
  );
}

/**
 * The decisions tracker: every agreement, recommendation and decision of every meeting in one table,
 * filtered by series, body, delegation, status and text; a row's follow-up is recorded in place.
 */
export function DecisionsScreen() {
  const navigate = useAppStore((s) => s.navigate);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<TrackerFilter>({});
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setView(await call('listDecisions', {}));
      setError(null);
    } catch (err) {
      setError(message(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const rows = useMemo(() => (view ? filterRows(view.rows, filter) : []), [view, filter]);
  const titles = useMemo(() => new Map((view?.meetings ?? []).map((m) => [m.id, m.title])), [view]);
  const set = (patch: Partial<TrackerFilter>) =>
    setFilter((f) => {
      const next = { ...f, ...patch };
      for (const k of Object.keys(next) as (keyof TrackerFilter)[]) if (!next[k]) delete next[k];
      return next;
    });

  return (
    <div className="decisions-screen panel">
      <div className="reg-head">
        <h1 id="decisions-heading">Decisions and recommendations</h1>
        {view && <span className="hint" role="status">{rows.length} of {view.rows.length}</span>}
      </div>
      {error && <p role="alert" className="error">Could not load the decisions: {error}</p>}
      <div className="tracker-filters" role="search" aria-label="Filter the decisions">
        <label>
          Text
          <input type="search" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value })} placeholder="Words of the decision or a note" />
        </label>
        <label>
          Series
          <select value={filter.series ?? ''} onChange={(e) => set({ series: e.target.value })}>
            <option value="">All series</option>
            {view?.series.map((s) => <option key={s.id} value={s.id}>{s.title.slice(0, 80)}</option>)}
          </select>
        </label>
        <label>
          Body
          <select value={filter.body ?? ''} onChange={(e) => set({ body: e.target.value })} disabled={!view || view.bodies.length === 0}>
            <option value="">All bodies</option>
            {view?.bodies.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
        <label>
          Delegation
          <select value={filter.delegation ?? ''} onChange={(e) => set({ delegation: e.target.value })}>
            <option value="">All delegations</option>
            {view?.delegations.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>
          Status
          <select value={filter.status ?? ''} onChange={(e) => set({ status: e.target.value as FollowUpStatus })}>
            <option value="">Any status</option>
            {FOLLOW_UP_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
          </select>
        </label>
        <ExportButtons filter={filter} />
      </div>
      {view && view.rows.length === 0 && <p className="empty">No meeting has agreements, recommendations or decisions yet.</p>}
      {view && view.rows.length > 0 && rows.length === 0 && <p className="empty">Nothing matches this filter.</p>}
      {rows.length > 0 && (
        <table className="tracker-table" aria-labelledby="decisions-heading">
          <thead>
            <tr>
              <th scope="col">Meeting</th>
              <th scope="col">Decision</th>
              <th scope="col">Text</th>
              <th scope="col">Delegations</th>
              <th scope="col">Status</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const k = keyOf(r);
              return (
                <tr key={k} data-decision={k} className={`status-${r.status}`}>
                  <td>
                    <button type="button" className="link" onClick={() => navigate({ name: 'editor', meetingId: r.meetingId, blockId: r.objectId })}>{r.meetingTitle}</button>
                    <div className="hint"><time dateTime={r.date}>{formatDate(r.date)}</time>{r.body ? ` · ${r.body}` : ''}</div>
                  </td>
                  <td>{r.label}</td>
                  <td className="text">{r.text}</td>
                  <td>{r.delegations.join(', ')}</td>
                  <td>
                    <span className={`status-badge status-${r.status}`}>{STATUS_LABEL[r.status]}</span>
                    {r.history.length > 0 && <div className="hint">{r.history.at(-1)!.note}</div>}
                  </td>
                  <td className="actions">
                    <button type="button" className="secondary" aria-expanded={editing === k} onClick={() => setEditing(editing === k ? null : k)}>Follow up…</button>
                    <button type="button" className="secondary" aria-expanded={open === k} onClick={() => setOpen(open === k ? null : k)}>
                      History ({r.history.length})
                    </button>
                    {editing === k && (
                      <FollowUpForm row={r} others={view!.rows.filter((o) => keyOf(o) !== k)} titles={titles} done={() => { setEditing(null); setOpen(k); void load(); }} />
                    )}
                    {open === k && <History row={r} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
