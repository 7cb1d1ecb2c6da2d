import { basename } from 'node:path';
import type { Db } from '../store/db';
import type { MeetingStore } from '../store/meetings';
import { MinutaError, excerpt } from '../../shared/errors';
import { richTextToString } from '../../shared/minutes';
import type { ReviewChange } from '../../shared/minutes/reviewSuggestions';
import { MAX_REVIEW_FILE_BYTES, reviewStatus } from '../../shared/review/reviewers';
import { readBounded } from '../files/readBounded';
import { MAX_NOTE } from '../../shared/workflow/states';
import { importReview } from '../review/importReview';
import { suggestionViews } from '../services/suggestions';
import type { AcceptResult } from '../store/suggestionDecisions';

/**
 * The CLI's review-suggestion commands, in their own module (the command-line parser is being
 * replaced; these move with it): `import-review ID FILE.docx` brings a reviewed copy back,
 * `suggestions ID [--json]` lists them, `accept` / `reject ID SUGGESTION…|--all [--from AUTHOR]`
 * decide. Called from run.ts with an open store.
 */

export const SUGGESTION_COMMANDS: Record<string, ReadonlySet<string>> = {
  'import-review': new Set(['--delegation', '--base']),
  suggestions: new Set(['--json']),
  accept: new Set(['--all', '--from']),
  reject: new Set(['--all', '--from', '--reason']),
};

/** Flags that take no value. */
export const SUGGESTION_SWITCHES: ReadonlySet<string> = new Set(['--json', '--all']);

export const SUGGESTION_USAGE = `  import-review ID FILE.docx [--delegation D] [--base REVISION]
                                          bring a reviewed Word copy back as suggestions (and its
                                          comments as threads); --delegation: whom it answers for
                                          when the reviewer is not in the register; --base: the
                                          revision a DOCX not made by Minuta was made from
  suggestions ID [--json]                 the meeting's suggestions: id<TAB>status<TAB>author<TAB>
                                          delegation<TAB>block<TAB>change, then which delegations
                                          have answered
  accept ID SUGGESTION…|--all [--from AUTHOR]
                                          accept into ONE new revision attributed to the reviewer(s)
                                          (prints it and any conflicts; exit 1 when none applied)
  reject ID SUGGESTION…|--all [--from AUTHOR] [--reason TEXT]`;

