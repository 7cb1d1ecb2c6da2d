import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeightRule,
  LevelFormat,
  Packer,
  DeletedTextRun,
  ImportedXmlComponent,
  InsertedTextRun,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { ChangeMark, LabelStyle, LayoutBlock, LayoutDocument, LayoutList, LayoutParagraph, LayoutStyle, Run, Script, SignatureCell } from '../../../shared/format';
import { SCRIPTS, blockLines, labelParts, signatureRuns, tableRuns } from '../../../shared/format';
import { fontSfnt } from '../fonts';
import { type PlacedComments, type ReviewThread, placeComments } from './review';
import { bookmarkName, bookmarkPartName } from '../../../shared/review/bookmarks';

/**
 * Layout tree → Word document (docx 9). Mechanical, like the HTML renderer:
 * the same blocks, the same words. Word-specific choices live here and only
 * here: real numbering definitions for lists (so Word renumbers and indents
 * them), PAGE/NUMPAGES fields in the footer, a borderless table for the
 * signature grid with fixed-height boxes, complex-script fonts (`w:rFonts
 * w:cs`) and languages (`w:lang w:bidi`) on Khmer, Lao and Burmese runs. Sizes, margins, columns
 * and labels come from the format template, through the layout (`layout.style`, `layout.furniture`).
 */

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE } as const;
const BOX = { style: BorderStyle.SINGLE, size: 4, color: '777777' } as const;

/** Word's language tags for complex-script runs. */
const WORD_LANG: Record<string, string> = { km: 'km-KH', lo: 'lo-LA', my: 'my-MM', th: 'th-TH' };

/**
 * Numbers Word's revisions (w:ins, w:del, w:moveFrom, w:moveTo, w:rPrChange, paragraph marks): ids
 * must be unique in the document. One per rendering. Knows, for each move, its first and last run on
 * each side, where the move's range markers go.
 */
class Revisions {
  /** Comments take ids 0…k-1 (their ranges share the annotation id space); revisions and bookmarks follow. */
  constructor(private n = 0) {}
  /** The review copy's comment markers around runs (docx/review.ts). */
  markers: PlacedComments['markers'] = new Map();
  next(): number {
    return ++this.n;
  }
  private readonly moveNames = new Map<string, string>();
  private readonly ends = new Map<string, { first: Run; last: Run; id: number }>();

  attrs(c: ChangeMark) {
    return { id: this.next(), author: c.author, date: c.date };
  }

  /** Finds every move's first and last run, in the order the document is written. */
  scan(blocks: readonly LayoutBlock[]): void {
    for (const r of documentRuns(blocks)) {
      const key = moveKey(r.change);
      if (!key) continue;
      const e = this.ends.get(key);
      if (e) e.last = r;
      else this.ends.set(key, { first: r, last: r, id: 0 });
    }
  }

  /** The markers around a moved run: the range's start before its first run, its end after its last. */
  moveRange(r: Run): { start?: ParagraphChild; end?: ParagraphChild } {
    const key = moveKey(r.change);
    const e = key ? this.ends.get(key) : undefined;
    if (!e || !r.change?.move) return {};
    const side = r.change.kind === 'movedFrom' ? 'moveFrom' : 'moveTo';
    let name = this.moveNames.get(r.change.move);
    if (!name) this.moveNames.set(r.change.move, (name = `move${this.moveNames.size + 1}`));
    const out: { start?: ParagraphChild; end?: ParagraphChild } = {};
    if (e.first === r) {
      e.id = this.next();
      out.start = new ImportedXmlComponent(`w:${side}RangeStart`, { 'w:id': e.id, 'w:author': r.change.author, 'w:date': r.change.date, 'w:name': name }) as unknown as ParagraphChild;
    }
    if (e.last === r) out.end = new ImportedXmlComponent(`w:${side}RangeEnd`, { 'w:id': e.id }) as unknown as ParagraphChild;
    return out;
  }
}
const moveKey = (c: ChangeMark | undefined) => (c?.move && (c.kind === 'movedFrom' || c.kind === 'movedTo') ? `${c.kind}\u0000${c.move}` : undefined);

