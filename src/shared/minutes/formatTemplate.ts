import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * The schema of a format template: how minutes look, as data (page geometry, typography, title-block
 * composition, numbering, signature layout, page furniture, every printed label). The templates
 * themselves and what is done with them live in the agreed format (src/shared/format/template.ts);
 * the schema is here because a meeting stores its choice of template (`Meeting.format`), and the model
 * imports nothing from the format.
 *
 * Strict objects: an unknown or misspelt field is refused by name, so a template from a file or a
 * settings panel never reaches a renderer half-formed.
 */

const text = (max = 200) => z.string().max(max, { error: `String must contain at most ${max} character(s)` });
/** A label template; bounded like a label of the model. */
const words = () => text(LIMITS.maxLabelLength);
const num = (min: number, max: number, unit: string) =>
  z.number().min(min, { error: `must be at least ${min} ${unit}` }).max(max, { error: `must be at most ${max} ${unit}` });

/** How a number is printed in a label: the digit or letter kind, with its punctuation. */
export const LABEL_STYLES = ['1.', '1)', '(1)', 'a.', 'a)', '(a)', 'A.', 'i.', '(i)', 'I.'] as const;
export type LabelStyle = (typeof LABEL_STYLES)[number];

/**
 * The title lines the format can print: the masthead of a document issued with a symbol (its issuing
 * body, symbol, distribution, date of issue, original language: `Meeting.frontMatter`), a dateline,
 * then the seeds' lines in their order, with the meeting's time after its date.
 */
export const TITLE_LINES = [
  'issuingBody',
  'symbol',
  'distribution',
  'dateOfIssue',
  'originalLanguage',
  'dateline',
  'session',
  'corrigendum',
  'label',
  'title',
  'joiner',
  'theme',
  'date',
  'time',
  'place',
] as const;
export type TitleLineRole = (typeof TITLE_LINES)[number];

/** The scripts whose line height a template may set (src/shared/format/scripts.ts). */
export const SCRIPT_NAMES = ['latin', 'khmer', 'lao', 'myanmar', 'thai'] as const;

/** The built-in templates a meeting can name (src/shared/format/template.ts holds them). */
export const FORMAT_TEMPLATE_NAMES = ['agreed', 'bilateral', 'report', 'summary-record'] as const;
export type FormatTemplateName = (typeof FORMAT_TEMPLATE_NAMES)[number];

const Margins = z.tuple([num(5, 60, 'mm'), num(5, 60, 'mm'), num(5, 60, 'mm'), num(5, 60, 'mm')]);

export const PageSchema = z.strictObject({
  size: z.enum(['A4', 'Letter']),
  /** Top, right, bottom, left. */
  marginsMm: Margins,
});

export const TypographySchema = z.strictObject({
  /** Running text. */
  baseSizePt: num(6, 24, 'pt'),
  /** Line height of Latin text, as a multiple of the font size. */
  lineHeight: num(1, 3, ''),
  /** Scripts whose marks stack need more room (fonts: src/shared/format/scripts.ts, one family per script). */
  scriptLineHeights: z.partialRecord(z.enum(SCRIPT_NAMES), num(1, 3, '')),
  /** Title lines printed larger than the running text. */
  titleSizesPt: z.partialRecord(z.enum(TITLE_LINES), num(6, 36, 'pt')),
  /** Headings by level: 1 section, 2 session, 3 group / Q&A. */
  headingSizesPt: z.tuple([num(6, 36, 'pt'), num(6, 36, 'pt'), num(6, 36, 'pt')]),
  /** The title lines under a signature. */
  signatureTitleSizePt: num(5, 24, 'pt'),
  /** Footnotes' text. */
  footnoteSizePt: num(5, 24, 'pt'),
  /** The footer's page number; the fingerprint is smaller; the draft mark and classification larger. */
  pageNumberSizePt: num(5, 24, 'pt'),
  fingerprintSizePt: num(5, 24, 'pt'),
  markSizePt: num(5, 36, 'pt'),
});

