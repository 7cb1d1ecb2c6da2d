/**
 * The one place that says how big a minutes document may be.
 *
 * Why limits at all: documents arrive from files (`.minuta.json`), from the
 * renderer over IPC and from the CLI. A hostile or corrupt file must be
 * rejected with a clear message instead of freezing the app, exhausting memory
 * or overflowing the stack in a recursive validator. The numbers are generous
 * for real minutes (the 2018 seed is ~40 kB, its longest paragraph ~2,000
 * characters, its deepest bullet 2 levels) and small enough to be safe.
 */
export const LIMITS = {
  /** Characters (UTF-16 code units) per text string, e.g. one rich-text run. */
  maxTextLength: 20_000,
  /** Short strings: names, labels, headings' plain parts, ids. */
  maxLabelLength: 2_000,
  /** Runs per rich text (a paragraph with alternating bold/plain). */
  maxRuns: 2_000,
  /** Items per list: bullets, paragraphs, register entries, turns, steps. */
  maxListItems: 5_000,
  /** Blocks in a body, a section or a session. */
  maxBlocks: 5_000,
  /** Nesting of bullets: a top-level bullet is depth 1. */
  maxBulletDepth: 8,
  /**
   * Nesting of JSON containers (objects and arrays) anywhere in a document or
   * envelope. Checked iteratively before zod runs, so that zod's recursive
   * descent is always bounded. The legitimate maximum is ~30 (body → section →
   * session → group → part → 8 levels of bullets → runs); 64 leaves room.
   */
  maxJsonDepth: 64,
  /** Size of a `.minuta.json` file in UTF-8 bytes. */
  maxDocumentBytes: 20 * 1024 * 1024,
  /** Ids are short opaque tokens. */
  maxIdLength: 64,
  /** How many validation issues we report before saying "and N more". */
  maxReportedIssues: 50,
} as const;

/**
 * The one size check of a serialised minutes document (UTF-8 bytes), for every way a document
 * arrives: importing a file and saving from the editor must agree on what is too big. Returns the
 * problem as a sentence, or undefined when the size is within the limit.
 */
export function checkDocumentSize(bytes: number, limit: number = LIMITS.maxDocumentBytes): string | undefined {
  if (bytes <= limit) return undefined;
  const mb = (n: number) => (n < 1024 * 1024 ? `${n} bytes` : `${(n / (1024 * 1024)).toFixed(1)} MB`);
  // A bounded reader stops at limit + 1 bytes: then all we know is that it is larger.
  return bytes === limit + 1
    ? `The document is larger than the ${mb(limit)} limit`
    : `The document is too large: ${mb(bytes)}; the limit is ${mb(limit)}`;
}