/** Every run in the order renderDocx writes them. */
function* documentRuns(blocks: readonly LayoutBlock[]): Generator<Run> {
  function* list(l: LayoutList): Generator<Run> {
    for (const it of l.items) {
      yield* it.runs;
      for (const c of it.children) yield* c.kind === 'list' ? list(c) : c.runs;
    }
  }
  for (const b of blocks) {
    if (b.kind === 'title') for (const l of b.lines) yield* l.runs;
    else if (b.kind === 'heading' || b.kind === 'paragraph') yield* b.runs;
    else if (b.kind === 'list') yield* list(b);
    else if (b.kind === 'signatures') for (const c of b.cells) for (const rs of signatureRuns(c)) yield* rs;
    else if (b.kind === 'table') for (const rs of tableRuns(b)) yield* rs;
    else for (let i = 0; i < b.steps.length; i++) for (const rs of [b.steps[i]!.headline, b.steps[i]!.placeDate, b.steps[i]!.signerRole]) yield* rs;
  }
}

/** A revision element docx has no class for (w:moveFrom, w:moveTo): docx's w:ins, renamed. Same content model. */
function renamed<T extends object>(component: T, element: string): T {
  (component as unknown as { rootKey: string }).rootKey = element;
  return component;
}

/** Word's run properties for a run's marks and script (only what differs from the document defaults). */
function runProps(r: Run, marks: { bold?: boolean | undefined; italic?: boolean | undefined }, extra: { size?: number }) {
  const info = SCRIPTS[r.script];
  const family = info.family;
  return {
    // Only what differs from the document defaults (Latin font in every slot, regular weight): a
    // 200-page document has tens of thousands of runs, and each property is XML to write and zip.
    ...(marks.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(marks.italic ? { italics: true, italicsComplexScript: true } : {}),
    // Complex scripts: the same family in every slot. Word picks the slot by character class (Khmer,
    // Lao and Burmese are complex scripts and use `cs`), LibreOffice by its Western/CTL split; both
    // then find the right font.
    ...(r.script !== 'latin' ? { font: { ascii: family, hAnsi: family, cs: family, eastAsia: family } } : {}),
    ...(info.lang ? { language: { bidirectional: WORD_LANG[info.lang] ?? info.lang } } : {}),
    ...(extra.size ? { size: extra.size * 2, sizeComplexScript: extra.size * 2 } : {}),
  };
}

/**
 * One run; in a comparison's redline, a real Word revision: inserted text as w:ins, deleted as w:del,
 * moved text as w:moveFrom / w:moveTo inside named move ranges (a reader without move support treats
 * them as a deletion and an insertion), a formatting change as w:rPrChange holding the old marks.
 */
function textRun(r: Run, extra: { size?: number }, rev: Revisions): ParagraphChild[] {
  const m = rev.markers.get(r);
  return m ? [...m.before, ...changedRun(r, extra, rev), ...m.after] : changedRun(r, extra, rev);
}
function changedRun(r: Run, extra: { size?: number }, rev: Revisions): ParagraphChild[] {
  const props = { text: r.text, ...runProps(r, r, extra) };
  const c = r.change;
  if (!c) return [new TextRun(props)];
  if (c.kind === 'inserted') return [new InsertedTextRun({ ...props, ...rev.attrs(c) })];
  if (c.kind === 'deleted') return [new DeletedTextRun({ ...props, ...rev.attrs(c) })];
  if (c.kind === 'movedFrom' || c.kind === 'movedTo') {
    const { start, end } = rev.moveRange(r);
    const run = renamed(new InsertedTextRun({ ...props, ...rev.attrs(c) }), c.kind === 'movedFrom' ? 'w:moveFrom' : 'w:moveTo');
    return [...(start ? [start] : []), run, ...(end ? [end] : [])];
  }
  const before = c.before ?? { bold: false, italic: false };
  // The old marks stated explicitly ("not bold" too), so that w:rPrChange always holds the w:rPr the
  // schema requires, even when the text was plain.
  const was = { bold: before.bold, boldComplexScript: before.bold, italics: before.italic, italicsComplexScript: before.italic };
  return [new TextRun({ ...props, revision: { ...runProps(r, before, extra), ...was, ...rev.attrs(c) } })];
}
/** A run, then its footnote's reference when it has one (the note itself is one of the document's `footnotes`). */
const runs = (rs: readonly Run[], rev: Revisions, extra: { size?: number } = {}): ParagraphChild[] =>
  rs.flatMap((r) => (r.note ? [...textRun(r, extra, rev), new FootnoteReferenceRun(r.note.n)] : textRun(r, extra, rev)));

/** The document's footnotes, by number: real Word footnotes, which Word places at the foot of their page. */
function footnotes(blocks: readonly LayoutBlock[], size: number, rev: Revisions): Record<string, { children: Paragraph[] }> {
  const out: Record<string, { children: Paragraph[] }> = {};
  for (const b of blocks) {
    for (const line of blockLines(b)) {
      for (const r of line) if (r.note) out[String(r.note.n)] = { children: [new Paragraph({ children: runs(r.note.runs, rev, { size }) })] };
    }
  }
  return out;
}

/** A paragraph wholly inserted or deleted in a redline: its paragraph mark is a revision too (w:pPr/w:rPr/w:ins). */
function paragraphMark(c: ChangeMark | undefined, rev: Revisions) {
  if (!c) return {};
  if (c.kind === 'inserted' || c.kind === 'movedTo') return { run: { insertion: rev.attrs(c) } };
  if (c.kind === 'deleted' || c.kind === 'movedFrom') return { run: { deletion: rev.attrs(c) } };
  return {};
}

/**
 * The fonts of the scripts the document uses, embedded (Word: `w:embedTrueTypeFonts`, as .odttf parts;
 * LibreOffice reads them too): a Lao official's Word without Khmer fonts still shows the Cambodian
 * signatory's name. One file per face, so for Latin the main subset (fontsource's "latin", listed first).
 */
function embeddedFonts(scripts: readonly Script[]) {
  return scripts.map((script) => {
    const { family, files } = SCRIPTS[script];
    const face = (weight: 400 | 700, style: 'normal' | 'italic') => {
      const f = files.find((x) => x.weight === weight && x.style === style);
      return f ? fontSfnt(f.file) : undefined;
    };
    const [bold, italic, boldItalic] = [face(700, 'normal'), face(400, 'italic'), face(700, 'italic')];
    return { name: family, data: face(400, 'normal')!, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...(boldItalic ? { boldItalic } : {}) };
  });
}

/**
 * Paragraph styles for the running text, so that each of thousands of paragraphs names its style
 * instead of repeating alignment and spacing (smaller XML, faster export), and so that a Word user
 * restyles all body text at once, as Word users expect.
 */
const PARAGRAPH_STYLE: Record<LayoutParagraph['style'], string> = {
  body: 'MinutaBody',
  label: 'MinutaLabel',
  note: 'MinutaNote',
  quote: 'MinutaQuote',
  line: 'MinutaLine',
  dateline: 'MinutaDateline',
};
const LIST_ITEM_STYLE = 'MinutaListItem';
const PARAGRAPH_STYLES = [
  { id: 'MinutaBody', name: 'Minutes body', basedOn: 'Normal', quickFormat: true, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: 120 } } },
  { id: 'MinutaLabel', name: 'Minutes label', basedOn: 'Normal', paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 120, after: 60 } } },
  { id: 'MinutaNote', name: 'Minutes note', basedOn: 'Normal', paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 240, after: 120 } } },
  // A text adopted, set apart: indented 10 mm (567 twips) on both sides, as the HTML's .p-quote.
  { id: 'MinutaQuote', name: 'Minutes adopted text', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { left: 567, right: 567 }, spacing: { before: 0, after: 120 } } },
  // A letter's lines (as the HTML's .p-line, .p-dateline): 3 pt and 9 pt after.
  { id: 'MinutaLine', name: 'Minutes letter line', basedOn: 'Normal', paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 60 } } },
  { id: 'MinutaDateline', name: 'Minutes dateline', basedOn: 'Normal', paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: 0, after: 180 } } },
  { id: LIST_ITEM_STYLE, name: 'Minutes list item', basedOn: 'Normal', quickFormat: true, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 60 } } },
];

