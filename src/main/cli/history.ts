import { MinutaError, excerpt } from '../../shared/errors';
import type { MeetingStore } from '../store/meetings';
import { historyOf, restoreRevision } from '../review/history';

/**
 * `minuta history | versions | name | restore`: a meeting's history from the command line, through
 * the same functions as the app's history panel (src/main/review/history.ts).
 */

export const HISTORY_USAGE = `  history ID                              revision<TAB>saved at<TAB>author<TAB>changed
                                          blocks<TAB>names, oldest first
  versions ID                             name<TAB>revision<TAB>named by<TAB>named at
  name ID NAME [--revision R]             name a version (the latest revision by default);
                                          prints the revision named
  restore ID --revision R [--block B]     make revision R (or its block B; ~head for the
                                          title, dates, venue and register) current again,
                                          as a new revision; prints its number`;

export const HISTORY_COMMANDS: Record<string, ReadonlySet<string>> = {
  history: new Set(),
  versions: new Set(),
  name: new Set(['--revision']),
  restore: new Set(['--revision', '--block']),
};

/** The arguments are wrong: the CLI prints the usage and exits 2. */
export class HistoryUsageError extends Error {}

const revisionNumber = (value: string): number => {
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1) throw new HistoryUsageError(`--revision takes a revision number, not "${excerpt(value, 40)}"`);
  return Number(value);
};

/** Checks the command line before the database is opened. */
export function checkHistoryArgs(command: string, args: readonly string[], flags: ReadonlyMap<string, string>): void {
  const want = command === 'name' ? 2 : 1;
  if (args.length !== want) throw new HistoryUsageError(`${command} takes ${want === 2 ? 'a meeting id and a name' : 'a meeting id'}`);
  if (command === 'restore' && !flags.has('--revision')) throw new HistoryUsageError('restore needs --revision R');
  if (flags.has('--revision')) revisionNumber(flags.get('--revision')!);
  if (command === 'name') {
    const name = args[1]!.trim();
    if (name.length === 0 || name.length > 200) throw new HistoryUsageError('a version name has 1 to 200 characters');
  }
}

type Store = Pick<MeetingStore, 'get' | 'revision' | 'revisions' | 'namedVersions' | 'saveDocument' | 'nameVersion'>;

export function runHistoryCommand(
  command: string,
  args: readonly string[],
  flags: ReadonlyMap<string, string>,
  store: Store,
  author: string,
  stdout: (line: string) => void,
): void {
  const id = args[0]!;
  if (!store.get(id)) throw new MinutaError('not-found', `no meeting with id ${excerpt(id, 64)}`);
  switch (command) {
    case 'history':
      for (const r of historyOf(store, id)) stdout([r.id, r.savedAt, r.author, String(r.blocks.length), r.names.join('; ')].join('\t'));
      return;
    case 'versions':
      for (const v of store.namedVersions(id)) stdout([v.name, String(v.revisionId), v.createdBy, v.createdAt].join('\t'));
      return;
    case 'name': {
      const revision = flags.has('--revision') ? revisionNumber(flags.get('--revision')!) : undefined;
      stdout(String(store.nameVersion(id, args[1]!.trim(), author, revision)));
      return;
    }
    case 'restore': {
      const block = flags.get('--block');
      const result = restoreRevision(store, { id, revisionId: revisionNumber(flags.get('--revision')!), ...(block !== undefined ? { blockId: block } : {}) }, author);
      stdout(result.changed.length === 0 ? `${result.revisionId} (unchanged: already as in revision ${flags.get('--revision')})` : String(result.revisionId));
      return;
    }
  }
}
