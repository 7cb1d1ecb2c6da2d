import {
  type FormatOverrides,
  FormatTemplateSchema,
  type FormatTemplate,
  type FormatTemplateName,
  type LabelStyle,
  type MeetingFormat,
  TITLE_LINES,
} from '../minutes/formatTemplate';

/**
 * Format templates: everything about how minutes look that is not the minutes themselves, as data.
 * agreed.ts reads the wording, numbering and composition from a template; the HTML (PDF) and DOCX
 * renderers read its geometry and typography through the layout tree (`LayoutDocument.style`), so
 * that no size, margin, column count or label is written twice. The schema (what a template may say,
 * validated) is the model's: src/shared/minutes/formatTemplate.ts.
 *
 * A meeting names a built-in template and may override any part of it (`Meeting.format`).
 *
 * Label templates use compose.ts's notation: `{name}` is a value, `[…]` is printed only when every
 * value it names is non-blank.
 */

export {
  FORMAT_TEMPLATE_NAMES,
  FormatOverridesSchema,
  FormatTemplateSchema,
  LABEL_STYLES,
  MeetingFormatSchema,
  TITLE_LINES,
} from '../minutes/formatTemplate';
export type { DecisionWords, FormatOverrides, FormatTemplate, FormatTemplateName, LabelStyle, MeetingFormat, TitleLineRole } from '../minutes/formatTemplate';

/** The kind of counter a label style counts with, and the punctuation around it. */
export function labelParts(style: LabelStyle): { before: string; kind: '1' | 'a' | 'A' | 'i' | 'I'; after: string } {
  const m = /^(\(?)([1aAiI])(.?)$/.exec(style)!;
  return { before: m[1]!, kind: m[2] as '1' | 'a' | 'A' | 'i' | 'I', after: m[3]! };
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];
function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}
/** 1 → a, 26 → z, 27 → aa (as Word and CSS count letters). */
function letters(n: number): string {
  let out = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
}

/** The n-th (1-based) value of a style without its punctuation: `counterText('(a)', 2)` → "b". */
export function counterText(style: LabelStyle, n: number): string {
  const { kind } = labelParts(style);
  return kind === '1' ? String(n) : kind === 'a' ? letters(n) : kind === 'A' ? letters(n).toUpperCase() : kind === 'i' ? roman(n) : roman(n).toUpperCase();
}

/** The n-th (1-based) label of a style: `formatLabel('(a)', 2)` → "(b)", `formatLabel('I.', 4)` → "IV.". */
export function formatLabel(style: LabelStyle, n: number): string {
  const { before, after } = labelParts(style);
  return `${before}${counterText(style, n)}${after}`;
}

/** Page sizes in millimetres (portrait). */
export const PAGE_SIZES = { A4: { widthMm: 210, heightMm: 297 }, Letter: { widthMm: 215.9, heightMm: 279.4 } } as const;

/**
 * The form both seeds share. The 2018 long form and the 2019 short form differ only in their content
 * (2018 has a title label and a routing chain, 2019 a joiner, a theme and numbered lists), which the
 * template composes the same way: one template prints both exactly.
 */
