import type { Annex, Block, Bullet, LeafBlock, Meeting, RichText, Signatory, Statement } from '../minutes';
import { VOTE_LISTS, documentBlocks, organisationShortName, personDisplayName, richTextToString } from '../minutes';
import { fill, fillRuns, hasText, isBlank, joinParts, joinRuns } from './compose';
import { fingerprint, shortFingerprint } from './fingerprint';
import { decisionHeading, outcomeSentence, voteLines } from './decision';
import type {
  LayoutBlock,
  LayoutDocument,
  LayoutList,
  LayoutParagraph,
  ListItem,
  Numbering,
  ParagraphStyle,
  Run,
  SignatureCell,
  TableRowLayout,
  TitleLine,
} from './layout';
import { blockLines, signatureRuns, tableRuns, withNotes } from './layout';
import { ALL_SCRIPTS, type Script, splitByScript } from './scripts';
import { AGREED_FORMAT, FORMAT_TEMPLATES, type FormatTemplate, type LabelStyle, PAGE_SIZES, type TitleLineRole, counterText, formatLabel, templateFor, templateProblems } from './template';
import { MinutaError, excerpt, listProblems } from '../errors';

/**
 * The agreed format: the one module that knows how minutes look. It turns a
 * minutes model into the layout tree; the HTML and DOCX renderers only map
 * that tree. Every word the format adds (section letters, "Session 1: ",
 * "Question (UN Women)", "Submitted to …, for information", dates written
 * out, the footer) comes from the template below — data, not code.
 *
 * Words around data are printed only when the data exists (compose.ts): in the template, a part in
 * square brackets is left out when a value it names is blank ("Answer[ ({label})]").
 */

export type { DecisionWords, FormatTemplate } from './template';
export { AGREED_FORMAT } from './template';

/** A clean signature copy of one named version (see src/main/export/signatureCopy.ts). */
export interface SignatureCopyInfo {
  versionName: string;
  state: 'approved' | 'sealed';
  /** The audit chain's head when the copy was made (sealed copies print it). */
  auditHead?: { hash: string; length: number };
}

export interface FormatOptions {
  /** Sealed minutes carry no draft mark. Sealing comes later; until then this is an option. */
  sealed?: boolean;
  /**
   * A signature copy: no draft mark, the version in the footer, a closing note with the full
   * fingerprint (and the audit head), and a signature box for every routing step that names a signer.
   */
  copy?: SignatureCopyInfo;
  /** The PDF/DOCX author property. */
  author?: string;
  template?: FormatTemplate;
  /**
   * Runs of model text carry where they come from (`Run.from`): for mapping a reviewed copy back onto
   * the fields (src/shared/review/fromDocx.ts). Off for every export: renderers ignore it anyway.
   */
  provenance?: boolean;
}

