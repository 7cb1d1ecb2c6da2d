import type { ListB } from '../../model/types';
import { RichField } from '../richtext/RichField';
import { Select } from '../fields/TextInput';
import { asBullets, asRich, changeBlock, editBlock } from './common';

type List = ListB;

const NUMBERING = [
  { value: 'bullet', label: '– bullets' },
  { value: 'decimal', label: '1. numbers' },
  { value: 'decimal-paren', label: '1) numbers' },
  { value: 'none', label: 'plain paragraphs' },
] as const;

const ROLE_PLACEHOLDER: Record<List['role'], string> = {
  objectives: 'An objective of the meeting…',
  challenges: 'A challenge…',
  agreements: 'What the meeting agreed…',
  recommendations: 'A recommendation…',
  findings: 'A finding…',
  points: 'A point…',
};

export function ListBlockEditor({ block }: { block: List }) {
  return (
    <>
      <div className="row row-tools">
        <Select label="Numbering" value={block.numbering} options={NUMBERING}
          onChange={(numbering) => changeBlock<List>(block.id, (b) => ({ ...b, numbering }))} />
        {block.heading === undefined && (
          <button type="button" className="link" onClick={() => changeBlock<List>(block.id, (b) => ({ ...b, heading: [] }), `${block.id}.heading`)}>
            Add a heading
          </button>
        )}
      </div>
      {block.heading !== undefined && (
        <RichField field={`${block.id}.heading`} blockId={block.id} kind="inline" className="heading" value={block.heading}
          label="List heading" placeholder="Heading (e.g. Recommendations)"
          onChange={(v) => editBlock<List>(block.id, (b) => ({ ...b, heading: asRich(v) }), `${block.id}.heading`)} />
      )}
      <RichField field={`${block.id}.items`} blockId={block.id} kind="bullets" className={`numbering-${block.numbering}`}
        value={block.items} label={`${block.role} list`} placeholder={ROLE_PLACEHOLDER[block.role]}
        onChange={(v) => editBlock<List>(block.id, (b) => ({ ...b, items: asBullets(v) }), `${block.id}.items`)} />
    </>
  );
}
