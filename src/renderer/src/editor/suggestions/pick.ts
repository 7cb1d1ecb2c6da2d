import { useAppStore } from '../../state/store';

/** The suggestions pane's file input, which "Import reviewed copy…" elsewhere (the comments pane, the palette) clicks. */
export const REVIEW_INPUT_ID = 'import-reviewed-copy';

/** Opens the suggestions pane and its file picker (the pane renders first, then its input is clicked). */
export function pickReviewedCopy(): void {
  useAppStore.getState().setSuggestionsPaneOpen(true);
  requestAnimationFrame(() => document.getElementById(REVIEW_INPUT_ID)?.click());
}
