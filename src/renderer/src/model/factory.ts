import { newId } from '../../../shared/minutes';
import type { LeafBlock, QaTurn, Statement, GroupPart, Delegation, Signatory, RoutingStep } from '../../../shared/minutes';

/** New, empty pieces of blocks with fresh ids; whole new blocks come from their descriptors (editor/blocks). */

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

export type { LeafBlock };
