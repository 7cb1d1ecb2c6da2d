import type { Block } from '../../../shared/minutes';

/** Each block type of the model by its `type`, for the editors. */
export type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>;
export type ParagraphB = BlockOf<'paragraph'>;
export type ListB = BlockOf<'list'>;
export type DelegationsB = BlockOf<'delegations'>;
export type ObserversB = BlockOf<'observers'>;
export type PresidingB = BlockOf<'presiding'>;
export type RemarkB = BlockOf<'remark'>;
export type StatementB = BlockOf<'statement'>;
export type PresentationB = BlockOf<'presentation'>;
export type QaB = BlockOf<'qa'>;
export type SuggestionsB = BlockOf<'suggestions'>;
export type GroupB = BlockOf<'group'>;
export type NextMeetingB = BlockOf<'next-meeting'>;
export type DisclaimerB = BlockOf<'disclaimer'>;
export type SigningB = BlockOf<'signing'>;
export type SignatoriesB = BlockOf<'signatories'>;
export type RoutingB = BlockOf<'routing'>;
export type DecisionB = BlockOf<'decision'>;
export type ParticipantsB = BlockOf<'participants'>;
export type LetterB = BlockOf<'letter'>;
export type SessionB = BlockOf<'session'>;
export type SectionB = BlockOf<'section'>;
