import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../state/store';
import type { CompareResult } from '../state/reviewSlice';
import { mountPreview } from '../preview/mountPreview';
import { shortcutHint } from '../commands/registry';
import { setChangeNavigator } from './navigator';
import { markKind, MARK_KINDS, MARK_SELECTOR, REVIEW_FRAME_CSS, type MarkKind } from './marks';

const KIND_WORDS: Record<MarkKind, string> = { inserted: 'Insertions', deleted: 'Deletions', moved: 'Moves', formatted: 'Formatting' };

/**
 * Two versions compared: the redline (the same layout and HTML as the redline PDF, paged like the
 * print preview), with a count of its marks by kind, a filter by who made them, next/previous change
 * (the buttons, Alt+↓ / Alt+↑), and exports of the redline as PDF or Word.
 */
export function CompareView({ result }: { result: CompareResult | null }) {
  const view = useAppStore((s) => s.reviewView);
  const author = useAppStore((s) => s.compareAuthor);
  const error = useAppStore((s) => s.reviewError);
  const exportState = useAppStore((s) => s.exportState);
  const { setCompareAuthor, backToEditing, exportComparison } = useAppStore.getState();
  const frame = useRef<HTMLIFrameElement>(null);
  const [mounted, setMounted] = useState(0);
  const [counts, setCounts] = useState<Record<MarkKind, number> | null>(null);
  const [current, setCurrent] = useState(-1);
  const [total, setTotal] = useState(0);

  useEffect(() => {
    const el = frame.current;
    if (!el || !result) return;
    let live = true;
    void mountPreview(el, result.preview, 0.7).then(() => {
      if (!live || !el.contentDocument) return;
      const doc = el.contentDocument;
      const Sheet = (el.contentWindow as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet;
      const sheet = new Sheet();
      sheet.replaceSync(REVIEW_FRAME_CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      setMounted((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [result]);

  /** The marks the filter keeps, in document order; the others are shown plain. */
  const visibleMarks = useCallback((): HTMLElement[] => {
    const doc = frame.current?.contentDocument;
    if (!doc) return [];
    const all = [...doc.querySelectorAll<HTMLElement>(MARK_SELECTOR)];
    for (const m of all) m.classList.toggle('c-dim', author !== null && m.dataset['author'] !== author);
    return all.filter((m) => !m.classList.contains('c-dim'));
  }, [author]);

  useEffect(() => {
    if (mounted === 0) return;
    const marks = visibleMarks();
    const byKind = Object.fromEntries(MARK_KINDS.map((k) => [k, 0])) as Record<MarkKind, number>;
    for (const m of marks) byKind[markKind(m)]++;
    setCounts(byKind);
    setTotal(marks.length);
    setCurrent(-1);
    for (const m of frame.current?.contentDocument?.querySelectorAll('.c-current') ?? []) m.classList.remove('c-current');
  }, [mounted, visibleMarks]);

  const go = useCallback(
    (delta: 1 | -1) => {
      const marks = visibleMarks();
      if (marks.length === 0) return;
      const next = current < 0 ? (delta > 0 ? 0 : marks.length - 1) : (current + delta + marks.length) % marks.length;
      for (const m of frame.current?.contentDocument?.querySelectorAll('.c-current') ?? []) m.classList.remove('c-current');
      const mark = marks[next]!;
      mark.classList.add('c-current');
      mark.scrollIntoView({ block: 'center', inline: 'center' });
      setCurrent(next);
    },
    [current, visibleMarks],
  );

  useEffect(() => setChangeNavigator(result ? go : null), [go, result]);
  useEffect(() => () => setChangeNavigator(null), []);

  const changesBy = useMemo(() => {
    const list = result?.changes.filter((c) => author === null || c.author === author) ?? [];
    return list.length;
  }, [result, author]);

  if (view.kind !== 'compare') return null;
  const busy = exportState.kind === 'busy';
  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="review-bar">
        <span className="compare-title">
          {result ? (
            <>Changes from <strong>{result.a.label}</strong> to <strong>{result.b.label}</strong></>
          ) : (
            <>Comparing…</>
          )}
        </span>
        <button type="button" onClick={() => backToEditing()}>Back to the current text</button>
        <button type="button" disabled={!result || busy} onClick={() => void exportComparison('pdf')} data-testid="export-redline-pdf"
          {...shortcutHint('review.exportRedlinePdf', 'Export the redline as a PDF')}>Export redline PDF…</button>
        <button type="button" disabled={!result || busy} onClick={() => void exportComparison('docx')} data-testid="export-redline-docx"
          {...shortcutHint('review.exportRedlineDocx', 'Export the redline as a Word document with tracked changes')}>Export redline Word…</button>
      </div>
      {result && (
        <div className="compare-tools">
          <label>
            Changes by{' '}
            <select value={author ?? ''} onChange={(e) => setCompareAuthor(e.target.value || null)} data-testid="compare-author">
              <option value="">everyone</option>
              {result.authors.map((a) => (
                <option key={a} value={a}>{a}</option>
              ))}
            </select>
          </label>
          <span className="compare-counts" data-testid="compare-counts">
            {changesBy} {changesBy === 1 ? 'change' : 'changes'}
            {counts && MARK_KINDS.filter((k) => counts[k] > 0).map((k) => (
              <span key={k} className={`count count-${k}`}>{KIND_WORDS[k]}: {counts[k]}</span>
            ))}
          </span>
          <span className="compare-words">
            Blocks: {result.counts.changed} changed, {result.counts.added} added, {result.counts.removed} removed, {result.counts.moved} moved · words +{result.counts.insertedWords} −{result.counts.deletedWords}
          </span>
          <span className="compare-nav">
            <button type="button" onClick={() => go(-1)} disabled={total === 0} {...shortcutHint('review.previousChange', 'Previous change')}>↑ Previous</button>
            <span data-testid="compare-position">{total === 0 ? 'no marks' : `${current < 0 ? '–' : current + 1} of ${total}`}</span>
            <button type="button" onClick={() => go(1)} disabled={total === 0} {...shortcutHint('review.nextChange', 'Next change')}>Next ↓</button>
          </span>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <iframe ref={frame} className="compare-frame" title="Redline" sandbox="allow-same-origin" data-testid="redline-frame" />
    </div>
  );
}
