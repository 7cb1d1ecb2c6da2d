import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import { MeetingDetails } from './MeetingDetails';
import { BlockList } from './BlockView';
import { SaveStatus } from './SaveStatus';
import { LivePreview } from './LivePreview';
import { Toolbar } from '../commands/Toolbar';
import { CorruptMeeting } from '../screens/CorruptMeeting';
import type { AnyBlock } from '../model/tree';
import { CommentsPane } from './comments/CommentsPane';

export function EditorScreen({ meetingId }: { meetingId: string }) {
  const openMeeting = useAppStore((s) => s.openMeeting);
  const status = useAppStore((s) => s.docStatus);
  const error = useAppStore((s) => s.docError);
  const errorCode = useAppStore((s) => s.docErrorCode);
  const loadedId = useAppStore((s) => s.doc?.id);
  const titleBlock = useAppStore((s) => s.doc?.meeting.titleBlock);
  const dates = useAppStore((s) => s.doc?.meeting.dates);
  const venue = useAppStore((s) => s.doc?.meeting.venue);
  const body = useAppStore((s) => s.doc?.meeting.body);
  const commentsOpen = useAppStore((s) => s.commentsPaneOpen);

  useEffect(() => {
    void openMeeting(meetingId);
  }, [meetingId, openMeeting]);
  const loadComments = useAppStore((s) => s.loadComments);
  useEffect(() => {
    if (loadedId === meetingId) void loadComments(meetingId);
  }, [loadedId, meetingId, loadComments]);

  if (status === 'error' && errorCode === 'corrupt') return <CorruptMeeting meetingId={meetingId} message={error ?? ''} />;
  if (status === 'error') return <p role="alert" className="error">Could not open the meeting: {error}</p>;
  if (loadedId !== meetingId || !titleBlock || !dates || !venue || !body) return <p className="loading">Opening…</p>;
  return (
    <div className="editor-layout">
      <div className="editor-column">
      <Toolbar />
      <div className="editor-with-comments">
      <div className="editor-scroll" data-testid="editor" data-ready="">
        <div className="editor-page">
          <MeetingDetails titleBlock={titleBlock} dates={dates} venue={venue} />
          <BlockList blocks={body as AnyBlock[]} containerId={null} containerType="body" />
        </div>
      </div>
      {commentsOpen && <CommentsPane meetingId={meetingId} />}
      </div>
      </div>
      <LivePreview meetingId={meetingId} />
    </div>
  );
}

export { SaveStatus };
