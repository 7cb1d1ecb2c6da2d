import { useState } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import { CallError, call } from '../api/client';
import { openSignAs } from './signAs';
import './copies.css';

type Verified = Response<'verifyCopy'>;
type Report = NonNullable<Verified['report']>;

/**
 * "Verify a copy…": the user picks a signature copy (PDF or Word, signed or not; main opens the
 * dialog and reads the file), and the one answer is shown: which meeting and version it is, whether it
 * matches the record and what differs, whether the record changed since or is sealed, and its
 * signatures.
 */
export function VerifyCopy() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ file: string; report: Report } | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      const verified = await call('verifyCopy', {});
      if (verified.chosen && verified.report) setResult({ file: verified.file ?? '', report: verified.report });
    } catch (err) {
      setResult(null);
      setError(err instanceof CallError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="panel verify-copy" aria-labelledby="verify-heading">
      <div className="reg-head">
        <h2 id="verify-heading">Verify a copy</h2>
        <button type="button" className="secondary" onClick={() => void run()} disabled={busy} data-testid="verify-copy">
          {busy ? 'Verifying…' : 'Verify a copy…'}
        </button>
        <button type="button" className="secondary" onClick={openSignAs} data-testid="sign-as-open">
          Sign as…
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          The file cannot be read as a signature copy: {error}
        </p>
      )}
      {result && <VerifyReport file={result.file} report={result.report} />}
    </section>
  );
}

function VerifyReport({ file, report: r }: { file: string; report: Report }) {
  const signed = r.signatures.filter((s) => s.signed);
  return (
    <div className={`verify-report ${r.matches ? 'verify-ok' : 'verify-bad'}`} data-testid="verify-report">
      <p className="verify-verdict" role="status">
        <strong>{r.matches ? 'Matches the record' : 'Does not match the record'}</strong> — {file}
      </p>
      <dl className="verify-facts">
        <dt>Meeting</dt>
        <dd>{r.title ?? r.meetingId ?? 'unknown'}{r.title && r.meetingId ? <span className="muted"> ({r.meetingId})</span> : null}</dd>
        <dt>Version</dt>
        <dd>
          {r.versionName ? `“${r.versionName}”` : 'unnamed'}
          {r.revisionId !== undefined ? `, revision ${r.revisionId}` : ''}
          {r.copyState ? `, ${r.copyState} when copied` : ''}
        </dd>
        <dt>Fingerprint</dt>
        <dd className="mono">{r.fingerprint ?? 'none'}</dd>
        <dt>Record</dt>
        <dd>
          {r.record.found ? 'found in this database' : 'not in this database'}
          {r.record.newerRevisions > 0 ? `; changed since: ${r.record.newerRevisions} newer revision${r.record.newerRevisions === 1 ? '' : 's'}` : r.record.found ? '; unchanged since' : ''}
          {'; '}
          {r.record.sealed ? 'sealed' : 'not sealed'}
        </dd>
      </dl>
      {r.differences.length > 0 && (
        <>
          <h3>What differs</h3>
          <ul className="verify-differences">
            {r.differences.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      <h3>Checks</h3>
      <ul className="verify-checks">
        {r.checks.map((c, i) => (
          <li key={i} className={c.ok === true ? 'ok' : c.ok === false ? 'bad' : 'skip'}>
            <span aria-hidden="true">{c.ok === true ? '✓' : c.ok === false ? '✗' : '–'}</span> <strong>{c.name}</strong>: {c.detail}
          </li>
        ))}
      </ul>
      <h3>Signatures ({signed.length} of {r.signatures.length} fields signed)</h3>
      <ul className="verify-signatures">
        {r.signatures.map((s) => (
          <li key={s.field} className={!s.signed ? 'skip' : s.valid ? 'ok' : 'bad'}>
            <strong>{s.field}</strong>
            {s.page !== undefined ? ` (page ${s.page})` : ''}:{' '}
            {!s.signed ? 'not signed' : `${s.valid ? 'valid' : 'NOT valid'}, signed by ${s.signer ?? 'unknown'}${s.signingTime ? ` on ${s.signingTime.slice(0, 16).replace('T', ' ')} UTC` : ''}`}
            {s.problems.length > 0 && <span className="muted"> — {s.problems.join('; ')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
