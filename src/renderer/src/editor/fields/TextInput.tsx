import { useId } from 'react';
import { useAppStore, type AppState } from '../../state/store';

interface Props {
  /** Field key for undo (typing into it coalesces into one step). */
  field: string;
  blockId?: string;
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  type?: 'text' | 'date' | 'number';
  multiline?: boolean;
  className?: string;
}

/** A labelled plain-text input bound to the model: names, places, dates. */
export function TextInput({ field, blockId, label, value, onChange, placeholder, type = 'text', multiline, className }: Props) {
  const id = useId();
  // Read when focused, not subscribed to: a subscription per field costs every keystroke.
  const setFocus: AppState['setFocus'] = (field, block) => useAppStore.getState().setFocus(field, block);
  const common = {
    id,
    value,
    placeholder,
    'data-field': field,
    onFocus: () => setFocus(field, blockId ?? null),
  };
  return (
    <label className={`ti${className ? ` ${className}` : ''}`} htmlFor={id}>
      <span className="ti-label">{label}</span>
      {multiline ? (
        <textarea {...common} rows={Math.max(2, value.split('\n').length)} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  field?: string;
}

export function Select<T extends string>({ label, value, options, onChange, field }: SelectProps<T>) {
  const id = useId();
  return (
    <label className="ti ti-select" htmlFor={id}>
      <span className="ti-label">{label}</span>
      {/* Out of the Tab order: typed letters would pick an option (editor/tabOrder.ts). */}
      <select id={id} data-field={field} tabIndex={-1} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Drops empty optional strings so that the stored model has no `"honorific": ""` noise. */
export function optional<K extends string>(key: K, value: string): { [P in K]?: string } {
  return (value === '' ? {} : { [key]: value }) as { [P in K]?: string };
}

export function withOptional<T extends object, K extends keyof T & string>(obj: T, key: K, value: string | undefined): T {
  const copy = { ...obj };
  if (value === undefined || value === '') delete copy[key];
  else (copy as Record<string, unknown>)[key] = value;
  return copy;
}
