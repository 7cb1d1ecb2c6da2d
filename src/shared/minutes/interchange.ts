import { z } from 'zod';
import * as blocks from './blocks';
import { LIMITS, checkDocumentSize } from './limits';
import { excerpt } from '../errors';
import { AgendaItem, DateRange, FrontMatter, Meeting, TitleBlock, Venue } from './meeting';
import { Annex } from './annexes';
import { Attribution, Organisation, Person } from './people';
import { RichText, TextRun } from './richText';
import { checkStructure, formatIssues } from './validate';
import { CommentThread, CommentThreads } from './comments';
import { ReviewImport, SUGGESTION_LIMITS, Suggestion } from './reviewSuggestions';
import { MeetingFormatSchema } from './formatTemplate';

/**
 * The `.minuta.json` file: `{ "format": "minuta", "version": 3, "meeting": …, "comments": [ … ] }`.
 * Version 1 (no comments) is still read: it is migrated to version 2 with no comment threads.
 * Version 2 is read as it is: version 3 only added shapes (front matter, an agenda, heading and agenda
 * blocks), all optional, so every version-2 file is a valid version-3 file.
 *
 * Why an envelope: a file must say what it is and which version of the model
 * wrote it, so that an older Minuta refuses a newer file with a clear message
 * instead of misreading it, and a newer one can migrate an older file.
 */
export const INTERCHANGE_FORMAT = 'minuta';
export const INTERCHANGE_VERSION = 3;
export const INTERCHANGE_EXTENSION = '.minuta.json';

/**
 * Which stored state a file was written from (`minuta export --format json` writes it): the meeting's
 * revision and its save sequence. `minuta save` makes the file a new revision only if the meeting is
 * still at that sequence, so a file edited outside Minuta never silently overwrites later work.
 * Optional and ignored by import; the app's "Save a copy" leaves it out.
 */
export const InterchangeBase = z.strictObject({
  revision: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  seq: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type InterchangeBase = z.infer<typeof InterchangeBase>;

export const Interchange = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.literal(INTERCHANGE_VERSION),
  base: InterchangeBase.optional(),
  meeting: Meeting,
  /** The meeting's comment threads (src/shared/review/comments.ts), in the order they were started. */
  comments: CommentThreads,
  /**
   * Reviewed copies brought back and the suggestions they made (src/shared/minutes/reviewSuggestions.ts);
   * absent when there are none (files written before them, and most files, have neither).
   */
  reviewImports: z.array(ReviewImport).max(1_000).optional(),
  suggestions: z.array(Suggestion).max(SUGGESTION_LIMITS.maxPerImport * 10).optional(),
});
export type Interchange = z.infer<typeof Interchange>;

/** The review suggestions a file carries with its meeting. */
export interface InterchangeReview {
  imports: ReviewImport[];
  suggestions: Suggestion[];
}

export type ParseResult =
  | { ok: true; meeting: Meeting; comments: CommentThread[]; review: InterchangeReview; base?: InterchangeBase }
  | { ok: false; errors: string[] };

/**
 * Older files, migrated one version at a time to the current shape before validation. Each step takes
 * a file of its version (only the envelope checked) and returns the next version's.
 */
const MIGRATIONS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 had no comments.
  1: (file) => ({ ...file, version: 2, comments: [] }),
  // Version 3 added optional shapes only: the content is unchanged.
  2: (file) => ({ ...file, version: 3 }),
};

const utf8 = new TextEncoder();

/** Size in UTF-8 bytes without encoding strings that are obviously too big. */
function tooBig(text: string): number | undefined {
  // UTF-8 never uses fewer bytes than UTF-16 code units, so length alone
  // decides the common and the hostile cases without copying the string.
  if (text.length > LIMITS.maxDocumentBytes) return text.length;
  if (text.length * 3 <= LIMITS.maxDocumentBytes) return undefined;
  const bytes = utf8.encode(text).length;
  return bytes > LIMITS.maxDocumentBytes ? bytes : undefined;
}

/** Files people pick by mistake, recognised by their first bytes (before any decoding). */
const OTHER_FORMATS: { magic: number[]; what: string }[] = [
  // .docx, .xlsx, .odt are ZIP archives; a .docx is by far the likeliest mistake here.
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a Word document (or another ZIP archive)' },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word (.doc) document' },
  { magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20], what: 'a SQLite database (a Minuta database is opened with --db, not imported)' },
];

function otherFormat(bytes: Uint8Array): string | undefined {
  const found = OTHER_FORMATS.find(({ magic }) => magic.every((b, i) => bytes[i] === b));
  return found && `This is ${found.what}, not a minutes file (.minuta.json)`;
}

