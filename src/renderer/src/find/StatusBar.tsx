import { memo, useEffect, useState } from 'react';
import { useQuietMeeting } from '../state/useQuietMeeting';
import { useAppStore } from '../state/store';
import { runDocumentWork } from '../worker/documentClient';

/** Words (Intl.Segmenter over the meeting's printed text) and pages (the preview's own pagination). */
export const StatusBar = memo(function StatusBar() {
  // Counted once typing pauses: a 200-page meeting takes a few hundred milliseconds to count.
  const meeting = useQuietMeeting(1_000);
  const pages = useAppStore((s) => s.previewPages);
  const scale = useAppStore((s) => s.previewScale);
  // Counted in the document worker, off the main thread (a 200-page meeting takes a few hundred ms).
  // Undefined until the first count arrives; afterwards the last count stays shown while recounting.
  const [words, setWords] = useState<number | undefined>();
  useEffect(() => {
    let live = true;
    if (!meeting) setWords(0);
    else void runDocumentWork({ kind: 'words', meeting }).then((n) => live && setWords(n), () => undefined);
    return () => {
      live = false;
    };
  }, [meeting]);
  return (
    <footer className="status-bar" data-testid="status-bar" aria-label="Status">
      <span data-testid="word-count">{words === undefined ? 'Counting words…' : `${words.toLocaleString('en-GB')} word${words === 1 ? '' : 's'}`}</span>
      <span data-testid="page-count">{pages === undefined ? 'Pages: laying out…' : `${pages} page${pages === 1 ? '' : 's'}`}</span>
      <span data-testid="zoom-level">Preview {Math.round(scale * 100)} %</span>
    </footer>
  );
});
