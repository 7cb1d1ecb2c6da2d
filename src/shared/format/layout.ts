import type { Script } from './scripts';
import type { FormatTemplate, LabelStyle, TitleLineRole } from './template';

/**
 * The format-neutral layout tree: what a page holds, with no knowledge of
 * minutes (agreed.ts decides) and no knowledge of HTML or Word (the renderers
 * map it mechanically). Every string is final text: letters, labels and
 * colons are already in it.
 */

/**
 * A tracked change on a run or a whole paragraph, in a comparison's redline (src/shared/review/redline.ts).
 * Renderers show it mechanically: HTML as <ins>/<del> with a change bar, DOCX as Word revisions.
 */
export type ChangeKind = 'inserted' | 'deleted' | 'formatChanged' | 'movedFrom' | 'movedTo';
export interface ChangeMark {
  kind: ChangeKind;
  author: string;
  /** ISO time. */
  date: string;
  /** For a formatting change: the marks the text had before. */
  before?: { bold: boolean; italic: boolean };
  /** For a move: a name both places share (the moved item's id), so that a reader can pair them. */
  move?: string;
}

/**
 * Where a run's text comes from in the model (provenance): the id of the object that holds the field
 * (a block, a bullet, a turn, a statement…), the field's path inside it in the notation of comment
 * anchors ("text", "paragraphs.2", "question.paragraphs.0"), and the UTF-16 offset of the run's first
 * character in the field's plain text. Only laid out on request (`FormatOptions.provenance`), for
 * mapping a reviewed copy back to fields; absent on words the format generates ("A.", "Session 1:",
 * "Lao:", dates written out). Renderers ignore it.
 */
export interface RunSource {
  id: string;
  path: string;
  start: number;
}

/** A run of one script: renderers choose the font from `script` (scripts.ts), never from the text. */
export interface Run {
  text: string;
  script: Script;
  bold?: boolean;
  italic?: boolean;
  change?: ChangeMark;
  from?: RunSource;
  /**
   * A footnote hung on this run: its number through the document and its text. Renderers print the
   * mark after the run's text and the note where their medium puts notes (Word: a real footnote;
   * HTML/PDF: after the block, see html.ts).
   */
  note?: Footnote;
  /** A cross-reference's target id: `text` is already the target's number as laid out. */
  xref?: string;
}

export interface Footnote {
  /** 1, 2, … through the document. */
  n: number;
  runs: Run[];
}

/** Every run of a list of runs with the runs of their footnotes after each. */
export function* withNotes(rs: readonly Run[]): Generator<Run> {
  for (const r of rs) {
    yield r;
    if (r.note) yield* r.note.runs;
  }
}

/** A paragraph-like thing that a comparison can mark as wholly inserted, deleted or moved. */
interface Changeable {
  change?: ChangeMark;
}

/** How a list numbers its items; renderers map it to CSS counters and Word numbering. */
export type Numbering = 'bullet' | 'decimal' | 'decimal-paren' | 'alpha' | 'roman' | 'none';

export interface ListItem extends Changeable {
  runs: Run[];
  /** Further paragraphs inside the item (e.g. a "Recommendation:" label) and nested lists, in order. */
  children: (LayoutParagraph | LayoutList)[];
}

export interface LayoutList extends Sourced {
  kind: 'list';
  numbering: Numbering;
  /** A numbered list's label ("1.", "(a)", "iv."), from the template; renderers map it to counters and Word numbering. */
  label?: LabelStyle;
  /** 0 for a top-level list; renderers indent and pick bullet glyphs by level. */
  level: number;
  items: ListItem[];
}

/**
 * Where a top-level layout block came from: the id of the model block it renders (a leaf block, a
 * session or a section; none for the title). Several consecutive layout blocks may share one source;
 * renderers mark only the first (the HTML as `data-block`, which the preview uses to follow the
 * editor's cursor). Nested list content carries none: it belongs to its top-level block's source.
 */
interface Sourced {
  source?: string;
}

export type ParagraphStyle =
  /** Running text, justified. */
  | 'body'
  /** A short label line that introduces what follows ("Recommendation:", "Questions and Answers"). */
  | 'label'
  /** The disclaimer: set apart, italic where the format says so. */
  | 'note'
  /** A text adopted (a decision, a resolution): set apart, indented on both sides. */
  | 'quote'
  /** A line of its own, never numbered or justified: a letter's reference, addressee, salutation, close. */
  | 'line'
  /** A letter's dateline, at the right. */
  | 'dateline';

export interface LayoutParagraph extends Sourced, Changeable {
  kind: 'paragraph';
  style: ParagraphStyle;
  runs: Run[];
  /** A numbered paragraph's number as printed ("12.", "(c)"): renderers hang the text after it. */
  number?: string;
  /** Keep on the same page as the next block (labels, headings). */
  keepWithNext?: boolean;
}

export interface LayoutHeading extends Sourced, Changeable {
  kind: 'heading';
  /** 1: lettered section ("A. PARTICIPANTS…"); 2: session; 3: group, Q&A heading. */
  level: 1 | 2 | 3;
  runs: Run[];
  /** Starts a new page (an annex's label). */
  pageBreakBefore?: boolean;
}

export interface TitleLine extends Changeable {
  role: TitleLineRole;
  runs: Run[];
  /** Set apart from the centred title block (the template's `titleBlock.align`): a masthead's lines. */
  align?: 'left' | 'right';
}

export interface LayoutTitle extends Sourced {
  kind: 'title';
  lines: TitleLine[];
}