/**
 * The byte offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1. Only called once TextDecoder has refused the bytes, to
 * say where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a minutes file from its bytes: refuses other formats by their signature, accepts and
 * drops a UTF-8 byte order mark (Windows editors write one), and refuses bytes that are not UTF-8
 * instead of silently replacing them with U+FFFD (which would alter a word without a trace).
 */
export function decodeInterchangeBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; errors: string[] } {
  const size = checkDocumentSize(bytes.byteLength);
  if (size) return { ok: false, errors: [size] };
  const other = otherFormat(bytes);
  if (other) return { ok: false, errors: [other] };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  try {
    return { ok: true, text: strictUtf8.decode(body) };
  } catch {
    const offset = firstInvalidUtf8(body) + bom;
    const hex = Array.from(bytes.subarray(offset, offset + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    return {
      ok: false,
      errors: [`Not UTF-8 text: invalid byte at offset ${offset} (bytes ${hex}); save the file as UTF-8 and try again`],
    };
  }
}

/** Parse and validate the bytes of a `.minuta.json` file (see decodeInterchangeBytes). Never throws. */
export function parseInterchangeBytes(bytes: Uint8Array): ParseResult {
  const decoded = decodeInterchangeBytes(bytes);
  return decoded.ok ? parseInterchange(decoded.text) : decoded;
}

/** Parse and validate the text of a `.minuta.json` file. Never throws. */
export function parseInterchange(input: string): ParseResult {
  const size = tooBig(input);
  if (size !== undefined) return { ok: false, errors: [checkDocumentSize(size)!] };
  // A byte order mark decoded as text (U+FEFF) is not part of the JSON.
  const jsonText = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const other = otherFormat(utf8.encode(jsonText.slice(0, 8)));
  if (other) return { ok: false, errors: [other] };
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (e) {
    // V8 names the position ("… in JSON at position 12 (line 1 column 13)") and quotes a little of
    // the input; keep that to an excerpt.
    return { ok: false, errors: [`Not valid JSON: ${excerpt(e instanceof Error ? e.message : String(e), 200)}`] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: ['Not a Minuta file: expected a JSON object with "format", "version" and "meeting"'] };
  }
  const envelope = raw as Record<string, unknown>;
  if (envelope.format !== INTERCHANGE_FORMAT) {
    const got = typeof envelope.format === 'string' ? `"${excerpt(envelope.format)}"` : 'missing';
    return { ok: false, errors: [`Not a Minuta file: format is ${got}, expected "${INTERCHANGE_FORMAT}"`] };
  }
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const got = version === undefined ? 'missing' : excerpt(JSON.stringify(version) ?? String(version));
    return { ok: false, errors: [`Unknown version ${got}: expected a whole number ≥ 1`] };
  }
  if (version > INTERCHANGE_VERSION) {
    return {
      ok: false,
      errors: [`version ${version} is newer than this Minuta understands (${INTERCHANGE_VERSION})`],
    };
  }
  let current: Record<string, unknown> = envelope;
  for (let v = version; v < INTERCHANGE_VERSION; v++) current = MIGRATIONS[v]!(current);
  const structural = checkStructure(current);
  if (structural.length > 0) return { ok: false, errors: structural };
  const parsed = Interchange.safeParse(current);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error) };
  const imports = parsed.data.reviewImports ?? [];
  const suggestions = parsed.data.suggestions ?? [];
  const known = new Set(imports.map((i) => i.id));
  const stray = suggestions.findIndex((x) => !known.has(x.importId));
  if (stray >= 0) return { ok: false, errors: [`suggestions[${stray}]: names review import "${excerpt(suggestions[stray]!.importId)}", which the file does not have`] };
  const { base } = parsed.data;
  return { ok: true, meeting: parsed.data.meeting, comments: parsed.data.comments, review: { imports, suggestions }, ...(base ? { base } : {}) };
}

/**
 * Stable, diff-friendly text: 2-space JSON, envelope keys first, object keys
 * in the order of the schema (zod's output order), newline at the end.
 */
/** What a file may carry beside the meeting: its review suggestions, and the revision it was exported from. */
export interface InterchangeExtras {
  review?: { imports: readonly ReviewImport[]; suggestions: readonly Suggestion[] } | undefined;
  base?: InterchangeBase | undefined;
}

