import { z } from 'zod';
import { LIMITS } from './limits';
import { Attribution } from './people';
import { RichText, type TextRun } from './richText';
import { Id, IsoDate, boundedArray, label, longText } from './scalars';

/**
 * The typed blocks a minutes body is made of.
 *
 * Why an ordered list of blocks rather than fixed fields: the two seeds order
 * the same things differently (2018: summary, A–D sections with sessions, Q&A
 * and groups, then a routing chain; 2019: prose, objectives, delegations,
 * challenges, agreements, disclaimer, signatories). A body of typed blocks
 * fits both and any future form, while each block is still structured data.
 *
 * Nesting is fixed and shallow — body → section → session → item — so only the
 * bullets are recursive (and bounded by LIMITS.maxBulletDepth).
 *
 * Content vs format: words that the agreed format generates from data
 * (section letters "A.", "Session 1:", "Group 2:", "Question (UN Women)",
 * "Submitted to … , for …", the colon after a speaker or country label, list
 * markers, dates written out) are NOT stored as text. Wording that an author
 * chose (section headings, session titles, presentation headings, speaker
 * labels as written) is stored verbatim. Where the seeds state structured
 * facts as prose ("The Inter-Ministerial Delegation of … is comprised of …"),
 * the prose is kept as rich text and the structured data sits alongside it.
 */

// ---------------------------------------------------------------- decisions

