import { memo, useEffect, useState } from 'react';
import { PagedPreview } from '../preview/PagedPreview';
import { useAppStore } from '../state/store';

/**
 * The print preview beside the editor: the stored document in the agreed format, laid out exactly as
 * the PDF (same HTML and stylesheet). It reloads after each autosave, so it trails the typing by the
 * autosave delay (under a second) and never costs a keystroke anything.
 */
export const LivePreview = memo(function LivePreview({ meetingId }: { meetingId: string }) {
  const saveState = useAppStore((s) => s.saveState);
  const [savedVersion, setSavedVersion] = useState(0);
  useEffect(() => {
    if (saveState === 'saved') setSavedVersion((v) => v + 1);
  }, [saveState]);
  return (
    <aside className="live-preview" aria-label="Preview">
      <PagedPreview meetingId={meetingId} revision={savedVersion} zoom={0.62} />
    </aside>
  );
});
