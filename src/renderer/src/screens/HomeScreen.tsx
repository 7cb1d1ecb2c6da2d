import { VerifyCopy } from '../copies/VerifyCopy';
import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { MeetingSummary, MeetingView } from '../../../shared/ipc/contract';
import { useAppStore } from '../state/store';
import { NewMeetingForm } from './NewMeetingForm';
import { formatDate } from '../format/dates';
import { CallError } from '../api/client';
import { StateBadge } from '../workflow/StateBadge';
import '../workflow/workflow.css';

/** "… the [roles] of sending …" from FTS5's snippet(): the brackets mark the match. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/g);
  return (
    <span className="snippet">
      {parts.map((p, i) => (p.startsWith('[') && p.endsWith(']') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>))}
    </span>
  );
}

function NextMeetingForm({ from, close }: { from: MeetingSummary; close(): void }) {
  const duplicate = useAppStore((s) => s.duplicateMeeting);
  const navigate = useAppStore((s) => s.navigate);
  const [title, setTitle] = useState(from.title);
  const [startsOn, setStartsOn] = useState(new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const created = await duplicate({ id: from.id, title, startsOn });
      navigate({ name: 'editor', meetingId: created.id });
    } catch (err) {
      setError(err instanceof CallError ? err.message : String(err));
    }
  }
  return (
    <form className="form next-form" onSubmit={submit} aria-label={`Next meeting after ${from.title}`}>
      <p className="hint">Keeps the structure, the register and the delegations; clears the discussion.</p>
      <label>
        Title of the next meeting
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} />
      </label>
      <label>
        Its first day
        <input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="row">
        <button type="submit">Create the next meeting</button>
        <button type="button" className="secondary" onClick={close}>Cancel</button>
      </div>
    </form>
  );
}

/** Import a `.minuta.json` file (sent by a colleague, or exported by the CLI): opens it once it is in. */
function ImportButton() {
  const importMeeting = useAppStore((s) => s.importMeeting);
  const navigate = useAppStore((s) => s.navigate);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      const imported = await importMeeting();
      if (imported) navigate({ name: 'editor', meetingId: imported.id });
    } catch (err) {
      setError(err instanceof CallError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="import">
      <button type="button" className="secondary" onClick={() => void run()} disabled={busy}>
        {busy ? 'Importing…' : 'Import minutes file…'}
      </button>
      {error && (
        <p role="alert" className="error">
          Not imported, nothing was changed: {error}
        </p>
      )}
    </div>
  );
}

const VIEWS: Array<{ view: MeetingView; label: string }> = [
  { view: 'active', label: 'Meetings' },
  { view: 'archived', label: 'Archive' },
  { view: 'trash', label: 'Trash' },
];

/** The home list's filter: the meetings, the archive, or the trash. */
function MeetingViews() {
  const view = useAppStore((s) => s.meetingsView);
  const setView = useAppStore((s) => s.setMeetingsView);
  return (
    <div className="meeting-views" role="group" aria-label="Show">
      {VIEWS.map((v) => (
        <button key={v.view} type="button" className="secondary" aria-pressed={view === v.view} onClick={() => void setView(v.view)}>
          {v.label}
        </button>
      ))}
    </div>
  );
}

/** Archive / move to the trash / restore, per meeting, depending on where it is listed. */
function RowActions({ meeting }: { meeting: MeetingSummary }) {
  const view = useAppStore((s) => s.meetingsView);
  const { trashMeeting, restoreMeeting, archiveMeeting } = useAppStore.getState();
  const [error, setError] = useState<string | null>(null);
  const run = (fn: () => Promise<void>) => () => void fn().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  return (
    <div className="row-actions">
      {view === 'trash' ? (
        <>
          <span className="hint">Deleted {meeting.deletedAt ? formatDate(meeting.deletedAt.slice(0, 10)) : ''}{meeting.deletedBy ? ` by ${meeting.deletedBy}` : ''}</span>
          <button type="button" className="secondary" onClick={run(() => restoreMeeting(meeting.id))}>Restore</button>
        </>
      ) : (
        <>
          <button type="button" className="secondary" onClick={run(() => archiveMeeting(meeting.id, view !== 'archived'))}>
            {view === 'archived' ? 'Unarchive' : 'Archive'}
          </button>
          <button type="button" className="secondary danger" onClick={run(() => trashMeeting(meeting.id))}>Move to trash</button>
          <ImportReviewedCopy meetingId={meeting.id} onError={setError} />
        </>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}

/**
 * "Import reviewed copy…" on a meeting of the home list: a delegation's reviewed Word copy comes back as
 * suggestions; the meeting then opens with the suggestions beside it.
 */
function ImportReviewedCopy({ meetingId, onError }: { meetingId: string; onError: (message: string | null) => void }) {
  const importReviewedCopy = useAppStore((s) => s.importReviewedCopy);
  const navigate = useAppStore((s) => s.navigate);
  const picked = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    onError(null);
    if (await importReviewedCopy(meetingId, file)) {
      useAppStore.getState().setSuggestionsPaneOpen(true);
      navigate({ name: 'editor', meetingId });
    } else onError(useAppStore.getState().suggestions.error);
  };
  return (
    <label className="button secondary">
      Import reviewed copy…
      <input type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" hidden data-testid="home-review-input" onChange={(e) => void picked(e)} />
    </label>
  );
}

/** Deleting for good is never one click: the button asks, naming how many meetings and that it cannot be undone. */
function EmptyTrash({ count }: { count: number }) {
  const emptyTrash = useAppStore((s) => s.emptyTrash);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <div className="empty-trash">
        <button type="button" className="secondary danger" onClick={() => setAsking(true)}>Empty trash…</button>
      </div>
    );
  }
  return (
    <div className="empty-trash confirm" role="alertdialog" aria-label="Empty the trash">
      <p>
        Delete {count} meeting{count === 1 ? '' : 's'} in the trash for good, with {count === 1 ? 'its' : 'their'} whole history and named
        versions? This cannot be undone.
      </p>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="row">
        <button type="button" className="danger" onClick={() => void emptyTrash().then(() => setAsking(false), (e: unknown) => setError(e instanceof Error ? e.message : String(e)))}>
          Delete for good
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>Cancel</button>
      </div>
    </div>
  );
}