export const DecisionOutcome = z.enum(['adopted', 'rejected', 'deferred', 'noted']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;
/** How it was taken: by consensus (no vote), by a vote at the meeting, or by notation (written) vote. */
export const DecisionMethod = z.enum(['consensus', 'vote', 'notation-vote']);
export type DecisionMethod = z.infer<typeof DecisionMethod>;

/**
 * The facts that make a text a decision, shared by the decision block and the marker on an agreement
 * or recommendation. All optional but the outcome and method, since minutes are drafted live.
 */
const decisionFacts = {
  /** Its own number or label as the body numbers it: "Decision 3/2019", "Resolution 2025-07-30.1". */
  number: label().optional(),
  /** The body that took it, when bodies meet jointly: a register organisation… */
  organisationId: Id.optional(),
  /** …or a label ("Joint Committee") when it is not in the register. */
  body: label().optional(),
  /** When it was taken, if not on the meeting's day (a notation vote completed earlier). */
  date: IsoDate.optional(),
  outcome: DecisionOutcome,
  method: DecisionMethod,
};

export const DecisionMarker = z.strictObject(decisionFacts);
export type DecisionMarker = z.infer<typeof DecisionMarker>;

/**
 * One voter in a roll call: a register reference (a person, a delegation or an organisation) with the
 * name as the minutes print it, and the explanation of vote this voter gave, if any. The id lets an
 * explanation, a comment or a redline point at the voter.
 */
export const Voter = z.strictObject({
  id: Id,
  by: Attribution,
  /** The explanation of vote, as the minutes word it ("Mr. Rosengren dissented because …"). */
  explanation: boundedArray(RichText).optional(),
});
export type Voter = z.infer<typeof Voter>;

/**
 * A recorded vote: who voted for, against, abstained or was absent. The tally is computed from these
 * lists (src/shared/decisions/tally.ts), never stored, so that it cannot contradict the names.
 */
export const Vote = z.strictObject({
  for: boundedArray(Voter),
  against: boundedArray(Voter),
  abstaining: boundedArray(Voter),
  absent: boundedArray(Voter),
});
export type Vote = z.infer<typeof Vote>;
export const VOTE_LISTS = ['for', 'against', 'abstaining', 'absent'] as const;
export type VoteList = (typeof VOTE_LISTS)[number];

// ---------------------------------------------------------------- bullets

export interface Bullet {
  id: string;
  text: TextRun[];
  /**
   * A per-country remark, printed as a bold "Lao:" before the text. Kept as a
   * field rather than bold text so that remarks can be listed per country and
   * stay exactly where the minutes put them (after the findings of a group,
   * or inside its "Implementation by country" list).
   */
  country?: string | undefined;
  /**
   * Marks an agreement or recommendation as a decision (its number, outcome, date…) without retyping
   * it as a decision block: the consensus texts of the seeds ("The meeting agreed …") are decisions.
   */
  decision?: DecisionMarker | undefined;
  children?: Bullet[] | undefined;
}

/**
 * Recursive through z.lazy. Depth is NOT limited here: a zod schema cannot
 * limit its own recursion without recursing. `checkStructure` (validate.ts)
 * measures bullet depth iteratively before zod runs and rejects hostile depth
 * with the path; zod then only ever sees bounded input.
 */
export const Bullet: z.ZodType<Bullet> = z.lazy(() =>
  z.strictObject({
    id: Id,
    text: RichText,
    country: label().optional(),
    decision: DecisionMarker.optional(),
    children: boundedArray(Bullet).optional(),
  }),
);

export const Bullets = boundedArray(Bullet);

// ---------------------------------------------------------------- signatures

/**
 * What is known about a signature on paper or electronically. The scans say
 * e.g. "Handwritten signature in blue ink and a red official stamp in Khmer
 * script." — that is a description of the signature, not minutes text.
 */
export const Signature = z.strictObject({
  /** `unknown`: the source (e.g. a scan's text) does not tell. */
  kind: z.enum(['none', 'unknown', 'handwritten', 'electronic']),
  stamp: z.boolean().optional(),
  note: longText().optional(),
});
export type Signature = z.infer<typeof Signature>;

// ---------------------------------------------------------------- leaf blocks

const base = { id: Id };

export const ParagraphBlock = z.strictObject({
  ...base,
  type: z.literal('paragraph'),
  /** What the paragraph is for; lets templates, search and the format treat a summary differently. */
  role: z.enum(['summary', 'introduction', 'text']).optional(),
  text: RichText,
  /**
   * false: the paragraph continues the numbered paragraph before it and takes no number of its own
   * (a report's paragraph 14 running on in three more paragraphs). Absent: numbered like any running
   * paragraph when the template numbers paragraphs.
   */
  numbered: z.boolean().optional(),
});

export const ListRole = z.enum(['objectives', 'challenges', 'agreements', 'recommendations', 'findings', 'points']);
export type ListRole = z.infer<typeof ListRole>;

export const ListBlock = z.strictObject({
  ...base,
  type: z.literal('list'),
  role: ListRole,
  /** A heading as the minutes word it ("Recommendations"); absent when the list follows its intro paragraph. */
  heading: RichText.optional(),
  /**
   * "bullet" (-), "decimal" (1.), "decimal-paren" (1)), "alpha" and "roman" (sub-paragraphs, labelled
   * by the template: "(a)", "(i)"), "none" (plain paragraphs).
   */
  numbering: z.enum(['bullet', 'decimal', 'decimal-paren', 'none', 'alpha', 'roman']),
  items: Bullets,
});

export const Delegation = z.strictObject({
  id: Id,
  country: label(),
  headPersonId: Id.optional(),
  memberCount: z.int().min(0).max(100_000).optional(),
  /** Ministries and bodies the delegation represents, one per entry. */
  institutions: boundedArray(label()),
  /**
   * The delegation as the minutes word it. When present it is what gets
   * printed; the fields above are the same facts as data.
   */
  description: boundedArray(RichText).optional(),
});
export type Delegation = z.infer<typeof Delegation>;

export const DelegationsBlock = z.strictObject({
  ...base,
  type: z.literal('delegations'),
  delegations: boundedArray(Delegation),
});

export const ObserversBlock = z.strictObject({
  ...base,
  type: z.literal('observers'),
  organisationIds: boundedArray(Id),
  /** The observers as the minutes word them ("Civil Society Organizations, include: …"). */
  text: RichText,
});

export const PresidingBlock = z.strictObject({
  ...base,
  type: z.literal('presiding'),
  personId: Id.optional(),
  paragraphs: boundedArray(RichText),
});

export const RemarkBlock = z.strictObject({
  ...base,
  type: z.literal('remark'),
  occasion: z.enum(['opening', 'closing', 'other']),
  /** The speaker in the register (optional only so that a template can leave it blank). */
  speakerPersonId: Id.optional(),
  /** The speaker's role at the meeting ("head of the Lao delegation"), as data. */
  role: label().optional(),
  /**
   * How the minutes name the speaker before the remark, printed followed by
   * ": " — e.g. "Mr. Onevong Keobunnavong, head of the Lao delegation". Kept
   * verbatim (spelling may differ from the register). Absent when the
   * paragraph itself names the speaker in prose ("To start the programme,
   * H.E Chou Bun Eng, provided …").
   */
  speakerLabel: RichText.optional(),
  paragraphs: boundedArray(RichText),
});

export const PresentationBlock = z.strictObject({
  ...base,
  type: z.literal('presentation'),
  presenterPersonId: Id.optional(),
  organisationId: Id.optional(),
  /** The title of the talk, as data (search, listing). */
  title: longText().optional(),
  /**
   * The heading line as the minutes word it, overriding the one the format
   * makes from presenter, organisation and title ("Presentation by Mr. Uy
   * Akhara (IOM): Risks and rewards"). Empty: the format's is printed, so a
   * register correction reaches the minutes. The seeds word their own in
   * several ways ("The presentation by Mr. Uy Akhara (IOM Phnom Penh): …",
   * "Presentation by Mr. Oevong Keobunnavong, head of Lao delegation:").
   */
  heading: RichText,
  bullets: Bullets,
  recommendations: z
    .strictObject({
      heading: RichText.optional(),
      items: Bullets,
    })
    .optional(),
});

export const Statement = z.strictObject({
  id: Id,
  by: Attribution,
  paragraphs: boundedArray(RichText),
});
export type Statement = z.infer<typeof Statement>;

export const QaTurn = z.strictObject({
  id: Id,
  question: Statement,
  /**
   * One or more answers, in order. Kept as the minutes have them — the 2018
   * seed has an "Answer (UN-ACT)" that is really a follow-up question.
   */
  answers: boundedArray(Statement),
});
export type QaTurn = z.infer<typeof QaTurn>;

export const QaBlock = z.strictObject({
  ...base,
  type: z.literal('qa'),
  heading: RichText.optional(),
  turns: boundedArray(QaTurn),
});

export const SuggestionsBlock = z.strictObject({
  ...base,
  type: z.literal('suggestions'),
  heading: RichText.optional(),
  items: boundedArray(Statement),
});

export const GroupPart = z.strictObject({
  id: Id,
  /** findings (no heading in the seed), implementation by country, collaboration. */
  kind: z.enum(['findings', 'implementation-by-country', 'collaboration', 'other']),
  heading: RichText.optional(),
  items: Bullets,
});
export type GroupPart = z.infer<typeof GroupPart>;

export const GroupBlock = z.strictObject({
  ...base,
  type: z.literal('group'),
  number: z.int().min(1).max(10_000),
  theme: RichText,
  /** In the minutes' order; per-country remarks are bullets carrying `country`. */
  parts: boundedArray(GroupPart),
});

export const NextMeetingBlock = z.strictObject({
  ...base,
  type: z.literal('next-meeting'),
  text: RichText,
  date: IsoDate.optional(),
  place: label().optional(),
});

export const DisclaimerBlock = z.strictObject({
  ...base,
  type: z.literal('disclaimer'),
  text: RichText,
});

export const SigningBlock = z.strictObject({
  ...base,
  type: z.literal('signing'),
  /** The signing statement as worded; place and date below are the same facts as data. */
  text: RichText,
  place: label(),
  date: IsoDate,
});

export const Signatory = z
  .strictObject({
    id: Id,
    /** The party signed for ("the Kingdom of Cambodia"), printed above as the format words it ("For the Government of …"). */
    party: label().optional(),
    /** "Head of Cambodia Delegation": the office; a signatory known by office alone needs no name. */
    role: label(),
    personId: Id.optional(),
    /** Only when the signatory is not in the register. */
    name: label().optional(),
    /** As printed under the signature. */
    titleLines: boundedArray(label()),
    /** Where and when this signature is given, when each signatory signs apart (an exchange of notes). */
    place: label().optional(),
    date: IsoDate.optional(),
    signature: Signature,
  })
  .refine((s) => s.personId !== undefined || s.name !== undefined || s.role.trim() !== '', {
    error: 'A signatory needs a personId, a name or an office (role)',
  });
export type Signatory = z.infer<typeof Signatory>;

export const SignatoriesBlock = z.strictObject({
  ...base,
  type: z.literal('signatories'),
  signatories: boundedArray(Signatory),
});

export const RoutingStep = z.strictObject({
  id: Id,
  /** "Submitted to …" or "Seen, and submitted to …". */
  kind: z.enum(['submitted', 'seen-and-submitted']),
  /** "Her Excellency Permanent Vice Chair", "Samdech Kralahom". */
  recipient: label(),
  /** "for information", "for information and advices". */
  purpose: label(),
  place: label(),
  date: IsoDate,
  /** "Minute taker", "Permanent Vice Chair of NCCT". */
  signerRole: label(),
  signerPersonId: Id.optional(),
  /**
   * Who signed the step, as recorded when it happened (sign-off: "record routing step"); printed with
   * the role. Absent until then: the printed step shows the role and an empty space to sign.
   */
  signedBy: label().optional(),
  signature: Signature,
});
export type RoutingStep = z.infer<typeof RoutingStep>;

export const RoutingBlock = z.strictObject({
  ...base,
  type: z.literal('routing'),
  steps: boundedArray(RoutingStep),
});

/**
 * A decision, resolution or recorded vote: the adopted text set apart, its number, the body that took
 * it, its date, outcome and method, and for a vote the roll call. The heading line is made by the
 * format from the number, body and date unless the minutes word their own (`heading`, which then
 * overrides it, as a presentation's free heading line does).
 */
export const DecisionBlock = z.strictObject({
  ...base,
  type: z.literal('decision'),
  ...decisionFacts,
  heading: RichText.optional(),
  /** The text adopted (or put to the vote), paragraph by paragraph. */
  text: boundedArray(RichText),
  vote: Vote.optional(),
  /**
   * How the vote prints: 'names' ("Voting for this action: A, B, and C." lines, the FOMC's practice)
   * or 'tally' ("Adopted by 9 votes to 2, with 1 absent.", the UN's). Absent: the format's default.
   */
  votePrint: z.enum(['names', 'tally']).optional(),
});
export type DecisionBlock = z.infer<typeof DecisionBlock>;

/**
 * A heading in the flow, at one of three levels, without lettering unless the format template numbers
 * headings of that level. With `agendaItemId` and an empty `text`, the format prints the agenda
 * item's heading from the agenda ("Agenda item 3: …"); a non-empty `text` overrides it.
 */
export const HeadingBlock = z.strictObject({
  ...base,
  type: z.literal('heading'),
  level: z.literal([1, 2, 3]),
  text: RichText,
  agendaItemId: Id.optional(),
});
export type HeadingBlock = z.infer<typeof HeadingBlock>;

/** The meeting's agenda (`Meeting.agenda`: numbers, titles, document symbols), printed where this block stands. */
export const AgendaBlock = z.strictObject({
  ...base,
  type: z.literal('agenda'),
  heading: RichText.optional(),
});
export type AgendaBlock = z.infer<typeof AgendaBlock>;
// ---------------------------------------------------------------- participants, letters (issue 15)

/** What a participant does at the meeting; the format prints the template's word for it after the name ("(Chair)"). */
export const ParticipantFunction = z.enum(['chair', 'vice-chair', 'rapporteur', 'secretary', 'member', 'observer']);
export type ParticipantFunction = z.infer<typeof ParticipantFunction>;

/** One row of an attendance list: a register person or a name as printed, and the country or organisation. */
export const Participant = z
  .strictObject({
    id: Id,
    personId: Id.optional(),
    /** As the list prints it; when absent, the register person's name. */
    name: label().optional(),
    /** The country or organisation as printed ("Thailand", "UNHCR"). */
    affiliation: label().optional(),
    organisationId: Id.optional(),
    function: ParticipantFunction.optional(),
    /** The function as printed, overriding the template's word ("Acting Chair"). */
    functionLabel: label().optional(),
  })
  .refine((p) => p.personId !== undefined || p.name !== undefined, { error: 'A participant needs a personId or a name' });
export type Participant = z.infer<typeof Participant>;

export const ParticipantGroup = z.strictObject({
  id: Id,
  /** "Members", "Observers", "Secretariat". */
  heading: RichText,
  rows: boundedArray(Participant),
});
export type ParticipantGroup = z.infer<typeof ParticipantGroup>;

/** An attendance list printed as a table (name | country or organisation), group by group. */
export const ParticipantsBlock = z.strictObject({
  ...base,
  type: z.literal('participants'),
  heading: RichText.optional(),
  groups: boundedArray(ParticipantGroup),
});
export type ParticipantsBlock = z.infer<typeof ParticipantsBlock>;

export const LetterParagraph = z.strictObject({
  id: Id,
  text: RichText,
  /** The text a note quotes (the other party's note, an agreed text): printed indented as a quote. */
  quoted: z.boolean().optional(),
});
export type LetterParagraph = z.infer<typeof LetterParagraph>;

/**
 * A note or letter of an exchange: reference and dateline, addressee, salutation, body, close and
 * signer. The dateline's date is written out by the format; the signer prints as a signature block.
 */
export const LetterBlock = z.strictObject({
  ...base,
  type: z.literal('letter'),
  kind: z.enum(['note', 'letter']),
  /** "No. 123/2024". */
  reference: label().optional(),
  place: label().optional(),
  date: IsoDate.optional(),
  /** The addressee's lines ("His Excellency …", "Minister of Foreign Affairs", "Bangkok"). */
  addressee: boundedArray(RichText),
  salutation: RichText.optional(),
  paragraphs: boundedArray(LetterParagraph),
  /** "Accept, Excellency, the assurances of my highest consideration." */
  close: RichText.optional(),
  signer: Signatory.optional(),
});
export type LetterBlock = z.infer<typeof LetterBlock>;

/**
 * Reported speech: "Mr. Smith (United Kingdom) said that …". The speaker is data (a label as the
 * minutes name them, linked to the register or a delegation); the format prints the speaker and the
 * affiliation before the first paragraph through a template label, and the paragraphs as stored.
 */
export const StatementBlock = z.strictObject({
  ...base,
  type: z.literal('statement'),
  speaker: Attribution,
  /** As printed in brackets after the speaker; absent: the register organisation or delegation country of the speaker's reference. */
  affiliation: label().optional(),
  paragraphs: boundedArray(RichText),
});
export type StatementBlock = z.infer<typeof StatementBlock>;

/** Blocks that can stand anywhere: in the body, a section or a session. */
export const LeafBlock = z.discriminatedUnion('type', [
  ParagraphBlock,
  ListBlock,
  DelegationsBlock,
  ObserversBlock,
  PresidingBlock,
  RemarkBlock,
  PresentationBlock,
  QaBlock,
  SuggestionsBlock,
  GroupBlock,
  NextMeetingBlock,
  DisclaimerBlock,
  SigningBlock,
  SignatoriesBlock,
  RoutingBlock,
  DecisionBlock,
  HeadingBlock,
  AgendaBlock,
  ParticipantsBlock,
  LetterBlock,
  StatementBlock,
]);
export type LeafBlock = z.infer<typeof LeafBlock>;

// ---------------------------------------------------------------- containers

export const SessionBlock = z.strictObject({
  ...base,
  type: z.literal('session'),
  number: z.int().min(1).max(10_000),
  title: RichText,
  items: boundedArray(LeafBlock, LIMITS.maxBlocks),
});
export type SessionBlock = z.infer<typeof SessionBlock>;

export const SectionBlock = z.strictObject({
  ...base,
  type: z.literal('section'),
  /** "PARTICIPANTS OF THE MEETING"; the letter "A." is the format's. */
  heading: RichText,
  blocks: boundedArray(z.discriminatedUnion('type', [SessionBlock, ...LeafBlock.options]), LIMITS.maxBlocks),
});
export type SectionBlock = z.infer<typeof SectionBlock>;

export const Block = z.discriminatedUnion('type', [SectionBlock, SessionBlock, ...LeafBlock.options]);
export type Block = z.infer<typeof Block>;
export type BlockType = Block['type'];
