import { memo, useEffect, useRef, useState } from 'react';
import './basics.css';
import { useAppStore } from '../state/store';
import { MAX_QUERY_LENGTH } from '../../../shared/find/find';
import { runDocumentWork } from '../worker/documentClient';
import { clear, editorHits, HIGHLIGHT_CSS, paint, previewHits, Slices } from './highlight';
import { shortcutHint } from '../commands/registry';
import { useQuietMeeting } from '../state/useQuietMeeting';

/** Preview documents that already have the highlight styles. */
const styled = new WeakSet<Document>();

/** The preview's frame, if the editor shows one (LivePreview). */
const previewFrame = () => document.querySelector<HTMLIFrameElement>('iframe[data-testid="paged-preview"]');

/**
 * Find and replace across the whole meeting (Ctrl+F, Ctrl+H). Counting and replacing work on the
 * meeting itself (shared/find); the highlights are drawn over the editor and the preview.
 */
export const FindBar = memo(function FindBar() {
  const find = useAppStore((s) => s.find);
  // Matches are recounted once typing pauses, not on every keystroke (a 200-page meeting takes a while).
  const meeting = useQuietMeeting(300);
  const pages = useAppStore((s) => s.previewPages);
  const layouts = useAppStore((s) => s.previewLayouts);
  const { setFind, stepFind, closeFind, replaceCurrent, replaceEverything } = useAppStore.getState();
  const input = useRef<HTMLInputElement>(null);
  const [replaced, setReplaced] = useState<number | null>(null);
  // Counted in the document worker, off the main thread; undefined until the count for this query arrives.
  const [counted, setCounted] = useState<{ count: number; for: unknown[] } | undefined>();
  useEffect(() => {
    let live = true;
    const key = [meeting, find.query, find.options];
    if (!meeting || !find.open || find.query === '') setCounted({ count: 0, for: key });
    else
      void runDocumentWork({ kind: 'matches', meeting, query: find.query, options: find.options }).then(
        (count) => live && setCounted({ count, for: key }),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [meeting, find.open, find.query, find.options]);

  useEffect(() => {
    if (find.open) input.current?.select();
  }, [find.open]);

  // Scroll to the current match only when the user moved through the matches (a new query, options
  // or index): not when the document or the preview's layout changed under typing, which would pull the
  // text away from the cursor at every pause.
  const target = `${find.index}\u0000${find.query}\u0000${find.options.matchCase}\u0000${find.options.wholeWord}`;
  const scrolledEditorTo = useRef<string | undefined>(undefined);
  const scrolledPreviewTo = useRef<string | undefined>(undefined);

  // The editor's highlights follow the query and the document; cleared when the bar closes.
  useEffect(() => {
    if (!find.open || !find.query) {
      clear(window);
      document.querySelectorAll('[data-find-hit]').forEach((el) => el.removeAttribute('data-find-hit'));
      scrolledEditorTo.current = undefined;
      return;
    }
    let live = true;
    // Walked in slices (see Slices): a keystroke meanwhile is handled between two of them.
    const slices = new Slices(() => live);
    const timer = setTimeout(async () => {
      const editor = document.querySelector<HTMLElement>('[data-testid="editor"]');
      const hits = editor ? await editorHits(editor, find.query, find.options, slices) : [];
      if (!hits) return;
      const current = hits[Math.min(find.index, hits.length - 1)];
      paint(window, hits, current);
      if (scrolledEditorTo.current === target) return;
      scrolledEditorTo.current = target;
      if (current?.range) current.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      else current?.input?.scrollIntoView({ block: 'center' });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [find.open, find.query, find.options, find.index, target, meeting]);

  // The preview's highlights follow the query and the preview's layout (each refresh after an edit):
  // a walk of their own, so that an edit walks the editor once and the preview once.
  useEffect(() => {
    const frame = previewFrame();
    const frameWin = frame?.contentWindow ?? undefined;
    if (!find.open || !find.query) {
      if (frameWin) clear(frameWin);
      scrolledPreviewTo.current = undefined;
      return;
    }
    let live = true;
    const slices = new Slices(() => live);
    const timer = setTimeout(async () => {
      const doc = frame?.contentDocument;
      if (!doc || !frameWin) return;
      // An adopted sheet, built by the frame's own constructor: the CSP allows no inline <style>.
      if (!styled.has(doc)) {
        const Sheet = (frameWin as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet;
        const sheet = new Sheet();
        sheet.replaceSync(HIGHLIGHT_CSS);
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        styled.add(doc);
      }
      const inPreview = await previewHits(doc, find.query, find.options, slices);
      if (!inPreview) return;
      const currentInPreview = inPreview[Math.min(find.index, inPreview.length - 1)];
      paint(frameWin, inPreview, currentInPreview);
      if (scrolledPreviewTo.current === target) return;
      scrolledPreviewTo.current = target;
      // The preview's pages sit side by side: bring the current match's page into view.
      currentInPreview?.range?.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'center' });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [find.open, find.query, find.options, find.index, target, pages, layouts]);

  if (!find.open) return null;
  const count = counted?.count ?? 0;
  // The shown count belongs to the query typed (a count for an older query is not shown as this one's).
  const current = counted !== undefined && counted.for[1] === find.query && counted.for[2] === find.options;
  const tooLong = find.query.length > MAX_QUERY_LENGTH;
  return (
    <div className="find-bar" role="search" aria-label="Find and replace" data-testid="find-bar"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          closeFind();
        }
      }}>
      <div className="find-row">
        <input ref={input} type="search" aria-label="Find" placeholder="Find in the minutes" value={find.query} maxLength={MAX_QUERY_LENGTH}
          onChange={(e) => {
            setReplaced(null);
            setFind({ query: e.target.value });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              stepFind(e.shiftKey ? -1 : 1);
            }
          }} />
        <span className="find-count" aria-live="polite" data-testid="find-count">
          {tooLong ? 'Too long' : find.query === '' ? '' : !current ? 'Counting…' : count === 0 ? 'No matches' : `${Math.min(find.index + 1, count)} of ${count}`}
        </span>
        <button type="button" onClick={() => stepFind(-1)} disabled={count === 0} {...shortcutHint('edit.findPrevious', 'Previous match')} aria-label="Previous match">↑</button>
        <button type="button" onClick={() => stepFind(1)} disabled={count === 0} {...shortcutHint('edit.findNext', 'Next match')} aria-label="Next match">↓</button>
        <label className="find-option">
          <input type="checkbox" checked={find.options.matchCase} onChange={(e) => setFind({ options: { ...find.options, matchCase: e.target.checked } })} />
          Match case
        </label>
        <label className="find-option">
          <input type="checkbox" checked={find.options.wholeWord} onChange={(e) => setFind({ options: { ...find.options, wholeWord: e.target.checked } })} />
          Whole word
        </label>
        <button type="button" className="secondary" onClick={closeFind} aria-label="Close find">×</button>
      </div>
      {find.open === 'replace' && (
        <div className="find-row">
          <input type="text" aria-label="Replace with" placeholder="Replace with" value={find.replacement} maxLength={MAX_QUERY_LENGTH}
            onChange={(e) => setFind({ replacement: e.target.value })} />
          <button type="button" onClick={() => { setReplaced(null); replaceCurrent(); }} disabled={count === 0}>Replace</button>
          <button type="button" onClick={() => setReplaced(replaceEverything())} disabled={count === 0}>Replace all</button>
          {replaced !== null && <span className="find-count" role="status">Replaced {replaced} (Ctrl+Z undoes it)</span>}
        </div>
      )}
    </div>
  );
});
