import { MinutaError, excerpt } from '../../../shared/errors';
import { formatIssues } from '../../../shared/minutes';
import { CommentText, documentOrder, findAnchorOwner, isResolved, placeThreads } from '../../../shared/review/comments';
import { writeFileAtomically } from '../../files/writeAtomically';
import { reviewCopy } from '../../export/reviewCopy';
import { historyOf, restoreRevision } from '../../review/history';
import { defineCommand, type CommandSpec, type OptionValues } from '../registry';
import { meetingOrThrow } from './meetings';

/**
 * History and review: history, versions, name, restore (the app's history panel, src/main/review/
 * history.ts), and the comment threads and the Word review copy (comments pane, reviewCopy.ts).
 */

const GROUP = 'History and review';

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

const revisionProblem = (value: unknown) =>
  typeof value === 'string' && (!/^\d{1,15}$/.test(value) || Number(value) < 1) ? `--revision takes a revision number, not "${excerpt(value, 40)}"` : undefined;

function commentModeProblem(o: OptionValues): string | undefined {
  const modes = ['block', 'reply-to', 'resolve', 'reopen'].filter((f) => o[f] !== undefined);
  if (modes.length !== 1) return 'comment needs exactly one of --block, --reply-to, --resolve, --reopen';
  if ((o['block'] !== undefined || o['reply-to'] !== undefined) !== (o['text'] !== undefined)) return 'comment --block and --reply-to need --text (and only they take it)';
  return undefined;
}

function commentText(value: string | undefined): string {
  const parsed = CommentText.safeParse(value);
  if (!parsed.success) throw new MinutaError('invalid', `--text ${formatIssues(parsed.error).join('; ').replace(/^: /, '')}`, 'text');
  return parsed.data;
}

