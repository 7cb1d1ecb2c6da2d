import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../state/store';
import type { OptionSource } from './options';

export interface Option {
  id: string;
  /** What is shown and, for attributions, printed ("IOM", "H.E. Mrs. Chou Bun Eng"). */
  label: string;
  /** A second line: the full name of an organisation, a person's title. */
  detail?: string;
  kind?: 'person' | 'organisation' | 'delegation';
}

interface Props {
  label: string;
  /** The text in the box: the chosen entry's label, or free text. */
  text: string;
  /** Read from the open meeting when the list opens. */
  source: OptionSource;
  onSelect(option: Option): void;
  /** Free text typed without choosing (attribution labels). Without it, the box only chooses. */
  onText?(text: string): void;
  placeholder?: string;
  field?: string;
}

const MAX = 8;

function matches(options: readonly Option[], query: string): Option[] {
  const q = query.trim().toLowerCase();
  if (!q) return options.slice(0, MAX);
  const starts: Option[] = [];
  const contains: Option[] = [];
  for (const o of options) {
    const hay = `${o.label} ${o.detail ?? ''}`.toLowerCase();
    if (o.label.toLowerCase().startsWith(q) || hay.split(/[\s(),.]+/).some((w) => w.startsWith(q))) starts.push(o);
    else if (hay.includes(q)) contains.push(o);
  }
  return [...starts, ...contains].slice(0, MAX);
}

/**
 * A combobox over the register (WAI-ARIA combobox with a listbox popup): type a few letters, move with
 * the arrow keys, choose with Enter or a click, close with Escape. Used wherever a speaker, presenter,
 * questioner, answering organisation, delegation head or signatory is named.
 */
export function Autocomplete({ label, text, source, onSelect, onText, placeholder, field }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const shown = query ?? text;
  const list = useMemo(() => {
    const meeting = open ? useAppStore.getState().doc?.meeting : undefined;
    return meeting ? matches(source(meeting), query ?? '') : [];
  }, [open, source, query]);

  function choose(o: Option) {
    onSelect(o);
    setQuery(null);
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, list.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      const o = list[active];
      if (open && o) {
        e.preventDefault();
        choose(o);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        setQuery(null);
      }
    }
  }

  return (
    <div className="ac">
      <label className="ti" htmlFor={id}>
        <span className="ti-label">{label}</span>
        <input
          id={id}
          ref={inputRef}
          role="combobox"
          aria-expanded={open && list.length > 0}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && list[active] ? `${id}-opt-${active}` : undefined}
          data-field={field}
          value={shown}
          placeholder={placeholder}
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
            onText?.(e.target.value);
          }}
          onFocus={() => setOpen(false)}
          onBlur={() => {
            setOpen(false);
            setQuery(null);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      {open && list.length > 0 && (
        <ul className="ac-list" role="listbox" id={`${id}-list`} aria-label={label}>
          {list.map((o, i) => (
            <li
              key={`${o.kind ?? ''}${o.id}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
            >
              <span className="ac-label">{o.label}</span>
              {o.detail && o.detail !== o.label && <span className="ac-detail">{o.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
