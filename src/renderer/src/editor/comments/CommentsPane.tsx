import { useEffect, useRef, useState } from 'react';
import type { CommentThreadView } from '../../../../shared/ipc/contract';
import { useAppStore } from '../../state/store';
import { focusField } from '../focus';
import { shortcutHint } from '../../commands/registry';
import { ReviewCopyForm } from './ReviewCopyForm';

/**
 * The comments beside the editor: threads in document order, open ones first, resolved ones in a
 * collapsible list; a thread whose text was deleted says it is detached (and is kept). A new thread
 * starts from "Add a comment" (Ctrl+Alt+M) on the selection or the block with the cursor.
 */
export function CommentsPane({ meetingId }: { meetingId: string }) {
  const threads = useAppStore((s) => s.comments.threads);
  const error = useAppStore((s) => s.comments.error);
  const draft = useAppStore((s) => s.commentDraft);
  const saveState = useAppStore((s) => s.saveState);
  const loadComments = useAppStore((s) => s.loadComments);

  // Anchors are placed in the stored version: list again once the meeting is saved.
  useEffect(() => {
    if (saveState === 'saved') void loadComments(meetingId);
  }, [meetingId, saveState, loadComments]);

  const open = threads.filter((t) => !t.resolution?.resolved);
  const resolved = threads.filter((t) => t.resolution?.resolved);
  return (
    <aside className="comments-pane" aria-label="Comments" data-testid="comments-pane">
      <header className="comments-head">
        <h2>Comments</h2>
        <span className="comments-count">{open.length} open</span>
      </header>
      {error && (
        <p role="alert" className="comments-error">
          {error}
        </p>
      )}
      {draft && <Composer />}
      {threads.length === 0 && !draft && (
        <p className="comments-empty">
          No comments yet. Select text or put the cursor in a block, then <kbd>{shortcutHint('comment.add', '').title.replace(/^ \(|\)$/g, '')}</kbd>.
        </p>
      )}
      <ol className="comment-threads">
        {open.map((t) => (
          <li key={t.id}>
            <Thread thread={t} />
          </li>
        ))}
      </ol>
      {resolved.length > 0 && (
        <details className="comments-resolved">
          <summary>Resolved ({resolved.length})</summary>
          <ol className="comment-threads">
            {resolved.map((t) => (
              <li key={t.id}>
                <Thread thread={t} />
              </li>
            ))}
          </ol>
        </details>
      )}
      <ReviewCopyForm meetingId={meetingId} />
    </aside>
  );
}

function Composer() {
  const draft = useAppStore((s) => s.commentDraft)!;
  const addComment = useAppStore((s) => s.addComment);
  const cancel = useAppStore((s) => s.cancelComment);
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), [draft]);
  const submit = async () => {
    if (text.trim() && (await addComment(text))) setText('');
  };
  return (
    <form
      className="comment-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="comment-anchor">{draft.range ? <q>{draft.range.quote}</q> : 'On this block'}</p>
      <textarea
        ref={ref}
        aria-label="New comment"
        value={text}
        maxLength={10_000}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          if (e.key === 'Escape') cancel();
        }}
      />
      <div className="comment-actions">
        <button type="submit" disabled={!text.trim()}>
          Comment
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function Thread({ thread }: { thread: CommentThreadView }) {
  const reply = useAppStore((s) => s.replyComment);
  const resolve = useAppStore((s) => s.resolveComment);
  const [text, setText] = useState('');
  const detached = thread.place.state === 'detached';
  const isResolved = thread.resolution?.resolved === true;
  const goTo = () => {
    const p = thread.place;
    if (p.state === 'range') focusField(`${p.blockId}.${p.path}`, 'keep');
    document.querySelector(`[data-block-id="${CSS.escape(thread.anchor.blockId)}"]`)?.scrollIntoView({ block: 'center' });
  };
  return (
    <article className={`comment-thread${detached ? ' detached' : ''}${isResolved ? ' resolved' : ''}`} data-thread-id={thread.id}>
      <button type="button" className="comment-anchor link" onClick={goTo} disabled={thread.place.state === 'detached' && thread.place.reason === 'block-removed'}>
        {thread.anchor.range ? <q>{thread.anchor.range.quote}</q> : 'On a block'}
        {detached && <span className="badge">detached: {thread.place.state === 'detached' && thread.place.reason === 'block-removed' ? 'block removed' : 'text changed'}</span>}
      </button>
      {thread.comments.map((c) => (
        <div className="comment" key={c.id}>
          <div className="comment-meta">
            <strong>{c.author}</strong> <time dateTime={c.at}>{when(c.at)}</time>
          </div>
          <p className="comment-text">{c.text}</p>
        </div>
      ))}
      {thread.resolution && (
        <p className="comment-state">
          {thread.resolution.resolved ? 'Resolved' : 'Reopened'} by {thread.resolution.by}, {when(thread.resolution.at)}
        </p>
      )}
      {!isResolved && (
        <form
          className="comment-reply"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) void reply(thread.id, text).then((ok) => ok && setText(''));
          }}
        >
          <input aria-label="Reply" placeholder="Reply…" value={text} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={!text.trim()}>
            Reply
          </button>
        </form>
      )}
      <div className="comment-actions">
        <button type="button" onClick={() => void resolve(thread.id, !isResolved)}>
          {isResolved ? 'Reopen' : 'Resolve'}
        </button>
      </div>
    </article>
  );
}
