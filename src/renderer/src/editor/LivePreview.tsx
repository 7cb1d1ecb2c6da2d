import { memo, useDeferredValue, useEffect, useRef, useState } from 'react';
import { PagedPreview } from '../preview/PagedPreview';
import { useAppStore } from '../state/store';
import { ZoomControls } from '../find/ZoomControls';
import type { PreviewZoom } from '../find/draftingSlice';
import { useQuietMeeting } from '../state/useQuietMeeting';

/**
 * How long the typing must pause before the preview is laid out again: the pause whenTypingPauses
 * (preview/typingPause.ts) waits for before patching the pages, so that the worker's layout runs in
 * that pause and its patch (a forced layout of the changed pages and a repaint, 20–40 ms on 200 pages)
 * lands just after it, never between two keystrokes of a word.
 */
const QUIET_MS = 200;

/**
 * The print preview beside the editor: the document the editor holds, in the agreed format, laid out
 * here exactly as the PDF (same format module, HTML and stylesheet; main gives only the fonts, once).
 * It lays out again once the typing pauses, whether or not the edits are saved yet, so it never costs a
 * keystroke anything. It follows the cursor: the block being edited is scrolled into view and marked
 * on its page.
 */
export const LivePreview = memo(function LivePreview({ meetingId }: { meetingId: string }) {
  const meeting = useQuietMeeting(QUIET_MS);
  // Deferred: moving the cursor must never wait for the preview to scroll.
  const focusedBlock = useDeferredValue(useAppStore((s) => s.focusedBlock));
  const pane = useRef<HTMLElement>(null);
  const mode = useAppStore((s) => s.previewZoom);
  const zoom = useZoom(pane, mode);
  const setPages = useAppStore((s) => s.setPreviewPages);
  const setScale = useAppStore((s) => s.setPreviewScale);
  useEffect(() => setScale(zoom), [zoom, setScale]);
  const sealed = useAppStore((s) => s.sealedMeetingId === meetingId);
  return (
    <aside className="live-preview" aria-label="Preview" ref={pane}>
      <ZoomControls />
      {meeting && (
        <PagedPreview meetingId={meetingId} meeting={meeting} sealed={sealed} zoom={zoom} onPages={setPages} {...(focusedBlock ? { focusBlockId: focusedBlock } : {})} />
      )}
    </aside>
  );
});

/** A4 width in CSS pixels (210 mm at 96 px per inch). */
const PAGE_WIDTH_PX = (210 / 25.4) * 96;

/** A4 height in CSS pixels (297 mm). */
const PAGE_HEIGHT_PX = (297 / 25.4) * 96;
/** The preview's own bars above the sheets (zoom controls, page count), and the sheets' margins. */
const CHROME_PX = 110;

/**
 * The preview's zoom: a fixed one (50–200 %), or the zoom at which one page's width (the default, so
 * that following the cursor shows whole lines) or one whole page fits the pane.
 */
function useZoom(pane: React.RefObject<HTMLElement | null>, mode: PreviewZoom): number {
  const [zoom, setZoom] = useState(0.6);
  useEffect(() => {
    const el = pane.current;
    if (!el) return;
    const fit = () => {
      if (typeof mode === 'number') return setZoom(mode);
      // Round to a few steps: re-laying the preview out on every pixel of a window drag is wasted work.
      const byWidth = (el.clientWidth - 32) / PAGE_WIDTH_PX;
      const byHeight = (el.clientHeight - CHROME_PX) / PAGE_HEIGHT_PX;
      const fitted = mode === 'fit-page' ? Math.min(byWidth, byHeight) : byWidth;
      setZoom(Math.max(0.2, Math.min(2, Math.floor(fitted * 20) / 20)));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [pane, mode]);
  return zoom;
}
