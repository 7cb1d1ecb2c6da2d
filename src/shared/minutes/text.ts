import { VOTE_LISTS, type Block, type Bullet, type LeafBlock, type Signatory, type Statement } from './blocks';
import type { Meeting } from './meeting';
import { organisationShortName, personDisplayName } from './people';
import { type RichText, richTextToString } from './richText';

/**
 * Every text string of a meeting, in document order — for search indexing and
 * for the test that proves the seed fixtures are complete.
 *
 * It yields CONTENT only, i.e. the words an author wrote, and leaves out what
 * the agreed format generates from data: section letters ("A."), "Session 1:",
 * "Group 2:", "Question (" … ")" around a label (the label itself is content),
 * the colon after a speaker label or a country, "Submitted to … , for …",
 * list markers and numbers, dates (they are data: ISO dates) and signature
 * descriptions (scan notes, not text).
 *
 * Where a block holds both prose and the same facts as data (a delegation's
 * description and its institutions; a signing statement and its place/date;
 * a presentation heading and its title/presenter; a remark's speaker label
 * and its role), only the prose is yielded: it is what the document prints.
 * A presentation without a heading line of its own prints one made from its
 * presenter, organisation and title: those are yielded instead.
 * Register entries are yielded only where the document prints them
 * (signatories print honorific + name, presenters too).
 */
