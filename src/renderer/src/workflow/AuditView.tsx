import type { Response } from '../../../shared/ipc/contract';

type Audit = Response<'listAudit'>;

/** What an entry records, in words: "In review → Approved", "named Approved …", "scan.png (sha256 …)". */
function describe(e: Audit['entries'][number]): string {
  const d = e.details;
  const s = (k: string) => (typeof d[k] === 'string' || typeof d[k] === 'number' ? String(d[k]) : '');
  switch (e.action) {
    case 'transition':
      return `${s('from')} → ${s('to')}${s('reason') ? ` — reason: ${s('reason')}` : ''}${s('note') ? ` — ${s('note')}` : ''}`;
    case 'named-version':
      return `named version “${s('name')}” (revision ${s('revisionId')})`;
    case 'routing-step':
      return `routing step ${s('step')} recorded: ${s('date')}${s('signerPersonId') ? `, signed by ${s('signerPersonId')}` : ''}`;
    case 'attachment':
      return `${s('name')} (${s('mediaType')}, ${s('size')} bytes) sha256 ${s('sha256').slice(0, 16)}…`;
    case 'corrigendum':
      return s('corrigendum') ? `corrigendum ${s('corrigendum')} made` : `corrects ${s('corrects')}`;
    case 'review-import':
      return `reviewed copy ${s('fileName')} by ${s('reviewer')} (of revision ${s('baseRevision')}): ${s('suggestions')} suggestion(s), sha256 ${s('sha256').slice(0, 16)}…`;
    case 'suggestions-accepted':
      return `accepted ${Array.isArray(d['suggestionIds']) ? d['suggestionIds'].length : 0} suggestion(s) of ${s('reviewers')} into revision ${s('revisionId')}`;
    case 'suggestions-rejected':
      return `rejected ${Array.isArray(d['suggestionIds']) ? d['suggestionIds'].length : 0} suggestion(s) of ${s('reviewers')}${s('reason') ? ` — ${s('reason')}` : ''}`;
    default:
      return JSON.stringify(d).slice(0, 200);
  }
}

/** The audit log, oldest first, with the chain's verdict on top. */
export function AuditView({ audit }: { audit: Audit }) {
  return (
    <section className="audit-view" aria-label="Audit log" data-testid="audit-view">
      <p className={audit.ok ? 'audit-ok' : 'audit-broken'} role={audit.ok ? undefined : 'alert'}>
        {audit.ok
          ? `Audit chain intact: ${audit.entries.length} entr${audit.entries.length === 1 ? 'y' : 'ies'}${audit.entries.length ? `, head ${audit.entries.at(-1)!.hash.slice(0, 16)}…` : ''}`
          : `Audit chain broken: ${audit.problem ?? ''}`}
      </p>
      <table className="audit-table">
        <thead>
          <tr>
            <th>#</th>
            <th>When (UTC)</th>
            <th>Who</th>
            <th>What</th>
            <th>Details</th>
            <th>Hash</th>
          </tr>
        </thead>
        <tbody>
          {audit.entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{e.at.slice(0, 16).replace('T', ' ')}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{describe(e)}</td>
              <td className="hash" title={e.hash}>{e.hash.slice(0, 12)}…</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
