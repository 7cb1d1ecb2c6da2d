import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import { NewMeetingForm } from './NewMeetingForm';
import { formatDate } from '../format/dates';

export function HomeScreen() {
  const meetings = useAppStore((s) => s.meetings);
  const status = useAppStore((s) => s.meetingsStatus);
  const error = useAppStore((s) => s.meetingsError);
  const loadMeetings = useAppStore((s) => s.loadMeetings);
  const navigate = useAppStore((s) => s.navigate);

  useEffect(() => {
    void loadMeetings();
  }, [loadMeetings]);

  return (
    <div className="home">
      <section className="panel meetings" aria-labelledby="meetings-heading">
        <h1 id="meetings-heading">Meetings</h1>
        {status === 'error' && (
          <p role="alert" className="error">
            Could not load meetings: {error}
          </p>
        )}
        {status === 'ready' && meetings.length === 0 && (
          <p className="empty" data-testid="meetings-empty">
            No meetings yet. Create the first one to start drafting its minutes.
          </p>
        )}
        <ul className="meeting-list" data-testid="meeting-list" aria-busy={status === 'loading'}>
          {meetings.map((m) => (
            <li key={m.id} className="meeting-row" data-meeting-id={m.id}>
              <button type="button" className="meeting-title" onClick={() => navigate({ name: 'editor', meetingId: m.id })}>
                {m.title}
              </button>
              <time className="meeting-date" dateTime={m.startsOn}>
                {formatDate(m.startsOn)}
              </time>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel new-meeting" aria-labelledby="new-meeting-heading">
        <h2 id="new-meeting-heading">New meeting</h2>
        <NewMeetingForm />
      </section>
    </div>
  );
}