export const REVIEW_COMMANDS: readonly CommandSpec[] = [
  defineCommand({
    name: 'history',
    group: GROUP,
    summary: 'revision<TAB>saved at<TAB>author<TAB>changed blocks<TAB>names, oldest first',
    args: [{ name: 'ID' }],
    options: [],
    output: 'history',
    run: (ctx) => {
      const { store } = ctx.open();
      const id = ctx.args[0]!;
      meetingOrThrow(store, id);
      for (const r of historyOf(store, id)) {
        ctx.print(
          { revision: r.id, savedAt: r.savedAt, author: r.author, origin: r.origin, changed: r.blocks, names: r.names },
          [r.id, r.savedAt, r.author, String(r.blocks.length), r.names.join('; ')].join('\t'),
        );
      }
    },
  }),
  defineCommand({
    name: 'versions',
    group: GROUP,
    summary: 'name<TAB>revision<TAB>named by<TAB>named at',
    args: [{ name: 'ID' }],
    options: [],
    output: 'versions',
    run: (ctx) => {
      const { store } = ctx.open();
      const id = ctx.args[0]!;
      meetingOrThrow(store, id);
      for (const v of store.namedVersions(id)) {
        ctx.print({ name: v.name, revision: v.revisionId, namedBy: v.createdBy, namedAt: v.createdAt }, [v.name, String(v.revisionId), v.createdBy, v.createdAt].join('\t'));
      }
    },
  }),
  defineCommand({
    name: 'name',
    group: GROUP,
    summary: 'name a version (the latest revision by default); prints the revision named',
    args: [{ name: 'ID' }, { name: 'NAME' }],
    options: [{ name: 'revision', value: 'R', summary: 'the revision to name' }],
    output: 'named',
    check: (args, o) => revisionProblem(o['revision']) ?? (args[1]!.trim().length === 0 || args[1]!.trim().length > 200 ? 'a version name has 1 to 200 characters' : undefined),
    run: (ctx) => {
      const { store } = ctx.open();
      const [id, rawName] = ctx.args as [string, string];
      meetingOrThrow(store, id);
      const name = rawName.trim();
      const revision = store.nameVersion(id, name, ctx.author, ctx.string('revision') !== undefined ? Number(ctx.string('revision')) : undefined);
      ctx.print({ id, name, revision }, String(revision));
    },
  }),
  defineCommand({
    name: 'restore',
    group: GROUP,
    summary: 'make revision R (or its block B; ~head for the title, dates, venue and register) current again, as a new revision; prints its number',
    args: [{ name: 'ID' }],
    options: [
      { name: 'revision', value: 'R', required: true, summary: 'the revision to restore' },
      { name: 'block', value: 'B', summary: 'only this block' },
    ],
    output: 'restored',
    check: (_args, o) => revisionProblem(o['revision']),
    run: (ctx) => {
      const { store } = ctx.open();
      const id = ctx.args[0]!;
      meetingOrThrow(store, id);
      const from = Number(ctx.string('revision'));
      const block = ctx.string('block');
      const result = restoreRevision(store, { id, revisionId: from, ...(block !== undefined ? { blockId: block } : {}) }, ctx.author);
      ctx.print(
        { id, revision: result.revisionId, from, changed: result.changed },
        result.changed.length === 0 ? `${result.revisionId} (unchanged: already as in revision ${from})` : String(result.revisionId),
      );
    },
  }),
  defineCommand({
    name: 'comments',
    group: GROUP,
    summary: 'the comment threads in document order: thread<TAB>open|resolved<TAB>block[<TAB>detached], then one indented line per comment',
    args: [{ name: 'ID' }],
    options: [],
    output: 'threads',
    run: (ctx) => {
      const { store } = ctx.open();
      const id = ctx.args[0]!;
      const found = meetingOrThrow(store, id);
      const threads = documentOrder(found.meeting, store.comments.list(id));
      const places = placeThreads(found.meeting, threads);
      for (const t of threads) {
        const detached = places.get(t.id)!.state === 'detached';
        const range = t.anchor.range;
        const anchor = range ? `${t.anchor.blockId}:${range.path}` : t.anchor.blockId;
        ctx.print(
          {
            thread: t.id,
            state: isResolved(t) ? 'resolved' : 'open',
            blockId: t.anchor.blockId,
            ...(range ? { path: range.path, quote: range.quote } : {}),
            detached,
            comments: t.comments.map((c) => ({ id: c.id, author: c.author, at: c.at, text: c.text })),
          },
          [
            [t.id, isResolved(t) ? 'resolved' : 'open', anchor, ...(detached ? ['detached'] : [])].join('\t'),
            ...(range ? [`  on “${oneLine(excerpt(range.quote, 80))}”`] : []),
            ...t.comments.map((c) => `  ${c.author}\t${c.at}\t${oneLine(c.text)}`),
          ],
        );
      }
    },
  }),
  defineCommand({
    name: 'comment',
    group: GROUP,
    summary: 'start a thread on block B (prints its id), reply to a thread, or resolve or reopen one',
    args: [{ name: 'ID' }],
    options: [
      { name: 'block', value: 'B', summary: 'start a thread on this block (with --text)' },
      { name: 'reply-to', value: 'THREAD', summary: 'reply to this thread (with --text)' },
      { name: 'text', value: 'TEXT', summary: 'the comment' },
      { name: 'resolve', value: 'THREAD', summary: 'mark this thread resolved' },
      { name: 'reopen', value: 'THREAD', summary: 'reopen this thread' },
    ],
    output: 'comment',
    check: (_args, o) => commentModeProblem(o),
    run: (ctx) => {
      const { store } = ctx.open();
      const id = ctx.args[0]!;
      const found = meetingOrThrow(store, id);
      const blockId = ctx.string('block');
      if (blockId !== undefined) {
        if (!findAnchorOwner(found.meeting, blockId)) throw new MinutaError('invalid', `meeting ${excerpt(id)} has no block ${excerpt(blockId)}`, 'block');
        const thread = store.comments.add(id, { blockId }, commentText(ctx.string('text')), ctx.author).id;
        ctx.print({ id, thread, action: 'started' }, thread);
      } else if (ctx.string('reply-to') !== undefined) {
        const thread = ctx.string('reply-to')!;
        store.comments.reply(id, thread, commentText(ctx.string('text')), ctx.author);
        ctx.print({ id, thread, action: 'replied' });
      } else {
        const resolve = ctx.string('resolve') !== undefined;
        const thread = ctx.string('resolve') ?? ctx.string('reopen')!;
        store.comments.setResolved(id, thread, resolve, ctx.author);
        ctx.print({ id, thread, action: resolve ? 'resolved' : 'reopened' });
      }
    },
  }),
  defineCommand({
    name: 'review-copy',
    group: GROUP,
    summary: 'a Word review copy: the changes since VERSION (a revision number or a version’s name) as tracked changes, the comment threads as Word comments',
    args: [{ name: 'ID' }],
    options: [
      { name: 'base', value: 'VERSION', required: true, summary: 'the version the changes are shown against' },
      { name: 'out', value: 'FILE.docx', required: true, summary: 'the file to write' },
    ],
    output: 'reviewCopy',
    run: async (ctx) => {
      const { store } = ctx.open();
      const id = ctx.args[0]!;
      meetingOrThrow(store, id);
      const copy = await reviewCopy(store, id, ctx.string('base')!);
      const out = ctx.string('out')!;
      writeFileAtomically(out, copy.bytes);
      ctx.print(
        { file: out, revision: copy.revision, baseRevision: copy.baseRevision, threads: copy.threads },
        `review copy of revision ${copy.revision} against revision ${copy.baseRevision}: ${copy.threads} comment threads`,
      );
    },
  }),
];
