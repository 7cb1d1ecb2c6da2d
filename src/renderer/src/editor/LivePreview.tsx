import { memo, useDeferredValue, useEffect, useRef, useState } from 'react';
import { PagedPreview } from '../preview/PagedPreview';
import { useAppStore } from '../state/store';

/**
 * How long the document must rest (saved, no edit) before the preview lays it out again. The preview
 * shares the page's main thread (a same-origin frame), and laying out a 200-page document takes a few
 * hundred milliseconds: doing it while the minute-taker types would delay keystrokes.
 */
const QUIET_MS = 1_200;

/**
 * The print preview beside the editor: the stored document in the agreed format, laid out exactly as
 * the PDF (same HTML and stylesheet). It reloads once the typing pauses and the edits are saved, so it
 * never costs a keystroke anything. It follows the cursor: the block being edited is scrolled into
 * view and marked on its page.
 */
export const LivePreview = memo(function LivePreview({ meetingId }: { meetingId: string }) {
  const version = useQuietSavedVersion();
  // Deferred: moving the cursor must never wait for the preview to scroll.
  const focusedBlock = useDeferredValue(useAppStore((s) => s.focusedBlock));
  const pane = useRef<HTMLElement>(null);
  const zoom = useFitWidth(pane);
  return (
    <aside className="live-preview" aria-label="Preview" ref={pane}>
      <PagedPreview meetingId={meetingId} revision={version} zoom={zoom} {...(focusedBlock ? { focusBlockId: focusedBlock } : {})} />
    </aside>
  );
});

/**
 * A number that changes when the stored document has changed and the editor has been quiet for
 * QUIET_MS. Subscribes outside React so that keystrokes do not re-render this component.
 */
function useQuietSavedVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let dirty = false;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (useAppStore.getState().saveState !== 'saved') return schedule();
        if (dirty) {
          dirty = false;
          setVersion((v) => v + 1);
        }
      }, QUIET_MS);
    };
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.doc !== previous.doc) dirty = true;
      if (state.doc !== previous.doc || state.saveState !== previous.saveState) schedule();
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, []);
  return version;
}

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
