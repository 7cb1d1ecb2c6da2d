import { basename } from 'node:path';
import { MinutaError, excerpt } from '../../../shared/errors';
import { richTextToString } from '../../../shared/minutes';
import type { ReviewChange } from '../../../shared/minutes/reviewSuggestions';
import { MAX_REVIEW_FILE_BYTES, reviewStatus } from '../../../shared/review/reviewers';
import { MAX_NOTE } from '../../../shared/workflow/states';
import { readBounded } from '../../files/readBounded';
import { importReview } from '../../review/importReview';
import { suggestionViews } from '../../services/suggestions';
import { defineCommand, type CommandContext, type CommandSpec, type OptionValues } from '../registry';
import { meetingOrThrow } from './meetings';

/**
 * Review suggestions from the command line: `import-review ID FILE.docx` brings a reviewed Word copy
 * back (src/main/review/importReview.ts, as the app's "Import reviewed copy…"), `suggestions ID` lists
 * them, `accept` / `reject ID SUGGESTION…|--all [--from AUTHOR]` decide them through the store, as the
 * suggestions panel does.
 */

const GROUP = 'History and review';

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


function selectionProblem(command: string, args: readonly string[], o: OptionValues): string | undefined {
  const all = o['all'] === true;
  if (all && args.length > 1) return `${command} takes suggestion ids or --all, not both`;
  if (!all && args.length === 1) return `${command} needs suggestion ids, or --all`;
  if (o['from'] !== undefined && !all) return '--from goes with --all';
  if (typeof o['reason'] === 'string' && o['reason'].length > MAX_NOTE) return `--reason must be at most ${MAX_NOTE} characters`;
  return undefined;
}

/** The suggestions a command acts on: the ids given, or every undecided one (of one reviewer with --from). */
function chosen(ctx: CommandContext, command: 'accept' | 'reject'): string[] {
  const { store } = ctx.open();
  const id = ctx.args[0]!;
  if (ctx.options['all'] !== true) return ctx.args.slice(1);
  const from = ctx.string('from');
  // Rejecting all includes content that could not be placed; accepting all cannot apply it.
  return store.suggestions.undecidedFrom(id, from !== undefined ? { author: from } : {}, { unplaced: command === 'reject' });
}

const selectionOptions = [
  { name: 'all', type: 'boolean', summary: 'every undecided suggestion (of one reviewer with --from)' },
  { name: 'from', value: 'AUTHOR', summary: 'with --all: only this reviewer\'s' },
] as const;

