import { useMemo, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../state/store';
import { allCommands, displayShortcut } from './registry';
import { focusField } from '../editor/focus';

/** Ctrl/Cmd+K: every enabled command by name, with its shortcut. */
export function Palette() {
  const open = useAppStore((s) => s.paletteOpen);
  const setOpen = useAppStore((s) => s.setPaletteOpen);
  if (!open) return null;
  return <PaletteDialog close={() => setOpen(false)} />;
}

function PaletteDialog({ close }: { close(): void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const list = useMemo(() => {
    const state = useAppStore.getState();
    const q = query.trim().toLowerCase();
    return allCommands().filter((c) => c.id !== 'app.palette' && c.enabled(state) && (`${c.group} ${c.label}`.toLowerCase().includes(q)));
  }, [query]);

  /**
   * Closes the palette and puts the cursor back where it was, before the next key event: whatever the
   * author types next goes into the text they were writing, never into the void the dialog leaves.
   */
  function dismiss() {
    close();
    const field = useAppStore.getState().focusedField;
    if (field) focusField(field, 'keep');
  }

  function run(i: number) {
    const c = list[i];
    if (!c) return;
    dismiss();
    // The command acts where the cursor was (the store's focus); one that moves the cursor (an
    // inserted block) overrides the request above.
    c.run(useAppStore.getState());
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, list.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      dismiss();
    }
  }

  return (
    <div className="palette-backdrop" onMouseDown={dismiss}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette" onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={list[active] ? `cmd-${list[active].id}` : undefined}
          placeholder="Type a command…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-list" role="listbox" aria-label="Commands">
          {list.map((c, i) => (
            <li key={c.id} id={`cmd-${c.id}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}
              onMouseDown={(e) => { e.preventDefault(); run(i); }}>
              <span className="cmd-group">{c.group}</span>
              <span className="cmd-label">{c.label}</span>
              {c.shortcuts?.[0] && <kbd>{displayShortcut(c.shortcuts[0])}</kbd>}
            </li>
          ))}
          {list.length === 0 && <li className="empty">No command matches.</li>}
        </ul>
      </div>
    </div>
  );
}
