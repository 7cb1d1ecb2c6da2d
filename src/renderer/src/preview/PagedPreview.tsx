import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import type { Meeting } from '../../../shared/minutes';
import { refreshPreview, revealBlock, type PreviewContent } from './mountPreview';
import { localPreview } from './localPreview';
import { whenTypingPauses } from './typingPause';
import type { UncoveredCharacter } from '../../../shared/format/coverage';
import { MissingGlyphs } from '../export/MissingGlyphs';
import './preview.css';

export interface PagedPreviewProps {
  meetingId: string;
  /** Preview the sealed form (no draft mark). */
  sealed?: boolean;
  /** A stored revision instead of the head (the history's read-only view). */
  revisionId?: number;
  /** 1 = actual size; the default fits a page's width to about 600 px. */
  zoom?: number;
  /** Changes whenever the document changes (e.g. its revision id): the preview reloads. */
  revision?: string | number;
  /**
   * The model block the editor's cursor is in (a top-level or leaf block id): the preview scrolls
   * to its page and marks it, on every change and after every reload.
   */
  focusBlockId?: string;
  /** Told the page count after each layout (the editor's status bar shows it). */
  onPages?: (pages: number) => void;
  /**
   * The document itself, when the caller holds it (the editor): laid out here, in an idle moment, with
   * no round trip through main; a new object lays it out again. Without it, main lays out the stored
   * meeting (or `revisionId`).
   */
  meeting?: Meeting;
}

/**
 * The document as it prints: the same HTML and stylesheet as the PDF, paged into A4 sheets side by
 * side (scroll sideways). Self-contained: mount it anywhere with a meeting id.
 */
export function PagedPreview({ meetingId, sealed = false, revisionId, zoom = 0.75, revision, focusBlockId, onPages, meeting }: PagedPreviewProps) {
  const onPagesRef = useRef(onPages);
  onPagesRef.current = onPages;
  const frame = useRef<HTMLIFrameElement>(null);
  const [preview, setPreview] = useState<PreviewContent | undefined>();
  const [pages, setPages] = useState<number | undefined>();
  const [error, setError] = useState<string | undefined>();
  /** Characters of the document no shipped font draws: warned about above the pages. */
  const [missing, setMissing] = useState<UncoveredCharacter[]>([]);
  /** Counts completed mounts: a new one means a fresh document, scrolled to its start. */
  const [mounts, setMounts] = useState(0);
  const revealedIn = useRef(0);

  useEffect(() => {
    let live = true;
    setError(undefined);
    const shown = (p: PreviewContent) => live && setPreview(p);
    const failed = (e: unknown) => live && setError(e instanceof Error ? e.message : String(e));
    if (!meeting) {
      call('previewMeeting', { id: meetingId, sealed, ...(revisionId !== undefined ? { revisionId } : {}) }).then(shown, failed);
      return () => {
        live = false;
      };
    }
    // Laid out in an idle moment of the page, never inside a keystroke's task.
    const idle = requestIdleCallback(
      () =>
        void localPreview(meeting, sealed).then(({ missing: now, ...content }) => {
          if (!live) return;
          setMissing((before) => (JSON.stringify(now) === JSON.stringify(before) ? before : now));
          shown(content);
        }, failed),
      { timeout: 50 },
    );
    return () => {
      live = false;
      cancelIdleCallback(idle);
    };
  }, [meetingId, sealed, revision, revisionId, meeting]);

  useEffect(() => {
    const el = frame.current;
    if (!el || !preview) return;
    let live = true;
    // Shown in a pause of the typing: if the user typed on while the worker laid the document out,
    // the patch waits for the next pause rather than take a keystroke's frame.
    const cancel = whenTypingPauses(() =>
      refreshPreview(el, preview, zoom)
        .then((m) => {
          if (!live) return;
          setPages(m.pages);
          onPagesRef.current?.(m.pages);
          setMounts((n) => n + 1);
        })
        .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e))),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [preview, zoom]);

  useEffect(() => {
    const el = frame.current;
    if (!el || mounts === 0 || focusBlockId === undefined) return;
    // After a reload jump straight back to the block; when only the cursor moved, glide.
    const reloaded = revealedIn.current !== mounts;
    revealedIn.current = mounts;
    revealBlock(el, focusBlockId, { behavior: reloaded ? 'instant' : 'smooth' });
  }, [focusBlockId, mounts]);

  return (
    <section className="paged-preview" aria-label="Print preview" aria-busy={!preview && !error}>
      <header className="paged-preview-bar">
        <span>{pages === undefined ? 'Laying out pages…' : `${pages} page${pages === 1 ? '' : 's'}, A4`}</span>
        {preview?.marking && <span className="paged-preview-marking">{preview.marking}</span>}
        {preview?.draftMark && <span className="paged-preview-draft">{preview.draftMark}</span>}
        {preview && <span className="paged-preview-fingerprint">{preview.fingerprintLabel}</span>}
      </header>
      {missing.length > 0 && (
        <div role="alert" className="paged-preview-glyphs" data-testid="preview-missing-glyphs">
          <MissingGlyphs missing={missing} />
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          Could not show the preview: {error}
        </p>
      )}
      <iframe ref={frame} className="paged-preview-frame" title="Print preview" sandbox="allow-same-origin" data-testid="paged-preview" />
    </section>
  );
}
