import { MinutaError } from '../../shared/errors';
import { personDisplayName, type Block, type Meeting, type RoutingStep } from '../../shared/minutes';
import { routingSteps } from '../../shared/workflow/routing';

export { routingSteps };

export interface RoutingRecord {
  /** 1-based, in document order across every routing block ("Submitted to …" is usually 1). */
  step: number;
  /** When it happened (ISO date). */
  date: string;
  /** Who signed it, from the register (sets the step's signer and the name printed). */
  personId?: string;
  /** The name printed as the signer; by default the register's name of the step's signer, else the recorder. */
  by?: string;
  /** The seq the caller read (the app); the CLI records on the current head. */
  base?: number;
}

/** The document with step `record.step` dated and signed as recorded; refuses a step or person that does not exist. */
export function recordRoutingStep(meeting: Meeting, record: RoutingRecord, recorder: string): { meeting: Meeting; step: RoutingStep } {
  const steps = routingSteps(meeting);
  const target = steps[record.step - 1];
  if (!target) {
    throw new MinutaError('invalid', `These minutes have ${steps.length} routing step${steps.length === 1 ? '' : 's'}; there is no step ${record.step}`, 'step');
  }
  if (record.personId !== undefined && !meeting.people.some((p) => p.id === record.personId)) {
    throw new MinutaError('invalid', `No person with id ${record.personId.slice(0, 64)} in the register of these minutes`, 'personId');
  }
  const signerId = record.personId ?? target.signerPersonId;
  const signer = signerId === undefined ? undefined : meeting.people.find((p) => p.id === signerId);
  const signedBy = (record.by?.trim() || (signer ? personDisplayName(signer) : recorder)).slice(0, 500);
  const updated: RoutingStep = {
    ...target,
    date: record.date,
    signedBy,
    ...(record.personId !== undefined ? { signerPersonId: record.personId } : {}),
  };
  const replace = (blocks: readonly Block[]): Block[] =>
    blocks.map((b) => {
      if (b.type === 'routing') return { ...b, steps: b.steps.map((s) => (s === target ? updated : s)) };
      if (b.type === 'section') return { ...b, blocks: replace(b.blocks) } as Block;
      if (b.type === 'session') return { ...b, items: replace(b.items as Block[]) } as Block;
      return b;
    });
  // A routing step may stand in an annex (routingSteps counts them after the body's, as they print).
  const annexes = meeting.annexes?.map((a) => ({ ...a, blocks: replace(a.blocks) }));
  return { meeting: { ...meeting, body: replace(meeting.body), ...(annexes ? { annexes } : {}) }, step: updated };
}
