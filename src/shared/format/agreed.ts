import type { Block, Bullet, LeafBlock, Meeting, RichText, Statement } from '../minutes';
import { organisationShortName, personDisplayName, richTextToString } from '../minutes';
import { fill, fillRuns, hasText, isBlank, joinParts, joinRuns } from './compose';
import { fingerprint, shortFingerprint } from './fingerprint';
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
  TitleLine,
} from './layout';
import { ALL_SCRIPTS, type Script, splitByScript } from './scripts';

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

export interface FormatTemplate {
  /** Section letters: "A. ", "B. ", … (index 0 → "A"). */
  sectionLabel: string;
  session: string;
  group: string;
  question: string;
  answer: string;
  suggestion: string;
  /** A remark's speaker label is followed by this. */
  speakerSeparator: string;
  countryRemark: string;
  /** A presentation's heading made from its data, when the minutes give no heading line of their own. */
  presentation: string;
  recommendation: string;
  implementationByCountry: string;
  collaboration: string;
  routing: { submitted: string; 'seen-and-submitted': string };
  /** Under a routing step, between who signed it (once recorded: `signedBy`) and the role: "Keo Sophal, Minute taker". */
  routingSignerSeparator: string;
  /** Above the title of a corrigendum: the sealed minutes it corrects. */
  corrigendum: string;
  placeDate: string;
  months: readonly string[];
  page: string;
  fingerprint: string;
  /** A signature copy's footer, after the fingerprint: which named version, approved or sealed. */
  copyLabel: string;
  /** The closing note of a signature copy: the full fingerprint, and the audit log's head when sealed. */
  copyNote: string;
  auditNote: string;
  /** The signature field of a routing step whose signer signs ("Routing 1: Secretary-General"). */
  routingField: string;
  draftMark: string;
  /** Signature blocks per row of the grid. */
  signaturesPerRow: number;
  marginsMm: [number, number, number, number];
}

/** The form both seeds share (the 2018 long form and the 2019 short form differ only in their content). */
export const AGREED_FORMAT: FormatTemplate = {
  sectionLabel: '{letter}. {heading}',
  session: 'Session {n}[: {title}]',
  group: 'Group {n}[: {theme}]',
  question: 'Question[ ({label})]',
  answer: 'Answer[ ({label})]',
  suggestion: '[({label})]',
  speakerSeparator: ': ',
  countryRemark: '[{country}:]',
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
  copyLabel: '{label} · Version “{version}” ({state})',
  copyNote: 'Signature copy of version “{version}” ({state}). Fingerprint (SHA-256 of the record embedded in this file): {fingerprint}',
  auditNote: 'Audit log head: {hash} ({length} entries)',
  routingField: 'Routing {n}: {role}',
  draftMark: 'DRAFT',
  signaturesPerRow: 3,
  marginsMm: [22, 20, 22, 25],
};

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

// ---------------------------------------------------------------- runs

/** Rich text → runs of one script each; `force` adds bold/italic (format decisions) to every run. */
function runs(rt: RichText | undefined, force: { bold?: boolean; italic?: boolean } = {}): Run[] {
  const out: Run[] = [];
  for (const r of rt ?? []) {
    for (const span of splitByScript(r.text)) {
      const run: Run = { text: span.text, script: span.script };
      if (r.bold || force.bold) run.bold = true;
      if (r.italic || force.italic) run.italic = true;
      out.push(run);
    }
  }
  return out;
}

const text = (s: string, force: { bold?: boolean; italic?: boolean } = {}): Run[] => runs([{ text: s }], force);

const para = (style: ParagraphStyle, r: Run[], keepWithNext = false): LayoutParagraph =>
  keepWithNext ? { kind: 'paragraph', style, runs: r, keepWithNext } : { kind: 'paragraph', style, runs: r };

// ---------------------------------------------------------------- the walk