export function checkSuggestionArgs(command: string, args: readonly string[], flags: ReadonlyMap<string, string>): string | undefined {
  if (command === 'import-review') {
    if (args.length !== 2) return 'import-review takes a meeting id and a reviewed .docx file';
    if (flags.has('--base') && !/^[1-9]\d{0,15}$/.test(flags.get('--base')!)) return '--base takes a revision number';
    return undefined;
  }
  if (command === 'suggestions') return args.length === 1 ? undefined : 'suggestions takes a meeting id';
  if (args.length === 0) return `${command} takes a meeting id`;
  const all = flags.has('--all');
  if (all && args.length > 1) return `${command} takes suggestion ids or --all, not both`;
  if (!all && args.length === 1) return `${command} needs suggestion ids, or --all`;
  if (flags.has('--from') && !all) return '--from goes with --all';
  if ((flags.get('--reason') ?? '').length > MAX_NOTE) return `--reason must be at most ${MAX_NOTE} characters`;
  return undefined;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** A change in one line: `"old" → "new"`, `+item "…"`, `−block "…"`, `bold "…"`. */
export function describeChange(c: ReviewChange): string {
  const q = (s: string) => `“${oneLine(excerpt(s, 60))}”`;
  switch (c.kind) {
    case 'text':
      return c.quote === '' ? `insert ${q(richTextToString(c.insert))}` : c.insert.length === 0 ? `delete ${q(c.quote)}` : `${q(c.quote)} → ${q(richTextToString(c.insert))}`;
    case 'format':
      return `${[c.bold !== undefined ? (c.bold ? 'bold' : 'not bold') : '', c.italic !== undefined ? (c.italic ? 'italic' : 'not italic') : ''].filter(Boolean).join(', ')} ${q(c.quote)}`;
    case 'insert-item': {
      const v = c.value as { text?: unknown } | unknown[];
      const text = Array.isArray(v) ? richTextToString(v as never) : Array.isArray(v?.text) ? richTextToString(v.text as never) : '';
      return `+item ${q(text)}`;
    }
    case 'remove-item':
      return `−item ${q(c.quote)}`;
    case 'insert-block':
      return `+block ${c.block.id} (${c.block.type})`;
    case 'remove-block':
      return `−block ${q(c.quote)}`;
    case 'unplaced':
      return `unplaced ${c.deleted ? `−${q(c.deleted)} ` : ''}${c.inserted ? `+${q(c.inserted)}` : ''}`.trim();
  }
}

function printAccepted(result: AcceptResult, stdout: (line: string) => void): number {
  if (result.revisionId !== undefined) stdout(`accepted ${result.accepted.length} into revision ${result.revisionId}`);
  for (const c of result.conflicts) stdout(`conflict\t${c.id}\t${oneLine(c.reason)}`);
  if (result.accepted.length === 0) throw new MinutaError('conflict', `nothing was accepted: ${result.conflicts.length} suggestion(s) conflict with the current text`);
  return 0;
}

export async function runSuggestionCommand(
  command: string,
  args: readonly string[],
  flags: ReadonlyMap<string, string>,
  db: Db,
  store: MeetingStore,
  author: string,
  stdout: (line: string) => void,
): Promise<number> {
  const id = args[0]!;
  const found = store.get(id);
  if (!found) throw new MinutaError('not-found', `no meeting with id ${excerpt(id)}`);
  if (command === 'import-review') {
    const file = args[1]!;
    const bytes = readBounded(file, MAX_REVIEW_FILE_BYTES);
    const done = await importReview(
      db,
      store,
      {
        meetingId: id,
        fileName: basename(file),
        bytes,
        ...(flags.has('--delegation') ? { delegationId: flags.get('--delegation')! } : {}),
        ...(flags.has('--base') ? { baseRevision: Number(flags.get('--base')) } : {}),
      },
      author,
    );
    stdout(`${done.import.id}\t${done.suggestions.length} suggestions\t${done.threads} comment threads\treviewer ${done.import.reviewer}${done.import.delegationId ? `\tdelegation ${done.import.delegationId}` : ''}`);
    return 0;
  }
  if (command === 'suggestions') {
    const views = suggestionViews(store, id, found.meeting);
    const delegations = reviewStatus(found.meeting, store.suggestions.imports(id));
    if (flags.has('--json')) {
      stdout(JSON.stringify({ imports: store.suggestions.imports(id), suggestions: views, delegations }, null, 2));
      return 0;
    }
    for (const s of views) {
      const status = s.status === 'open' && !s.place.ok ? 'open (does not apply now)' : s.status;
      stdout([s.id, status, s.author, s.delegationId ?? '-', s.blockId ?? '-', describeChange(s.change)].join('\t'));
      if (s.status === 'conflicting' || (!s.place.ok && s.place.reason)) stdout(`  ${oneLine(s.conflict ?? s.place.reason ?? '')}`);
    }
    for (const d of delegations) stdout(`delegation\t${d.id}\t${d.country}\t${d.answered ? `answered by ${d.reviewers.join(', ')}` : 'not answered'}`);
    return 0;
  }
  // Rejecting all includes content that could not be placed; accepting all cannot apply it.
  const ids = flags.has('--all') ? store.suggestions.undecidedFrom(id, flags.has('--from') ? { author: flags.get('--from')! } : {}, { unplaced: command === 'reject' }) : args.slice(1);
  if (command === 'accept') return printAccepted(store.suggestions.accept(id, ids, author), stdout);
  const rejected = store.suggestions.reject(id, ids, author, flags.get('--reason'));
  stdout(`rejected ${rejected.length}`);
  return 0;
}
