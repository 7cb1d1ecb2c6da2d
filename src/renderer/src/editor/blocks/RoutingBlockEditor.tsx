import type { RoutingStep } from '../../../../shared/minutes';
import type { RoutingB } from '../../model/types';
import { routingStep } from '../../model/factory';
import { Select, TextInput, withOptional } from '../fields/TextInput';
import { Autocomplete } from '../../register/Autocomplete';
import { personLabel, personOptions } from '../../register/options';
import { useAppStore } from '../../state/store';
import { SignatureFields } from './SignatoriesBlockEditor';
import { commitBlock, changeBlock, mapById, removeAt } from './common';
import { RecordRoutingStep } from '../../workflow/RecordRoutingStep';

const KINDS = [
  { value: 'submitted', label: 'Submitted to' },
  { value: 'seen-and-submitted', label: 'Seen, and submitted to' },
] as const;

export function RoutingBlockEditor({ block }: { block: RoutingB }) {
  const people = useAppStore((s) => s.doc?.meeting.people) ?? [];
  const id = block.id;
  const set = (sid: string, fn: (s: RoutingStep) => RoutingStep, field: string, typing = true) =>
    commitBlock<RoutingB>(id, (b) => ({ ...b, steps: mapById(b.steps, sid, fn) }), field, typing);
  const text = (s: RoutingStep, key: 'recipient' | 'purpose' | 'place' | 'signerRole', label: string) => (
    <TextInput field={`${s.id}.${key}`} blockId={id} label={label} value={s[key]}
      onChange={(v) => set(s.id, (x) => ({ ...x, [key]: v }), `${s.id}.${key}`)} />
  );
  return (
    <div className="routing">
      {block.steps.map((s, i) => (
        <div className="routing-step" key={s.id}>
          <div className="row">
            <Select label="Step" value={s.kind} options={KINDS} onChange={(kind) => set(s.id, (x) => ({ ...x, kind }), `${s.id}.kind`, false)} />
            {text(s, 'recipient', 'Recipient')}
            {text(s, 'purpose', 'Purpose')}
            <button type="button" className="icon" tabIndex={-1} aria-label="Remove this step"
              onClick={() => changeBlock<RoutingB>(id, (b) => ({ ...b, steps: removeAt(b.steps, i) }))}>✕</button>
          </div>
          <div className="row">
            {text(s, 'place', 'Place')}
            <TextInput field={`${s.id}.date`} blockId={id} label="Date" type="date" value={s.date}
              onChange={(v) => v && set(s.id, (x) => ({ ...x, date: v }), `${s.id}.date`)} />
            {text(s, 'signerRole', 'Signed by (role)')}
            <Autocomplete label="Signer" field={`${s.id}.signer`} source={personOptions} placeholder="From the register"
              text={personLabel({ people }, s.signerPersonId)}
              onSelect={(o) => set(s.id, (x) => withOptional(x, 'signerPersonId', o.id), `${s.id}.signer`, false)} />
          </div>
          <RecordRoutingStep stepId={s.id} />
          <SignatureFields id={s.id} blockId={id} signature={s.signature}
            onChange={(signature, typing) => set(s.id, (x) => ({ ...x, signature }), `${s.id}.signature`, typing)} />
        </div>
      ))}
      <button type="button" className="link"
        onClick={() => {
          const s = routingStep('seen-and-submitted');
          changeBlock<RoutingB>(id, (b) => ({ ...b, steps: [...b.steps, s] }), `${s.id}.recipient`);
        }}>
        + Routing step
      </button>
    </div>
  );
}