/** The letter's two styles only in a document that has a letter: every other document keeps the styles it always had. */
function paragraphStyles(blocks: readonly LayoutBlock[]) {
  const used = new Set(blocks.flatMap((b) => (b.kind === 'paragraph' ? [PARAGRAPH_STYLE[b.style]] : [])));
  return PARAGRAPH_STYLES.filter((s) => (s.id !== 'MinutaLine' && s.id !== 'MinutaDateline') || used.has(s.id));
}

/**
 * One numbering definition for bullets and one per label style ("1.", "(a)", …); each list gets its own
 * instance so that numbering restarts per list. The seeds' two styles keep their historical names.
 */
type ListKind = 'bullet' | LabelStyle;
const numberingRef = (kind: ListKind) =>
  kind === 'bullet' ? 'minuta-bullet' : kind === '1.' ? 'minuta-decimal' : kind === '1)' ? 'minuta-decimal-paren' : `minuta-label-${kind.replace(/[^a-zA-Z0-9]/g, '_')}`;
/** A list's kind: bullets, or its label (a numbered list without one is the model's default, "1." or "1)"). */
const listKind = (l: LayoutList): ListKind | undefined =>
  l.numbering === 'none' ? undefined : l.numbering === 'bullet' ? 'bullet' : (l.label ?? (l.numbering === 'decimal' ? '1.' : '1)'));