export function serializeInterchange(meeting: Meeting, comments: readonly CommentThread[] = [], extras: InterchangeExtras = {}): string {
  const parsed = Meeting.parse(meeting);
  const envelope: Interchange = {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    ...(extras.base ? { base: InterchangeBase.parse(extras.base) } : {}),
    meeting: parsed,
    comments: CommentThreads.parse(comments),
    ...(extras.review && extras.review.imports.length > 0
      ? { reviewImports: z.array(ReviewImport).parse(extras.review.imports), suggestions: z.array(Suggestion).parse(extras.review.suggestions) }
      : {}),
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/**
 * The minutes' canonical content: the version-1 file of the meeting (no comments). The fingerprint is
 * its SHA-256, so that a fingerprint printed on a PDF or signed stays the same whatever comments the
 * meeting gathers and whatever version of the file format carries it.
 */
export function serializeMeetingContent(meeting: Meeting): string {
  const parsed = Meeting.parse(meeting);
  return `${JSON.stringify({ format: INTERCHANGE_FORMAT, version: 1, meeting: parsed }, null, 2)}\n`;
}

/**
 * JSON Schema (draft 2020-12) of the file, for other tools and editors. The
 * committed copy is `resources/minuta.schema.json`; a unit test keeps it in
 * sync (`UPDATE_SCHEMA=1` rewrites it).
 */
export function interchangeJsonSchema(): Record<string, unknown> {
  // Named definitions ($defs) instead of inlining every block three times
  // (body, section, session). A fresh local registry per call: registering in
  // zod's global registry would throw when a module is evaluated twice (HMR).
  const names = z.registry<{ id: string }>();
  const named: [z.ZodType, string][] = [
    [TextRun, 'TextRun'],
    [RichText, 'RichText'],
    [blocks.Bullet, 'Bullet'],
    [Person, 'Person'],
    [Organisation, 'Organisation'],
    [Attribution, 'Attribution'],
    [TitleBlock, 'TitleBlock'],
    [DateRange, 'DateRange'],
    [Venue, 'Venue'],
    [FrontMatter, 'FrontMatter'],
    [AgendaItem, 'AgendaItem'],
    [blocks.Signature, 'Signature'],
    [blocks.Statement, 'Statement'],
    [blocks.Delegation, 'Delegation'],
    [blocks.GroupPart, 'GroupPart'],
    [blocks.QaTurn, 'QaTurn'],
    [blocks.Signatory, 'Signatory'],
    [MeetingFormatSchema, 'MeetingFormat'],
    [blocks.RoutingStep, 'RoutingStep'],
    [blocks.DecisionMarker, 'DecisionMarker'],
    [blocks.Voter, 'Voter'],
    [blocks.Vote, 'Vote'],
    [blocks.ParagraphBlock, 'ParagraphBlock'],
    [blocks.ListBlock, 'ListBlock'],
    [blocks.DelegationsBlock, 'DelegationsBlock'],
    [blocks.ObserversBlock, 'ObserversBlock'],
    [blocks.PresidingBlock, 'PresidingBlock'],
    [blocks.RemarkBlock, 'RemarkBlock'],
    [blocks.PresentationBlock, 'PresentationBlock'],
    [blocks.QaBlock, 'QaBlock'],
    [blocks.SuggestionsBlock, 'SuggestionsBlock'],
    [blocks.GroupBlock, 'GroupBlock'],
    [blocks.NextMeetingBlock, 'NextMeetingBlock'],
    [blocks.DisclaimerBlock, 'DisclaimerBlock'],
    [blocks.SigningBlock, 'SigningBlock'],
    [blocks.SignatoriesBlock, 'SignatoriesBlock'],
    [blocks.RoutingBlock, 'RoutingBlock'],
    [blocks.DecisionBlock, 'DecisionBlock'],
    [blocks.HeadingBlock, 'HeadingBlock'],
    [blocks.AgendaBlock, 'AgendaBlock'],
    [blocks.Participant, 'Participant'],
    [blocks.ParticipantGroup, 'ParticipantGroup'],
    [blocks.ParticipantsBlock, 'ParticipantsBlock'],
    [blocks.LetterParagraph, 'LetterParagraph'],
    [blocks.LetterBlock, 'LetterBlock'],
    [Annex, 'Annex'],
    [blocks.StatementBlock, 'StatementBlock'],
    [blocks.SessionBlock, 'SessionBlock'],
    [blocks.SectionBlock, 'SectionBlock'],
    [Meeting, 'Meeting'],
    [CommentThread, 'CommentThread'],
    [ReviewImport, 'ReviewImport'],
    [Suggestion, 'Suggestion'],
  ];
  for (const [schema, id] of named) names.add(schema, { id });
  const schema = z.toJSONSchema(Interchange, {
    metadata: names,
    io: 'input',
    unrepresentable: 'any',
    cycles: 'ref',
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://minuta.app/schema/minuta-${INTERCHANGE_VERSION}.schema.json`,
    title: `Minuta minutes interchange file, version ${INTERCHANGE_VERSION}`,
    description:
      'A .minuta.json file. Limits (string lengths, list sizes) are included; bullet depth, unique ids and resolvable references are checked by Minuta itself.',
    ...schema,
  };
}
