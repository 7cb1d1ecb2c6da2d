import { BLOCK_LABELS, firstField, newBlock, type NewBlockType } from '../model/factory';
import { appendChild, renumber } from '../model/tree';
import { useAppStore } from '../state/store';

const LEAF_TYPES: NewBlockType[] = [
  'paragraph', 'list', 'remark', 'presentation', 'qa', 'suggestions', 'group', 'delegations', 'observers',
  'presiding', 'next-meeting', 'disclaimer', 'signing', 'signatories', 'routing',
];

/** "Add…" at the end of the body, a section or a session. */
export function AddBlock({ containerId, containerType }: { containerId: string | null; containerType: 'body' | 'section' | 'session' }) {
  const edit = useAppStore((s) => s.edit);
  const types: NewBlockType[] =
    containerType === 'body' ? ['section', 'session', ...LEAF_TYPES] : containerType === 'section' ? ['session', ...LEAF_TYPES] : LEAF_TYPES;
  return (
    <select
      className="add-block"
      aria-label="Add a block"
      value=""
      onChange={(e) => {
        const block = newBlock(e.target.value as NewBlockType);
        edit((m) => renumber(appendChild(m, containerId, block)), { focus: firstField(block) });
      }}
    >
      <option value="" disabled>
        + Add…
      </option>
      {types.map((t) => (
        <option key={t} value={t}>
          {BLOCK_LABELS[t]}
        </option>
      ))}
    </select>
  );
}
