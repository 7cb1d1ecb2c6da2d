import { MinutaError } from './errors';

/**
 * The one shortcut grammar: the command registry writes "Mod-Alt-ArrowUp", and this module is the only
 * reader of that notation. The renderer matches key events with it, the native menu turns it into an
 * Electron accelerator, the UI shows it ("Ctrl+Alt+↑") and announces it (`aria-keyshortcuts`), all from
 * the same table of keys, so a key the menu cannot express cannot be bound in the first place.
 *
 * Grammar: modifiers among Mod (Ctrl; Cmd on macOS), Alt, Shift, in any order, then one key: a letter
 * (matched by physical key, whatever the layout), a digit, or a named key from NAMED_KEYS.
 */

interface NamedKey {
  /** `KeyboardEvent.key` */
  dom: string;
  /** Electron's accelerator key code (https://www.electronjs.org/docs/latest/api/accelerator). */
  accelerator: string;
  /** As printed on keyboards. */
  glyph: string;
}

const NAMED_KEYS = {
  ArrowUp: { dom: 'ArrowUp', accelerator: 'Up', glyph: '↑' },
  ArrowDown: { dom: 'ArrowDown', accelerator: 'Down', glyph: '↓' },
  ArrowLeft: { dom: 'ArrowLeft', accelerator: 'Left', glyph: '←' },
  ArrowRight: { dom: 'ArrowRight', accelerator: 'Right', glyph: '→' },
  Backspace: { dom: 'Backspace', accelerator: 'Backspace', glyph: 'Backspace' },
  Delete: { dom: 'Delete', accelerator: 'Delete', glyph: 'Delete' },
  Enter: { dom: 'Enter', accelerator: 'Enter', glyph: 'Enter' },
  Escape: { dom: 'Escape', accelerator: 'Escape', glyph: 'Esc' },
  Home: { dom: 'Home', accelerator: 'Home', glyph: 'Home' },
  End: { dom: 'End', accelerator: 'End', glyph: 'End' },
  PageUp: { dom: 'PageUp', accelerator: 'PageUp', glyph: 'PgUp' },
  PageDown: { dom: 'PageDown', accelerator: 'PageDown', glyph: 'PgDn' },
  F1: { dom: 'F1', accelerator: 'F1', glyph: 'F1' },
  F2: { dom: 'F2', accelerator: 'F2', glyph: 'F2' },
  F3: { dom: 'F3', accelerator: 'F3', glyph: 'F3' },
  F7: { dom: 'F7', accelerator: 'F7', glyph: 'F7' },
  // The preview's zoom keys (Ctrl+[ / Ctrl+]); Electron's accelerators take the punctuation as it is.
  '[': { dom: '[', accelerator: '[', glyph: '[' },
  ']': { dom: ']', accelerator: ']', glyph: ']' },
} as const satisfies Record<string, NamedKey>;

type Modifier = 'Mod' | 'Alt' | 'Shift';
const MODIFIERS: readonly Modifier[] = ['Mod', 'Alt', 'Shift'];

export interface Shortcut {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  /** "A"–"Z", "0"–"9" or a key of NAMED_KEYS. */
  key: string;
}

/** Reads a shortcut in registry notation; anything outside the grammar is refused, never guessed. */
export function parseShortcut(text: string): Shortcut {
  const parts = text.split('-');
  const key = parts.pop() ?? '';
  const mods = new Set<string>();
  for (const p of parts) {
    if (!(MODIFIERS as readonly string[]).includes(p) || mods.has(p)) {
      throw new MinutaError('invalid', `shortcut "${text.slice(0, 40)}": "${p.slice(0, 20)}" is not a modifier (Mod, Alt, Shift, once each)`);
    }
    mods.add(p);
  }
  let normal: string;
  if (/^[A-Za-z]$/.test(key)) normal = key.toUpperCase();
  else if (/^[0-9]$/.test(key)) normal = key;
  else if (Object.hasOwn(NAMED_KEYS, key)) normal = key;
  else throw new MinutaError('invalid', `shortcut "${text.slice(0, 40)}": unknown key "${key.slice(0, 20)}"`);
  return { mod: mods.has('Mod'), alt: mods.has('Alt'), shift: mods.has('Shift'), key: normal };
}

const named = (key: string): NamedKey | undefined => (NAMED_KEYS as Record<string, NamedKey>)[key];

const modifiersOf = (s: Shortcut): Modifier[] => MODIFIERS.filter((m) => (m === 'Mod' ? s.mod : m === 'Alt' ? s.alt : s.shift));

/** "Mod-Alt-ArrowUp" → "CmdOrCtrl+Alt+Up": Electron's accelerator for the native menu. */
export function toAccelerator(shortcut: string): string {
  const s = parseShortcut(shortcut);
  const mods = modifiersOf(s).map((m) => (m === 'Mod' ? 'CmdOrCtrl' : m));
  return [...mods, named(s.key)?.accelerator ?? s.key].join('+');
}

/** Shortcut as shown to the user: "Ctrl+Alt+↑" / "⌘⌥↑". */
export function displayShortcut(shortcut: string, mac: boolean): string {
  const s = parseShortcut(shortcut);
  const key = named(s.key)?.glyph ?? s.key;
  if (mac) return [...modifiersOf(s).map((m) => ({ Mod: '⌘', Alt: '⌥', Shift: '⇧' })[m]), key].join('');
  return [...modifiersOf(s).map((m) => (m === 'Mod' ? 'Ctrl' : m)), key].join('+');
}

/** In the notation of `aria-keyshortcuts`: "Control+Alt+ArrowUp" ("Meta" for Mod on macOS). */
export function ariaShortcut(shortcut: string, mac: boolean): string {
  const s = parseShortcut(shortcut);
  const mods = modifiersOf(s).map((m) => (m === 'Mod' ? (mac ? 'Meta' : 'Control') : m));
  return [...mods, named(s.key)?.dom ?? s.key].join('+');
}

/** The parts of a DOM KeyboardEvent the match reads (src/shared knows no DOM). */
export interface KeyEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Whether a key event is this shortcut: letters and digits by physical key (any layout), named keys by `key`. */
export function matchesShortcut(shortcut: string, e: KeyEventLike, mac: boolean): boolean {
  const s = parseShortcut(shortcut);
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (mod !== s.mod || e.altKey !== s.alt || e.shiftKey !== s.shift) return false;
  if (/^[A-Z]$/.test(s.key)) return e.code === `Key${s.key}`;
  if (/^[0-9]$/.test(s.key)) return e.code === `Digit${s.key}`;
  return e.key === named(s.key)!.dom;
}