/** "24 May 2018". */
export function writeDate(iso: string, t: FormatTemplate = AGREED_FORMAT): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${t.months[m - 1]} ${y}`;
}

/** "24-25 May 2018", "30 May-2 June 2019", "30 December 2019-2 January 2020", "24 May 2018". */
export function writeDateRange(start: string, end: string, t: FormatTemplate = AGREED_FORMAT): string {
  if (start === end) return writeDate(start, t);
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2] = end.split('-').map(Number) as [number, number, number];
  if (y1 === y2 && m1 === m2) return `${d1}-${writeDate(end, t)}`;
  if (y1 === y2) return `${d1} ${t.months[m1 - 1]}-${writeDate(end, t)}`;
  return `${writeDate(start, t)}-${writeDate(end, t)}`;
}

// ---------------------------------------------------------------- data printed in words

type PresentationData = Pick<Extract<LeafBlock, { type: 'presentation' }>, 'presenterPersonId' | 'organisationId' | 'title'>;

/**
 * A presentation's heading made from its data: "Presentation by Mr. Uy Akhara (IOM): Risks and
 * rewards". The presenter comes from the register (honorific and name), so a correction there
 * reaches every heading. Printed when the block has no heading line of its own (the free line, which
 * the seeds use, overrides it); the editor shows it as that line's placeholder.
 */
export function presentationHeading(
  b: PresentationData,
  register: Pick<Meeting, 'people' | 'organisations'>,
  t: FormatTemplate = AGREED_FORMAT,
): string {
  return fill(t.presentation, presentationData(b, register));
}

/** The presenter (register name with honorific), organisation and title as the heading prints them; '' where unknown. */
function presentationData(b: PresentationData, register: Pick<Meeting, 'people' | 'organisations'>) {
  const person = b.presenterPersonId ? register.people.find((p) => p.id === b.presenterPersonId) : undefined;
  const org = b.organisationId ? register.organisations.find((o) => o.id === b.organisationId) : undefined;
  return { presenter: person ? personDisplayName(person) : '', organisation: org ? organisationShortName(org) : '', title: b.title ?? '' };
}

/** Every delegation of a body, wherever it stands. */
function* delegationsOf(body: readonly Block[]): Generator<Extract<LeafBlock, { type: 'delegations' }>['delegations'][number]> {
  for (const b of body) {
    if (b.type === 'delegations') yield* b.delegations;
    else if (b.type === 'section') yield* delegationsOf(b.blocks);
    else if (b.type === 'session') yield* delegationsOf(b.items);
  }
}

// ---------------------------------------------------------------- runs

/** A model field a run of text comes from (see `Run.from`), or undefined when provenance is off. */
type Field = { id: string; path: string } | undefined;

/**
 * Rich text → runs of one script each; `force` adds bold/italic (format decisions) to every run;
 * `field` (provenance) gives each run the offset of its first character in the field's plain text.
 */
function runs(rt: RichText | undefined, force: { bold?: boolean; italic?: boolean } = {}, field?: Field): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const r of rt ?? []) {
    // A cross-reference is one run (the Builder replaces its text by the target's number); a note
    // hangs on the run's last span, or on an empty run when it hangs on no text.
    const spans = r.xref !== undefined ? [{ text: r.text, script: 'latin' as Script }] : splitByScript(r.text);
    if (spans.length === 0 && r.footnote) spans.push({ text: '', script: 'latin' });
    const first = out.length;
    for (const span of spans) {
      const run: Run = { text: span.text, script: span.script };
      if (r.bold || force.bold) run.bold = true;
      if (r.italic || force.italic) run.italic = true;
      // A cross-reference prints the format's number, not the field's text: no provenance (like "A.").
      if (field && r.xref === undefined) run.from = { id: field.id, path: field.path, start: at };
      at += span.text.length;
      out.push(run);
    }
    if (r.xref !== undefined) out[first]!.xref = r.xref;
    if (r.footnote && out.length > first) out[out.length - 1]!.note = { n: 0, runs: runs(r.footnote) };
  }
  return out;
}

const text = (s: string, force: { bold?: boolean; italic?: boolean } = {}, field?: Field): Run[] => runs([{ text: s }], force, field);

const para = (style: ParagraphStyle, r: Run[], keepWithNext = false): LayoutParagraph =>
  keepWithNext ? { kind: 'paragraph', style, runs: r, keepWithNext } : { kind: 'paragraph', style, runs: r };

// ---------------------------------------------------------------- the walk

class Builder {
  readonly blocks: LayoutBlock[] = [];
  private sectionIndex = 0;
  /** The current section's number without punctuation ("2", "B"), for sessions numbered "2.1". */
  private sectionNumber = '';
  /** Numbered paragraphs: the last number given (restarted per the template's paragraph numbering). */
  private paragraphNumber = 0;
  private readonly people: Map<string, Meeting['people'][number]>;
  private readonly fieldNames = new Set<string>();
  private signatureIndex = 0;
  private routingIndex = 0;
  /** The id of the model block being laid out: every layout block pushed meanwhile carries it. */
  private source: string | undefined;
  /** A letter's paragraphs are its own text, not the minutes' running paragraphs: never numbered. */
  private unnumbered = false;
  /** Cross-reference targets: id → number as laid out ("12", "B", "2.1", "iv"), the first one given. */
  readonly targets = new Map<string, string>();
  /** The bullet each list item prints, for its number as a target. */
  private readonly itemIds = new WeakMap<ListItem, string>();

  constructor(
    private readonly meeting: Meeting,
    private readonly t: FormatTemplate,
    private readonly routingFields = false,
    private readonly provenance = false,
  ) {
    this.people = new Map(meeting.people.map((p) => [p.id, p]));
    // An agenda item's number is data: a cross-reference to it prints it, agenda block or not.
    for (const item of meeting.agenda ?? []) if (!isBlank(item.number)) this.targets.set(item.id, item.number.trim());
  }

  /** The field `path` of the object `id`, when runs carry their provenance. */
  private f(id: string, path: string): Field {
    return this.provenance ? { id, path } : undefined;
  }

  /**
   * With provenance, a line printed only in the format's words (an "Answer" whose label is blank, a
   * signatory's name from the register) still tells whose line it is: an empty run naming the object
   * (and its field the words stand for). Nothing without provenance.
   */
  private ownedBy(rs: Run[], id: string, path: string): Run[] {
    if (!this.provenance || rs.some((r) => r.from)) return rs;
    return [{ text: '', script: 'latin', from: { id, path, start: 0 } }, ...rs];
  }

  /** A numbered target (a block, a heading, a list item) gets its number as laid out, for cross-references. */
  private target(id: string, n: string): void {
    if (!this.targets.has(id)) this.targets.set(id, n);
  }

  /**
   * After the walk: footnotes numbered in reading order, cross-references printed as their target's
   * number (a target without a number, e.g. with paragraph numbering off, keeps the stored text).
   */
  finish(): void {
    let notes = 0;
    for (const b of this.blocks) {
      for (const line of blockLines(b)) {
        for (const r of line) {
          if (r.xref !== undefined) {
            const n = this.targets.get(r.xref);
            if (n !== undefined) {
              r.text = n;
              r.script = splitByScript(n)[0]?.script ?? 'latin';
            }
          }
          if (r.note) r.note.n = ++notes;
        }
      }
    }
  }

  /** Blocks with nothing to print (a blank paragraph or heading, a list without items) are left out. */
  private push(b: LayoutBlock): void {
    if ((b.kind === 'paragraph' || b.kind === 'heading') && !hasText(b.runs) && !b.runs.some((r) => r.note) && !(b.kind === 'paragraph' && !isBlank(b.number))) return;
    if (b.kind === 'list' && b.items.length === 0) return;
    if (b.kind === 'title' && b.lines.length === 0) return;
    if (b.kind === 'signatures' && b.cells.length === 0) return;
    if (b.kind === 'routing' && b.steps.length === 0) return;
    if (b.kind === 'table' && !b.rows.some((r) => !r.header)) return;
    if (this.source !== undefined) b.source = this.source;
    // A paragraph that brings its own number (an agenda item's, from data) is not a running paragraph.
    if (b.kind === 'paragraph' && b.style === 'body' && b.number === undefined && !this.unnumbered && this.t.paragraphs.numbering !== 'none') {
      b.number = formatLabel(this.t.paragraphs.style, ++this.paragraphNumber);
      if (this.source !== undefined) this.target(this.source, counterText(this.t.paragraphs.style, this.paragraphNumber));
    }
    this.blocks.push(b);
  }

  title(): void {
    const { titleBlock, dates, venue } = this.meeting;
    const lines: LayoutDocument['blocks'][number] & { kind: 'title' } = { kind: 'title', lines: [] };
    const line = (role: TitleLine['role'], rs: Run[]) => {
      if (hasText(rs)) lines.lines.push({ role, runs: rs });
    };
    const corrected = titleBlock.corrigendumTo;
    // Every line the format can make, printed in the template's order (or not at all).
    // The title's fields belong to the meeting itself (its id names them).
    const id = this.meeting.id;
    const made: Record<Exclude<TitleLineRole, 'session'>, () => Run[]> = {
      ...this.frontMatterLines(),
      corrigendum: () => (corrected ? text(fill(this.t.corrigendum, { title: corrected.title, version: corrected.version ?? '' }), { bold: true }) : []),
      label: () => runs(titleBlock.label, { bold: true }, this.f(id, 'titleBlock.label')),
      title: () => runs(titleBlock.title, { bold: true }, this.f(id, 'titleBlock.title')),
      joiner: () => runs(titleBlock.joiner, { bold: true }, this.f(id, 'titleBlock.joiner')),
      theme: () => runs(titleBlock.theme, { bold: true }, this.f(id, 'titleBlock.theme')),
      date: () => text(writeDateRange(dates.start, dates.end, this.t), { bold: true }),
      // A draft may not name its venue yet: print what is known, never a stray comma.
      place: () => text(joinParts([venue.city, venue.country], ', '), { bold: true }),
    };
    // The session lines are several lines of one role ("2024 session", its dates, "Coordination segment").
    const session = this.meeting.frontMatter?.session ?? [];
    for (const role of this.t.titleBlock.lines) {
      if (role === 'session') session.forEach((l, i) => line('session', runs(l, {}, this.f(id, `frontMatter.session.${i}`))));
      else line(role, made[role]());
    }
    // Masthead lines set apart (left or right) by the template; centred is the title block's own.
    for (const l of lines.lines) {
      const align = this.t.titleBlock.align?.[l.role];
      if (align === 'left' || align === 'right') l.align = align;
    }
    this.push(lines);
  }

  /**
   * The title lines made from the front matter (Meeting.frontMatter): the masthead, the dateline and
   * the meeting's time, each in the template's words and only when the meeting has it.
   */
  private frontMatterLines(): Record<'issuingBody' | 'symbol' | 'distribution' | 'dateOfIssue' | 'originalLanguage' | 'dateline' | 'time', () => Run[]> {
    const fm = this.meeting.frontMatter ?? {};
    const id = this.meeting.id;
    const w = this.t.frontMatter;
    /** A label around a short field, or nothing when the field is blank ("Distr.: " alone never prints). */
    const worded = (tpl: string, name: string, value: string | undefined, path: string, force: { bold?: boolean } = {}) =>
      isBlank(value) ? [] : fillRuns(tpl, { [name]: text(value!, force, this.f(id, path)) }, (s) => text(s, force));
    return {
      issuingBody: () => runs(fm.issuingBody, { bold: true }, this.f(id, 'frontMatter.issuingBody')),
      symbol: () => (isBlank(fm.symbol) ? [] : text(fm.symbol!, { bold: true }, this.f(id, 'frontMatter.symbol'))),
      distribution: () => worded(w.distribution, 'distribution', fm.distribution, 'frontMatter.distribution'),
      dateOfIssue: () => (fm.dateOfIssue ? text(fill(w.dateOfIssue, { date: writeDate(fm.dateOfIssue, this.t) })) : []),
      originalLanguage: () => worded(w.originalLanguage, 'language', fm.originalLanguage, 'frontMatter.originalLanguage'),
      dateline: () => runs(fm.dateline, {}, this.f(id, 'frontMatter.dateline')),
      time: () => worded(w.meetingTime, 'time', fm.meetingTime, 'frontMatter.meetingTime', { bold: true }),
    };
  }

  /** Heading blocks counted per level (1–3): a heading restarts the counts below it. */
  private readonly headingCounts = [0, 0, 0];

  /**
   * A heading block: its own text, else its agenda item's heading in the template's words ("Agenda
   * item 3: Adoption of the agenda"), after the level's number when the template numbers that level.
   * A blank heading prints nothing and takes no number. A level-1 heading restarts paragraph numbers
   * kept per section; a level-1 or level-2 heading those kept per session.
   */
  private heading(b: Extract<LeafBlock, { type: 'heading' }>): void {
    let heading = runs(b.text, { bold: true }, this.f(b.id, 'text'));
    const at = b.agendaItemId ? (this.meeting.agenda ?? []).findIndex((a) => a.id === b.agendaItemId) : -1;
    const item = at >= 0 ? this.meeting.agenda![at]! : undefined;
    if (!hasText(heading) && item) {
      const id = this.meeting.id;
      const values = {
        number: isBlank(item.number) ? '' : text(item.number, { bold: true }, this.f(id, `agenda.${at}.number`)),
        title: runs(item.title, { bold: true }, this.f(id, `agenda.${at}.title`)),
      };
      heading = hasText(values.title) || values.number !== '' ? this.words(this.t.agendaItemHeading, values) : [];
    }
    if (!hasText(heading)) return;
    const level = b.level;
    const n = ++this.headingCounts[level - 1]!;
    for (let l = level; l < 3; l++) this.headingCounts[l] = 0;
    const numbering = this.t.paragraphs.numbering;
    if ((numbering === 'per-section' && level === 1) || (numbering === 'per-session' && level <= 2)) this.paragraphNumber = 0;
    const style = this.t.headings.levels[level - 1]!;
    // A cross-reference to a numbered heading prints its number; to an agenda item, the item's own.
    if (style !== 'none') this.target(b.id, counterText(style, n));
    this.push({ kind: 'heading', level, runs: style === 'none' ? heading : this.words(this.t.heading, { number: formatLabel(style, n), heading }) });
  }

  /**
   * The agenda where an agenda block stands: its heading (the block's own, else the template's, and
   * only above items), then each item's number hanging before its title, and its documents under it.
   * An item with nothing to print is left out; no agenda, nothing at all.
   */
  private agenda(b: Extract<LeafBlock, { type: 'agenda' }>): void {
    const id = this.meeting.id;
    const w = this.t.agenda;
    const items: LayoutParagraph[] = [];
    (this.meeting.agenda ?? []).forEach((item, i) => {
      const title = hasText(item.title) ? runs(item.title, {}, this.f(id, `agenda.${i}.title`)) : [];
      const docs = item.documents.flatMap((d, k) => (isBlank(d) ? [] : [text(d, {}, this.f(id, `agenda.${i}.documents.${k}`))]));
      if (!hasText(title) && isBlank(item.number) && docs.length === 0) return;
      const number = isBlank(item.number) ? '' : fill(w.number, { number: item.number });
      items.push({ kind: 'paragraph', style: 'body', runs: this.ownedBy(title, id, `agenda.${i}.number`), number });
      if (docs.length > 0) {
        const line = fillRuns(w.documents, { documents: joinRuns(docs, text(w.separator)) }, (s) => text(s));
        items.push({ kind: 'paragraph', style: 'body', runs: line, number: '' });
      }
    });
    const heading = hasText(b.heading) ? runs(b.heading, { bold: true }, this.f(b.id, 'heading')) : items.length > 0 ? text(w.heading, { bold: true }) : [];
    if (hasText(heading)) this.push(para('label', heading, true));
    items.forEach((p) => this.push(p));
  }

  block(b: Block): void {
    this.source = b.id;
    if (b.type === 'section') {
      // A section without a heading prints none, and takes no letter: the letters stay A, B, C.
      if (hasText(b.heading)) {
        const style = this.t.headings.section;
        const n = ++this.sectionIndex;
        this.sectionNumber = style === 'none' ? '' : counterText(style, n);
        if (style !== 'none') this.target(b.id, this.sectionNumber);
        if (this.t.paragraphs.numbering === 'per-section') this.paragraphNumber = 0;
        const heading = runs(b.heading, { bold: true }, this.f(b.id, 'heading'));
        this.push({ kind: 'heading', level: 1, runs: style === 'none' ? heading : this.words(this.t.sectionLabel, { letter: formatLabel(style, n), heading }) });
      }
      b.blocks.forEach((c) => this.block(c));
    } else if (b.type === 'session') {
      const title = runs(b.title, { bold: true }, this.f(b.id, 'title'));
      const numbered = this.t.headings.session;
      if (this.t.paragraphs.numbering === 'per-session') this.paragraphNumber = 0;
      if (numbered !== 'none') this.target(b.id, numbered === '1.1' && this.sectionNumber ? `${this.sectionNumber}.${b.number}` : String(b.number));
      this.push({
        kind: 'heading',
        level: 2,
        runs:
          numbered === 'label'
            ? this.words(this.t.session, { n: b.number, title })
            : numbered === '1.1'
              ? this.words(this.t.sessionDecimal, { section: this.sectionNumber, n: b.number, title })
              : title,
      });
      b.items.forEach((c) => this.leaf(c));
    } else this.leaf(b);
  }

  /** A bold heading from a template: "A. PARTICIPANTS", "Session 1: title", "Group 2" (no theme). Typed marks are kept. */
  private words(tpl: string, values: Parameters<typeof fillRuns>[1]): Run[] {
    return fillRuns(tpl, values, (s) => text(s, { bold: true }));
  }

  /**
   * A bold label run in with the text it introduces ("Lao: …", "Question (UN Women) …"). A label
   * ending in a colon prints without it when no text follows: "Lao", not "Lao:".
   */
  private labelled(tpl: string, name: string, value: string | undefined, field: Field, body: Run[], separator: Run[]): Run[] {
    if (!field) {
      const label = fill(tpl, { [name]: value });
      const shown = hasText(body) ? label : label.replace(/:\s*$/, '');
      return joinRuns([text(shown, { bold: true }), body], separator);
    }
    // With provenance, the label's value is a field of its own ("Lao" is the bullet's country).
    const label = fillRuns(tpl, { [name]: text(value ?? '', { bold: true }, field) }, (s) => text(s, { bold: true }));
    const last = label.at(-1);
    if (!hasText(body) && last && !last.from) {
      last.text = last.text.replace(/:\s*$/, '');
      if (last.text === '') label.pop();
    }
    const line = joinRuns([label, body], separator);
    return hasText(line) ? this.ownedBy(line, field.id, field.path) : line;
  }

  /**
   * `numbered`: the items of a numbered list, `depth` levels below its top (0 at the top): nested
   * items take the template's next label (`lists.nested`), or bullets when the template names none.
   */
  private bulletItems(items: readonly Bullet[], level: number, numbered?: { label: LabelStyle; depth: number; numbering: Numbering }): ListItem[] {
    const out: ListItem[] = [];
    const nestedLabel = numbered && this.t.lists.nested ? this.t.lists.nested[Math.min(numbered.depth, this.t.lists.nested.length - 1)] : undefined;
    for (const b of items) {
      const r = this.bulletRuns(b);
      // A blank bullet prints no empty marker: its nested bullets, if any, take its place. A numbered
      // item keeps its number when its sub-paragraphs carry its text ("2. (a) The following courts …",
      // as treaties and notes number them): leaving it out would renumber the list and lift (a) to 2.
      if (!hasText(r) && !(numbered && nestedLabel && b.children?.length)) {
        out.push(...this.bulletItems(b.children ?? [], level, numbered));
        continue;
      }
      const nested =
        numbered && nestedLabel
          ? this.numberedList(b.children ?? [], numbered.numbering, nestedLabel, level + 1, numbered.depth + 1)
          : this.list(b.children ?? [], 'bullet', level + 1);
      // A blank numbered item whose sub-items print nothing introduces nothing: it is left out.
      if (!hasText(r) && nested.items.length === 0) continue;
      const item: ListItem = { runs: r, children: nested.items.length > 0 ? [nested] : [] };
      this.itemIds.set(item, b.id);
      out.push(item);
    }
    return out;
  }

  /** A numbered list: each item is a cross-reference target with its label's number (once blank items are left out). */
  private numberedList(items: readonly Bullet[], numbering: Numbering, label: LabelStyle, level: number, depth: number): LayoutList {
    const list: LayoutList = { kind: 'list', numbering, label, level, items: this.bulletItems(items, level, { label, depth, numbering }) };
    list.items.forEach((it, i) => this.target(this.itemIds.get(it)!, counterText(label, i + 1)));
    return list;
  }

  /**
   * A bullet's text, after a bold "Lao:" when it is a per-country remark, and after a bold "Decision
   * 1/2019:" when it is marked as a decision with a number (the marker's other facts are data for the
   * decisions tracker: the text already says what was agreed).
   */
  private bulletRuns(b: Bullet): Run[] {
    const remark = this.labelled(this.t.countryRemark, 'country', b.country, this.f(b.id, 'country'), runs(b.text, {}, this.f(b.id, 'text')), text(' '));
    const number = b.decision?.number;
    return this.labelled(this.t.decision.bulletNumber, 'number', number, isBlank(number) ? undefined : this.f(b.id, 'decision.number'), remark, text(' '));
  }

  /**
   * A decision: its heading line (the minutes' own, else one made from number, body and date), the
   * adopted text set apart, then the vote as the body's practice prints it — the tally style states
   * the outcome in a sentence ("Adopted by 9 votes to 2, with 1 absent."); the names style prints
   * "Voting for this action: …" lines (the minutes' prose states the action, so an outcome line is
   * added only when it was not adopted) — and the explanations of vote, voter by voter.
   */
  private decision(b: Extract<LeafBlock, { type: 'decision' }>): void {
    const w = this.t.decision;
    const heading = hasText(b.heading)
      ? runs(b.heading, { bold: true }, this.f(b.id, 'heading'))
      : text(decisionHeading(b, this.meeting, w, (iso) => writeDate(iso, this.t)), { bold: true });
    this.push(para('label', heading, true));
    b.text.forEach((p, i) => this.push(para('quote', runs(p, {}, this.f(b.id, `text.${i}`)))));
    const style = b.votePrint ?? w.votePrint;
    if (style === 'tally') this.push(para('body', text(outcomeSentence(b, w))));
    else {
      if (b.outcome !== 'adopted') this.push(para('body', text(fill(w.plain, { outcome: w.outcome[b.outcome] }))));
      const lines = voteLines(b, w);
      for (const line of w.namesTogether && lines.length > 0 ? [lines.join(' ')] : lines) this.push(para('body', text(line)));
    }
    for (const list of VOTE_LISTS) {
      for (const v of b.vote?.[list] ?? []) (v.explanation ?? []).forEach((p, i) => this.push(para('body', runs(p, {}, this.f(v.id, `explanation.${i}`)))));
    }
  }

  private list(items: readonly Bullet[], numbering: Numbering, level: number): LayoutList {
    if (numbering === 'bullet' || numbering === 'none') return { kind: 'list', numbering, level, items: this.bulletItems(items, level) };
    return this.numberedList(items, numbering, this.t.lists[numbering], level, 0);
  }

  /**
   * "Question (UN Women) Before, only women …": the label bold, run in with the first paragraph.
   * `owner`/`prefix`: where the paragraphs are (a question is a field of its turn, an answer has an id).
   */
  private statement(labelTpl: string, s: Statement, owner: string, prefix: string): void {
    const [first, ...rest] = s.paragraphs;
    const by = this.f(owner, prefix.replace(/paragraphs$/, 'by.label'));
    this.push(para('body', this.labelled(labelTpl, 'label', s.by.label, by, runs(first, {}, this.f(owner, `${prefix}.0`)), text(' '))));
    rest.forEach((p, i) => this.push(para('body', runs(p, {}, this.f(owner, `${prefix}.${i + 1}`)))));
  }

  /**
   * Reported speech: "Mr. Smith (United Kingdom) said that …": the speaker and affiliation through the
   * template's label, then a space and the first paragraph as stored; further paragraphs as they are.
   * The affiliation is the block's own, else the register's (the speaker's organisation, delegation
   * or country); nothing, and no brackets, when none is known.
   */
  private reportedSpeech(b: Extract<LeafBlock, { type: 'statement' }>): void {
    const own = !isBlank(b.affiliation);
    const affiliation = own ? b.affiliation! : this.affiliationOf(b.speaker);
    const label = fillRuns(
      this.t.statement,
      { speaker: text(b.speaker.label, {}, this.f(b.id, 'speaker.label')), affiliation: text(affiliation, {}, own ? this.f(b.id, 'affiliation') : undefined) },
      (s) => text(s),
    );
    // No speaker typed yet: the label starts at the affiliation, not with the space before it.
    const lead = label.find((r) => r.text !== '');
    if (lead && isBlank(b.speaker.label)) lead.text = lead.text.trimStart();
    const [first, ...rest] = b.paragraphs;
    const firstRuns = runs(first, {}, this.f(b.id, 'paragraphs.0'));
    // "The President, opening the segment, said that …": a first paragraph that goes on from the
    // speaker with a comma (or other closing punctuation) follows the label without a space.
    const gap = /^[,;:.]/.test(firstRuns.find((r) => r.text !== '')?.text ?? '') ? [] : text(' ');
    const line = joinRuns([label, firstRuns], gap);
    this.push(para('body', hasText(line) ? this.ownedBy(line, b.id, 'speaker.label') : line));
    rest.forEach((p, i) => this.push(para('body', runs(p, {}, this.f(b.id, `paragraphs.${i + 1}`)))));
  }

  /** The register's affiliation of a speaker: an organisation's short name, a delegation's country, a person's organisation or country. */
  private affiliationOf(a: Extract<LeafBlock, { type: 'statement' }>['speaker']): string {
    const org = (id: string | undefined) => {
      const o = id ? this.meeting.organisations.find((x) => x.id === id) : undefined;
      return o ? organisationShortName(o) : undefined;
    };
    if (a.organisationId) return org(a.organisationId) ?? '';
    if (a.delegationId) {
      for (const d of delegationsOf(this.meeting.body)) if (d.id === a.delegationId) return d.country;
      return '';
    }
    const person = a.personId ? this.people.get(a.personId) : undefined;
    return (person && (org(person.organisationId) ?? person.country)) ?? '';
  }

  private presentation(b: Extract<LeafBlock, { type: 'presentation' }>): void {
    const children: ListItem['children'] = [];
    if (b.bullets.length) children.push(this.list(b.bullets, 'bullet', 1));
    if (b.recommendations) {
      const { heading, items } = b.recommendations;
      const list = this.list(items, 'bullet', 1);
      // The format's own label only introduces recommendations that exist; a heading someone typed is always printed.
      const label = hasText(heading) ? runs(heading, { bold: true }, this.f(b.id, 'recommendations.heading')) : list.items.length ? text(this.t.recommendation, { bold: true }) : [];
      if (hasText(label)) children.push(para('label', label, true));
      children.push(list);
    }
    const own = children.filter((c) => (c.kind === 'list' ? c.items.length > 0 : hasText(c.runs)));
    // The heading line as the minutes word it, or else one made from the presenter, organisation and
    // title; "Presentation" alone only to introduce points, never on its own.
    const hasData = Object.values(presentationData(b, this.meeting)).some((v) => !isBlank(v));
    const heading = hasText(b.heading)
      ? runs(b.heading, { bold: true }, this.f(b.id, 'heading'))
      : hasData || own.length > 0
        ? text(presentationHeading(b, this.meeting, this.t), { bold: true })
        : [];
    if (hasText(heading) || own.length > 0) this.push({ kind: 'list', numbering: 'bullet', level: 0, items: [{ runs: heading, children: own }] });
  }

  private group(b: Extract<LeafBlock, { type: 'group' }>): void {
    this.push({ kind: 'heading', level: 3, runs: this.words(this.t.group, { n: b.number, theme: runs(b.theme, { bold: true }, this.f(b.id, 'theme')) }) });
    const items: ListItem[] = [];
    for (const part of b.parts) {
      const list = this.list(part.items, 'bullet', 1);
      const defaultHeading =
        part.kind === 'implementation-by-country' ? this.t.implementationByCountry : part.kind === 'collaboration' ? this.t.collaboration : undefined;
      // The format's part labels introduce items; without items they would introduce nothing.
      const heading = hasText(part.heading)
        ? runs(part.heading, { bold: true }, this.f(part.id, 'heading'))
        : defaultHeading && list.items.length
          ? text(defaultHeading, { bold: true })
          : undefined;
      if (heading) items.push({ runs: heading, children: list.items.length ? [list] : [] });
      else items.push(...this.bulletItems(part.items, 0));
    }
    this.push({ kind: 'list', numbering: 'bullet', level: 0, items });
  }

  private leaf(b: LeafBlock): void {
    this.source = b.id;
    switch (b.type) {
      case 'paragraph':
        // A continuation brings its own (empty) number, so it is not a running paragraph.
        this.push({ ...para('body', runs(b.text, {}, this.f(b.id, 'text'))), ...(b.numbered === false ? { number: '' } : {}) });
        break;
      case 'next-meeting':
      case 'observers':
        this.push(para('body', runs(b.text, {}, this.f(b.id, 'text'))));
        break;
      case 'signing':
        this.push(para('body', runs(b.text, {}, this.f(b.id, 'text')), true));
        break;
      case 'disclaimer':
        this.push(para('note', runs(b.text, {}, this.f(b.id, 'text')), true));
        break;
      case 'list':
        if (hasText(b.heading)) this.push(para('label', runs(b.heading, { bold: true }, this.f(b.id, 'heading')), true));
        if (b.numbering === 'none') {
          // Plain paragraphs; an item's nested items follow it as a bulleted list.
          for (const item of b.items) {
            this.push(para('body', this.bulletRuns(item)));
            if (item.children?.length) this.push(this.list(item.children, 'bullet', 0));
          }
        } else this.push(this.list(b.items, b.numbering, 0));
        break;
      case 'delegations':
        for (const d of b.delegations) {
          if (d.description?.some(hasText)) d.description.forEach((p, i) => this.push(para('body', runs(p, {}, this.f(d.id, `description.${i}`)))));
          else {
            const institutions = this.provenance
              ? joinRuns(
                  d.institutions.map((x, i) => text(x, {}, this.f(d.id, `institutions.${i}`))),
                  text('; '),
                )
              : text(joinParts(d.institutions, '; '));
            this.push(para('body', this.labelled(this.t.countryRemark, 'country', d.country, this.f(d.id, 'country'), institutions, text(' '))));
          }
        }
        break;
      case 'presiding':
        b.paragraphs.forEach((p, i) => this.push(para('body', runs(p, {}, this.f(b.id, `paragraphs.${i}`)))));
        break;
      case 'remark': {
        const [first, ...rest] = b.paragraphs;
        const speaker = runs(b.speakerLabel, { bold: true }, this.f(b.id, 'speakerLabel'));
        this.push(para('body', joinRuns([speaker, runs(first, {}, this.f(b.id, 'paragraphs.0'))], text(this.t.speakerSeparator, { bold: true }))));
        rest.forEach((p, i) => this.push(para('body', runs(p, {}, this.f(b.id, `paragraphs.${i + 1}`)))));
        break;
      }
      case 'presentation':
        this.presentation(b);
        break;
      case 'statement':
        this.reportedSpeech(b);
        break;
      case 'qa':
        if (hasText(b.heading)) this.push({ kind: 'heading', level: 3, runs: runs(b.heading, { bold: true }, this.f(b.id, 'heading')) });
        for (const turn of b.turns) {
          this.statement(this.t.question, turn.question, turn.id, 'question.paragraphs');
          for (const a of turn.answers) this.statement(this.t.answer, a, a.id, 'paragraphs');
        }
        break;
      case 'suggestions':
        if (hasText(b.heading)) this.push({ kind: 'heading', level: 3, runs: runs(b.heading, { bold: true }, this.f(b.id, 'heading')) });
        for (const s of b.items) this.statement(this.t.suggestion, s, s.id, 'paragraphs');
        break;
      case 'group':
        this.group(b);
        break;
      case 'decision':
        this.decision(b);
        break;
      case 'heading':
        this.heading(b);
        break;
      case 'agenda':
        this.agenda(b);
        break;
      case 'signatories': {
        const cells = b.signatories.map((s) => this.signatureCell(s));
        this.push({ kind: 'signatures', perRow: this.t.signatures.perRow, cells });
        break;
      }
      case 'routing':
        this.push({
          kind: 'routing',
          steps: b.steps.map((s) => ({
            headline: this.ownedBy(text(fill(this.t.routing[s.kind], { recipient: s.recipient, purpose: s.purpose }), { bold: true }), s.id, 'recipient'),
            placeDate: this.ownedBy(text(fill(this.t.placeDate, { place: s.place, date: writeDate(s.date, this.t) })), s.id, 'place'),
            signerRole: this.ownedBy(text(joinParts([s.signedBy, s.signerRole], this.t.routingSignerSeparator)), s.id, 'signerRole'),
            // On a signature copy, a step whose signer is named is signed like a head of delegation's box.
            ...(this.routingFields && !isBlank(s.signerRole)
              ? { field: { index: ++this.signatureIndex, name: this.uniqueField(fill(this.t.routingField, { n: String(++this.routingIndex), role: s.signerRole.trim() })) } }
              : {}),
          })),
        });
        break;
      case 'participants':
        this.participants(b);
        break;
      case 'letter':
        this.letter(b);
        break;
      default: {
        const never: never = b;
        throw new Error(`agreed format: unhandled block ${JSON.stringify(never)}`);
      }
    }
  }

  /**
   * One signatory's block of a signature grid (a signatories block, a letter's signer). `owner` and
   * `prefix` name its fields for provenance: a signatory of a list is its own object, a letter's
   * signer is the letter's field `signer`.
   */
  private signatureCell(s: Signatory, owner = s.id, prefix = ''): SignatureCell {
    const person = s.personId ? this.people.get(s.personId) : undefined;
    // A name from the register is the register's words, not this signatory's field.
    const name = person ? this.ownedBy(text(personDisplayName(person), { bold: true }), owner, `${prefix}personId`) : text(s.name ?? '', { bold: true }, this.f(owner, `${prefix}name`));
    const date = s.date ? writeDate(s.date, this.t) : '';
    // "[{place}, ]{date}": a place without a date prints alone, with no stray comma.
    const placeDate = date ? fill(this.t.signatures.placeDate, { place: s.place ?? '', date }) : (s.place ?? '');
    return {
      index: ++this.signatureIndex,
      field: this.uniqueField(s.role),
      ...(isBlank(s.party) ? {} : { party: text(fill(this.t.signatures.party, { party: s.party }), { bold: true }) }),
      role: text(s.role, { bold: true }, this.f(owner, `${prefix}role`)),
      name,
      titleLines: s.titleLines.flatMap((l, i) => (isBlank(l) ? [] : [text(l, {}, this.f(owner, `${prefix}titleLines.${i}`))])),
      ...(isBlank(placeDate) ? {} : { placeDate: text(placeDate) }),
    };
  }

  /**
   * An attendance list: its heading, then one table (name | country or organisation) in which each
   * group is a row across both columns followed by its participants. The name is the row's own, else
   * the register person's; the function follows it in the template's words ("(Chair)"), or as the row
   * words it; the affiliation is the row's, else the register organisation's short name.
   */
  private participants(b: Extract<LeafBlock, { type: 'participants' }>): void {
    const w = this.t.participants;
    if (hasText(b.heading)) this.push(para('label', runs(b.heading, { bold: true }, this.f(b.id, 'heading')), true));
    const rows: TableRowLayout[] = [];
    if (w.columns.some((c) => !isBlank(c))) rows.push({ header: true, cells: w.columns.map((c) => text(c, { bold: true })) });
    for (const g of b.groups) {
      if (hasText(g.heading)) rows.push({ span: true, cells: [runs(g.heading, { bold: true }, this.f(g.id, 'heading'))] });
      for (const p of g.rows) {
        const person = p.personId ? this.people.get(p.personId) : undefined;
        const name = !isBlank(p.name) || !person ? text(p.name ?? '', {}, this.f(p.id, 'name')) : this.ownedBy(text(personDisplayName(person)), p.id, 'personId');
        const fn = !isBlank(p.functionLabel) ? text(p.functionLabel!, {}, this.f(p.id, 'functionLabel')) : p.function ? text(w.functions[p.function]) : [];
        const org = p.organisationId ? this.meeting.organisations.find((o) => o.id === p.organisationId) : undefined;
        const affiliation = !isBlank(p.affiliation) || !org ? text(p.affiliation ?? '', {}, this.f(p.id, 'affiliation')) : this.ownedBy(text(organisationShortName(org)), p.id, 'organisationId');
        const nameCell = fillRuns(w.name, { name, function: fn }, (x) => text(x));
        // "(Kazakhstan)", as UN records print it, when the template words the affiliation.
        const affiliationCell = w.affiliation !== undefined && hasText(affiliation) ? fillRuns(w.affiliation, { affiliation }, (x) => text(x)) : affiliation;
        if (hasText(nameCell) || hasText(affiliationCell)) rows.push({ cells: [nameCell, affiliationCell] });
      }
    }
    const nameWidth = w.nameWidthPercent;
    this.push({ kind: 'table', widthsPercent: [nameWidth, 100 - nameWidth], rows });
  }

  /**
   * A note or letter: reference and dateline, the addressee's lines, the salutation, the paragraphs
   * (quoted ones set apart as quotes), the close, and the signer as a signature block.
   */
  private letter(b: Extract<LeafBlock, { type: 'letter' }>): void {
    const w = this.t.letters;
    if (!isBlank(b.reference)) this.push(para('line', this.fieldWords(w.reference, 'reference', b.reference!, this.f(b.id, 'reference'))));
    // "[{place}, ]{date}"; a place without a date prints alone. The date written out is the format's words.
    const place = text(b.place ?? '', {}, this.f(b.id, 'place'));
    const dateline = b.date ? fillRuns(w.dateline, { place, date: text(writeDate(b.date, this.t)) }, (x) => text(x)) : place;
    if (hasText(dateline)) this.push(para('dateline', dateline));
    b.addressee.forEach((l, i) => this.push(para('line', runs(l, {}, this.f(b.id, `addressee.${i}`)))));
    if (hasText(b.salutation)) this.push(para('line', runs(b.salutation, {}, this.f(b.id, 'salutation'))));
    this.unnumbered = true;
    for (const p of b.paragraphs) this.push(para(p.quoted ? 'quote' : 'body', runs(p.text, {}, this.f(p.id, 'text'))));
    this.unnumbered = false;
    if (hasText(b.close)) this.push(para('line', runs(b.close, {}, this.f(b.id, 'close')), b.signer !== undefined));
    if (b.signer) this.push({ kind: 'signatures', perRow: this.t.signatures.perRow, cells: [this.signatureCell(b.signer, b.id, 'signer.')] });
  }

  /** A template's words around one field's value: "No. {reference}", the value keeping its provenance. */
  private fieldWords(tpl: string, name: string, value: string, field: Field): Run[] {
    return fillRuns(tpl, { [name]: text(value, {}, field) }, (x) => text(x));
  }

  /**
   * An annex after the minutes: on a new page, "Annex II" in the template's style and its title, then
   * its blocks, with section letters and paragraph numbers of its own. An annex that prints nothing
   * is left out, but keeps its number (a cross-reference to the next one stays right).
   */
  annex(a: Annex, n: number): void {
    const at = this.blocks.length;
    this.source = a.id;
    this.sectionIndex = 0;
    this.sectionNumber = '';
    this.paragraphNumber = 0;
    const w = this.t.annexes;
    this.target(a.id, counterText(w.style, n));
    this.push({ kind: 'heading', level: 1, pageBreakBefore: true, runs: text(fill(w.label, { number: counterText(w.style, n) }), { bold: true }) });
    this.push({ kind: 'heading', level: 1, runs: runs(a.title, { bold: true }, this.f(a.id, 'title')) });
    const headed = this.blocks.length;
    a.blocks.forEach((x) => this.block(x));
    // Nothing of its own to print: no page with a bare "Annex II".
    if (!hasText(a.title) && this.blocks.length === headed) this.blocks.length = at;
  }

  /** The closing note of a signature copy (after the minutes): the full fingerprint and audit head. */
  copyNote(copy: SignatureCopyInfo, hex: string): void {
    this.source = undefined;
    this.push(para('label', text(fill(this.t.copyNote, { version: copy.versionName, state: copy.state, fingerprint: hex }))));
    if (copy.auditHead) this.push(para('label', text(fill(this.t.auditNote, { hash: copy.auditHead.hash, length: String(copy.auditHead.length) }))));
  }

  private uniqueField(role: string): string {
    // A period separates the parts of a hierarchical PDF field name: keep the name flat.
    const base = role.replaceAll('.', ' ').trim() || 'Signature';
    let name = base;
    for (let n = 2; this.fieldNames.has(name); n++) name = `${base} (${n})`;
    this.fieldNames.add(name);
    return name;
  }
}

function collectScripts(blocks: readonly LayoutBlock[]): Script[] {
  const used = new Set<Script>(['latin']);
  const add = (rs: readonly Run[]) => {
    for (const r of withNotes(rs)) used.add(r.script);
  };
  const walkList = (l: LayoutList) => {
    for (const it of l.items) {
      add(it.runs);
      for (const c of it.children) {
        if (c.kind === 'list') walkList(c);
        else add(c.runs);
      }
    }
  };
  for (const b of blocks) {
    if (b.kind === 'title') b.lines.forEach((l) => add(l.runs));
    else if (b.kind === 'heading' || b.kind === 'paragraph') add(b.runs);
    else if (b.kind === 'list') walkList(b);
    else if (b.kind === 'signatures') b.cells.forEach((c) => signatureRuns(c).forEach(add));
    else if (b.kind === 'table') tableRuns(b).forEach(add);
    else b.steps.forEach((s) => [s.headline, s.placeDate, s.signerRole].forEach(add));
  }
  return ALL_SCRIPTS.filter((s) => used.has(s));
}

/**
 * The template a layout uses: the one passed in, else the meeting's own choice (its `format`), else
 * the agreed format. Refused with `invalid`, naming the field, when it is not a valid template.
 */
export function resolveTemplate(meeting: Pick<Meeting, 'format'>, template?: FormatTemplate): FormatTemplate {
  // The live preview lays the document out after every pause in typing: a template (or a meeting's
  // format choice, unchanged between edits) is resolved and validated once.
  const key = template ?? meeting.format ?? AGREED_FORMAT;
  const known = resolvedTemplates.get(key);
  if (known) return known;
  const t = resolveAndCheck(meeting, template);
  resolvedTemplates.set(key, t);
  return t;
}
const resolvedTemplates = new WeakMap<object, FormatTemplate>();

function resolveAndCheck(meeting: Pick<Meeting, 'format'>, template: FormatTemplate | undefined): FormatTemplate {
  if (!template && meeting.format && !Object.hasOwn(FORMAT_TEMPLATES, meeting.format.template)) {
    throw new MinutaError('invalid', `Unknown format template "${excerpt(String(meeting.format.template))}"`, 'format.template');
  }
  const t = template ?? templateFor(meeting.format);
  const problems = templateProblems(t);
  if (problems.length > 0) {
    throw new MinutaError('invalid', `The format template is invalid: ${listProblems(problems.map((p) => `${p.path}: ${p.message}`))}`, `template.${problems[0]!.path}`);
  }
  return t;
}

/**
 * The title and the body as laid out, without the document's furniture or fingerprint: synchronous,
 * for code that needs only the printed content (mapping a reviewed copy back, with `provenance`).
 */
export function layoutContent(meeting: Meeting, options: FormatOptions = {}): LayoutBlock[] {
  const b = new Builder(meeting, resolveTemplate(meeting, options.template), options.copy !== undefined, options.provenance === true);
  b.title();
  meeting.body.forEach((x) => b.block(x));
  meeting.annexes?.forEach((a, i) => b.annex(a, i + 1));
  b.finish();
  return b.blocks;
}

/** The numbers a layout gave its cross-reference targets (for a redline, which marks text after the layout). */
const TARGETS = new WeakMap<LayoutDocument, ReadonlyMap<string, string>>();
export const targetNumbers = (doc: LayoutDocument): ReadonlyMap<string, string> | undefined => TARGETS.get(doc);

/** The minutes as the agreed format lays them out. Async only because Web Crypto's digest is. */
export async function layoutMeeting(meeting: Meeting, options: FormatOptions = {}): Promise<LayoutDocument> {
  const t = resolveTemplate(meeting, options.template);
  const copy = options.copy;
  const b = new Builder(meeting, t, copy !== undefined, options.provenance === true);
  b.title();
  meeting.body.forEach((x) => b.block(x));
  meeting.annexes?.forEach((a, i) => b.annex(a, i + 1));
  b.finish();
  const hex = await fingerprint(meeting);
  const short = shortFingerprint(hex);
  const label = fill(t.fingerprint, { short });
  if (copy) b.copyNote(copy, hex);
  const [before, between, after] = splitPageTemplate(t.page);
  const delegations = documentBlocks(meeting).flatMap((x) => (x.type === 'delegations' ? x.delegations.map((d) => d.country) : []));
  const theme = richTextToString(meeting.titleBlock.theme ?? []).trim();
  const doc: LayoutDocument = {
    meta: {
      title: richTextToString(meeting.titleBlock.title).trim(),
      subject: theme || joinParts(['Minutes', writeDateRange(meeting.dates.start, meeting.dates.end, t), meeting.venue.city], ', '),
      author: options.author ?? 'Minuta',
      keywords: ['minutes', ...new Set(delegations), `fingerprint:${hex}`],
      language: meeting.language,
      fingerprint: hex,
      fingerprintShort: short,
      date: meeting.dates.end,
    },
    furniture: {
      page: { size: t.pageSetup.size, ...PAGE_SIZES[t.pageSetup.size], marginsMm: t.pageSetup.marginsMm },
      pageLabel: { before, between, after },
      pageNumbers: t.furniture.pageNumbers,
      // A signature copy always says which version it is; the fingerprint itself is the template's choice.
      fingerprintLabel: copy ? fill(t.copyLabel, { label: t.furniture.fingerprint ? label : '', version: copy.versionName, state: copy.state }) : t.furniture.fingerprint ? label : '',
      draftMark: options.sealed || copy ? undefined : t.draftMark,
      // The meeting's own classification marks its pages, whatever the template's marking.
      ...(isBlank(meeting.frontMatter?.classification) ? (isBlank(t.furniture.marking) ? {} : { marking: t.furniture.marking }) : { marking: meeting.frontMatter!.classification! }),
      ...(isBlank(t.furniture.symbol) ? {} : { symbol: t.furniture.symbol }),
    },
    style: {
      typography: t.typography,
      signatures: (({ perRow, boxHeightMm, roleHeightMm, columnGapMm, rowGapMm }) => ({ perRow, boxHeightMm, roleHeightMm, columnGapMm, rowGapMm }))(t.signatures),
      routing: t.routingLayout,
      listIndentMm: t.lists.indentMm,
      paragraphIndentMm: t.paragraphs.indentMm,
    },
    blocks: b.blocks,
    scripts: collectScripts(b.blocks),
  };
  TARGETS.set(doc, b.targets);
  return doc;
}

function splitPageTemplate(tpl: string): [string, string, string] {
  const m = /^(.*)\{page\}(.*)\{pages\}(.*)$/s.exec(tpl);
  if (!m) throw new Error(`page template needs {page} and {pages}: ${tpl}`);
  return [m[1]!, m[2]!, m[3]!];
}