export const TitleBlockSchema = z.strictObject({
  /** Which generated title lines print, in this order; none: no title block at all. */
  lines: z
    .array(z.enum(TITLE_LINES))
    .max(TITLE_LINES.length)
    .refine((l) => new Set(l).size === l.length, { error: 'must not list a line twice' }),
  /** Lines set apart from the centred title (a masthead's body on the left, its symbol on the right). */
  align: z.partialRecord(z.enum(TITLE_LINES), z.enum(['left', 'center', 'right'])).optional(),
});

const HeadingNumber = z.union([z.literal('none'), z.enum(LABEL_STYLES)]);

export const HeadingsSchema = z.strictObject({
  /** The number before a section heading ("A. PARTICIPANTS", "IV. CLOSING"), or none. */
  section: z.union([z.literal('none'), z.enum(LABEL_STYLES)]),
  /**
   * A session's heading: its stored number in the session label ("Session 2: title"), as the
   * section's number and its own ("1.2 title"), or its title alone.
   */
  session: z.enum(['label', '1.1', 'none']),
  /** Heading blocks (levels 1, 2, 3): the number before each, counted per level, or none. */
  levels: z.tuple([HeadingNumber, HeadingNumber, HeadingNumber]),
});

export const ParagraphsSchema = z.strictObject({
  /**
   * Numbered running paragraphs: none, one sequence through the document, or a sequence that
   * restarts at each section (level 1) or session (level 2) heading.
   */
  numbering: z.enum(['none', 'continuous', 'per-section', 'per-session']),
  style: z.enum(LABEL_STYLES),
  /** How far the text hangs after its number. */
  indentMm: num(0, 40, 'mm'),
});

/** Numbered lists (the model's `decimal`, `decimal-paren`, `alpha` and `roman` lists): the label each prints. */
export const ListsSchema = z.strictObject({
  decimal: z.enum(LABEL_STYLES),
  'decimal-paren': z.enum(LABEL_STYLES),
  /** Sub-paragraphs: "(a)", "a)", "a."… */
  alpha: z.enum(LABEL_STYLES),
  /** "(i)", "i."… */
  roman: z.enum(LABEL_STYLES),
  /**
   * The labels of a numbered list's nested levels, level 1 first ((a) → (i) → (1)); a level beyond
   * the last takes the last. Absent: nested items of a numbered list are bullets (the seeds).
   */
  nested: z.array(z.enum(LABEL_STYLES)).min(1).max(8).optional(),
  /** Indentation per level. */
  indentMm: num(2, 30, 'mm'),
});

export const SignaturesSchema = z.strictObject({
  /** Signature blocks per row: 1 to 4. */
  perRow: z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(4, { error: 'must be at most 4' }),
  /** The box to sign in. */
  boxHeightMm: num(10, 80, 'mm'),
  /** Room for the role above the box (two lines), so that boxes of a row line up. */
  roleHeightMm: num(0, 40, 'mm'),
  columnGapMm: num(0, 30, 'mm'),
  rowGapMm: num(0, 40, 'mm'),
  /** Above a signature that names the party it signs for: "For the Government of {party}". */
  party: words(),
  /** Under a signature that has its own place or date. */
  placeDate: words(),
});

export const RoutingSchema = z.strictObject({
  /** The space to sign under each step. */
  spaceMm: num(5, 80, 'mm'),
  columnGapMm: num(0, 30, 'mm'),
});

export const FurnitureSchema = z.strictObject({
  /** A classification marking ("CONFIDENTIAL") printed at the top and foot of every page; '' for none. */
  marking: text(),
  /** The document symbol printed at the top left of every page ("RCM/2024/3"); '' for none. */
  symbol: text(),
  /** "Page X of Y" in the footer. */
  pageNumbers: z.boolean(),
  /** The short fingerprint in the footer. */
  fingerprint: z.boolean(),
});

