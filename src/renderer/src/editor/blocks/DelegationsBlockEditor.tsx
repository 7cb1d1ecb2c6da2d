import type { Delegation } from '../../../../shared/minutes';
import type { DelegationsB } from '../../model/types';
import { delegation } from '../../model/factory';
import { RichField } from '../richtext/RichField';
import { TextInput, withOptional } from '../fields/TextInput';
import { Autocomplete } from '../../register/Autocomplete';
import { personLabel, personOptions } from '../../register/options';
import { useAppStore } from '../../state/store';
import { commitBlock, asParas, changeBlock, mapById, removeAt } from './common';

/** One delegation: country, head (from the register), institutions, and the prose the minutes print. */
export function DelegationEditor({ blockId, d, index, withDescription }: { blockId: string; d: Delegation; index: number; withDescription: boolean }) {
  const people = useAppStore((s) => s.doc?.meeting.people);
  const set = (fn: (x: Delegation) => Delegation, field: string, typing = true) =>
    commitBlock<DelegationsB>(blockId, (b) => ({ ...b, delegations: mapById(b.delegations, d.id, fn) }), field, typing);
  return (
    <div className="delegation" data-delegation-id={d.id}>
      <div className="row">
        <TextInput field={`${d.id}.country`} blockId={blockId} label="Country" value={d.country} placeholder="Kingdom of Cambodia"
          onChange={(v) => set((x) => ({ ...x, country: v }), `${d.id}.country`)} />
        <Autocomplete label="Head of delegation" field={`${d.id}.head`} source={personOptions} placeholder="From the register"
          text={personLabel({ people: people ?? [] }, d.headPersonId)}
          onSelect={(o) => set((x) => ({ ...x, headPersonId: o.id }), `${d.id}.head`, false)} />
        <TextInput field={`${d.id}.members`} blockId={blockId} label="Members" type="number" className="narrow"
          value={d.memberCount === undefined ? '' : String(d.memberCount)}
          onChange={(v) => set((x) => {
            const n = Number.parseInt(v, 10);
            const { memberCount: _m, ...rest } = x;
            return Number.isFinite(n) && n >= 0 ? { ...rest, memberCount: n } : rest;
          }, `${d.id}.members`)} />
        <button type="button" className="icon" tabIndex={-1} aria-label={`Remove the delegation ${d.country}`}
          onClick={() => changeBlock<DelegationsB>(blockId, (b) => ({ ...b, delegations: removeAt(b.delegations, index) }))}>✕</button>
      </div>
      <TextInput field={`${d.id}.institutions`} blockId={blockId} label="Institutions (one per line)" multiline
        value={d.institutions.join('\n')}
        onChange={(v) => set((x) => ({ ...x, institutions: v === '' ? [] : v.split('\n') }), `${d.id}.institutions`)} />
      {withDescription && (
        <RichField field={`${d.id}.description`} blockId={blockId} kind="paragraphs" value={d.description ?? []}
          label={`Description of the delegation ${d.country}`} placeholder="The Inter-Ministerial Delegation of … is comprised of…"
          onChange={(v) => set((x) => {
            const paras = asParas(v);
            const empty = paras.length === 0 || (paras.length === 1 && paras[0]!.length === 0);
            const { description: _d, ...rest } = x;
            return empty ? rest : { ...rest, description: paras };
          }, `${d.id}.description`)} />
      )}
    </div>
  );
}

export function DelegationsBlockEditor({ block, withDescription = true }: { block: DelegationsB; withDescription?: boolean }) {
  return (
    <div className="delegations">
      {block.delegations.map((d, i) => (
        <DelegationEditor key={d.id} blockId={block.id} d={d} index={i} withDescription={withDescription} />
      ))}
      <button type="button" className="link"
        onClick={() => {
          const d = delegation();
          changeBlock<DelegationsB>(block.id, (b) => ({ ...b, delegations: [...b.delegations, d] }), `${d.id}.country`);
        }}>
        + Delegation
      </button>
    </div>
  );
}

export { withOptional };