const WORD_FORMAT = { '1': LevelFormat.DECIMAL, a: LevelFormat.LOWER_LETTER, A: LevelFormat.UPPER_LETTER, i: LevelFormat.LOWER_ROMAN, I: LevelFormat.UPPER_ROMAN } as const;

function levels(kind: ListKind, indentMm: number) {
  return [0, 1, 2, 3, 4, 5, 6, 7, 8].map((level) => {
    // Room for the label: the seeds' "1." and "1)" in 5 mm; wider labels ("(iv)", "viii.") in 8 mm.
    const hangingMm = kind === 'bullet' || kind === '1.' || kind === '1)' ? 5 : 8;
    const indent = { left: convertMillimetersToTwip(Math.max(indentMm * (level + 1), hangingMm)), hanging: convertMillimetersToTwip(hangingMm) };
    if (kind === 'bullet') {
      return {
        level,
        format: LevelFormat.BULLET,
        text: level % 2 === 0 ? '•' : '–',
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent }, run: { font: SCRIPTS.latin.family } },
      };
    }
    const { before, kind: counter, after } = labelParts(kind);
    return {
      level,
      format: WORD_FORMAT[counter],
      text: `${before}%${level + 1}${after}`,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent } },
    };
  });
}

class DocxBuilder {
  private instance = 0;
  readonly children: (Paragraph | Table)[] = [];
  /** Every paragraph in the order made, so that a block's bookmark can wrap the paragraphs it made. */
  private readonly made: Paragraph[] = [];
  constructor(
    readonly rev: Revisions,
    private readonly bookmarks: boolean,
    private readonly style: LayoutStyle,
    /** The width between the page margins, in twips. */
    private readonly contentWidth: number,
  ) {}

  private p(options: ConstructorParameters<typeof Paragraph>[0]): Paragraph {
    const p = new Paragraph(options);
    this.made.push(p);
    return p;
  }

  /**
   * A review copy anchors each model block: a bookmark named for its id from the start of the block's
   * first paragraph to the end of its last (so a reviewed copy can be matched back, block by block).
   * docx's Bookmark wraps runs of one paragraph only; a range over paragraphs is written as markers.
   */
  private bookmark(source: string, from: number, inTable: boolean): void {
    const made = this.made.slice(from);
    if (!this.bookmarks || made.length === 0) return;
    const children = (p: Paragraph) => (p as unknown as { root: unknown[] }).root;
    const mark = (first: Paragraph, last: Paragraph, name: string) => {
      const id = this.rev.next();
      // root[0] is the paragraph's properties (w:pPr), which must stay first.
      children(first).splice(1, 0, new BookmarkStart(name, id));
      children(last).push(new BookmarkEnd(id));
    };
    // A table's paragraphs are marked one by one (bookmarkPartName says why).
    if (inTable) made.forEach((p, n) => mark(p, p, bookmarkPartName(source, n)));
    else mark(made[0]!, made.at(-1)!, bookmarkName(source));
  }