export const AGREED_FORMAT: FormatTemplate = {
  sectionLabel: '{letter} {heading}',
  session: 'Session {n}[: {title}]',
  sessionDecimal: '[{section}.]{n}[ {title}]',
  group: 'Group {n}[: {theme}]',
  question: 'Question[ ({label})]',
  answer: 'Answer[ ({label})]',
  suggestion: '[({label})]',
  speakerSeparator: ': ',
  countryRemark: '[{country}:]',
  statement: '{speaker}[ ({affiliation})]',
  presentation: 'Presentation[ by {presenter}][ ({organisation})][: {title}]',
  recommendation: 'Recommendation:',
  implementationByCountry: 'Implementation by country:',
  collaboration: 'Collaboration:',
  routing: {
    submitted: 'Submitted[ to {recipient}][, {purpose}]',
    'seen-and-submitted': 'Seen, and submitted[ to {recipient}][, {purpose}]',
  },
  routingSignerSeparator: ', ',
  corrigendum: 'Corrigendum[ to {title}][ ({version})]',
  placeDate: '[{place}, ]{date}',
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  page: 'Page {page} of {pages}',
  fingerprint: 'Fingerprint {short}',
  copyLabel: '[{label} · ]Version “{version}” ({state})',
  copyNote: 'Signature copy of version “{version}” ({state}). Fingerprint (SHA-256 of the record embedded in this file): {fingerprint}',
  auditNote: 'Audit log head: {hash} ({length} entries)',
  routingField: 'Routing {n}: {role}',
  draftMark: 'DRAFT',
  decision: {
    heading: '[{number} ][({details})]',
    bulletNumber: '[{number}:]',
    votePrint: 'tally',
    outcome: { adopted: 'Adopted', rejected: 'Rejected', deferred: 'Deferred', noted: 'Noted' },
    consensus: '{outcome} by consensus.',
    notation: '{outcome} by notation vote.',
    tally: '{outcome} by {for} to {against}[, with {others}].',
    plain: '{outcome}.',
    votes: ['{n} vote', '{n} votes'],
    abstentions: ['{n} abstention', '{n} abstentions'],
    absent: ['{n} absent', '{n} absent'],
    names: { for: 'Voting for this action: {names}.', against: 'Voting against this action: {names}.', abstaining: 'Abstaining: {names}.' },
    pair: ' and ',
    separator: ', ',
    last: ', and ',
  },
  heading: '{number} {heading}',
  agendaItemHeading: 'Agenda item[ {number}][: {title}]',
  frontMatter: { distribution: 'Distr.: {distribution}', dateOfIssue: '{date}', originalLanguage: 'Original: {language}', meetingTime: '{time}' },
  agenda: { heading: 'Agenda', number: '{number}.', documents: 'Documents: {documents}', separator: ', ' },
  pageSetup: { size: 'A4', marginsMm: [22, 20, 22, 25] },
  typography: {
    baseSizePt: 11,
    lineHeight: 1.4,
    scriptLineHeights: { khmer: 1.7, lao: 1.7, myanmar: 1.8, thai: 1.7 },
    titleSizesPt: { corrigendum: 12, label: 14, title: 13, theme: 12 },
    headingSizesPt: [11.5, 11, 11],
    signatureTitleSizePt: 9.5,
    footnoteSizePt: 9,
    pageNumberSizePt: 9,
    fingerprintSizePt: 7.5,
    markSizePt: 12,
  },
  titleBlock: { lines: [...TITLE_LINES], align: { issuingBody: 'left', symbol: 'right', distribution: 'right', dateOfIssue: 'right', originalLanguage: 'right' } },
  headings: { section: 'A.', session: 'label', levels: ['none', 'none', 'none'] },
  paragraphs: { numbering: 'none', style: '1.', indentMm: 10 },
  lists: { decimal: '1.', 'decimal-paren': '1)', alpha: '(a)', roman: '(i)', indentMm: 7 },
  signatures: { perRow: 3, boxHeightMm: 28, roleHeightMm: 11, columnGapMm: 6, rowGapMm: 8, party: 'For {party}', placeDate: '[{place}, ]{date}' },
  routingLayout: { spaceMm: 25, columnGapMm: 10 },
  furniture: { marking: '', symbol: '', pageNumbers: true, fingerprint: true },
  participants: {
    name: '{name}[ ({function})]',
    functions: { chair: 'Chair', 'vice-chair': 'Vice-Chair', rapporteur: 'Rapporteur', secretary: 'Secretary', member: '', observer: '' },
    columns: ['', ''],
    nameWidthPercent: 50,
  },
  letters: { reference: '{reference}', dateline: '[{place}, ]{date}' },
  annexes: { label: 'Annex {number}', style: 'I.' },
};

/**
 * Agreed minutes between two governments, and exchanges of notes: two signatories side by side,
 * each "For the Government of …" with a place and date of their own, sections numbered I., II.,
 * sub-paragraphs (a), (b).
 */
