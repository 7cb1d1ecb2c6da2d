import type { Meeting } from '../../shared/minutes';
import type { WorkflowState } from '../../shared/workflow/states';

export interface MeetingSummary {
  id: string;
  title: string;
  startsOn: string;
  updatedAt: string;
  /** The sign-off state (src/shared/workflow/states.ts); set by `list`. */
  state?: WorkflowState;
  /** In the archive since (listed in the 'archived' view only). */
  archivedAt?: string;
  /** In the trash since, and who put it there (listed in the 'trash' view only). */
  deletedAt?: string;
  deletedBy?: string;
}

/** Which meetings a list shows: the home list (neither trashed nor archived), the archive, or the trash. */
export type MeetingView = 'active' | 'archived' | 'trash';

export interface StoredMeeting extends MeetingSummary {
  /** Read-only: shared with the store's cache of the open meeting. */
  meeting: Meeting;
  revisionId: number;
  /** The meeting's save sequence: the base of the next save. */
  seq: number;
}

export interface RevisionInfo {
  id: number;
  author: string;
  startedAt: string;
  savedAt: string;
  /** Autosaves folded into this revision (a burst of typing by one author). */
  saves: number;
  /** Ids of the blocks whose record changed (HEAD_BLOCK_ID for title, dates, venue, register). */
  changed: string[];
  /** Names of the versions that pin this revision. */
  names: string[];
  /** 'create', 'save' or 'recover'. */
  origin: string;
}

export interface SaveResult {
  revisionId: number;
  /** The meeting's new save sequence. */
  seq: number;
  /** True when the save was folded into the author's current burst instead of opening a revision. */
  folded: boolean;
  changed: string[];
}

export interface SearchHit {
  id: string;
  title: string;
  startsOn: string;
  snippet: string;
  /** The block of the best hit in that meeting (HEAD_BLOCK_ID for the title block, venue or register). */
  blockId: string;
}

export interface NamedVersion {
  name: string;
  revisionId: number;
  createdBy: string;
  createdAt: string;
}

export interface StoreOptions {
  now?: () => Date;
  /** Saves by one author closer together than this fold into one revision. */
  foldGapMs?: number;
  /** …as long as the burst is no longer than this, so history keeps a point every few minutes. */
  foldSpanMs?: number;
}
