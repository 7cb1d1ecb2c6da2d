import { AGREED_FORMAT, hasText, isBlank, templateFor, writeDate, writeDateRange } from '../../src/shared/format';
import { organisationShortName, personDisplayName, richTextToString, type Meeting, type TextRun } from '../../src/shared/minutes';
import { ID_PATTERN_SOURCE, type JsonSchema, def, optionFor, refName, site } from './meetingSchema';

/**
 * What a printed meeting must show, in document order: every string a person typed, found by walking
 * the meeting along its JSON Schema, so that a new text field is expected on paper the day it is
 * added. The exceptions are few and named below, each with its reason: the register (printed where
 * the minutes refer to it), links to the register, and data kept beside prose that says the same
 * thing (see the minutes README, "Content vs format"). Where the format prints data in its own
 * words (a date written out, a presenter's honorific and name), the expected text comes from the
 * format's own functions.
 *
 * A string with a pattern (an id, a date, a reference) that has no rule here makes the walk throw:
 * whoever adds one decides whether it prints.
 */

export interface Expected {
  /** Where the string is in the schema, e.g. "QaTurn.question.by.label". */
  site: string;
  text: string;
  /** For rich text: its runs, to check that bold and italic reach the page too. */
  runs?: readonly TextRun[];
  /**
   * A footnote's text: printed, but where the medium puts notes (under its block in the PDF, at the
   * foot of the page in Word), so it is looked for anywhere rather than in document order.
   */
  anywhere?: true;
}

/**
 * Rich text as it prints: in pieces, because a footnote's mark follows the run it hangs on and a
 * cross-reference prints its target's number instead of the stored text (neither is typed text).
 * Each piece with its runs; the footnotes' texts after, to be found anywhere.
 */
function richPieces(runs: readonly TextRun[]): { pieces: TextRun[][]; notes: TextRun[][] } {
  const pieces: TextRun[][] = [[]];
  const notes: TextRun[][] = [];
  for (const r of runs) {
    if (r.xref !== undefined) pieces.push([]);
    else pieces.at(-1)!.push(r);
    if (r.footnote) {
      notes.push(r.footnote);
      pieces.push([]);
    }
  }
  return { pieces: pieces.filter((p) => p.length > 0), notes };
}

/** `anywhere`: a footnote's text (see `Expected.anywhere`). */
type Emit = (text: string | undefined, anywhere?: boolean) => void;
type Rule =
  | { skip: string }
  | { print: (value: unknown, parent: Record<string, unknown>, meeting: Meeting, emit: Emit, walk: () => void) => void };

const skip = (reason: string): Rule => ({ skip: reason });
const person = (m: Meeting, id: unknown) => m.people.find((p) => p.id === id);
const organisation = (m: Meeting, id: unknown) => m.organisations.find((o) => o.id === id);
/** A presentation with a heading line of its own prints that line instead of the heading made from its data. */
const headingOverridden = (parent: Record<string, unknown>) => hasText(parent.heading as { text: string }[]);
/** A decision prints a heading made from its data when it has a number and no heading line of its own. */
const madeHeading = (parent: Record<string, unknown>) => !headingOverridden(parent) && typeof parent.number === 'string' && parent.number.trim() !== '';
/** A delegation described in prose prints the prose; its country and institutions are the same facts as data. */
const described = (parent: Record<string, unknown>) => ((parent.description as { text: string }[][] | undefined) ?? []).some((p) => hasText(p));