export const SUGGESTION_COMMANDS: readonly CommandSpec[] = [
  defineCommand({
    name: 'import-review',
    group: GROUP,
    summary: 'bring a reviewed Word copy back as suggestions (and its comments as threads)',
    details:
      'Prints import id, suggestions, comment threads, reviewer and delegation. --delegation: whom it answers for when the\n' +
      'reviewer is not in the register; --base: the revision a DOCX not made by Minuta was made from.',
    args: [{ name: 'ID' }, { name: 'FILE.docx' }],
    takes: 'a meeting id and a reviewed .docx file',
    options: [
      { name: 'delegation', value: 'D', summary: 'the delegation the copy answers for' },
      { name: 'base', value: 'REVISION', summary: 'the revision the copy was made from (a DOCX not made by Minuta)' },
    ],
    output: 'reviewImported',
    check: (_args, o) => (typeof o['base'] === 'string' && !/^[1-9]\d{0,15}$/.test(o['base']) ? '--base takes a revision number' : undefined),
    run: async (ctx) => {
      const { db, store } = ctx.open();
      const [id, file] = [ctx.args[0]!, ctx.args[1]!];
      meetingOrThrow(store, id);
      const bytes = readBounded(file, MAX_REVIEW_FILE_BYTES);
      const delegation = ctx.string('delegation');
      const base = ctx.string('base');
      const done = await importReview(
        db,
        store,
        { meetingId: id, fileName: basename(file), bytes, ...(delegation ? { delegationId: delegation } : {}), ...(base ? { baseRevision: Number(base) } : {}) },
        ctx.author,
      );
      const imp = done.import;
      ctx.print(
        { id: imp.id, suggestions: done.suggestions.length, threads: done.threads, reviewer: imp.reviewer, ...(imp.delegationId ? { delegationId: imp.delegationId } : {}) },
        `${imp.id}\t${done.suggestions.length} suggestions\t${done.threads} comment threads\treviewer ${imp.reviewer}${imp.delegationId ? `\tdelegation ${imp.delegationId}` : ''}`,
      );
    },
  }),
  defineCommand({
    name: 'suggestions',
    group: GROUP,
    summary: "the meeting's review suggestions, then which delegations have answered",
    details: 'id<TAB>status<TAB>author<TAB>delegation<TAB>block<TAB>change, then delegation<TAB>id<TAB>country<TAB>answered.',
    args: [{ name: 'ID' }],
    options: [],
    output: 'suggestions',
    run: (ctx) => {
      const { store } = ctx.open();
      const id = ctx.args[0]!;
      const found = meetingOrThrow(store, id);
      const views = suggestionViews(store, id, found.meeting);
      const imports = store.suggestions.imports(id);
      const delegations = reviewStatus(found.meeting, imports);
      const lines: string[] = [];
      for (const s of views) {
        const status = s.status === 'open' && !s.place.ok ? 'open (does not apply now)' : s.status;
        lines.push([s.id, status, s.author, s.delegationId ?? '-', s.blockId ?? '-', describeChange(s.change)].join('\t'));
        if (s.status === 'conflicting' || (!s.place.ok && s.place.reason)) lines.push(`  ${oneLine(s.conflict ?? s.place.reason ?? '')}`);
      }
      for (const d of delegations) lines.push(`delegation\t${d.id}\t${d.country}\t${d.answered ? `answered by ${d.reviewers.join(', ')}` : 'not answered'}`);
      ctx.print({ imports, suggestions: views, delegations }, lines);
    },
  }),
  defineCommand({
    name: 'accept',
    group: GROUP,
    summary: 'accept suggestions into ONE new revision attributed to the reviewer(s)',
    details: 'Prints the revision made and any conflicts; exit 1 when none could be applied.',
    args: [{ name: 'ID' }, { name: 'SUGGESTION', optional: true, variadic: true }],
    takes: 'a meeting id and suggestion ids (or --all)',
    options: [...selectionOptions],
    output: 'accepted',
    check: (args, o) => selectionProblem('accept', args, o),
    run: (ctx) => {
      const { store } = ctx.open();
      const id = ctx.args[0]!;
      meetingOrThrow(store, id);
      const result = store.suggestions.accept(id, chosen(ctx, 'accept'), ctx.author);
      const lines = [
        ...(result.revisionId !== undefined ? [`accepted ${result.accepted.length} into revision ${result.revisionId}`] : []),
        ...result.conflicts.map((c) => `conflict\t${c.id}\t${oneLine(c.reason)}`),
      ];
      ctx.print({ ...(result.revisionId !== undefined ? { revision: result.revisionId } : {}), accepted: result.accepted, conflicts: result.conflicts }, lines);
      if (result.accepted.length === 0) throw new MinutaError('conflict', `nothing was accepted: ${result.conflicts.length} suggestion(s) conflict with the current text`);
    },
  }),
  defineCommand({
    name: 'reject',
    group: GROUP,
    summary: 'reject suggestions (recorded with who, when and the reason)',
    args: [{ name: 'ID' }, { name: 'SUGGESTION', optional: true, variadic: true }],
    takes: 'a meeting id and suggestion ids (or --all)',
    options: [...selectionOptions, { name: 'reason', value: 'TEXT', summary: 'why (kept with the decision)' }],
    output: 'rejected',
    check: (args, o) => selectionProblem('reject', args, o),
    run: (ctx) => {
      const { store } = ctx.open();
      const id = ctx.args[0]!;
      meetingOrThrow(store, id);
      const rejected = store.suggestions.reject(id, chosen(ctx, 'reject'), ctx.author, ctx.string('reason'));
      ctx.print({ rejected: rejected.map((s) => s.id) }, `rejected ${rejected.length}`);
    },
  }),
];
