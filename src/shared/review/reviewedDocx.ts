/**
 * A reviewed Word document as read back (src/main/review/docx reads it; src/shared/review/fromDocx maps it
 * onto the minutes): only what the round trip needs, neutral of OOXML. Paragraphs in document order
 * (table cells flattened in reading order), each with the runs of text it holds, the tracked changes
 * on them, the comments that cover them and the block bookmark (a review copy's per-block anchor) that
 * covers it.
 */

/** A tracked change as Word records it: who, when, and for moves the name pairing both places. */
export interface DocxRevision {
  kind: 'inserted' | 'deleted' | 'movedFrom' | 'movedTo';
  author: string;
  /** ISO time as the file writes it (may lack a zone); absent when the file has none. */
  date?: string;
  moveName?: string;
}

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** The run sits inside w:ins / w:del / w:moveFrom / w:moveTo. */
  revision?: DocxRevision;
  /** A tracked formatting change (w:rPrChange): the marks before it. */
  formatChange?: { author: string; date?: string; before: { bold: boolean; italic: boolean } };
  /** Ids of the comments whose range covers this run. */
  comments: string[];
}

export interface DocxParagraph {
  runs: DocxRun[];
  /**
   * The block bookmark covering this paragraph (a review copy names each by bookmarkName(blockId)); the
   * innermost when several do. Absent when none does (a bookmark lost in editing, a new paragraph).
   */
  bookmark?: string;
  /** The paragraph mark itself was inserted or deleted (a paragraph added, or two joined). */
  mark?: DocxRevision;
  /** Inside a table (the signature grid, the routing chain). */
  inTable: boolean;
  /** The paragraph style id, when set. */
  style?: string;
}

export interface DocxComment {
  id: string;
  author: string;
  initials?: string;
  date?: string;
  /** The comment's text, one string per paragraph. */
  text: string[];
  /** The comment it replies to (commentsExtended.xml w15:paraIdParent, or LibreOffice's own way). */
  parentId?: string;
  /** Marked done/resolved (w15:done). */
  done?: boolean;
}

export interface ReviewedDocx {
  /** Custom document properties (docProps/custom.xml): MinutaMeetingId, MinutaBaseRevision, MinutaRevision, MinutaFingerprint. */
  custom: Record<string, string>;
  /** docProps/core.xml. */
  core: { creator?: string; lastModifiedBy?: string; modified?: string };
  /** w:trackRevisions in settings.xml: the reviewer had change tracking on when saving. */
  trackRevisions: boolean;
  paragraphs: DocxParagraph[];
  comments: DocxComment[];
}