class Builder {
  readonly blocks: LayoutBlock[] = [];
  private sectionIndex = 0;
  private readonly people: Map<string, Meeting['people'][number]>;
  private readonly fieldNames = new Set<string>();
  private signatureIndex = 0;
  private routingIndex = 0;
  /** The id of the model block being laid out: every layout block pushed meanwhile carries it. */
  private source: string | undefined;

  constructor(
    private readonly meeting: Meeting,
    private readonly t: FormatTemplate,
    private readonly routingFields = false,
  ) {
    this.people = new Map(meeting.people.map((p) => [p.id, p]));
  }

  /** Blocks with nothing to print (a blank paragraph or heading, a list without items) are left out. */
  private push(b: LayoutBlock): void {
    if ((b.kind === 'paragraph' || b.kind === 'heading') && !hasText(b.runs)) return;
    if (b.kind === 'list' && b.items.length === 0) return;
    if (b.kind === 'signatures' && b.cells.length === 0) return;
    if (b.kind === 'routing' && b.steps.length === 0) return;
    if (this.source !== undefined) b.source = this.source;
    this.blocks.push(b);
  }

  title(): void {
    const { titleBlock, dates, venue } = this.meeting;
    const lines: LayoutDocument['blocks'][number] & { kind: 'title' } = { kind: 'title', lines: [] };
    const line = (role: TitleLine['role'], rs: Run[]) => {
      if (hasText(rs)) lines.lines.push({ role, runs: rs });
    };
    const corrected = titleBlock.corrigendumTo;
    if (corrected) line('corrigendum', text(fill(this.t.corrigendum, { title: corrected.title, version: corrected.version ?? '' }), { bold: true }));
    line('label', runs(titleBlock.label, { bold: true }));
    line('title', runs(titleBlock.title, { bold: true }));
    line('joiner', runs(titleBlock.joiner, { bold: true }));
    line('theme', runs(titleBlock.theme, { bold: true }));
    line('date', text(writeDateRange(dates.start, dates.end, this.t), { bold: true }));
    // A draft may not name its venue yet: print what is known, never a stray comma.
    line('place', text(joinParts([venue.city, venue.country], ', '), { bold: true }));
    this.push(lines);
  }

