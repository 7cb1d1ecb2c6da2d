import { useRef, useState } from 'react';
import { useAppStore } from '../state/store';
import type { OfferedVersion } from '../state/documentSlice';
import './conflict.css';

/**
 * What the author sees when a save was refused because someone else saved this meeting meanwhile
 * (another window, another Minuta, the command line). Nothing is retried blindly and nothing is
 * dropped: the edits stay in the editor until the author reloads the latest and re-applies them.
 * Afterwards, each block that both sides changed is offered here with the author's text.
 */
export function ConflictBanner() {
  const state = useAppStore((s) => s.saveState);
  const message = useAppStore((s) => s.saveError);
  const offers = useAppStore((s) => s.offers);
  const reload = useAppStore((s) => s.reloadAndReapply);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (state !== 'conflict' && offers.length === 0) return null;
  const onReload = () => {
    setBusy(true);
    setFailure(null);
    reload()
      .catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <section className="conflict" aria-label="Save conflict" data-testid="conflict">
      {state === 'conflict' ? (
        <div className="conflict-banner" role="alert">
          <p>
            <strong>Your latest changes are not saved.</strong> {message}
          </p>
          <p className="conflict-hint">They are kept in this window. Reload the latest version to put them back on top of it; where you both changed the same block, your text is kept for you to compare.</p>
          <button type="button" onClick={onReload} disabled={busy}>
            {busy ? 'Reloading…' : 'Reload the latest and re-apply my changes'}
          </button>
          {failure ? <p className="error">Could not reload: {failure}</p> : null}
        </div>
      ) : null}
      {offers.length > 0 ? (
        <div className="conflict-offers" data-testid="conflict-offers">
          <p>
            <strong>
              {offers.length === 1 ? 'One block was' : `${offers.length} blocks were`} also changed by someone else.
            </strong>{' '}
            The document now shows their version; yours is below.
          </p>
          <ul>
            {offers.map((o) => (
              <OfferItem key={o.key} offer={o} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function OfferItem({ offer }: { offer: OfferedVersion }) {
  const useMine = useAppStore((s) => s.useMine);
  const dismiss = useAppStore((s) => s.dismissOffer);
  const [copied, setCopied] = useState(false);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const copy = () => {
    const area = areaRef.current;
    const done = () => setCopied(true);
    navigator.clipboard.writeText(offer.text).then(done, () => {
      // Where the async clipboard is not granted, copy the selection as a keyboard copy would.
      if (!area) return;
      area.select();
      if (document.execCommand('copy')) done();
    });
  };
  return (
    <li className="conflict-offer" data-offer={offer.key}>
      <h3>
        Your version of this block <span className="conflict-kind">({offer.label}; {offer.reason === 'removed-by-them' ? 'they removed it' : 'they changed it too'})</span>
      </h3>
      <textarea readOnly value={offer.text} rows={Math.min(6, offer.text.split('\n').length + 1)} ref={areaRef} aria-label={`Your version of ${offer.label}`} />
      <div className="conflict-actions">
        <button type="button" onClick={copy}>{copied ? 'Copied' : 'Copy to clipboard'}</button>
        <button type="button" onClick={() => useMine(offer.key)} title="Put your version in place of theirs (saved as an ordinary edit, undoable)">
          Use mine
        </button>
        <button type="button" className="conflict-dismiss" onClick={() => dismiss(offer.key)}>
          Keep theirs
        </button>
      </div>
    </li>
  );
}
