import type { GroupPart } from '../../../../shared/minutes';
import type { GroupB } from '../../model/types';
import { groupPart } from '../../model/factory';
import { RichField } from '../richtext/RichField';
import { Select } from '../fields/TextInput';
import { asBullets, asRich, changeBlock, editBlock, mapById, removeAt } from './common';

const KINDS = [
  { value: 'findings', label: 'Findings' },
  { value: 'implementation-by-country', label: 'Implementation by country' },
  { value: 'collaboration', label: 'Collaboration' },
  { value: 'other', label: 'Other' },
] as const;

export const GROUP_PART_HEADINGS: Record<GroupPart['kind'], string> = {
  findings: '',
  'implementation-by-country': 'Implementation by country:',
  collaboration: 'Collaboration:',
  other: '',
};

export function GroupBlockEditor({ block }: { block: GroupB }) {
  const id = block.id;
  const setPart = (partId: string, fn: (p: GroupPart) => GroupPart, field: string) =>
    editBlock<GroupB>(id, (b) => ({ ...b, parts: mapById(b.parts, partId, fn) }), field);
  return (
    <>
      <RichField field={`${id}.theme`} blockId={id} kind="inline" className="heading" value={block.theme}
        label={`Theme of group ${block.number}`} placeholder="Theme of the group"
        onChange={(v) => editBlock<GroupB>(id, (b) => ({ ...b, theme: asRich(v) }), `${id}.theme`)} />
      {block.parts.map((part, i) => (
        <div className="subpart" key={part.id} data-part-id={part.id}>
          <div className="row row-tools">
            <Select label="Part" value={part.kind} options={KINDS}
              onChange={(kind) => changeBlock<GroupB>(id, (b) => ({ ...b, parts: mapById(b.parts, part.id, (p) => ({ ...p, kind })) }))} />
            <button type="button" className="icon" tabIndex={-1} aria-label="Remove this part"
              onClick={() => changeBlock<GroupB>(id, (b) => ({ ...b, parts: removeAt(b.parts, i) }))}>✕</button>
          </div>
          {(part.heading !== undefined || part.kind !== 'findings') && (
            <RichField field={`${part.id}.heading`} blockId={id} kind="inline" className="heading" value={part.heading ?? []}
              label="Part heading" placeholder={GROUP_PART_HEADINGS[part.kind] || 'Heading'}
              onChange={(v) => setPart(part.id, (p) => ({ ...p, heading: asRich(v) }), `${part.id}.heading`)} />
          )}
          <RichField field={`${part.id}.items`} blockId={id} kind="bullets" value={part.items} label={`${part.kind} of group ${block.number}`}
            placeholder="A point… (per-country remarks: start with the country)"
            onChange={(v) => setPart(part.id, (p) => ({ ...p, items: asBullets(v) }), `${part.id}.items`)} />
        </div>
      ))}
      <div className="row">
        {KINDS.slice(1, 3).map((k) => (
          <button key={k.value} type="button" className="link"
            onClick={() => {
              const p = { ...groupPart(k.value), heading: [{ text: GROUP_PART_HEADINGS[k.value] }] };
              changeBlock<GroupB>(id, (b) => ({ ...b, parts: [...b.parts, p] }), `${p.id}.items`);
            }}>
            + {k.label}
          </button>
        ))}
      </div>
    </>
  );
}
