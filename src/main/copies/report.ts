import type { CopyReport } from './verifyCopy';

/** A verify report as lines for a terminal: the verdict first, then each check and signature. */
export function reportLines(name: string, r: CopyReport): string[] {
  const lines = [`${name}: ${r.matches ? 'matches the record' : 'DOES NOT MATCH the record'}`];
  if (r.meetingId !== undefined) lines.push(`  meeting: ${r.meetingId}${r.title ? ` (${r.title})` : ''}`);
  if (r.versionName !== undefined || r.revisionId !== undefined) {
    lines.push(`  version: "${r.versionName ?? '?'}", revision ${r.revisionId ?? '?'}${r.copyState ? `, ${r.copyState} when copied` : ''}`);
  }
  if (r.fingerprint !== undefined) lines.push(`  fingerprint: ${r.fingerprint}`);
  const rec = r.record;
  lines.push(
    `  record: ${rec.found ? 'found' : 'not found'}; ${rec.newerRevisions === 0 ? 'no newer revision' : `changed since: ${rec.newerRevisions} newer revision${rec.newerRevisions === 1 ? '' : 's'} (latest ${rec.latestRevisionId})`}; ${rec.sealed ? 'sealed' : `not sealed${rec.state ? ` (${rec.state})` : ''}`}`,
  );
  for (const c of r.checks) lines.push(`  ${c.ok === true ? 'ok  ' : c.ok === false ? 'FAIL' : 'skip'} ${c.name}: ${c.detail}`);
  for (const s of r.signatures) {
    if (!s.signed) lines.push(`  signature field "${s.field}"${s.page ? ` (page ${s.page})` : ''}: not signed`);
    else {
      lines.push(
        `  signature field "${s.field}": signed by ${s.signer?.subject ?? '?'}${s.signingTime ? ` at ${s.signingTime.toISOString()}` : ''}, ${s.valid ? 'valid' : `NOT VALID (${s.problems.join('; ')})`}${s.coversWholeDocument ? '' : ', later revisions appended'}`,
      );
    }
  }
  return lines;
}
