import { useMemo, useState } from 'react';
import { useAppStore } from '../state/store';
import { bodyIndex, blockLabel, HEAD_KEY } from '../../../shared/review/restore';
import { MeetingDetails } from '../editor/MeetingDetails';
import { BlockList } from '../editor/BlockView';
import { AnnexesEditor } from '../editor/AnnexesEditor';
import { PagedPreview } from '../preview/PagedPreview';
import type { AnyBlock } from '../model/tree';
import type { Meeting } from '../../../shared/minutes';

/**
 * One revision, read-only: the editor's own view of it (inert: nothing can be typed, focused or
 * clicked in it) beside the paged preview of that revision, with the ways out: back to the current
 * text, or restore this revision as a new one.
 */
export function RevisionView({ meetingId, revisionId, meeting, author, savedAt, names }: {
  meetingId: string;
  revisionId: number;
  meeting: Meeting;
  author: string;
  savedAt: string;
  names: string[];
}) {
  const { backToEditing, restore } = useAppStore.getState();
  const busy = useAppStore((s) => s.reviewBusy);
  // Every block of this revision by its words, to put one back without the rest.
  const blocks = useMemo(
    () => [{ id: HEAD_KEY, label: 'Title, dates, venue and register' }, ...[...bodyIndex(meeting).values()].map((f) => ({ id: f.block.id, label: blockLabel(f.block) }))],
    [meeting],
  );
  const [block, setBlock] = useState(HEAD_KEY);
  return (
    <div className="revision-view" data-testid="revision-view">
      <div className="editor-column">
        <div className="review-bar" role="status">
          <span>
            Revision {revisionId} by <strong>{author}</strong>, {new Date(savedAt).toLocaleString()}
            {names.length > 0 && <> · {names.map((n) => `“${n}”`).join(', ')}</>} · read-only
          </span>
          <button type="button" onClick={() => backToEditing()}>Back to the current text</button>
          <button type="button" className="primary" disabled={busy} onClick={() => void restore(revisionId)}>Restore this revision</button>
          <label className="restore-block">
            <select value={block} onChange={(e) => setBlock(e.target.value)} aria-label="Block to restore">
              {blocks.map((b) => (
                <option key={b.id} value={b.id}>{b.label}</option>
              ))}
            </select>
            <button type="button" disabled={busy} onClick={() => void restore(revisionId, block)}>Restore this block</button>
          </label>
        </div>
        <div className="editor-scroll readonly" inert aria-readonly="true">
          <div className="editor-page">
            <MeetingDetails titleBlock={meeting.titleBlock} dates={meeting.dates} venue={meeting.venue} />
            <BlockList blocks={meeting.body as AnyBlock[]} containerId={null} containerType="body" />
            <AnnexesEditor annexes={meeting.annexes} format={meeting.format} />
          </div>
        </div>
      </div>
      <aside className="live-preview" aria-label={`Preview of revision ${revisionId}`}>
        <PagedPreview meetingId={meetingId} revisionId={revisionId} revision={revisionId} zoom={0.6} />
      </aside>
    </div>
  );
}
