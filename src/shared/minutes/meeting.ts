import { z } from 'zod';
import { Block } from './blocks';
import { LIMITS } from './limits';
import { Organisation, Person } from './people';
import { RichText } from './richText';
import { Id, IsoDate, boundedArray, label } from './scalars';
import { walkIds, type IdPath } from './idWalk';
import { MeetingFormatSchema } from './formatTemplate';
import { Annex } from './annexes';

/**
 * The whole minutes document.
 *
 * The title block is data, not a paragraph: listing, search and the format's
 * cover page need the title, dates and place separately. The seeds differ:
 * 2018 prints a document label ("Meeting Minute") above the meeting title;
 * 2019 prints the title, a joining line "For" and a theme.
 */
export const TitleBlock = z.strictObject({
  /** "Meeting Minute" — a label above the title, when the minutes have one. */
  label: RichText.optional(),
  /** The meeting's title line as printed. */
  title: RichText,
  /** The line between title and theme ("For"). */
  joiner: RichText.optional(),
  theme: RichText.optional(),
  /**
   * Set on a corrigendum (made from sealed minutes, which never change): the minutes it corrects,
   * printed above the title as "Corrigendum to …".
   */
  corrigendumTo: z
    .strictObject({ meetingId: Id, title: label(), version: label().optional() })
    .optional(),
});
export type TitleBlock = z.infer<typeof TitleBlock>;

export const DateRange = z
  .strictObject({ start: IsoDate, end: IsoDate })
  .refine((r) => r.end >= r.start, { error: 'The end date is before the start date', path: ['end'] });
export type DateRange = z.infer<typeof DateRange>;

export const Venue = z.strictObject({
  /** "Sokha Hotel". Metadata: the seeds name the hotel only in prose. */
  name: label().optional(),
  city: label(),
  /** As printed: "The Kingdom of Cambodia", "Kingdom of Cambodia". */
  country: label(),
});
export type Venue = z.infer<typeof Venue>;

/**
 * What stands before the title in minutes issued as documents (UN summary records, reports): the
 * masthead's facts, the meeting's time and a dateline. All optional: the format prints what exists,
 * in the lines and order its template composes (titleBlock.lines), with its own words
 * ("Original: {language}"); the classification marks every page, overriding the template's marking.
 */
export const FrontMatter = z.strictObject({
  /** The document symbol: "E/CN.6/2024/SR.3", "RCM/2024/3". */
  symbol: label().optional(),
  /** "Economic and Social Council". */
  issuingBody: RichText.optional(),
  /** "General", "Limited" (printed "Distr.: General" by a template label). */
  distribution: label().optional(),
  dateOfIssue: IsoDate.optional(),
  /** "English" (printed "Original: English" by a template label). */
  originalLanguage: label().optional(),
  /** "CONFIDENTIAL": printed at the top and foot of every page. */
  classification: label().optional(),
  /** "10 a.m." */
  meetingTime: label().optional(),
  /** A line above the title: "Bangkok, 12 March 2024". */
  dateline: RichText.optional(),
  /**
   * The session lines of a UN masthead's left column, above the title, one printed line each: "2024
   * session", "27 July 2023–24 July 2024", "Coordination segment".
   */
  session: boundedArray(RichText).optional(),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

/**
 * An item of the meeting's agenda: what headings (`heading.agendaItemId`) and the generated agenda
 * (an `agenda` block) print. The number is as the agenda numbers it ("3", "3 (a)").
 */
export const AgendaItem = z.strictObject({
  id: Id,
  number: label(),
  title: RichText,
  /** Document symbols considered under the item; may be empty. */
  documents: boundedArray(label()),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

const MeetingObject = z.strictObject({
  id: Id,
  /** BCP 47 language of the text ("en", "km", "lo", "my"): fonts, hyphenation, spell-check. */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { error: 'Invalid language tag, e.g. "en" or "km"' }),
  frontMatter: FrontMatter.optional(),
  titleBlock: TitleBlock,
  dates: DateRange,
  venue: Venue,
  people: boundedArray(Person),
  organisations: boundedArray(Organisation),
  agenda: boundedArray(AgendaItem).optional(),
  body: boundedArray(Block, LIMITS.maxBlocks),
  /**
   * How the minutes look: a built-in format template and the meeting's changes to it
   * (src/shared/format/template.ts). Absent: the agreed format of the seeds.
   */
  format: MeetingFormatSchema.optional(),
  /** Annexes, printed after the body and the signatures, each on a new page, numbered by the format. */
  annexes: boundedArray(Annex).optional(),
});

/** Everything but the body: what a save sends when the title block, dates, venue or register change. */
export const MeetingHeadSchema = MeetingObject.omit({ body: true });

/**
 * Cross-field rules zod cannot express per field: ids are unique within the
 * document (comments and redlines point at them) and every reference
 * resolves. The walk (idWalk.ts) is shared with the store, which applies the
 * same rules to a save record by record.
 */
export const Meeting = MeetingObject.superRefine((meeting, ctx) => {
  const { ids, delegations, refs } = walkIds(meeting);
  const firstSeen = new Map<string, IdPath>();
  for (const { id, path } of ids) {
    const earlier = firstSeen.get(id);
    if (earlier) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'id'],
        message: `Duplicate id "${id}" (first used at ${formatPath(['meeting', ...earlier, 'id'])})`,
      });
    } else firstSeen.set(id, path);
  }
  // References are checked once all ids are known (a speaker may precede the register entry in a walk).
  const known = {
    person: new Set(meeting.people.map((p) => p.id)),
    organisation: new Set(meeting.organisations.map((o) => o.id)),
    delegation: new Set(delegations),
    agendaItem: new Set((meeting.agenda ?? []).map((a) => a.id)),
    target: firstSeen,
  };
  for (const ref of refs) {
    if (!known[ref.kind].has(ref.id)) {
      ctx.addIssue({ code: 'custom', path: ref.path, message: ref.kind === 'target' ? `Cross-reference to unknown id "${ref.id}"` : `Unknown ${ref.kind} id "${ref.id}"` });
    }
  }
});
export type Meeting = z.infer<typeof Meeting>;

/**
 * `meeting.body[3].items[0]`: the path notation of every error message.
 * Kept here (not in validate.ts) because the duplicate-id message needs it.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$]*$/.test(seg)) s += s === '' ? seg : `.${seg}`;
    else s += `[${JSON.stringify(String(seg))}]`;
  }
  return s;
}