export function HomeScreen() {
  const meetings = useAppStore((s) => s.meetings);
  const status = useAppStore((s) => s.meetingsStatus);
  const error = useAppStore((s) => s.meetingsError);
  const loadMeetings = useAppStore((s) => s.loadMeetings);
  const navigate = useAppStore((s) => s.navigate);
  const query = useAppStore((s) => s.searchQuery);
  const hits = useAppStore((s) => s.searchHits);
  const search = useAppStore((s) => s.search);
  const decisionsOnly = useAppStore((s) => s.searchDecisionsOnly);
  const setDecisionsOnly = useAppStore((s) => s.setSearchDecisionsOnly);
  const [nextFrom, setNextFrom] = useState<string | null>(null);

  useEffect(() => {
    void loadMeetings();
  }, [loadMeetings]);

  const open = (id: string) => navigate({ name: 'editor', meetingId: id });
  const view = useAppStore((s) => s.meetingsView);

  return (
    <div className="home">
      <section className="panel meetings" aria-labelledby="meetings-heading">
        <div className="reg-head">
          <h1 id="meetings-heading">Meetings</h1>
          <input className="search" type="search" aria-label="Search the minutes" placeholder="Search all minutes…"
            value={query} onChange={(e) => void search(e.target.value)} />
          <label className="decisions-only">
            <input type="checkbox" checked={decisionsOnly} onChange={(e) => void setDecisionsOnly(e.target.checked)} />
            Decisions only
          </label>
          <button type="button" className="secondary" onClick={() => navigate({ name: 'decisions' })}>Decisions tracker</button>
        </div>
        {status === 'error' && <p role="alert" className="error">Could not load meetings: {error}</p>}
        {hits !== null ? (
          <ul className="meeting-list" data-testid="search-results">
            {hits.length === 0 && <li className="empty">Nothing found for “{query}”.</li>}
            {hits.map((h) => (
              <li key={h.id} className="meeting-row hit" data-meeting-id={h.id}>
                <div>
                  <button type="button" className="meeting-title" onClick={() => navigate({ name: 'editor', meetingId: h.id, blockId: h.blockId })}>{h.title}</button>
                  <Snippet text={h.snippet} />
                </div>
                <time className="meeting-date" dateTime={h.startsOn}>{formatDate(h.startsOn)}</time>
              </li>
            ))}
          </ul>
        ) : (
          <>
            <MeetingViews />
            {status === 'ready' && meetings.length === 0 && view === 'active' && (
              <p className="empty" data-testid="meetings-empty">No meetings yet. Create the first one to start drafting its minutes.</p>
            )}
            {status === 'ready' && meetings.length === 0 && view !== 'active' && (
              <p className="empty" data-testid="meetings-empty">{view === 'trash' ? 'The trash is empty.' : 'Nothing is archived.'}</p>
            )}
            {view === 'trash' && meetings.length > 0 && <EmptyTrash count={meetings.length} />}
            <ul className="meeting-list" data-testid="meeting-list" aria-busy={status === 'loading'}>
              {meetings.map((m) => (
                <li key={m.id} className="meeting-row" data-meeting-id={m.id}>
                  <div className="meeting-main">
                    <button type="button" className="meeting-title" onClick={() => open(m.id)}>{m.title}</button>
                    <time className="meeting-date" dateTime={m.startsOn}>{formatDate(m.startsOn)}</time>
                    <StateBadge state={m.state ?? 'draft'} />
                  </div>
                  {view === 'active' && (
                    <button type="button" className="secondary" onClick={() => setNextFrom(nextFrom === m.id ? null : m.id)}
                      aria-expanded={nextFrom === m.id}>
                      Next meeting…
                    </button>
                  )}
                  <RowActions meeting={m} />
                  {nextFrom === m.id && <NextMeetingForm from={m} close={() => setNextFrom(null)} />}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="panel new-meeting" aria-labelledby="new-meeting-heading">
        <h2 id="new-meeting-heading">New meeting</h2>
        <NewMeetingForm />
        <ImportButton />
      </section>
      <VerifyCopy />
    </div>
  );
}