  paragraph(p: LayoutParagraph, indentLevel?: number): Paragraph {
    // A numbered paragraph: its number, a tab, and the text hanging after it.
    const hang = convertMillimetersToTwip(this.style.paragraphIndentMm);
    const numbered = p.number !== undefined ? { indent: { left: hang, hanging: hang }, tabStops: [{ type: TabStopType.LEFT, position: hang }] } : {};
    return this.p({
      children: [...(p.number !== undefined ? [new TextRun({ text: p.number }), new TextRun({ text: '\t' })] : []), ...runs(p.runs, this.rev)],
      ...paragraphMark(p.change, this.rev),
      style: PARAGRAPH_STYLE[p.style],
      ...(p.keepWithNext ? { keepNext: true } : {}),
      ...numbered,
      ...(indentLevel !== undefined ? { indent: { left: convertMillimetersToTwip(this.style.listIndentMm * indentLevel) } } : {}),
    });
  }

  list(l: LayoutList, out: (Paragraph | Table)[]): void {
    const kind = listKind(l);
    const instance = ++this.instance;
    for (const item of l.items) {
      out.push(
        this.p({
          children: runs(item.runs, this.rev),
          ...paragraphMark(item.change, this.rev),
          style: LIST_ITEM_STYLE,
          ...(kind
            ? { numbering: { reference: numberingRef(kind), level: Math.min(l.level, 8), instance } }
            : { indent: { left: convertMillimetersToTwip(this.style.listIndentMm * (l.level + 1)) } }),
          // An item that only introduces nested items ("Implementation by country:") stays with them.
          ...(item.runs.length > 0 && item.children.length > 0 && item.runs.every((r) => r.bold) ? { keepNext: true } : {}),
        }),
      );
      for (const c of item.children) {
        if (c.kind === 'list') this.list(c, out);
        else out.push(this.paragraph(c, l.level + 1));
      }
    }
  }

  block(b: LayoutBlock): void {
    const from = this.made.length;
    this.layoutBlock(b);
    if (b.source !== undefined) this.bookmark(b.source, from, b.kind === 'signatures' || b.kind === 'routing' || b.kind === 'table');
  }

  private layoutBlock(b: LayoutBlock): void {
    switch (b.kind) {
      case 'title':
        for (const line of b.lines) {
          const size = this.style.typography.titleSizesPt[line.role];
          this.children.push(
            this.p({
              children: runs(line.runs, this.rev, size ? { size } : {}),
              ...paragraphMark(line.change, this.rev),
              alignment: line.align === 'left' ? AlignmentType.LEFT : line.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
              spacing: { after: 100, before: line.role === 'date' ? 160 : 0 },
              keepNext: true,
            }),
          );
        }
        this.children.push(this.p({ children: [], spacing: { after: 120 } }));
        break;
      case 'heading':
        this.children.push(
          this.p({
            children: runs(b.runs, this.rev, { size: this.style.typography.headingSizesPt[b.level - 1] }),
            ...paragraphMark(b.change, this.rev),
            spacing: { before: b.level === 1 ? 280 : 200, after: 120 },
            keepNext: true,
            keepLines: true,
            ...(b.pageBreakBefore ? { pageBreakBefore: true } : {}),
          }),
        );
        break;
      case 'table':
        this.children.push(this.table(b));
        break;
      case 'paragraph':
        this.children.push(this.paragraph(b));
        break;
      case 'list':
        this.list(b, this.children);
        break;
      case 'signatures':
        this.children.push(this.signatures(b));
        break;
      case 'routing':
        this.children.push(this.routing(b));
        break;
    }
  }

