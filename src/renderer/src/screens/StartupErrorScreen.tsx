import type { StartupProblem, StartupState } from '../../../shared/ipc/contract';

type Failed = Extract<StartupState, { status: 'failed' }>;

/** What happened and what the user can do about it, per kind of failure. */
const EXPLAIN: Record<StartupProblem, { what: string; todo: string[] }> = {
  'newer-version': {
    what: 'This database was written by a newer version of Minuta.',
    todo: ['Update Minuta to the latest version, then start it again. The file was not changed.'],
  },
  'not-minuta': {
    what: 'This file is not a Minuta database.',
    todo: ['Check the file given with --db (or MINUTA_DB): it may be another document, or a database of another program.'],
  },
  damaged: {
    what: 'The database file is damaged.',
    todo: [
      'Restore your last backup (the copy made with “minuta backup FILE”): put the damaged file aside, then copy the backup in its place, or start Minuta with --db pointing at the backup.',
    ],
  },
  'no-permission': {
    what: 'Minuta has no permission to open or create this file.',
    todo: ['Ask whoever manages this computer for access to the file and its folder.'],
  },
  'disk-full': {
    what: 'The disk is full, so the database could not be prepared.',
    todo: ['Free some space on this disk, then start Minuta again. Nothing saved before is lost.'],
  },
  locked: {
    what: 'Another program is holding the database.',
    todo: ['Close the other Minuta window, backup or sync tool using it, then start Minuta again.'],
  },
  other: {
    what: 'The database could not be opened.',
    todo: ['Start Minuta again; if this keeps happening, send the details below to your support contact.'],
  },
};

/**
 * Shown instead of the app when the main process could not open the database: it works without the
 * services (only startupState and appInfo answer), so it never depends on what failed.
 */
export function StartupErrorScreen({ state }: { state: Failed }) {
  const { what, todo } = EXPLAIN[state.problem];
  return (
    <div className="app startup-error">
      <header className="app-header">
        <span className="brand">Minuta</span>
        <span className="tagline">Version {state.version}</span>
      </header>
      <main className="app-main">
        <section className="panel startup-panel" role="alert" aria-labelledby="startup-title">
          <h1 id="startup-title">Minuta cannot open its database</h1>
          <p className="startup-file">
            File: <code>{state.databasePath}</code>
          </p>
          <p className="startup-what">{what}</p>
          <h2>What to do</h2>
          <ul>
            {todo.map((t) => (
              <li key={t}>{t}</li>
            ))}
            <li>
              Or choose another database: start Minuta with <code>--db FILE</code> (a new file name starts an empty database).
            </li>
          </ul>
          <details>
            <summary>Details</summary>
            <p className="startup-detail">{state.detail}</p>
          </details>
        </section>
      </main>
    </div>
  );
}
