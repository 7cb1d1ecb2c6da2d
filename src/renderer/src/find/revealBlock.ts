import { useEffect } from 'react';
import { useAppStore } from '../state/store';

/** The search index's pseudo-block for the title block, venue and register (store/searchText.ts)… */
const SEARCH_HEAD = '~head';
/** …is the editor's meeting-details block. */
const EDITOR_HEAD = 'meeting';
export const TARGET_CLASS = 'search-target';

/**
 * Opening a meeting from a search hit: the hit's block is scrolled into view and marked (until the
 * next click or key), and the preview follows it as it follows the cursor.
 */
export function useRevealBlock(blockId: string | undefined): void {
  useEffect(() => {
    if (!blockId) return;
    const id = blockId === SEARCH_HEAD ? EDITOR_HEAD : blockId;
    const frame = requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(id)}"]`);
      if (!el) return;
      el.classList.add(TARGET_CLASS);
      el.scrollIntoView({ block: 'center' });
      if (id !== EDITOR_HEAD) useAppStore.getState().setFocus(null, id);
      const unmark = () => {
        el.classList.remove(TARGET_CLASS);
        window.removeEventListener('pointerdown', unmark, true);
        window.removeEventListener('keydown', unmark, true);
      };
      window.addEventListener('pointerdown', unmark, true);
      window.addEventListener('keydown', unmark, true);
    });
    return () => cancelAnimationFrame(frame);
  }, [blockId]);
}