/** An attendance list (the `participants` block): a table of name and country or organisation, group by group. */
export const ParticipantsWordsSchema = z.strictObject({
  /** The name and its function, when it has one: "{name}[ ({function})]". */
  name: words(),
  /** The word printed for each function; '' prints none ("member" in a list of members). */
  functions: z.strictObject({
    chair: words(),
    'vice-chair': words(),
    rapporteur: words(),
    secretary: words(),
    member: words(),
    observer: words(),
  }),
  /** The column headings; both '' for no heading row. */
  columns: z.tuple([words(), words()]),
  /** The affiliation cell's words: "({affiliation})" as UN records print it. Absent: the affiliation alone. */
  affiliation: words().optional(),
  /** The name column's share of the width. */
  nameWidthPercent: num(20, 80, '%'),
});

/** Notes and letters (the `letter` block). */
export const LettersSchema = z.strictObject({
  /** The reference line: "No. {reference}", or "{reference}" when the stored reference carries its own words. */
  reference: words(),
  /** The dateline: "[{place}, ]{date}". */
  dateline: words(),
});

/** Annexes (`Meeting.annexes`): each on a new page under "Annex {number}", its number in `style` without punctuation. */
export const AnnexesSchema = z.strictObject({
  label: words(),
  style: z.enum(LABEL_STYLES),
});

/** How decisions and recorded votes print (src/shared/format/decision.ts). */
export const DecisionWordsSchema = z.strictObject({
  /** The heading line made from the data, when the minutes give no heading line of their own. */
  heading: words(),
  /** Before an agreement or recommendation marked as a decision that has a number: "Decision 1/2019:". */
  bulletNumber: words(),
  /** How a vote prints unless the decision says ('names' or 'tally'). */
  votePrint: z.enum(['names', 'tally']),
  outcome: z.strictObject({ adopted: words(), rejected: words(), deferred: words(), noted: words() }),
  /** The tally style's sentences: by consensus; by notation vote (no names recorded); with the count; a vote without names. */
  consensus: words(),
  notation: words(),
  tally: words(),
  plain: words(),
  /** "9 votes", "1 abstention", "1 absent": singular and plural. */
  votes: z.tuple([words(), words()]),
  abstentions: z.tuple([words(), words()]),
  absent: z.tuple([words(), words()]),
  /**
   * The names style's lines, each when its list has names; `absent` only when worded (the FOMC prints
   * no absent line, a board that records who did not vote does: "No vote by {names}.").
   */
  names: z.strictObject({ for: words(), against: words(), abstaining: words(), absent: words().optional() }),
  /**
   * The names style's lines as one paragraph, joined by a space ("Votes: Yes by A and B. No vote by C.",
   * as a board's minutes print them) rather than a paragraph each (the FOMC's). Absent: a paragraph each.
   */
  namesTogether: z.boolean().optional(),
  /** Joining names: "A and B", "A, B, and C". */
  pair: text(),
  separator: text(),
  last: text(),
});
export type DecisionWords = z.infer<typeof DecisionWordsSchema>;

/** How the front matter's facts print in the title block, each only when the meeting has it. */
export const FrontMatterWordsSchema = z.strictObject({
  /** "Distr.: {distribution}". */
  distribution: words(),
  /** "{date}": the date of issue written out. */
  dateOfIssue: words(),
  /** "Original: {language}". */
  originalLanguage: words(),
  /** "{time}": the meeting's time, on its own line after the date. */
  meetingTime: words(),
});

/** How the agenda prints (an `agenda` block): each item's number, its title, its documents. */
export const AgendaWordsSchema = z.strictObject({
  /** Above the agenda when the block has no heading of its own and the agenda has items ("Agenda"); '' for none. */
  heading: words(),
  /** The item's number as printed before its title: "{number}.". */
  number: words(),
  /** Under an item that lists documents: "Documents: {documents}". */
  documents: words(),
  /** Between two document symbols. */
  separator: text(),
});

