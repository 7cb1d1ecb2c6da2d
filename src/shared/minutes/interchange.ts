import { z } from 'zod';
import * as blocks from './blocks';
import { LIMITS } from './limits';
import { DateRange, Meeting, TitleBlock, Venue } from './meeting';
import { Attribution, Organisation, Person } from './people';
import { RichText, TextRun } from './richText';
import { checkStructure, formatIssues } from './validate';

/**
 * The `.minuta.json` file: `{ "format": "minuta", "version": 1, "meeting": … }`.
 *
 * Why an envelope: a file must say what it is and which version of the model
 * wrote it, so that an older Minuta refuses a newer file with a clear message
 * instead of misreading it, and a newer one can migrate an older file.
 */
export const INTERCHANGE_FORMAT = 'minuta';
export const INTERCHANGE_VERSION = 1;
export const INTERCHANGE_EXTENSION = '.minuta.json';

export const Interchange = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.literal(INTERCHANGE_VERSION),
  meeting: Meeting,
});
export type Interchange = z.infer<typeof Interchange>;

export type ParseResult = { ok: true; meeting: Meeting } | { ok: false; errors: string[] };

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

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** Parse and validate the text of a `.minuta.json` file. Never throws. */
export function parseInterchange(jsonText: string): ParseResult {
  const size = tooBig(jsonText);
  if (size !== undefined) {
    return {
      ok: false,
      errors: [`The file is too large: at least ${mb(size)}; the limit is ${mb(LIMITS.maxDocumentBytes)}`],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (e) {
    // V8 names the position ("… in JSON at position 12 (line 1 column 13)").
    return { ok: false, errors: [`Not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: ['Not a Minuta file: expected a JSON object with "format", "version" and "meeting"'] };
  }
  const envelope = raw as Record<string, unknown>;
  if (envelope.format !== INTERCHANGE_FORMAT) {
    const got = typeof envelope.format === 'string' ? `"${envelope.format.slice(0, 40)}"` : 'missing';
    return { ok: false, errors: [`Not a Minuta file: format is ${got}, expected "${INTERCHANGE_FORMAT}"`] };
  }
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [`Unknown version ${JSON.stringify(version) ?? 'missing'}: expected a whole number ≥ 1`] };
  }
  if (version > INTERCHANGE_VERSION) {
    return {
      ok: false,
      errors: [`version ${version} is newer than this Minuta understands (${INTERCHANGE_VERSION})`],
    };
  }
  // (When version 2 exists, older versions are migrated here, before validation.)
  const structural = checkStructure(raw);
  if (structural.length > 0) return { ok: false, errors: structural };
  const parsed = Interchange.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error) };
  return { ok: true, meeting: parsed.data.meeting };
}

/**
 * Stable, diff-friendly text: 2-space JSON, envelope keys first, object keys
 * in the order of the schema (zod's output order), newline at the end.
 */
export function serializeInterchange(meeting: Meeting): string {
  const parsed = Meeting.parse(meeting);
  const envelope: Interchange = { format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, meeting: parsed };
  return `${JSON.stringify(envelope, null, 2)}\n`;
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
    [blocks.Signature, 'Signature'],
    [blocks.Statement, 'Statement'],
    [blocks.Delegation, 'Delegation'],
    [blocks.GroupPart, 'GroupPart'],
    [blocks.QaTurn, 'QaTurn'],
    [blocks.Signatory, 'Signatory'],
    [blocks.RoutingStep, 'RoutingStep'],
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
    [blocks.SessionBlock, 'SessionBlock'],
    [blocks.SectionBlock, 'SectionBlock'],
    [Meeting, 'Meeting'],
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
    $id: 'https://minuta.app/schema/minuta-1.schema.json',
    title: 'Minuta minutes interchange file, version 1',
    description:
      'A .minuta.json file. Limits (string lengths, list sizes) are included; bullet depth, unique ids and resolvable references are checked by Minuta itself.',
    ...schema,
  };
}
