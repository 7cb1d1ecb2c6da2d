import type { MeetingStore } from '../store/meetings';
import { MinutaError, excerpt } from '../../shared/errors';
import { CommentText, documentOrder, findAnchorOwner, isResolved, placeThreads } from '../../shared/review/comments';
import { formatIssues } from '../../shared/minutes';
import { writeFileAtomically } from '../files/writeAtomically';
import { reviewCopy } from '../export/reviewCopy';

/**
 * The CLI's comment commands: `comments ID` lists threads in document order, `comment ID --block B
 * --text T [--reply-to THREAD]` starts a thread on a block (or replies), and `review-copy ID --base
 * VERSION --out FILE.docx` writes the DOCX review copy. Called from run.ts with an open store.
 */

export const COMMENT_COMMANDS: Record<string, ReadonlySet<string>> = {
  comments: new Set(),
  comment: new Set(['--block', '--text', '--reply-to', '--resolve', '--reopen']),
  'review-copy': new Set(['--base', '--out']),
};

export const COMMENT_USAGE = `  comments ID                             the meeting's comment threads in document order:
                                          thread<TAB>open|resolved<TAB>block[<TAB>detached]
                                          then one indented line per comment (author, time, text)
  comment ID --block B --text T           start a thread on block B (prints its id);
  comment ID --reply-to THREAD --text T   reply to a thread; --resolve THREAD / --reopen THREAD
  review-copy ID --base VERSION --out FILE.docx
                                          a Word review copy: the changes since VERSION (a revision
                                          number or a version's name) as tracked changes, the
                                          comment threads as Word comments`;

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

export function checkCommentArgs(command: string, args: readonly string[], flags: ReadonlyMap<string, string>): string | undefined {
  if (args.length !== 1) return `${command} takes a meeting id`;
  if (command === 'comment') {
    const modes = ['--block', '--reply-to', '--resolve', '--reopen'].filter((f) => flags.has(f));
    if (modes.length !== 1) return 'comment needs exactly one of --block, --reply-to, --resolve, --reopen';
    if ((flags.has('--block') || flags.has('--reply-to')) !== flags.has('--text')) return 'comment --block and --reply-to need --text (and only they take it)';
  }
  if (command === 'review-copy' && (!flags.has('--base') || !flags.has('--out'))) return 'review-copy needs --base VERSION and --out FILE.docx';
  return undefined;
}

function text(flags: ReadonlyMap<string, string>): string {
  const parsed = CommentText.safeParse(flags.get('--text'));
  if (!parsed.success) throw new MinutaError('invalid', `--text ${formatIssues(parsed.error).join('; ').replace(/^: /, '')}`, 'text');
  return parsed.data;
}

export async function runCommentCommand(
  command: string,
  [id]: readonly string[],
  flags: ReadonlyMap<string, string>,
  store: MeetingStore,
  author: string,
  stdout: (line: string) => void,
): Promise<void> {
  const found = store.get(id!);
  if (!found) throw new MinutaError('not-found', `no meeting with id ${excerpt(id!)}`);
  if (command === 'comments') {
    const threads = documentOrder(found.meeting, store.comments.list(id!));
    const places = placeThreads(found.meeting, threads);
    for (const t of threads) {
      const place = places.get(t.id)!;
      const anchor = t.anchor.range ? `${t.anchor.blockId}:${t.anchor.range.path}` : t.anchor.blockId;
      stdout([t.id, isResolved(t) ? 'resolved' : 'open', anchor, ...(place.state === 'detached' ? ['detached'] : [])].join('\t'));
      if (t.anchor.range) stdout(`  on “${oneLine(excerpt(t.anchor.range.quote, 80))}”`);
      for (const c of t.comments) stdout(`  ${c.author}\t${c.at}\t${oneLine(c.text)}`);
    }
    return;
  }
  if (command === 'comment') {
    if (flags.has('--block')) {
      const blockId = flags.get('--block')!;
      if (!findAnchorOwner(found.meeting, blockId)) {
        throw new MinutaError('invalid', `meeting ${excerpt(id!)} has no block ${excerpt(blockId)}`, 'block');
      }
      stdout(store.comments.add(id!, { blockId }, text(flags), author).id);
    } else if (flags.has('--reply-to')) {
      store.comments.reply(id!, flags.get('--reply-to')!, text(flags), author);
    } else {
      store.comments.setResolved(id!, flags.get('--resolve') ?? flags.get('--reopen')!, flags.has('--resolve'), author);
    }
    return;
  }
  const copy = await reviewCopy(store, id!, flags.get('--base')!);
  writeFileAtomically(flags.get('--out')!, copy.bytes);
  stdout(`review copy of revision ${copy.revision} against revision ${copy.baseRevision}: ${copy.threads} comment threads`);
}