const labels = {
  /** A numbered section heading: {letter} is its number in `headings.section`'s style ("A."). */
  sectionLabel: words(),
  session: words(),
  /** A session heading numbered "1.1": {section} is the section's number without punctuation. */
  sessionDecimal: words(),
  group: words(),
  question: words(),
  answer: words(),
  suggestion: words(),
  /** A remark's speaker label is followed by this. */
  speakerSeparator: words(),
  countryRemark: words(),
  /** Reported speech: the speaker and affiliation before a statement's first paragraph ("{speaker} ({affiliation})"). */
  statement: words(),
  /** A presentation's heading made from its data, when the minutes give no heading line of their own. */
  presentation: words(),
  recommendation: words(),
  implementationByCountry: words(),
  collaboration: words(),
  routing: z.strictObject({ submitted: words(), 'seen-and-submitted': words() }),
  /** Under a routing step, between who signed it (once recorded: `signedBy`) and the role: "Keo Sophal, Minute taker". */
  routingSignerSeparator: words(),
  /** Above the title of a corrigendum: the sealed minutes it corrects. */
  corrigendum: words(),
  placeDate: words(),
  months: z.array(text(60)).length(12, { error: 'must name the twelve months' }),
  /** "Page {page} of {pages}": both values are required. */
  page: words().refine((s) => /\{page\}[^]*\{pages\}/.test(s), { error: 'must contain {page} and then {pages}' }),
  fingerprint: words(),
  /** A signature copy's footer, after the fingerprint: which named version, approved or sealed. */
  copyLabel: words(),
  /** The closing note of a signature copy: the full fingerprint, and the audit log's head when sealed. */
  copyNote: words(),
  auditNote: words(),
  /** The signature field of a routing step whose signer signs ("Routing 1: Secretary-General"). */
  routingField: words(),
  draftMark: text(),
  decision: DecisionWordsSchema,
  /** A heading block numbered by `headings.levels`: {number} as the level's style prints it. */
  heading: words(),
  /** A heading block that prints its agenda item: "Agenda item[ {number}][: {title}]". */
  agendaItemHeading: words(),
  frontMatter: FrontMatterWordsSchema,
  agenda: AgendaWordsSchema,
};

export const FormatTemplateSchema = z.strictObject({
  ...labels,
  pageSetup: PageSchema,
  typography: TypographySchema,
  titleBlock: TitleBlockSchema,
  headings: HeadingsSchema,
  paragraphs: ParagraphsSchema,
  lists: ListsSchema,
  signatures: SignaturesSchema,
  routingLayout: RoutingSchema,
  furniture: FurnitureSchema,
  participants: ParticipantsWordsSchema,
  letters: LettersSchema,
  annexes: AnnexesSchema,
});
export type FormatTemplate = z.infer<typeof FormatTemplateSchema>;

/**
 * What a meeting may override of its template: any field; a group of settings (page, typography,
 * signatures, …) field by field. Lists (margins, months, title lines) are replaced whole.
 */
export const FormatOverridesSchema = FormatTemplateSchema.extend({
  routing: labels.routing.partial(),
  decision: DecisionWordsSchema.partial(),
  frontMatter: FrontMatterWordsSchema.partial(),
  agenda: AgendaWordsSchema.partial(),
  pageSetup: PageSchema.partial(),
  typography: TypographySchema.partial(),
  titleBlock: TitleBlockSchema.partial(),
  headings: HeadingsSchema.partial(),
  paragraphs: ParagraphsSchema.partial(),
  lists: ListsSchema.partial(),
  signatures: SignaturesSchema.partial(),
  routingLayout: RoutingSchema.partial(),
  furniture: FurnitureSchema.partial(),
  participants: ParticipantsWordsSchema.partial(),
  letters: LettersSchema.partial(),
  annexes: AnnexesSchema.partial(),
}).partial();
export type FormatOverrides = z.infer<typeof FormatOverridesSchema>;

/** A meeting's choice of format: a built-in template and what it changes of it. */
export const MeetingFormatSchema = z.strictObject({
  template: z.enum(FORMAT_TEMPLATE_NAMES),
  overrides: FormatOverridesSchema.optional(),
});
export type MeetingFormat = z.infer<typeof MeetingFormatSchema>;

