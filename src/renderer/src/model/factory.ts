import { newId } from '../../../shared/minutes';
import type { Block, LeafBlock, QaTurn, Statement, GroupPart, Delegation, Signatory, RoutingStep } from '../../../shared/minutes';
import type { AnyBlock } from './tree';

/** New, empty pieces of a meeting with fresh ids, as the editor inserts them. */

export const statement = (label = ''): Statement => ({ id: newId('s'), by: { label }, paragraphs: [[]] });
export const turn = (): QaTurn => ({ id: newId('t'), question: statement(), answers: [statement()] });
export const groupPart = (kind: GroupPart['kind'] = 'findings'): GroupPart => ({ id: newId('gp'), kind, items: [] });
export const delegation = (): Delegation => ({ id: newId('d'), country: '', institutions: [] });
export const signatory = (): Signatory => ({ id: newId('g'), role: '', name: '', titleLines: [], signature: { kind: 'none' } });
export const routingStep = (kind: RoutingStep['kind'] = 'submitted'): RoutingStep => ({
  id: newId('r'),
  kind,
  recipient: '',
  purpose: kind === 'submitted' ? 'for information' : 'for information and advices',
  place: '',
  date: new Date().toISOString().slice(0, 10),
  signerRole: '',
  signature: { kind: 'none' },
});

export type NewBlockType = Block['type'];

export function newBlock(type: NewBlockType, today = new Date().toISOString().slice(0, 10)): AnyBlock {
  const id = newId('b');
  switch (type) {
    case 'section':
      return { id, type, heading: [], blocks: [] };
    case 'session':
      return { id, type, number: 1, title: [], items: [] };
    case 'paragraph':
      return { id, type, role: 'text', text: [] };
    case 'list':
      return { id, type, role: 'points', numbering: 'bullet', items: [] };
    case 'delegations':
      return { id, type, delegations: [] };
    case 'observers':
      return { id, type, organisationIds: [], text: [] };
    case 'presiding':
      return { id, type, paragraphs: [[]] };
    case 'remark':
      return { id, type, occasion: 'other', paragraphs: [[]] };
    case 'presentation':
      return { id, type, heading: [], bullets: [] };
    case 'qa':
      return { id, type, turns: [turn()] };
    case 'suggestions':
      return { id, type, items: [statement()] };
    case 'group':
      return { id, type, number: 1, theme: [], parts: [groupPart('findings')] };
    case 'next-meeting':
      return { id, type, text: [] };
    case 'disclaimer':
      return { id, type, text: [] };
    case 'signing':
      return { id, type, text: [], place: '', date: today };
    case 'signatories':
      return { id, type, signatories: [] };
    case 'routing':
      return { id, type, steps: [routingStep()] };
  }
}

/** The field that gets the cursor when a block is inserted. */
export function firstField(block: AnyBlock): string {
  switch (block.type) {
    case 'section':
      return `${block.id}.heading`;
    case 'session':
      return `${block.id}.title`;
    case 'paragraph':
    case 'observers':
    case 'next-meeting':
    case 'disclaimer':
    case 'signing':
      return `${block.id}.text`;
    case 'list':
      return `${block.id}.items`;
    case 'presiding':
    case 'remark':
      return `${block.id}.paragraphs`;
    case 'presentation':
      return `${block.id}.heading`;
    case 'qa':
      return `${block.turns[0]?.question.id ?? block.id}.by`;
    case 'suggestions':
      return `${block.items[0]?.id ?? block.id}.by`;
    case 'group':
      return `${block.id}.theme`;
    default:
      return `${block.id}.first`;
  }
}

export const BLOCK_LABELS: Record<NewBlockType, string> = {
  section: 'Section',
  session: 'Session',
  paragraph: 'Paragraph',
  list: 'List',
  delegations: 'Delegations',
  observers: 'Observers',
  presiding: 'Presiding official',
  remark: 'Remarks',
  presentation: 'Presentation',
  qa: 'Questions and answers',
  suggestions: 'Suggestions',
  group: 'Group discussion',
  'next-meeting': 'Next meeting',
  disclaimer: 'Disclaimer',
  signing: 'Signing statement',
  signatories: 'Signatories',
  routing: 'Routing',
};

export type { LeafBlock };
