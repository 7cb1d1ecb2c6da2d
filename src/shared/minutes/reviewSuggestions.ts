import { z } from 'zod';
import { LeafBlock } from './blocks';
import { RichText } from './richText';
import { Id } from './scalars';

/**
 * Review suggestions as stored and exchanged (the store, IPC, the `.minuta.json` file): a change that a
 * reviewer proposes to the minutes, outside Minuta (a reviewed DOCX coming back from a delegation), that
 * the secretariat accepts or rejects. Not to be confused with the `suggestions` *block* of the minutes
 * (what a meeting suggested), which is content.
 *
 * Every change is anchored like a comment (src/shared/minutes/comments.ts): the id of an object of the
 * document (a block, a bullet, a turn, a part…), a field path inside that object ("text",
 * "paragraphs.2", "question.paragraphs.0"), UTF-16 offsets into the field's plain text in the *base*
 * version the reviewer saw, and the base text quoted. Accepting applies the change to the current
 * version when its quote is still there (found again by quote when the text around moved); when it is
 * not, the suggestion is *conflicting*: kept and shown, never applied blindly.
 *
 * Where a paragraph of the reviewed file cannot be placed in the model (an anchor lost, text in a
 * generated line), the suggestion is `unplaced`: shown with its text, never dropped, never applied.
 */

export const SUGGESTION_LIMITS = {
  maxQuote: 100_000,
  maxPath: 200,
  maxAuthor: 200,
  maxFileName: 255,
  /** Suggestions per import (a hostile file cannot grow the database without bound). */
  maxPerImport: 20_000,
} as const;

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9]*(\.(?:[A-Za-z][A-Za-z0-9]*|\d{1,5}))*$/;
const fieldPath = z.string().max(SUGGESTION_LIMITS.maxPath).regex(FIELD_PATH, 'must be a field path such as "text" or "paragraphs.2"');
const offset = z.number().int().min(0).max(10_000_000);
const quote = z.string().max(SUGGESTION_LIMITS.maxQuote);
const isoTime = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'must be an ISO time in UTC');
const person = z.string().min(1).max(SUGGESTION_LIMITS.maxAuthor);
/** The body itself, as a container of blocks (a section or a session id otherwise). */
export const BODY_CONTAINER = '~body';

const spanRefine = <T extends { start: number; end: number; quote: string }>(s: z.ZodType<T>) =>
  s.refine((r) => r.end >= r.start && r.quote.length === r.end - r.start, { message: 'quote must be the base text between start and end' });

/** Words replaced, inserted (start = end, quote '') or deleted (insert []) inside one text field. */
export const TextChange = spanRefine(
  z.strictObject({
    kind: z.literal('text'),
    target: Id,
    path: fieldPath,
    start: offset,
    end: offset,
    quote,
    insert: RichText,
  }),
);

/** Bold or italic set or cleared on a span of one text field. */
export const FormatChange = spanRefine(
  z.strictObject({
    kind: z.literal('format'),
    target: Id,
    path: fieldPath,
    start: offset,
    end: offset,
    quote: quote.min(1),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
  }),
);

/**
 * An element inserted into an array field of an object: a paragraph of a remark ("paragraphs", a rich
 * text), a bullet of a list ("items", an object with an id). `afterId` places it after an element with an
 * id (absent: first); `index` is its position in the base array (for arrays of plain rich text).
 */
export const InsertItemChange = z.strictObject({
  kind: z.literal('insert-item'),
  target: Id,
  path: fieldPath,
  index: offset,
  afterId: Id.optional(),
  /** A rich text, or an element object (a bullet); checked against the schema when applied. */
  value: z.unknown(),
});

/** An element removed from an array field; `quote` is its plain text in the base (checked when applied). */
export const RemoveItemChange = z.strictObject({
  kind: z.literal('remove-item'),
  target: Id,
  path: fieldPath,
  index: offset,
  id: Id.optional(),
  quote,
});

/** A new block (a paragraph typed between two blocks) in the body, a section or a session. */
export const InsertBlockChange = z.strictObject({
  kind: z.literal('insert-block'),
  container: z.union([Id, z.literal(BODY_CONTAINER)]),
  /** The block it follows in the base; absent: first in its container. */
  afterId: Id.optional(),
  block: LeafBlock,
});

/** A whole block deleted; `quote` is its printed text in the base (what the reviewer saw deleted). */
export const RemoveBlockChange = z.strictObject({
  kind: z.literal('remove-block'),
  target: Id,
  quote,
});

/** Content that could not be placed in the model: shown, never applied. */
export const UnplacedChange = z.strictObject({
  kind: z.literal('unplaced'),
  /** The nearest block the content stood by, when known. */
  near: Id.optional(),
  deleted: quote,
  inserted: quote,
});

export const ReviewChange = z.union([TextChange, FormatChange, InsertItemChange, RemoveItemChange, InsertBlockChange, RemoveBlockChange, UnplacedChange]);
export type ReviewChange = z.infer<typeof ReviewChange>;

export const SuggestionStatus = z.enum(['open', 'accepted', 'rejected', 'conflicting']);
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;

export const Suggestion = z.strictObject({
  id: Id,
  /** The reviewed file it came from (ReviewImport.id). */
  importId: Id,
  /** As the file names them (w:author), or the file's last author for untracked edits. */
  author: person,
  /** The register's organisation or delegation when the author matches a person of the register. */
  organisationId: Id.optional(),
  delegationId: Id.optional(),
  at: isoTime.optional(),
  /** false: found by comparing texts (the reviewer did not track changes). */
  tracked: z.boolean(),
  change: ReviewChange,
  status: SuggestionStatus,
  /** Who accepted or rejected it, when, and the revision an acceptance made. */
  decision: z.strictObject({ by: person, at: isoTime, revisionId: z.number().int().min(1).optional(), reason: z.string().max(2_000).optional() }).optional(),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** One reviewed file brought back: what it was made from and who reviewed it. */
export const ReviewImport = z.strictObject({
  id: Id,
  meetingId: Id,
  fileName: z.string().min(1).max(SUGGESTION_LIMITS.maxFileName),
  /** SHA-256 (hex) of the file's bytes: the same file imported twice is recognised. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The revision the review copy was made from (its MinutaRevision property, or the user's pick). */
  baseRevision: z.number().int().min(1),
  /** The file's last author (docProps/core.xml lastModifiedBy), else its creator. */
  reviewer: person,
  delegationId: Id.optional(),
  importedAt: isoTime,
  importedBy: person,
});
export type ReviewImport = z.infer<typeof ReviewImport>;
