import type { Db } from '../store/db';

/**
 * The workflow state of a meeting (Draft → In review → Approved → Sealed), read from the database when
 * the workflow's schema is there: a `state` column on `meetings`. The workflow lands separately (issue
 * 13, points 1–3); until then there is no state, so nothing is approved or sealed, and the integrator
 * replaces this one function with the workflow's own reader.
 */
export function workflowStateReader(db: Db): (meetingId: string) => string | undefined {
  const columns = db.prepare("SELECT name FROM pragma_table_info('meetings')").pluck().all() as string[];
  if (!columns.includes('state')) return () => undefined;
  const q = db.prepare('SELECT state FROM meetings WHERE id = ?').pluck();
  return (meetingId) => {
    const v = q.get(meetingId);
    return typeof v === 'string' ? v.toLowerCase().replace(/\s+/g, '-') : undefined;
  };
}