  /**
   * The signature grid: one borderless table row per line of blocks, one cell per signatory holding,
   * in reading order, its role, the box, the name and the title lines (so that text extraction, screen
   * readers and copy-paste read one signatory at a time). Role and box sit in a small nested table: the
   * role row has a minimum height of two lines, bottom-aligned, so that boxes line up when a role
   * wraps; the box row has an exact height and is the only bordered thing. Rows cannot split.
   */
  private signatures(b: Extract<LayoutBlock, { kind: 'signatures' }>): Table {
    const geometry = this.style.signatures;
    const width = Math.floor(this.contentWidth / b.perRow);
    // Half the column gap on each side of a block.
    const margin = convertMillimetersToTwip(geometry.columnGapMm / 2);
    const inner = width - 2 * margin;
    const centred = (children: ParagraphChild[], keepNext: boolean) =>
      this.p({ children, alignment: AlignmentType.CENTER, keepNext, keepLines: true, spacing: { after: 40 } });
    // A party line ("For the Government of …") sits above the role in the same bottom-aligned row,
    // which then has room for two lines of each, so that the boxes of a row still line up.
    const withParty = b.cells.some((c) => c.party);
    const roleAndBox = (c: SignatureCell) =>
      new Table({
        width: { size: inner, type: WidthType.DXA },
        columnWidths: [inner],
        layout: TableLayoutType.FIXED,
        borders: NO_BORDERS,
        rows: [
          new TableRow({
            cantSplit: true,
            height: { value: convertMillimetersToTwip(geometry.roleHeightMm * (withParty ? 2 : 1)), rule: HeightRule.ATLEAST },
            children: [
              new TableCell({
                width: { size: inner, type: WidthType.DXA },
                borders: NO_BORDERS,
                verticalAlign: VerticalAlignTable.BOTTOM,
                children: [...(c.party ? [centred(runs(c.party, this.rev), true)] : []), centred(runs(c.role, this.rev), true)],
              }),
            ],
          }),
          new TableRow({
            cantSplit: true,
            height: { value: convertMillimetersToTwip(geometry.boxHeightMm), rule: HeightRule.EXACT },
            children: [new TableCell({ width: { size: inner, type: WidthType.DXA }, borders: { top: BOX, bottom: BOX, left: BOX, right: BOX }, children: [centred([], true)] })],
          }),
        ],
      });
    const rows: TableRow[] = [];
    for (let i = 0; i < b.cells.length; i += b.perRow) {
      const line = b.cells.slice(i, i + b.perRow);
      rows.push(
        new TableRow({
          cantSplit: true,
          children: Array.from({ length: b.perRow }, (_, col) => {
            const c = line[col];
            const children: (Paragraph | Table)[] = c
              ? [
                  roleAndBox(c),
                  this.p({ children: runs(c.name, this.rev), alignment: AlignmentType.CENTER, keepLines: true, spacing: { before: 60, after: 40 } }),
                  ...c.titleLines.map((l) => centred(runs(l, this.rev, { size: this.style.typography.signatureTitleSizePt }), false)),
                  ...(c.placeDate ? [centred(runs(c.placeDate, this.rev), false)] : []),
                ]
              : [centred([], false)];
            return new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins: { left: margin, right: margin, bottom: convertMillimetersToTwip(6) },
              borders: NO_BORDERS,
              children,
            });
          }),
        }),
      );
    }
    return new Table({
      rows,
      width: { size: width * b.perRow, type: WidthType.DXA },
      columnWidths: Array.from({ length: b.perRow }, () => width),
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
    });
  }

  /**
   * A ruled table (an attendance list): fixed column widths in the template's proportions, a group's
   * heading as one cell across the columns, the heading row repeated on each page; rows do not split.
   */
  private table(b: Extract<LayoutBlock, { kind: 'table' }>): Table {
    const widths = b.widthsPercent.map((p) => Math.floor((this.contentWidth * p) / 100));
    const total = widths.reduce((a, w) => a + w, 0);
    const rule = { style: BorderStyle.SINGLE, size: 4, color: '777777' } as const;
    const cell = (rs: Run[], width: number, change: ChangeMark | undefined, span?: number) =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        ...(span ? { columnSpan: span, shading: { fill: 'EEEEEE' } } : {}),
        margins: { left: convertMillimetersToTwip(2), right: convertMillimetersToTwip(2), top: convertMillimetersToTwip(1), bottom: convertMillimetersToTwip(1) },
        children: [this.p({ children: runs(rs, this.rev), ...paragraphMark(change, this.rev), spacing: { after: 0 } })],
      });
    return new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
      rows: b.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            ...(r.header ? { tableHeader: true } : {}),
            children: r.span ? [cell(r.cells[0] ?? [], total, r.change, widths.length)] : r.cells.map((c, i) => cell(c, widths[i] ?? 0, r.change)),
          }),
      ),
    });
  }

  /**
   * The routing chain: steps side by side, two per row; under each, a space to sign (a row of fixed
   * height whose cells have a dotted bottom border). Rows cannot split and keep with the next.
   */
  private routing(b: Extract<LayoutBlock, { kind: 'routing' }>): Table {
    const gap = convertMillimetersToTwip(this.style.routing.columnGapMm);
    const width = Math.floor((this.contentWidth - gap) / 2);
    const columnWidths = [width, gap, width];
    const dotted = { style: BorderStyle.DOTTED, size: 4, color: '777777' } as const;
    const rows: TableRow[] = [];
    for (let i = 0; i < b.steps.length; i += 2) {
      const pair = b.steps.slice(i, i + 2);
      const at = (col: number) => (col % 2 === 0 ? pair[col / 2] : undefined);
      const empty = (w: number, keepNext: boolean) =>
        new TableCell({ width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS, children: [this.p({ children: [], keepNext })] });
      rows.push(
        new TableRow({
          cantSplit: true,
          children: columnWidths.map((w, col) => {
            const s = at(col);
            if (!s) return empty(w, true);
            return new TableCell({
              width: { size: w, type: WidthType.DXA },
              borders: NO_BORDERS,
              children: [
                this.p({ children: runs(s.headline, this.rev), keepNext: true, keepLines: true, spacing: { after: 60 } }),
                this.p({ children: runs(s.placeDate, this.rev), keepNext: true, spacing: { after: 60 } }),
                this.p({ children: runs(s.signerRole, this.rev), keepNext: true }),
              ],
            });
          }),
        }),
        new TableRow({
          cantSplit: true,
          height: { value: convertMillimetersToTwip(this.style.routing.spaceMm), rule: HeightRule.EXACT },
          children: columnWidths.map((w, col) =>
            at(col)
              ? new TableCell({ width: { size: w, type: WidthType.DXA }, borders: { ...NO_BORDERS, bottom: dotted }, children: [this.p({ children: [] })] })
              : empty(w, false),
          ),
        }),
      );
    }
    return new Table({
      rows,
      width: { size: width * 2 + gap, type: WidthType.DXA },
      columnWidths,
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
    });
  }
}