  block(b: Block): void {
    this.source = b.id;
    if (b.type === 'section') {
      // A section without a heading prints none, and takes no letter: the letters stay A, B, C.
      if (hasText(b.heading)) {
        const letter = String.fromCharCode(65 + (this.sectionIndex++ % 26));
        this.push({ kind: 'heading', level: 1, runs: this.words(this.t.sectionLabel, { letter, heading: runs(b.heading, { bold: true }) }) });
      }
      b.blocks.forEach((c) => this.block(c));
    } else if (b.type === 'session') {
      this.push({ kind: 'heading', level: 2, runs: this.words(this.t.session, { n: b.number, title: runs(b.title, { bold: true }) }) });
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
  private labelled(label: string, body: Run[], separator: Run[]): Run[] {
    const shown = hasText(body) ? label : label.replace(/:\s*$/, '');
    return joinRuns([text(shown, { bold: true }), body], separator);
  }

  private bulletItems(items: readonly Bullet[], level: number): ListItem[] {
    const out: ListItem[] = [];
    for (const b of items) {
      const r = this.bulletRuns(b);
      // A blank bullet prints no empty marker: its nested bullets, if any, take its place.
      if (!hasText(r)) {
        out.push(...this.bulletItems(b.children ?? [], level));
        continue;
      }
      const nested = this.list(b.children ?? [], 'bullet', level + 1);
      out.push({ runs: r, children: nested.items.length > 0 ? [nested] : [] });
    }
    return out;
  }

  /** A bullet's text, after a bold "Lao:" when it is a per-country remark. */
  private bulletRuns(b: Bullet): Run[] {
    return this.labelled(fill(this.t.countryRemark, { country: b.country }), runs(b.text), text(' '));
  }

  private list(items: readonly Bullet[], numbering: Numbering, level: number): LayoutList {
    return { kind: 'list', numbering, level, items: this.bulletItems(items, level) };
  }

  /** "Question (UN Women) Before, only women …": the label bold, run in with the first paragraph. */
  private statement(labelTpl: string, s: Statement): void {
    const [first, ...rest] = s.paragraphs;
    this.push(para('body', this.labelled(fill(labelTpl, { label: s.by.label }), runs(first), text(' '))));
    for (const p of rest) this.push(para('body', runs(p)));
  }

  private presentation(b: Extract<LeafBlock, { type: 'presentation' }>): void {
    const children: ListItem['children'] = [];
    if (b.bullets.length) children.push(this.list(b.bullets, 'bullet', 1));
    if (b.recommendations) {
      const { heading, items } = b.recommendations;
      const list = this.list(items, 'bullet', 1);
      // The format's own label only introduces recommendations that exist; a heading someone typed is always printed.
      const label = hasText(heading) ? runs(heading, { bold: true }) : list.items.length ? text(this.t.recommendation, { bold: true }) : [];
      if (hasText(label)) children.push(para('label', label, true));
      children.push(list);
    }
    const own = children.filter((c) => (c.kind === 'list' ? c.items.length > 0 : hasText(c.runs)));
    // The heading line as the minutes word it, or else one made from the presenter, organisation and
    // title; "Presentation" alone only to introduce points, never on its own.
    const hasData = Object.values(presentationData(b, this.meeting)).some((v) => !isBlank(v));
    const heading = hasText(b.heading)
      ? runs(b.heading, { bold: true })
      : hasData || own.length > 0
        ? text(presentationHeading(b, this.meeting, this.t), { bold: true })
        : [];
    if (hasText(heading) || own.length > 0) this.push({ kind: 'list', numbering: 'bullet', level: 0, items: [{ runs: heading, children: own }] });
  }

  private group(b: Extract<LeafBlock, { type: 'group' }>): void {
    this.push({ kind: 'heading', level: 3, runs: this.words(this.t.group, { n: b.number, theme: runs(b.theme, { bold: true }) }) });
    const items: ListItem[] = [];
    for (const part of b.parts) {
      const list = this.list(part.items, 'bullet', 1);
      const defaultHeading =
        part.kind === 'implementation-by-country' ? this.t.implementationByCountry : part.kind === 'collaboration' ? this.t.collaboration : undefined;
      // The format's part labels introduce items; without items they would introduce nothing.
      const heading = hasText(part.heading)
        ? runs(part.heading, { bold: true })
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
      case 'next-meeting':
      case 'observers':
        this.push(para('body', runs(b.text)));
        break;
      case 'signing':
        this.push(para('body', runs(b.text), true));
        break;
      case 'disclaimer':
        this.push(para('note', runs(b.text), true));
        break;
      case 'list':
        if (hasText(b.heading)) this.push(para('label', runs(b.heading, { bold: true }), true));
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
          if (d.description?.some(hasText)) for (const p of d.description) this.push(para('body', runs(p)));
          else this.push(para('body', this.labelled(fill(this.t.countryRemark, { country: d.country }), text(joinParts(d.institutions, '; ')), text(' '))));
        }
        break;
      case 'presiding':
        for (const p of b.paragraphs) this.push(para('body', runs(p)));
        break;
      case 'remark': {
        const [first, ...rest] = b.paragraphs;
        this.push(para('body', joinRuns([runs(b.speakerLabel, { bold: true }), runs(first)], text(this.t.speakerSeparator, { bold: true }))));
        for (const p of rest) this.push(para('body', runs(p)));
        break;
      }
      case 'presentation':
        this.presentation(b);
        break;
      case 'qa':
        if (hasText(b.heading)) this.push({ kind: 'heading', level: 3, runs: runs(b.heading, { bold: true }) });
        for (const turn of b.turns) {
          this.statement(this.t.question, turn.question);
          for (const a of turn.answers) this.statement(this.t.answer, a);
        }
        break;
      case 'suggestions':
        if (hasText(b.heading)) this.push({ kind: 'heading', level: 3, runs: runs(b.heading, { bold: true }) });
        for (const s of b.items) this.statement(this.t.suggestion, s);
        break;
      case 'group':
        this.group(b);
        break;
      case 'signatories': {
        const cells: SignatureCell[] = b.signatories.map((s) => {
          const person = s.personId ? this.people.get(s.personId) : undefined;
          const name = person ? personDisplayName(person) : (s.name ?? '');
          return {
            index: ++this.signatureIndex,
            field: this.uniqueField(s.role),
            role: text(s.role, { bold: true }),
            name: text(name, { bold: true }),
            titleLines: s.titleLines.filter((l) => !isBlank(l)).map((l) => text(l)),
          };
        });
        this.push({ kind: 'signatures', perRow: this.t.signaturesPerRow, cells });
        break;
      }
      case 'routing':
        this.push({
          kind: 'routing',
          steps: b.steps.map((s) => ({
            headline: text(fill(this.t.routing[s.kind], { recipient: s.recipient, purpose: s.purpose }), { bold: true }),
            placeDate: text(fill(this.t.placeDate, { place: s.place, date: writeDate(s.date, this.t) })),
            signerRole: text(joinParts([s.signedBy, s.signerRole], this.t.routingSignerSeparator)),
            // On a signature copy, a step whose signer is named is signed like a head of delegation's box.
            ...(this.routingFields && !isBlank(s.signerRole)
              ? { field: { index: ++this.signatureIndex, name: this.uniqueField(fill(this.t.routingField, { n: String(++this.routingIndex), role: s.signerRole.trim() })) } }
              : {}),
          })),
        });
        break;
      default: {
        const never: never = b;
        throw new Error(`agreed format: unhandled block ${JSON.stringify(never)}`);
      }
    }
  }

  /** PDF field names must be unique: a second "Head of Delegation" becomes "Head of Delegation (2)". */
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
  const add = (rs: readonly Run[]) => rs.forEach((r) => used.add(r.script));
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
    else if (b.kind === 'signatures') b.cells.forEach((c) => [c.role, c.name, ...c.titleLines].forEach(add));
    else b.steps.forEach((s) => [s.headline, s.placeDate, s.signerRole].forEach(add));
  }
  return ALL_SCRIPTS.filter((s) => used.has(s));
}