export const RULES: Record<string, Rule> = {
  'Meeting.language': skip('a language tag, not text'),
  'Meeting.people': skip('the register: printed where the minutes refer to a person (signatories, presenters)'),
  'Meeting.organisations': skip('the register: printed where the minutes refer to an organisation (presentations)'),
  // The title block's lines (the masthead from the front matter, the dateline, the title, the date, the
  // time, the place) print in the template's order: expectedStrings emits them with the title block.
  'Meeting.frontMatter': skip('printed as title lines, in the order of the template (titleLines below)'),
  'Meeting.dates': skip('printed as a title line, where the template has one (titleLines below)'),
  'Meeting.venue': skip('printed as a title line, where the template has one (titleLines below)'),
  'Meeting.agenda': skip('printed where an agenda block stands, and by headings that name an item'),
  // The agenda block prints its heading, then the meeting's agenda: each item's number, title and documents.
  'AgendaBlock.type': {
    print: (_v, _p, m, emit) => {
      for (const item of m.agenda ?? []) {
        emit(item.number);
        emitRich(emit, item.title);
        item.documents.forEach((d) => emit(d));
      }
    },
  },
  // A heading with no text of its own prints its agenda item's number and title.
  'HeadingBlock.agendaItemId': {
    print: (v, p, m, emit) => {
      const item = m.agenda?.find((a) => a.id === v);
      if (!item || hasText(p.text as TextRun[])) return;
      emit(item.number);
      emitRich(emit, item.title);
    },
  },
  'Venue.name': skip('metadata: the seeds name the hotel only in prose'),
  'Signature.note': skip('describes a signature on paper (a note from the scan), not minutes text'),
  'Delegation.country': { print: (v, p, _m, emit) => (described(p) ? undefined : emit(v as string)) },
  'Delegation.institutions': { print: (_v, p, _m, _e, walk) => (described(p) ? undefined : walk()) },
  'Delegation.headPersonId': skip('a link to the register; the description names the head'),
  'ObserversBlock.organisationIds': skip('links to the register; the text names the observers'),
  'PresidingBlock.personId': skip('a link to the register; the paragraphs name who presided'),
  'RemarkBlock.speakerPersonId': skip('a link to the register; the speaker label is printed'),
  'RemarkBlock.role': skip('data beside the speaker label, which is printed'),
  'PresentationBlock.presenterPersonId': {
    print: (v, p, m, emit) => (headingOverridden(p) ? undefined : emit(person(m, v) && personDisplayName(person(m, v)!))),
  },
  'PresentationBlock.organisationId': {
    print: (v, p, m, emit) => (headingOverridden(p) ? undefined : emit(organisation(m, v) && organisationShortName(organisation(m, v)!))),
  },
  'PresentationBlock.title': { print: (v, p, _m, emit) => (headingOverridden(p) ? undefined : emit(v as string)) },
  'Attribution.personId': skip('a link to the register; the label is printed'),
  'Attribution.organisationId': skip('a link to the register; the label is printed'),
  'Attribution.delegationId': skip('a link to a delegation; the label is printed'),
  'NextMeetingBlock.date': skip('data beside the text, which says when'),
  'NextMeetingBlock.place': skip('data beside the text, which says where'),
  'SigningBlock.place': skip('data beside the signing statement'),
  'SigningBlock.date': skip('data beside the signing statement'),
  'Meeting.format': skip('how the minutes look (a format template and its overrides), not what they say'),
  'Signatory.date': { print: (v, _p, _m, emit) => emit(writeDate(v as string)) },
  'Signatory.personId': { print: (v, _p, m, emit) => emit(person(m, v) && personDisplayName(person(m, v)!)) },
  'Signatory.name': {
    // The editor keeps the two exclusive; a file that has both prints the register's name.
    print: (v, p, _m, emit) => (p.personId === undefined ? emit(v as string) : undefined),
  },
  'RoutingStep.date': { print: (v, _p, _m, emit) => emit(writeDate(v as string)) },
  'RoutingStep.signerPersonId': skip('a link to the register; the signer role is printed'),
  // A marked agreement prints its number before its text; the other facts are data for the tracker.
  'DecisionMarker.organisationId': skip('data for the decisions tracker: the agreement itself says what was agreed'),
  'DecisionMarker.body': skip('data for the decisions tracker'),
  'DecisionMarker.date': skip('data for the decisions tracker'),
  // A numbered decision's heading is made from number, body and date unless the minutes word their own;
  // an unnumbered one has none made (its prose says who and when).
  'DecisionBlock.number': { print: (v, p, _m, emit) => (madeHeading(p) ? emit(v as string) : undefined) },
  'DecisionBlock.organisationId': {
    print: (v, p, m, emit) => (madeHeading(p) ? emit(organisation(m, v) && organisationShortName(organisation(m, v)!)) : undefined),
  },
  'DecisionBlock.body': {
    // The register's organisation, when linked, is printed instead of the typed label.
    print: (v, p, m, emit) => (madeHeading(p) && !organisation(m, p.organisationId) ? emit(v as string) : undefined),
  },
  'DecisionBlock.date': { print: (v, p, _m, emit) => (madeHeading(p) ? emit(writeDate(v as string)) : undefined) },
  'DecisionBlock.vote': {
    // The names style prints the voters of each list but the absent; the tally style counts them. Then the explanations of vote.
    print: (v, p, _m, emit) => {
      const vote = v as Record<'for' | 'against' | 'abstaining' | 'absent', { by: { label: string }; explanation?: TextRun[][] }[]>;
      if ((p.votePrint ?? AGREED_FORMAT.decision.votePrint) === 'names') for (const list of ['for', 'against', 'abstaining'] as const) vote[list].forEach((x) => emit(x.by.label));
      for (const list of ['for', 'against', 'abstaining', 'absent'] as const) vote[list].forEach((x) => x.explanation?.forEach((para) => emitRich(emit, para)));
    },
  },
  // An attendance row prints its own name, else the register person's; its affiliation, else the register organisation's.
  'Participant.personId': { print: (v, p, m, emit) => (isBlank(p.name as string | undefined) ? emit(person(m, v) && personDisplayName(person(m, v)!)) : undefined) },
  'Participant.organisationId': {
    print: (v, p, m, emit) => (isBlank(p.affiliation as string | undefined) ? emit(organisation(m, v) && organisationShortName(organisation(m, v)!)) : undefined),
  },
  // A note's dateline writes its date out.
  'LetterBlock.date': { print: (v, _p, _m, emit) => emit(writeDate(v as string)) },
  // "Corrigendum to {title} ({version})" above the title: the meeting id is a link, not text.
  'TitleBlock.corrigendumTo': {
    print: (v, _p, _m, emit) => {
      const c = v as { title: string; version?: string };
      emit(c.title);
      emit(c.version);
    },
  },
};

