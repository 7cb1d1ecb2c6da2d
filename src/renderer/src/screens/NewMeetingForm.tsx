import { useState, type FormEvent } from 'react';
import { useAppStore } from '../state/store';
import { CallError } from '../api/client';

const today = () => new Date().toISOString().slice(0, 10);

export function NewMeetingForm() {
  const createMeeting = useAppStore((s) => s.createMeeting);
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createMeeting({ title, startsOn });
      setTitle('');
    } catch (e) {
      setError(e instanceof CallError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <label>
        Title
        <input
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Technical Consultation Meeting among the three sending countries"
          required
          maxLength={500}
        />
      </label>
      <label>
        First day
        <input name="startsOn" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Create meeting
      </button>
    </form>
  );
}