/** The minutes as the agreed format lays them out. Async only because Web Crypto's digest is. */
export async function layoutMeeting(meeting: Meeting, options: FormatOptions = {}): Promise<LayoutDocument> {
  const t = options.template ?? AGREED_FORMAT;
  const copy = options.copy;
  const b = new Builder(meeting, t, copy !== undefined);
  b.title();
  meeting.body.forEach((x) => b.block(x));
  const hex = await fingerprint(meeting);
  const short = shortFingerprint(hex);
  const label = fill(t.fingerprint, { short });
  if (copy) b.copyNote(copy, hex);
  const [before, between, after] = splitPageTemplate(t.page);
  const delegations = meeting.body.flatMap((x) => (x.type === 'delegations' ? x.delegations.map((d) => d.country) : []));
  const theme = richTextToString(meeting.titleBlock.theme ?? []).trim();
  return {
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
      page: { size: 'A4', marginsMm: t.marginsMm },
      pageLabel: { before, between, after },
      fingerprintLabel: copy ? fill(t.copyLabel, { label, version: copy.versionName, state: copy.state }) : label,
      draftMark: options.sealed || copy ? undefined : t.draftMark,
    },
    blocks: b.blocks,
    scripts: collectScripts(b.blocks),
  };
}

function splitPageTemplate(tpl: string): [string, string, string] {
  const m = /^(.*)\{page\}(.*)\{pages\}(.*)$/s.exec(tpl);
  if (!m) throw new Error(`page template needs {page} and {pages}: ${tpl}`);
  return [m[1]!, m[2]!, m[3]!];
}
