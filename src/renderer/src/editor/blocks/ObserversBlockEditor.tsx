import type { ObserversB } from '../../model/types';
import { RichField } from '../richtext/RichField';
import { Autocomplete } from '../../register/Autocomplete';
import { organisationLabel, organisationOptions } from '../../register/options';
import { useAppStore } from '../../state/store';
import { asRich, changeBlock, editBlock } from './common';

export function ObserversBlockEditor({ block }: { block: ObserversB }) {
  const orgs = useAppStore((s) => s.doc?.meeting.organisations) ?? [];
  const id = block.id;
  return (
    <>
      <div className="chips" aria-label="Observer organisations">
        {block.organisationIds.map((oid) => (
          <span className="chip" key={oid}>
            {organisationLabel({ organisations: orgs }, oid)}
            <button type="button" aria-label={`Remove ${organisationLabel({ organisations: orgs }, oid)}`}
              onClick={() => changeBlock<ObserversB>(id, (b) => ({ ...b, organisationIds: b.organisationIds.filter((x) => x !== oid) }))}>
              ✕
            </button>
          </span>
        ))}
        <Autocomplete label="Add an observer" field={`${id}.add`} source={organisationOptions} placeholder="Organisation" text=""
          onSelect={(o) => changeBlock<ObserversB>(id, (b) => (b.organisationIds.includes(o.id) ? b : { ...b, organisationIds: [...b.organisationIds, o.id] }), `${id}.add`)} />
      </div>
      <RichField field={`${id}.text`} blockId={id} kind="inline" value={block.text} label="Observers"
        placeholder="Also present at the meeting as observers are…"
        onChange={(v) => editBlock<ObserversB>(id, (b) => ({ ...b, text: asRich(v) }), `${id}.text`)} />
    </>
  );
}