/** The order in which the format prints an object's fields, where it differs from the schema's. */
const PRINT_ORDER: Record<string, string[]> = {
  // A per-country remark: the bold "Lao:" before the text.
  Bullet: ['decision', 'country', 'text', 'children'],
  // The heading line (or the number, body and date it is made of), the adopted text, the vote.
  DecisionBlock: ['heading', 'number', 'organisationId', 'body', 'date', 'text', 'vote'],
  // The agenda block's own heading, then the agenda.
  AgendaBlock: ['heading', 'type'],
  // "Name (Chair) | Thailand": the name, its function as worded, then the country or organisation.
  Participant: ['personId', 'name', 'functionLabel', 'affiliation', 'organisationId'],
  // "Name, role" under a recorded routing step.
  RoutingStep: ['kind', 'recipient', 'purpose', 'place', 'date', 'signedBy', 'signerRole'],
};

/** Rich text emitted through a rule's `emit`, as it prints (see richPieces). */
function emitRich(emit: Emit, runs: readonly TextRun[]): void {
  const { pieces, notes } = richPieces(runs);
  for (const p of pieces) emit(richTextToString(p));
  for (const n of notes) emit(richTextToString(n), true);
}

/** Every string of `meeting` that its printed form must contain, in document order; blank strings left out. */
export function expectedStrings(meeting: Meeting): Expected[] {
  const out: Expected[] = [];
  const emitAt = (at: string, runs?: readonly TextRun[]) => (text: string | undefined, anywhere?: boolean) => {
    if (text !== undefined && text.trim() !== '') out.push({ site: at, text, ...(runs ? { runs } : {}), ...(anywhere ? { anywhere } : {}) });
  };

  const walk = (schema: JsonSchema, value: unknown, at: string): void => {
    if (value === undefined) return;
    if (schema.$ref) {
      const name = refName(schema.$ref);
      if (name === 'RichText') {
        const { pieces, notes } = richPieces(value as TextRun[]);
        for (const p of pieces) emitAt(at, p)(richTextToString(p));
        for (const n of notes) emitAt(`${at}.footnote`, n)(richTextToString(n), true);
        return;
      }
      return walk(def(name), value, name);
    }
    if (schema.oneOf) {
      const option = optionFor(schema.oneOf, (value as { type?: unknown }).type);
      if (!option) throw new Error(`${at}: no schema option for ${JSON.stringify(value).slice(0, 80)}`);
      return walk(option.schema, value, option.name);
    }
    // Enum values and constants (a block's type, a list's numbering) are not typed text.
    if (schema.enum || schema.const !== undefined) return;
    if (schema.type === 'array') {
      for (const item of value as unknown[]) walk(schema.items!, item, at);
      return;
    }
    if (schema.type === 'object') {
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(schema.properties ?? {});
      const order = PRINT_ORDER[at] ?? [];
      keys.sort((a, b) => rank(order, a) - rank(order, b));
      for (const key of keys) {
        if (!(key in obj)) continue;
        const here = site(at, key);
        if (here === 'Meeting.titleBlock') {
          titleLines(meeting, emitAt);
          continue;
        }
        const rule = RULES[here];
        if (rule && 'skip' in rule) continue;
        const sub = schema.properties![key]!;
        if (rule) rule.print(obj[key], obj, meeting, emitAt(here), () => walk(sub, obj[key], here));
        else walk(sub, obj[key], here);
      }
      return;
    }
    if (schema.type === 'string') {
      if (schema.pattern === ID_PATTERN_SOURCE && at.endsWith('.id')) return;
      if (schema.pattern) throw new Error(`${at}: a ${schema.pattern} string with no rule in printedStrings.ts: does it print?`);
      return emitAt(at)(value as string);
    }
    // enums, constants, booleans, numbers: not typed text (numbers the format prints, e.g. "Session 2", are its own).
  };
  walk(def('Meeting'), meeting, 'Meeting');
  return out;
}