/** One signatory's block of the grid. */
export interface SignatureCell {
  /** 1-based; the PDF box links to `sig:N`, the finisher names field N `field`. */
  index: number;
  /** The signature field's name in the PDF: the role, made unique ("Head of Cambodia Delegation"). */
  field: string;
  /** "For the Government of …" above the signature, when the signatory names the party it signs for. */
  party?: Run[];
  role: Run[];
  name: Run[];
  titleLines: Run[][];
  /** The signature's own place and date, under it. */
  placeDate?: Run[];
}

/** A signature block's lines in reading order: party, role, name, title lines, place and date. */
export function signatureRuns(c: SignatureCell): Run[][] {
  return [...(c.party ? [c.party] : []), c.role, c.name, ...c.titleLines, ...(c.placeDate ? [c.placeDate] : [])];
}

export interface LayoutSignatures extends Sourced {
  kind: 'signatures';
  /** Cells per row (the template's, 1–4); a row never splits across pages. */
  perRow: number;
  cells: SignatureCell[];
}

/** One step of the routing chain: who it is submitted to, where and when, who signs, a space to sign. */
export interface RoutingStepLayout {
  headline: Run[];
  placeDate: Run[];
  signerRole: Run[];
  /** On a signature copy, a step with a named signer has a signature box: `sig:N`, field `name`. */
  field?: { index: number; name: string };
}

export interface LayoutRouting extends Sourced {
  kind: 'routing';
  steps: RoutingStepLayout[];
}

/** A table row: one cell per column, or one cell across them all (`span`, a group's heading). */
export interface TableRowLayout extends Changeable {
  cells: Run[][];
  span?: boolean;
  /** The column headings, repeated on each page the table runs onto. */
  header?: boolean;
}

/** A table (an attendance list): ruled, its column widths in percent of the text width. */
export interface LayoutTable extends Sourced {
  kind: 'table';
  widthsPercent: number[];
  rows: TableRowLayout[];
}

export type LayoutBlock = LayoutTitle | LayoutHeading | LayoutParagraph | LayoutList | LayoutSignatures | LayoutRouting | LayoutTable;

/** A table's lines in reading order: row by row, cell by cell (what text extraction and a Word round trip read). */
export function tableRuns(t: LayoutTable): Run[][] {
  return t.rows.flatMap((r) => r.cells);
}

/** Every line of runs of a block, in reading order (footnotes not included: see `withNotes`). */
export function* blockLines(b: LayoutBlock): Generator<Run[]> {
  function* list(l: LayoutList): Generator<Run[]> {
    for (const it of l.items) {
      yield it.runs;
      for (const c of it.children) {
        if (c.kind === 'list') yield* list(c);
        else yield c.runs;
      }
    }
  }
  if (b.kind === 'title') for (const l of b.lines) yield l.runs;
  else if (b.kind === 'heading' || b.kind === 'paragraph') yield b.runs;
  else if (b.kind === 'list') yield* list(b);
  else if (b.kind === 'signatures') for (const c of b.cells) yield* signatureRuns(c);
  else if (b.kind === 'routing') for (const st of b.steps) yield* [st.headline, st.placeDate, st.signerRole];
  else if (b.kind === 'table') yield* tableRuns(b);
}

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** BCP 47 language of the document. */
  language: string;
  /** Full SHA-256 (hex) of the canonical content. */
  fingerprint: string;
  /** The printed short form, e.g. "3f2a 9c01 77be 0d54". */
  fingerprintShort: string;
  /** ISO date of the meeting's last day (the PDF creation date is the export time). */
  date: string;
}

export interface PageFurniture {
  /** Portrait; size and margins in millimetres (top, right, bottom, left). */
  page: { size: 'A4' | 'Letter'; widthMm: number; heightMm: number; marginsMm: [number, number, number, number] };
  /** "Page {page} of {pages}": renderers substitute their own page fields. */
  pageLabel: { before: string; between: string; after: string };
  /** Whether the footer prints `pageLabel`. */
  pageNumbers: boolean;
  /** Printed in the footer on every page; '' for none. */
  fingerprintLabel: string;
  /** A classification marking ("CONFIDENTIAL") at the top and foot of every page. */
  marking?: string;
  /** The document symbol at the top left of every page. */
  symbol?: string;
  /** Printed on every page while the minutes are not sealed; undefined once sealed. */
  draftMark: string | undefined;
}

/** What a comparison's redline prints before the minutes (and DOCX in the page header). */
export interface ComparisonNote {
  /** "Comparison of Draft 1 and revision 7". */
  heading: string;
  /** How changes are shown. */
  legend: string;
  /** Changes the minutes do not print as words (a date, a kind, an unprinted field): "venue.name: A → B". */
  notes: string[];
}

/** The template's geometry and typography, which both renderers read (never their own constants). */
export interface LayoutStyle {
  typography: FormatTemplate['typography'];
  signatures: Pick<FormatTemplate['signatures'], 'perRow' | 'boxHeightMm' | 'roleHeightMm' | 'columnGapMm' | 'rowGapMm'>;
  routing: FormatTemplate['routingLayout'];
  listIndentMm: number;
  paragraphIndentMm: number;
}

export interface LayoutDocument {
  meta: DocumentMeta;
  style: LayoutStyle;
  /** Present on a comparison's redline only. */
  comparison?: ComparisonNote;
  furniture: PageFurniture;
  blocks: LayoutBlock[];
  /** Every script used by the text, Latin always included: renderers load only these fonts. */
  scripts: Script[];
}