/** The numbering definitions a document needs: bullets and the seeds' "1." and "1)" always, then the other label styles its lists use. */
function listKinds(blocks: readonly LayoutBlock[]): ListKind[] {
  const kinds = new Set<ListKind>(['bullet', '1.', '1)']);
  const walk = (l: LayoutList) => {
    const k = listKind(l);
    if (k) kinds.add(k);
    l.items.forEach((it) => it.children.forEach((c) => c.kind === 'list' && walk(c)));
  };
  blocks.forEach((b) => b.kind === 'list' && walk(b));
  return [...kinds];
}

/** Unprinted changes listed in a comparison's first-page header; the rest are counted. */
const MAX_HEADER_NOTES = 12;

export interface DocxOptions {
  now?: Date;
  /** More custom document properties (a signature copy's meeting id, version and state). */
  properties?: readonly { name: string; value: string }[];
  /**
   * A review copy: a bookmark per block, the comment threads as Word comments (docx/review.ts), and
   * custom document properties naming what the copy was made from.
   */
  review?: { threads: readonly ReviewThread[]; properties: { name: string; value: string }[] };
}

// The block bookmark's name is shared with the mapper that reads a reviewed copy back (one rule).
export { bookmarkName };

export async function renderDocx(layout: LayoutDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const review = options.review;
  const placed = review ? placeComments(layout.blocks, review.threads) : undefined;
  const { meta, furniture, style } = layout;
  const [top, right, bottom, left] = furniture.page.marginsMm;
  const page = { width: convertMillimetersToTwip(furniture.page.widthMm), height: convertMillimetersToTwip(furniture.page.heightMm) };
  const contentWidth = page.width - convertMillimetersToTwip(left + right);
  const builder = new DocxBuilder(new Revisions(placed?.comments.length ?? 0), review !== undefined, style, contentWidth);
  if (placed) builder.rev.markers = placed.markers;
  builder.rev.scan(layout.blocks);
  // Space before the routing chain and the signature grid, as in the HTML (margins there, paragraphs here).
  for (const b of layout.blocks) {
    if (b.kind === 'signatures' || b.kind === 'routing') builder.children.push(new Paragraph({ children: [], spacing: { after: 120 }, keepNext: true }));
    builder.block(b);
    // Space after a table, as the HTML's margin: Word sets the next paragraph right under its last row.
    if (b.kind === 'table') builder.children.push(new Paragraph({ children: [], spacing: { after: 0 } }));
  }
  const latin = SCRIPTS.latin.family;
  const ty = style.typography;
  const small = (text: string, size: number, extra: { bold?: boolean; color?: string } = {}) =>
    new TextRun({ text, size: size * 2, font: latin, ...extra });

  const marking = () => (furniture.marking ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [small(furniture.marking, ty.markSizePt, { bold: true })] })] : []);
  const footer = new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }],
        children: [
          ...(furniture.fingerprintLabel ? [small(furniture.fingerprintLabel, ty.fingerprintSizePt, { color: '555555' })] : []),
          ...(furniture.pageNumbers
            ? [
                new TextRun({
                  size: ty.pageNumberSizePt * 2,
                  font: latin,
                  children: ['\t', furniture.pageLabel.before, PageNumber.CURRENT, furniture.pageLabel.between, PageNumber.TOTAL_PAGES, furniture.pageLabel.after],
                }),
              ]
            : []),
        ],
      }),
      ...marking(),
    ],
  });
  // The page header: the document symbol (left), the classification marking (centre), the draft mark (right).
  const draft = () => [
    ...(furniture.symbol ? [new Paragraph({ alignment: AlignmentType.LEFT, children: [small(furniture.symbol, ty.pageNumberSizePt)] })] : []),
    ...marking(),
    ...(furniture.draftMark ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [small(furniture.draftMark, ty.markSizePt, { bold: true, color: 'B00020' })] })] : []),
  ];
  const header = furniture.draftMark || furniture.marking || furniture.symbol ? new Header({ children: draft() }) : undefined;
  // A comparison says what it compares in the page header (the first page also how changes look and
  // what changed unprinted), so that the body is the minutes alone: accepting every change gives
  // the newer version, rejecting every change the older.
  const note = layout.comparison;
  const comparisonHeaders = note
    ? {
        default: new Header({ children: [...draft(), new Paragraph({ children: [small(note.heading, 9, { bold: true })] })] }),
        first: new Header({
          children: [
            ...draft(),
            new Paragraph({ children: [small(note.heading, 10, { bold: true })] }),
            new Paragraph({ children: [small(note.legend, 8)] }),
            ...note.notes.slice(0, MAX_HEADER_NOTES).map((n) => new Paragraph({ children: [small(`• ${n}`, 8)] })),
            ...(note.notes.length > MAX_HEADER_NOTES ? [new Paragraph({ children: [small(`and ${note.notes.length - MAX_HEADER_NOTES} more`, 8)] })] : []),
          ],
        }),
      }
    : undefined;

  const doc = new Document({
    fonts: embeddedFonts(layout.scripts),
    creator: meta.author,
    lastModifiedBy: meta.author,
    title: meta.title,
    subject: meta.subject,
    keywords: meta.keywords.join('; '),
    description: `Fingerprint (SHA-256 of the canonical content): ${meta.fingerprint}`,
    customProperties: [
      { name: 'MinutaFingerprint', value: meta.fingerprint },
      { name: 'MinutaDraft', value: furniture.draftMark ? 'true' : 'false' },
      ...(options.properties ?? []),
      ...(review?.properties ?? []),
    ],
    ...(placed && placed.comments.length > 0 ? { comments: { children: placed.comments } } : {}),
    footnotes: footnotes(layout.blocks, ty.footnoteSizePt, builder.rev),
    styles: {
      default: {
        document: {
          run: { font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: latin }, size: ty.baseSizePt * 2, sizeComplexScript: ty.baseSizePt * 2 },
          paragraph: { spacing: { line: 276 } },
        },
      },
      paragraphStyles: paragraphStyles(layout.blocks),
    },
    numbering: {
      config: listKinds(layout.blocks).map((k) => ({ reference: numberingRef(k), levels: levels(k, style.listIndentMm) })),
    },
    sections: [
      {
        properties: {
          ...(note ? { titlePage: true } : {}),
          page: {
            size: page,
            margin: {
              top: convertMillimetersToTwip(top),
              right: convertMillimetersToTwip(right),
              bottom: convertMillimetersToTwip(bottom),
              left: convertMillimetersToTwip(left),
              header: convertMillimetersToTwip(10),
              footer: convertMillimetersToTwip(10),
            },
          },
        },
        headers: comparisonHeaders ?? (header ? { default: header } : {}),
        footers: { default: footer },
        children: builder.children,
      },
    ],
  });
  void options.now; // docx stamps its own creation time; kept in the signature for a later reproducible mode.
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
