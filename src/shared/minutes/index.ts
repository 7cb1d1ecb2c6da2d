/**
 * The minutes model: typed, versioned, validated data for everything the
 * seed minutes hold. Environment-neutral (imports only zod).
 */
export { LIMITS, checkDocumentSize } from './limits';
export { Id, IsoDate, ID_PATTERN, MIN_YEAR, isoDateProblem, newId } from './scalars';
export { TextRun, RichText, FootnoteRun, FootnoteText, plain, bold, richTextToString } from './richText';
export { Person, Organisation, OrganisationKind, Attribution, organisationShortName, personDisplayName } from './people';
export {
  Bullet,
  Bullets,
  Signature,
  ParagraphBlock,
  ListBlock,
  ListRole,
  Delegation,
  DelegationsBlock,
  ObserversBlock,
  PresidingBlock,
  RemarkBlock,
  PresentationBlock,
  Statement,
  StatementBlock,
  QaTurn,
  QaBlock,
  SuggestionsBlock,
  GroupPart,
  GroupBlock,
  NextMeetingBlock,
  DisclaimerBlock,
  SigningBlock,
  Signatory,
  SignatoriesBlock,
  RoutingStep,
  RoutingBlock,
  DecisionOutcome,
  DecisionMethod,
  DecisionMarker,
  Voter,
  Vote,
  VOTE_LISTS,
  DecisionBlock,
  HeadingBlock,
  AgendaBlock,
  ParticipantFunction,
  Participant,
  ParticipantGroup,
  ParticipantsBlock,
  LetterParagraph,
  LetterBlock,
  LeafBlock,
  SessionBlock,
  SectionBlock,
  Block,
} from './blocks';
export type { BlockType, VoteList } from './blocks';
export { Meeting, MeetingHeadSchema, TitleBlock, DateRange, Venue, FrontMatter, AgendaItem, formatPath } from './meeting';
export { Annex, blockListOf, documentBlocks } from './annexes';
export { FORMAT_TEMPLATE_NAMES, FormatOverridesSchema, FormatTemplateSchema, MeetingFormatSchema } from './formatTemplate';
export type { FormatOverrides, FormatTemplate, FormatTemplateName, MeetingFormat } from './formatTemplate';
export {
  BlockRecordSchema,
  MeetingChangesSchema,
  splitMeeting,
  joinMeeting,
  diffMeetings,
  hasChanges,
  recordOf,
  headOf,
} from './changes';
export type { MeetingHead, BlockRecord, SessionRecord, SectionRecord, SplitMeeting, MeetingChanges } from './changes';
export { checkStructure, formatIssues, issueMessage, validateMeeting } from './validate';
export { walkIds } from './idWalk';
export type { IdWalk, IdPath, RefKind } from './idWalk';
export { interchangeBytes, DEEPEST_BLOCK_LEVEL, HEAD_LEVEL, ENVELOPE_BYTES } from './size';
export type { Result } from './validate';
export {
  Interchange,
  InterchangeBase,
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  INTERCHANGE_EXTENSION,
  parseInterchange,
  parseInterchangeBytes,
  decodeInterchangeBytes,
  serializeInterchange,
  serializeMeetingContent,
  interchangeJsonSchema,
} from './interchange';
export type { ParseResult, InterchangeReview, InterchangeExtras } from './interchange';
export { createFromTemplate, TEMPLATE_NAMES } from './templates';
export type { TemplateName, TemplateOptions } from './templates';
export { meetingPlainText, meetingTitle, meetingDate } from './text';