/**
 * The title block's strings in the order of the meeting's template (`titleBlock.lines`): the masthead
 * (front matter), the dateline, a corrigendum's line, the title lines, the dates written out, the
 * meeting's time, the city and country. A line the template leaves out is not expected.
 */
function titleLines(meeting: Meeting, emitAt: (at: string, runs?: readonly TextRun[]) => Emit): void {
  const fm = meeting.frontMatter ?? {};
  const tb = meeting.titleBlock;
  // Rich text in pieces split at footnotes and cross-references, the notes' texts anywhere (as in the body).
  const rich = (at: string, rt: TextRun[] | undefined) => {
    if (!rt) return;
    const { pieces, notes } = richPieces(rt);
    for (const p of pieces) emitAt(at, p)(richTextToString(p));
    for (const n of notes) emitAt(`${at}.footnote`, n)(richTextToString(n), true);
  };
  for (const role of templateFor(meeting.format).titleBlock.lines) {
    if (role === 'issuingBody') rich('FrontMatter.issuingBody', fm.issuingBody);
    else if (role === 'symbol') emitAt('FrontMatter.symbol')(fm.symbol);
    else if (role === 'distribution') emitAt('FrontMatter.distribution')(fm.distribution);
    else if (role === 'dateOfIssue') emitAt('FrontMatter.dateOfIssue')(fm.dateOfIssue && writeDate(fm.dateOfIssue));
    else if (role === 'originalLanguage') emitAt('FrontMatter.originalLanguage')(fm.originalLanguage);
    else if (role === 'dateline') rich('FrontMatter.dateline', fm.dateline);
    else if (role === 'session') for (const l of fm.session ?? []) rich('FrontMatter.session', l);
    else if (role === 'corrigendum') {
      // "Corrigendum to {title} ({version})" above the title: the meeting id is a link, not text.
      emitAt('TitleBlock.corrigendumTo.title')(tb.corrigendumTo?.title);
      emitAt('TitleBlock.corrigendumTo.version')(tb.corrigendumTo?.version);
    } else if (role === 'label' || role === 'title' || role === 'joiner' || role === 'theme') rich(`TitleBlock.${role}`, tb[role]);
    else if (role === 'date') emitAt('Meeting.dates')(writeDateRange(meeting.dates.start, meeting.dates.end));
    else if (role === 'time') emitAt('FrontMatter.meetingTime')(fm.meetingTime);
    else {
      emitAt('Venue.city')(meeting.venue.city);
      emitAt('Venue.country')(meeting.venue.country);
    }
  }
}

const rank = (order: readonly string[], key: string) => {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
};

/** White space collapsed (line breaks, justification and no-break spaces are the renderer's). */
export const normalise = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
/** No white space at all: pdftotext puts spaces between some clusters of complex scripts. */
export const squash = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, '');

/**
 * Finds each expected string in `text`, in order (after `prepare` on both sides). Returns the
 * strings not found where they should be: missing, or only before the previous one.
 */
export function missingInOrder(expected: readonly Expected[], text: string, prepare: (s: string) => string): Expected[] {
  const hay = prepare(text);
  const missing: Expected[] = [];
  let cursor = 0;
  for (const e of expected) {
    const needle = prepare(e.text);
    if (e.anywhere) {
      if (!hay.includes(needle)) missing.push(e);
      continue;
    }
    const at = hay.indexOf(needle, cursor);
    if (at === -1) missing.push(e);
    else cursor = at + needle.length;
  }
  return missing;
}