export function meetingPlainText(meeting: Meeting): string[] {
  const out: string[] = [];
  const rt = (r: RichText | undefined) => {
    if (r && r.length > 0) out.push(richTextToString(r));
    // A footnote's text is content too, after the text it hangs on.
    for (const run of r ?? []) if (run.footnote && run.footnote.length > 0) out.push(richTextToString(run.footnote));
  };
  const str = (s: string | undefined) => {
    if (s) out.push(s);
  };
  const people = new Map(meeting.people.map((p) => [p.id, p]));
  const organisations = new Map(meeting.organisations.map((o) => [o.id, o]));

  const { titleBlock, venue } = meeting;
  const front = meeting.frontMatter;
  if (front) {
    str(front.symbol);
    rt(front.issuingBody);
    str(front.distribution);
    str(front.originalLanguage);
    str(front.classification);
    rt(front.dateline);
    for (const l of front.session ?? []) rt(l);
  }
  rt(titleBlock.label);
  rt(titleBlock.title);
  rt(titleBlock.joiner);
  rt(titleBlock.theme);
  str(venue.city);
  str(venue.country);
  str(front?.meetingTime);
  const agenda = new Map((meeting.agenda ?? []).map((a) => [a.id, a]));

  const bullets = (items: readonly Bullet[]) => {
    // Iterative pre-order walk: bullets are the only recursive structure.
    const stack: Bullet[] = [...items].reverse();
    while (stack.length > 0) {
      const b = stack.pop()!;
      str(b.decision?.number);
      str(b.country);
      rt(b.text);
      if (b.children) for (let i = b.children.length - 1; i >= 0; i--) stack.push(b.children[i]!);
    }
  };
  const signatory = (s: Signatory) => {
    str(s.role);
    const p = s.personId ? people.get(s.personId) : undefined;
    str(p ? personDisplayName(p) : s.name);
    s.titleLines.forEach(str);
  };
  const statement = (s: Statement) => {
    str(s.by.label);
    s.paragraphs.forEach(rt);
  };

  const leaf = (b: LeafBlock) => {
    switch (b.type) {
      case 'paragraph':
      case 'disclaimer':
      case 'signing':
      case 'next-meeting':
        rt(b.text);
        break;
      case 'observers':
        rt(b.text);
        break;
      case 'list':
        rt(b.heading);
        bullets(b.items);
        break;
      case 'delegations':
        for (const d of b.delegations) {
          // As the format: the description when it says anything, else the data.
          if (d.description?.some((p) => p.some((r) => r.text.trim() !== ''))) d.description.forEach(rt);
          else {
            str(d.country);
            d.institutions.forEach(str);
          }
        }
        break;
      case 'presiding':
        b.paragraphs.forEach(rt);
        break;
      case 'remark':
        rt(b.speakerLabel);
        b.paragraphs.forEach(rt);
        break;
      case 'presentation':
        if (b.heading.some((r) => r.text.trim() !== '')) rt(b.heading);
        else {
          const presenter = b.presenterPersonId ? people.get(b.presenterPersonId) : undefined;
          const org = b.organisationId ? organisations.get(b.organisationId) : undefined;
          str(presenter && personDisplayName(presenter));
          str(org && organisationShortName(org));
          str(b.title);
        }
        bullets(b.bullets);
        if (b.recommendations) {
          rt(b.recommendations.heading);
          bullets(b.recommendations.items);
        }
        break;
      case 'qa':
        rt(b.heading);
        for (const turn of b.turns) {
          statement(turn.question);
          turn.answers.forEach(statement);
        }
        break;
      case 'suggestions':
        rt(b.heading);
        b.items.forEach(statement);
        break;
      case 'group':
        rt(b.theme);
        for (const part of b.parts) {
          rt(part.heading);
          bullets(part.items);
        }
        break;
      case 'signatories':
        b.signatories.forEach(signatory);
        break;
      case 'decision':
        // As the format: the heading line as worded, else the number and the body (its date is data).
        if (b.heading?.some((r) => r.text.trim() !== '')) rt(b.heading);
        else if (b.number?.trim()) {
          str(b.number);
          const org = b.organisationId ? organisations.get(b.organisationId) : undefined;
          str(org ? organisationShortName(org) : b.body);
        }
        b.text.forEach(rt);
        // Voters' names are searchable whether the vote prints them or a tally; then the explanations.
        for (const list of VOTE_LISTS) for (const v of b.vote?.[list] ?? []) str(v.by.label);
        for (const list of VOTE_LISTS) for (const v of b.vote?.[list] ?? []) v.explanation?.forEach(rt);
        break;
      case 'statement':
        str(b.speaker.label);
        str(b.affiliation);
        b.paragraphs.forEach(rt);
        break;
      case 'routing':
        for (const step of b.steps) {
          str(step.recipient);
          str(step.purpose);
          str(step.place);
          str(step.signerRole);
          if (step.signedBy !== undefined) str(step.signedBy);
        }
        break;
      case 'heading': {
        // As the format: the heading as worded, else its agenda item's number and title.
        const item = b.agendaItemId ? agenda.get(b.agendaItemId) : undefined;
        if (b.text.some((r) => r.text.trim() !== '') || !item) rt(b.text);
        else {
          str(item.number);
          rt(item.title);
        }
        break;
      }
      case 'agenda':
        rt(b.heading);
        for (const item of agenda.values()) {
          str(item.number);
          rt(item.title);
          item.documents.forEach(str);
        }
        break;
      case 'participants':
        rt(b.heading);
        for (const g of b.groups) {
          rt(g.heading);
          for (const r of g.rows) {
            const p = r.personId ? people.get(r.personId) : undefined;
            str(r.name?.trim() || !p ? r.name : personDisplayName(p));
            str(r.functionLabel);
            const org = r.organisationId ? organisations.get(r.organisationId) : undefined;
            str(r.affiliation?.trim() || !org ? r.affiliation : organisationShortName(org));
          }
        }
        break;
      case 'letter':
        str(b.reference);
        str(b.place);
        b.addressee.forEach(rt);
        rt(b.salutation);
        b.paragraphs.forEach((x) => rt(x.text));
        rt(b.close);
        if (b.signer) signatory(b.signer);
        break;
      default: {
        const never: never = b;
        throw new Error(`meetingPlainText: unhandled block ${JSON.stringify(never)}`);
      }
    }
  };

  const block = (b: Block) => {
    if (b.type === 'section') {
      rt(b.heading);
      b.blocks.forEach(block);
    } else if (b.type === 'session') {
      rt(b.title);
      b.items.forEach(leaf);
    } else leaf(b);
  };
  meeting.body.forEach(block);
  for (const a of meeting.annexes ?? []) {
    rt(a.title);
    a.blocks.forEach(block);
  }
  return out;
}

/** The title for lists and window titles: the title line, plain. */
export function meetingTitle(meeting: Pick<Meeting, 'titleBlock'>): string {
  return richTextToString(meeting.titleBlock.title).trim();
}

/** The first day of the meeting, ISO `YYYY-MM-DD` (sorting, listing). */
export function meetingDate(meeting: Pick<Meeting, 'dates'>): string {
  return meeting.dates.start;
}
