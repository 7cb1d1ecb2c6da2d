import { memo, useDeferredValue, useEffect, useRef, useState } from 'react';
import { PagedPreview } from '../preview/PagedPreview';
import { useAppStore } from '../state/store';

/**
 * The print preview beside the editor: the stored document in the agreed format, laid out exactly as
 * the PDF (same HTML and stylesheet). It reloads after each autosave, so it trails the typing by the
 * autosave delay (under a second) and never costs a keystroke anything. It follows the cursor: the
 * block being edited is scrolled into view and marked on its page.
 */
export const LivePreview = memo(function LivePreview({ meetingId }: { meetingId: string }) {
  const saveState = useAppStore((s) => s.saveState);
  // Deferred: moving the cursor must never wait for the preview to scroll.
  const focusedBlock = useDeferredValue(useAppStore((s) => s.focusedBlock));
  const [savedVersion, setSavedVersion] = useState(0);
  const pane = useRef<HTMLElement>(null);
  const zoom = useFitWidth(pane);
  useEffect(() => {
    if (saveState === 'saved') setSavedVersion((v) => v + 1);
  }, [saveState]);
  return (
    <aside className="live-preview" aria-label="Preview" ref={pane}>
      <PagedPreview meetingId={meetingId} revision={savedVersion} zoom={zoom} {...(focusedBlock ? { focusBlockId: focusedBlock } : {})} />
    </aside>
  );
});

/** A4 width in CSS pixels (210 mm at 96 px per inch). */
const PAGE_WIDTH_PX = (210 / 25.4) * 96;

/** The zoom at which one whole page fits the pane's width, so that following the cursor shows whole pages. */
function useFitWidth(pane: React.RefObject<HTMLElement | null>): number {
  const [zoom, setZoom] = useState(0.6);
  useEffect(() => {
    const el = pane.current;
    if (!el) return;
    const fit = () => {
      // Round to a few steps: re-laying the preview out on every pixel of a window drag is wasted work.
      const width = el.clientWidth - 32;
      setZoom(Math.max(0.3, Math.min(1, Math.floor((width / PAGE_WIDTH_PX) * 20) / 20)));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [pane]);
  return zoom;
}
