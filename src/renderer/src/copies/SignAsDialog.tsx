import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Response } from '../../../shared/ipc/contract';
import { CallError, call } from '../api/client';
import { SIGN_AS_EVENT } from './signAs';
import './copies.css';

type Copy = Response<'chooseSigningCopy'>;
type Signed = Response<'signCopy'>;


/**
 * "Sign as…" (issue 14): sign one empty field of a signature copy with your own key. Main's dialogs
 * pick the copy and the PKCS#12 file (this page only sees their names and the copy's fields); the
 * password is sent once, in the signing call, and cleared from the form whatever the answer; main's
 * save dialog picks where the signed copy goes. Refusals (wrong password, expired certificate, field
 * already signed, not our PDF) are shown here and leave every file as it was.
 */
export function SignAsHost() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onOpen = () => setOpen(true);
    window.addEventListener(SIGN_AS_EVENT, onOpen);
    return () => window.removeEventListener(SIGN_AS_EVENT, onOpen);
  }, []);
  return open ? <SignAsDialog onClose={() => setOpen(false)} /> : null;
}

export function SignAsDialog({ onClose }: { onClose: () => void }) {
  const [copy, setCopy] = useState<Copy | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [field, setField] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Signed | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function step(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof CallError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  const chooseCopy = () =>
    step(async () => {
      const c = await call('chooseSigningCopy', {});
      if (!c.chosen) return;
      setCopy(c);
      setKey(null);
      setDone(null);
      setField(c.fields.find((f) => !f.signed)?.name ?? '');
    });
  const chooseKey = () =>
    step(async () => {
      const k = await call('chooseSigningKey', { session: copy!.session! });
      if (k.chosen) setKey(k.file ?? '');
    });
  const sign = (e: FormEvent) => {
    e.preventDefault();
    const pw = password;
    // The password leaves the form as it is sent: a refusal asks for it again.
    setPassword('');
    void step(async () => {
      const r = await call('signCopy', { session: copy!.session!, field, password: pw });
      if (!r.saved) return;
      setDone(r);
      // The session now holds the signed file: its fields, as the next signer will see them.
      setCopy((c) => c && { ...c, file: r.file ?? c.file, fields: c.fields.map((f) => (f.name === r.field ? { ...f, signed: true } : f)) });
      setField('');
    });
  };
  const empty = copy?.fields.filter((f) => !f.signed) ?? [];

  return (
    <div className="sign-as-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form className="sign-as" role="dialog" aria-modal="true" aria-labelledby="sign-as-heading" onSubmit={sign} data-testid="sign-as-dialog">
        <h2 id="sign-as-heading">Sign as…</h2>
        <p className="muted">Sign your field of a signature copy with your own key. The signed copy is saved as a new file; earlier signatures stay valid.</p>
        <div className="sign-as-row">
          <span className="sign-as-label">Signature copy</span>
          <span className="sign-as-value" data-testid="sign-as-copy">{copy?.file ?? 'none chosen'}</span>
          <button type="button" ref={first} className="secondary" onClick={() => void chooseCopy()} disabled={busy} data-testid="sign-as-choose-copy">
            Choose copy…
          </button>
        </div>
        {copy?.title && <p className="sign-as-meeting">{copy.title}</p>}
        {copy && (
          <fieldset className="sign-as-fields" disabled={busy}>
            <legend>Field to sign</legend>
            {copy.fields.map((f) => (
              <label key={f.name} className={f.signed ? 'muted' : undefined}>
                <input type="radio" name="field" value={f.name} checked={field === f.name} disabled={f.signed} onChange={() => setField(f.name)} />
                {f.name}
                {f.page !== undefined ? ` (page ${f.page})` : ''}
                {f.signed ? ' — signed' : ''}
              </label>
            ))}
            {empty.length === 0 && <p className="muted">Every field of this copy is signed.</p>}
          </fieldset>
        )}
        <div className="sign-as-row">
          <span className="sign-as-label">Your key (.p12)</span>
          <span className="sign-as-value" data-testid="sign-as-key">{key ?? 'none chosen'}</span>
          <button type="button" className="secondary" onClick={() => void chooseKey()} disabled={busy || !copy} data-testid="sign-as-choose-key">
            Choose key file…
          </button>
        </div>
        <label className="sign-as-row">
          <span className="sign-as-label">Password</span>
          <input
            type="password"
            autoComplete="off"
            maxLength={1024}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            disabled={busy || !key}
            data-testid="sign-as-password"
          />
        </label>
        {error && (
          <p role="alert" className="error" data-testid="sign-as-error">
            Not signed: {error}
          </p>
        )}
        {done && (
          <p role="status" className="sign-as-done" data-testid="sign-as-done">
            Signed “{done.field}” as {done.signer}; saved to {done.path}.
            {done.audited ? ' Recorded in the audit log.' : ' (This database does not have the meeting: not recorded.)'}
            {done.attached ? ' Attached to the sealed record.' : ''}
          </p>
        )}
        <div className="sign-as-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
          <button type="submit" disabled={busy || !copy || !key || !field} data-testid="sign-as-sign">
            {busy ? 'Signing…' : 'Sign and save…'}
          </button>
        </div>
      </form>
    </div>
  );
}
