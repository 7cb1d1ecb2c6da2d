import type { Signatory, Signature } from '../../../../shared/minutes';
import type { SignatoriesB } from '../../model/types';
import { signatory } from '../../model/factory';
import { Select, TextInput, withOptional } from '../fields/TextInput';
import { Autocomplete } from '../../register/Autocomplete';
import { personLabel, personOptions } from '../../register/options';
import { useAppStore } from '../../state/store';
import { commitBlock, changeBlock, mapById, removeAt } from './common';

export const SIGNATURE_KINDS = [
  { value: 'none', label: 'Not signed' },
  { value: 'handwritten', label: 'Handwritten' },
  { value: 'electronic', label: 'Electronic' },
  { value: 'unknown', label: 'Unknown (from a scan)' },
] as const;

export function SignatureFields({ id, blockId, signature, onChange }: { id: string; blockId: string; signature: Signature; onChange(s: Signature, typing: boolean): void }) {
  return (
    <div className="row">
      <Select label="Signature" field={`${id}.signature`} value={signature.kind} options={SIGNATURE_KINDS} onChange={(kind) => onChange({ ...signature, kind }, false)} />
      <label className="ti ti-check">
        <input type="checkbox" checked={signature.stamp ?? false}
          onChange={(e) => onChange(withOptional({ ...signature, stamp: e.target.checked }, 'note', signature.note), false)} />
        <span className="ti-label">Stamp</span>
      </label>
      <TextInput field={`${id}.note`} blockId={blockId} label="Note on the signature" value={signature.note ?? ''}
        onChange={(v) => onChange(withOptional(signature, 'note', v), true)} />
    </div>
  );
}

export function SignatoriesBlockEditor({ block }: { block: SignatoriesB }) {
  const people = useAppStore((s) => s.doc?.meeting.people) ?? [];
  const id = block.id;
  const set = (sid: string, fn: (s: Signatory) => Signatory, field: string, typing = true) =>
    commitBlock<SignatoriesB>(id, (b) => ({ ...b, signatories: mapById(b.signatories, sid, fn) }), field, typing);
  return (
    <div className="signatories">
      {block.signatories.map((s, i) => (
        <div className="signatory" key={s.id} data-signatory-id={s.id}>
          <div className="row">
            <TextInput field={`${s.id}.role`} blockId={id} label="Signs as" value={s.role} placeholder="Head of Cambodia Delegation"
              onChange={(v) => set(s.id, (x) => ({ ...x, role: v }), `${s.id}.role`)} />
            <Autocomplete label="Signatory" field={`${s.id}.person`} source={personOptions} placeholder="From the register"
              text={s.personId ? personLabel({ people }, s.personId) : (s.name ?? '')}
              onText={(name) => set(s.id, (x) => { const { personId: _p, ...rest } = x; return { ...rest, name }; }, `${s.id}.person`)}
              onSelect={(o) => set(s.id, (x) => {
                const p = people.find((pp) => pp.id === o.id);
                const { name: _n, ...rest } = x;
                return { ...rest, personId: o.id, titleLines: x.titleLines.length > 0 ? x.titleLines : [...(p?.titleLines ?? [])] };
              }, `${s.id}.person`, false)} />
            <button type="button" className="icon" tabIndex={-1} aria-label="Remove this signatory"
              onClick={() => changeBlock<SignatoriesB>(id, (b) => ({ ...b, signatories: removeAt(b.signatories, i) }))}>✕</button>
          </div>
          <TextInput field={`${s.id}.titles`} blockId={id} label="Title lines under the signature (one per line)" multiline
            value={s.titleLines.join('\n')}
            onChange={(v) => set(s.id, (x) => ({ ...x, titleLines: v === '' ? [] : v.split('\n') }), `${s.id}.titles`)} />
          <SignatureFields id={s.id} blockId={id} signature={s.signature}
            onChange={(signature, typing) => set(s.id, (x) => ({ ...x, signature }), `${s.id}.signature`, typing)} />
        </div>
      ))}
      <button type="button" className="link"
        onClick={() => {
          const s = signatory();
          changeBlock<SignatoriesB>(id, (b) => ({ ...b, signatories: [...b.signatories, s] }), `${s.id}.role`);
        }}>
        + Signatory
      </button>
    </div>
  );
}
