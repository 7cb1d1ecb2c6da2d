import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import { MeetingDetails } from './MeetingDetails';
import { BlockList } from './BlockView';
import { SaveStatus } from './SaveStatus';
import { onEditorTab } from './tabOrder';
import { LivePreview } from './LivePreview';
import { Toolbar } from '../commands/Toolbar';
import { CorruptMeeting } from '../screens/CorruptMeeting';
import type { AnyBlock } from '../model/tree';
import { WorkflowBar } from '../workflow/WorkflowBar';
import '../workflow/workflow.css';

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

  useEffect(() => {
    void openMeeting(meetingId);
  }, [meetingId, openMeeting]);

  if (status === 'error' && errorCode === 'corrupt') return <CorruptMeeting meetingId={meetingId} message={error ?? ''} />;
  if (status === 'error') return <p role="alert" className="error">Could not open the meeting: {error}</p>;
  if (loadedId !== meetingId || !titleBlock || !dates || !venue || !body) return <p className="loading">Opening…</p>;
  return (
    <div className="editor-layout">
      <div className="editor-column">
      <WorkflowBar meetingId={meetingId} />
      <Toolbar />
      <div className="editor-scroll" data-testid="editor" data-ready="" onKeyDown={onEditorTab}>
        <div className="editor-page">
          <MeetingDetails titleBlock={titleBlock} dates={dates} venue={venue} />
          <BlockList blocks={body as AnyBlock[]} containerId={null} containerType="body" />
        </div>
      </div>
      </div>
      <LivePreview meetingId={meetingId} />
    </div>
  );
}

export { SaveStatus };
