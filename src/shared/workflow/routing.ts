import type { Block, Meeting, RoutingStep } from '../minutes';
import { documentBlocks } from '../minutes';

/** Every routing step of a document, in order: step N of `minuta route` and `recordRoutingStep` is the Nth. */
export function routingSteps(meeting: Pick<Meeting, 'body' | 'annexes'>): RoutingStep[] {
  const out: RoutingStep[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'routing') out.push(...b.steps);
      else if (b.type === 'section') walk(b.blocks);
      else if (b.type === 'session') walk(b.items as Block[]);
    }
  };
  walk(documentBlocks(meeting));
  return out;
}