export const BILATERAL_FORMAT: FormatTemplate = {
  ...AGREED_FORMAT,
  headings: { ...AGREED_FORMAT.headings, section: 'I.' },
  lists: { ...AGREED_FORMAT.lists, decimal: '(a)', 'decimal-paren': '(i)', nested: ['(i)', '(1)'] },
  signatures: { ...AGREED_FORMAT.signatures, perRow: 2, party: 'For the Government of {party}' },
};

/**
 * The report of a regional consultative meeting: paragraphs numbered continuously through the
 * report across its headings, sections numbered 1., 2., sessions 1.1, 1.2.
 */
export const REPORT_FORMAT: FormatTemplate = {
  ...AGREED_FORMAT,
  headings: { ...AGREED_FORMAT.headings, section: '1.', session: '1.1' },
  paragraphs: { ...AGREED_FORMAT.paragraphs, numbering: 'continuous' },
  lists: { ...AGREED_FORMAT.lists, decimal: '(a)', 'decimal-paren': '(1)', nested: ['(i)', '(1)'] },
};

/**
 * A summary record as UN bodies issue them: a masthead (issuing body on the left; symbol,
 * distribution, date of issue and original language on the right), a title that already says when and
 * where the meeting was held (so no date or place line of the format's), headings without numbers
 * (agenda items print their own), paragraphs numbered continuously through the record.
 */
export const SUMMARY_RECORD_FORMAT: FormatTemplate = {
  ...AGREED_FORMAT,
  titleBlock: {
    lines: ['issuingBody', 'symbol', 'distribution', 'dateOfIssue', 'originalLanguage', 'dateline', 'session', 'corrigendum', 'label', 'title', 'joiner', 'theme', 'time'],
    align: AGREED_FORMAT.titleBlock.align,
  },
  headings: { section: 'none', session: 'none', levels: ['none', 'none', 'none'] },
  paragraphs: { ...AGREED_FORMAT.paragraphs, numbering: 'continuous' },
  lists: { ...AGREED_FORMAT.lists, decimal: '(a)', 'decimal-paren': '(i)' },
  agenda: { ...AGREED_FORMAT.agenda, documents: 'Documents: {documents}' },
  participants: { ...AGREED_FORMAT.participants, affiliation: '({affiliation})' },
};

/** The built-in templates by name: what a meeting's `format.template` names. */
export const FORMAT_TEMPLATES: Record<FormatTemplateName, FormatTemplate> = {
  agreed: AGREED_FORMAT,
  bilateral: BILATERAL_FORMAT,
  report: REPORT_FORMAT,
  'summary-record': SUMMARY_RECORD_FORMAT,
};

const GROUPS = ['frontMatter', 'agenda', 'routing', 'decision', 'pageSetup', 'typography', 'titleBlock', 'headings', 'paragraphs', 'lists', 'signatures', 'routingLayout', 'furniture', 'participants', 'letters', 'annexes'] as const;

/** A template with overrides applied: groups merged field by field, everything else replaced. Not validated. */
export function applyOverrides(base: FormatTemplate, overrides: FormatOverrides | undefined): FormatTemplate {
  if (!overrides) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    out[key] = (GROUPS as readonly string[]).includes(key) ? { ...(base[key as (typeof GROUPS)[number]] as object), ...(value as object) } : value;
  }
  return out as FormatTemplate;
}

/** "signatures.perRow: must be at most 4; page: must contain {page} and then {pages}" (bounded). */
export type TemplateProblem = { path: string; message: string };

/**
 * Checks a whole template (from a file, a settings panel, or a template with overrides): the
 * problems, each naming its field, or none. The one validation every template goes through.
 */
export function templateProblems(candidate: unknown): TemplateProblem[] {
  const parsed = FormatTemplateSchema.safeParse(candidate);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(template)', message: i.message }));
}

/** The template a meeting's format choice resolves to (the agreed format when it makes none). */
export function templateFor(format: MeetingFormat | undefined): FormatTemplate {
  return format ? applyOverrides(FORMAT_TEMPLATES[format.template], format.overrides) : AGREED_FORMAT;
}
