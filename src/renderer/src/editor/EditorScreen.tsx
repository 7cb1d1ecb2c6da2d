import { memo, useEffect } from 'react';
import { useAppStore } from '../state/store';
import { MeetingDetails } from './MeetingDetails';
import { FormatPanel } from './FormatPanel';
import { FrontMatterDetails } from './FrontMatterDetails';
import { BlockList } from './BlockView';
import { AnnexesEditor } from './AnnexesEditor';
import { SaveStatus } from './SaveStatus';
import { onEditorTab } from './tabOrder';
import { LivePreview } from './LivePreview';
import { Toolbar } from '../commands/Toolbar';
import { CorruptMeeting } from '../screens/CorruptMeeting';
import type { AnyBlock } from '../model/tree';
import { WorkflowBar } from '../workflow/WorkflowBar';
import '../workflow/workflow.css';
import { HistoryPanel } from '../review/HistoryPanel';
import { RevisionView } from '../review/RevisionView';
import { CompareView } from '../review/CompareView';
import '../review/review.css';
import { FindBar } from '../find/FindBar';
import { StatusBar } from '../find/StatusBar';
import { useRevealBlock } from '../find/revealBlock';
import { CommentsPane } from './comments/CommentsPane';
import { SuggestionsPane } from './suggestions/SuggestionsPane';

// The screen renders again on every keystroke (the body changed): the panes around the text, whose
// props do not change with it, are memoised so that a keystroke renders only the blocks it changed.
const WorkflowBarPane = memo(WorkflowBar);
const ToolbarPane = memo(Toolbar);
const CommentsPanePane = memo(CommentsPane);

export function EditorScreen({ meetingId, blockId }: { meetingId: string; blockId?: string | undefined }) {
  const openMeeting = useAppStore((s) => s.openMeeting);
  const status = useAppStore((s) => s.docStatus);
  const error = useAppStore((s) => s.docError);
  const errorCode = useAppStore((s) => s.docErrorCode);
  const loadedId = useAppStore((s) => s.doc?.id);
  const titleBlock = useAppStore((s) => s.doc?.meeting.titleBlock);
  const dates = useAppStore((s) => s.doc?.meeting.dates);
  const venue = useAppStore((s) => s.doc?.meeting.venue);
  const frontMatter = useAppStore((s) => s.doc?.meeting.frontMatter);
  const agenda = useAppStore((s) => s.doc?.meeting.agenda);
  const format = useAppStore((s) => s.doc?.meeting.format);
  const body = useAppStore((s) => s.doc?.meeting.body);
  const annexes = useAppStore((s) => s.doc?.meeting.annexes);
  const historyOpen = useAppStore((s) => s.historyOpen);
  const reviewView = useAppStore((s) => s.reviewView);
  const toggleHistory = useAppStore((s) => s.toggleHistory);
  const commentsOpen = useAppStore((s) => s.commentsPaneOpen);
  const suggestionsOpen = useAppStore((s) => s.suggestionsPaneOpen);

  useEffect(() => {
    void openMeeting(meetingId);
  }, [meetingId, openMeeting]);
  // The history belongs to one meeting: another meeting opens with it closed.
  useEffect(() => () => void toggleHistory(false), [meetingId, toggleHistory]);
  useRevealBlock(loadedId === meetingId ? blockId : undefined);
  const loadComments = useAppStore((s) => s.loadComments);
  const loadSuggestions = useAppStore((s) => s.loadSuggestions);
  useEffect(() => {
    if (loadedId === meetingId) {
      void loadComments(meetingId);
      void loadSuggestions(meetingId);
    }
  }, [loadedId, meetingId, loadComments, loadSuggestions]);

  if (status === 'error' && errorCode === 'corrupt') return <CorruptMeeting meetingId={meetingId} message={error ?? ''} />;
  if (status === 'error') return <p role="alert" className="error">Could not open the meeting: {error}</p>;
  if (loadedId !== meetingId || !titleBlock || !dates || !venue || !body) return <p className="loading">Opening…</p>;
  if (historyOpen && reviewView.kind !== 'editing') {
    return (
      <div className="editor-layout review-layout">
        {reviewView.kind === 'revision' ? (
          <RevisionView meetingId={meetingId} revisionId={reviewView.revisionId} meeting={reviewView.meeting}
            author={reviewView.author} savedAt={reviewView.savedAt} names={reviewView.names} />
        ) : (
          <CompareView result={reviewView.result} />
        )}
        <HistoryPanel />
      </div>
    );
  }
  return (
    <div className={`editor-layout${historyOpen ? ' with-history' : ''}`}>
      <div className="editor-column">
      <WorkflowBarPane meetingId={meetingId} />
      <ToolbarPane />
      <FindBar />
      <div className="editor-with-comments">
      <div className="editor-scroll" data-testid="editor" data-ready="" onKeyDown={onEditorTab}>
        <div className="editor-page">
          <MeetingDetails titleBlock={titleBlock} dates={dates} venue={venue} />
          <FrontMatterDetails frontMatter={frontMatter} agenda={agenda} />
          <FormatPanel format={format} />
          <BlockList blocks={body as AnyBlock[]} containerId={null} containerType="body" />
          <AnnexesEditor annexes={annexes} format={format} />
        </div>
      </div>
      {commentsOpen && <CommentsPanePane meetingId={meetingId} />}
      </div>
      <StatusBar />
      </div>
      {/* The suggestions take the preview's column (as the history does): three panes beside the text would leave it no room at 1280 px. */}
      {historyOpen ? <HistoryPanel /> : suggestionsOpen ? <SuggestionsPane meetingId={meetingId} /> : <LivePreview meetingId={meetingId} />}
    </div>
  );
}

export { SaveStatus };
