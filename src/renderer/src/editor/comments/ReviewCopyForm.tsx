import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useAppStore } from '../../state/store';
import { pickReviewedCopy } from '../suggestions/pick';

/**
 * "Export review copy…": a Word document of the current version with every change since the chosen
 * base version as a tracked change and the comment threads as Word comments. Main asks where to save.
 */
export function ReviewCopyForm({ meetingId }: { meetingId: string }) {
  const flush = useAppStore((s) => s.flush);
  const [versions, setVersions] = useState<{ value: string; label: string }[]>([]);
  const [base, setBase] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'done'; path: string } | { kind: 'error'; message: string }>({ kind: 'idle' });

  const load = async () => {
    const revisions = await call('listRevisions', { id: meetingId });
    const options = revisions.flatMap((r) => [
      ...r.names.map((n) => ({ value: n, label: n })),
      { value: String(r.id), label: `Revision ${r.id} (${r.author}, ${new Date(r.savedAt).toLocaleString()})` },
    ]);
    setVersions(options);
    setBase((b) => b || (options[0]?.value ?? ''));
  };
  useEffect(() => {
    void load().catch(() => undefined);
  }, [meetingId]);

  return (
    <form
      className="review-copy"
      id="review-copy-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!base) return;
        setState({ kind: 'busy' });
        void (async () => {
          try {
            await flush();
            const r = await call('exportReviewCopy', { id: meetingId, base });
            setState(r.saved && r.path ? { kind: 'done', path: r.path } : { kind: 'idle' });
          } catch (error) {
            setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
          }
        })();
      }}
    >
      <label>
        Review copy since
        <select id="review-copy-base" value={base} onFocus={() => void load().catch(() => undefined)} onChange={(e) => setBase(e.target.value)}>
          {versions.map((v) => (
            <option key={`${v.value}:${v.label}`} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!base || state.kind === 'busy'}>
        Export review copy…
      </button>
      <button type="button" onClick={() => pickReviewedCopy()}>
        Import reviewed copy…
      </button>
      {state.kind === 'done' && <p className="review-copy-done">Saved {state.path}</p>}
      {state.kind === 'error' && <p role="alert">{state.message}</p>}
    </form>
  );
}
