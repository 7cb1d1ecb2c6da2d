import { useState, type FormEvent } from 'react';
import { useAppStore } from '../state/store';
import { CallError } from '../api/client';

const today = () => new Date().toISOString().slice(0, 10);

const TEMPLATES = [
  { value: 'agreed-2019', label: 'Agreed minutes (short form, as 2019)' },
  { value: 'long-2018', label: 'Meeting minute (long form, as 2018)' },
  { value: 'blank', label: 'Blank' },
] as const;

export function NewMeetingForm() {
  const createMeeting = useAppStore((s) => s.createMeeting);
  const navigate = useAppStore((s) => s.navigate);
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(today);
  const [template, setTemplate] = useState<(typeof TEMPLATES)[number]['value']>('agreed-2019');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await createMeeting({ title, startsOn, template });
      setTitle('');
      navigate({ name: 'editor', meetingId: created.id });
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
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)}
          placeholder="Technical Consultation Meeting among the three sending countries" required maxLength={500} />
      </label>
      <label>
        First day
        <input name="startsOn" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required />
      </label>
      <label>
        Template
        <select name="template" value={template} onChange={(e) => setTemplate(e.target.value as typeof template)}>
          {TEMPLATES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
        </select>
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy}>Create meeting</button>
    </form>
  );
}
