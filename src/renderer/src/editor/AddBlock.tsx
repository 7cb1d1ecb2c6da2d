import { appendChild, renumber } from '../model/tree';
import { useAppStore, type AppState } from '../state/store';
import { firstField, newBlock, typesAllowedIn } from './blocks';
import type { BlockType, ContainerType } from './blocks/descriptor';

/**
 * "Add…" at the end of the body, a section or a session. Out of the Tab order: typing into a focused
 * select picks an option, so Tab landing here would turn the next letters into a new block; by
 * keyboard, the same blocks come from the insert commands (Ctrl+K).
 */
export function AddBlock({ containerId, containerType }: { containerId: string | null; containerType: ContainerType }) {
  // Read when used, not subscribed to: a subscription per list costs every keystroke.
  const edit: AppState['edit'] = (fn, options) => useAppStore.getState().edit(fn, options);
  return (
    <select
      className="add-block"
      aria-label="Add a block"
      tabIndex={-1}
      value=""
      onChange={(e) => {
        const block = newBlock(e.target.value as BlockType);
        edit((m) => renumber(appendChild(m, containerId, block)), { focus: firstField(block) });
      }}
    >
      <option value="" disabled>
        + Add…
      </option>
      {typesAllowedIn(containerType).map((d) => (
        <option key={d.type} value={d.type}>
          {d.label}
        </option>
      ))}
    </select>
  );
}
