import { create } from 'zustand';
import { createMeetingsSlice, type MeetingsSlice } from './meetingsSlice';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createExportSlice, type ExportSlice } from './exportSlice';
import { createReviewSlice, type ReviewSlice } from './reviewSlice';
import { createCommentsSlice, type CommentsSlice } from './commentsSlice';
import { createSuggestionsSlice, type SuggestionsSlice } from './suggestionsSlice';
import { createDraftingSlice, type DraftingSlice } from '../find/draftingSlice';

/** The one bound store: each feature adds a slice here, middleware (when any) wraps only this root. */
export type AppState = MeetingsSlice & DocumentSlice & UiSlice & ExportSlice & ReviewSlice & DraftingSlice & CommentsSlice & SuggestionsSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createMeetingsSlice(...a),
  ...createDocumentSlice(...a),
  ...createUiSlice(...a),
  ...createExportSlice(...a),
  ...createReviewSlice(...a),
  ...createDraftingSlice(...a),
  ...createCommentsSlice(...a),
  ...createSuggestionsSlice(...a),
}));
