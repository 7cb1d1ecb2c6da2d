/**
 * What a reviewed DOCX may cost to read, in one place. A review copy of the 200-page meeting is about
 * 350 KB zipped with a 1.6 MB word/document.xml (compressed about 5:1); the most repetitive part
 * LibreOffice writes, numbering.xml, about 50:1. The bounds leave ample room for a reviewer's additions
 * and refuse what only a hostile file needs.
 */
export const DOCX_READ_BOUNDS = {
  /** The DOCX file itself. */
  maxFileBytes: 64 * 1024 * 1024,
  /** Entries in the ZIP directory (a Word document has a few dozen; each embedded image is one). */
  maxEntries: 2000,
  /** One part once inflated (word/document.xml is by far the largest). */
  maxPartBytes: 64 * 1024 * 1024,
  /** Every part we inflate, together. */
  maxTotalBytes: 160 * 1024 * 1024,
  /**
   * Inflated bytes per compressed byte, checked once a part has inflated past `ratioFloorBytes` (small
   * XML parts of repeated markup compress very well and are harmless). Deflate tops out near 1032:1.
   */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** Element nesting in any XML part (Word's deepest real nesting is tables in tables, a few dozen). */
  maxXmlDepth: 256,
  /** One attribute value we read (an author, a date, a bookmark or style name): Word caps names far below this. */
  maxAttributeChars: 4096,
} as const;

export type DocxReadBounds = { readonly [K in keyof typeof DOCX_READ_BOUNDS]: number };
