import { newId } from '../../../../../shared/minutes';
import { routingStep } from '../../../model/factory';
import { RoutingBlockEditor } from '../RoutingBlockEditor';
import { changeBlock } from '../common';
import { AGREED_LAYOUT, defineBlock } from '../descriptor';

export const routing = defineBlock('routing')({
  label: 'Routing',
  create: () => ({ id: newId('b'), type: 'routing', steps: [routingStep()] }),
  firstField: (b) => `${b.steps[0]?.id ?? b.id}.recipient`,
  Editor: RoutingBlockEditor,
  allowedIn: ['body', 'section', 'session'],
  insert: { label: 'Add a routing chain' },
  commands: [
    {
      id: 'routing.addStep',
      label: 'Add a routing step',
      run: (b) => {
        const r = routingStep(b.steps.length > 0 ? 'seen-and-submitted' : 'submitted');
        changeBlock<typeof b>(b.id, (x) => ({ ...x, steps: [...x.steps, r] }), `${r.id}.recipient`);
      },
    },
  ],
  layout: { module: AGREED_LAYOUT, handler: "case 'routing'" },
});
