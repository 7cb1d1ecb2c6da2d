import type { AppState } from '../state/store';

/**
 * Commands as data (after Excalidraw's actions): one registry feeds the keyboard shortcuts, the
 * editor's toolbar and the command palette, so a command is named, bound and enabled in one place.
 */
export interface Command {
  id: string;
  label: string;
  group: 'Edit' | 'Format' | 'Insert' | 'Go' | 'File';
  /** "Mod-Alt-P": Mod is Ctrl (Cmd on macOS); letters match the physical key, whatever the layout. */
  shortcuts?: string[];
  enabled(state: AppState): boolean;
  run(state: AppState): void;
}

const registry = new Map<string, Command>();

export function defineCommands(commands: Command[]): void {
  for (const c of commands) registry.set(c.id, c);
}

export function allCommands(): Command[] {
  return [...registry.values()];
}

export function getCommand(id: string): Command | undefined {
  return registry.get(id);
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** "Mod-Shift-Z" matches Ctrl+Shift+Z (Cmd on macOS). */
export function matches(shortcut: string, e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  const parts = shortcut.split('-');
  const key = parts.pop()!;
  const want = { mod: parts.includes('Mod'), alt: parts.includes('Alt'), shift: parts.includes('Shift') };
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (mod !== want.mod || e.altKey !== want.alt || e.shiftKey !== want.shift) return false;
  if (/^[A-Za-z]$/.test(key)) return e.code === `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return e.code === `Digit${key}`;
  return e.key.toLowerCase() === key.toLowerCase();
}

/** Keys shown as the glyphs printed on keyboards. */
const KEY_GLYPHS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** Shortcut as shown to the user: "Ctrl+Alt+P" / "⌘⌥P". */
export function displayShortcut(shortcut: string): string {
  const parts = shortcut.split('-').map((p) => KEY_GLYPHS[p] ?? p);
  if (isMac) return parts.map((p) => ({ Mod: '⌘', Alt: '⌥', Shift: '⇧' })[p] ?? p.toUpperCase()).join('');
  return parts.map((p) => (p === 'Mod' ? 'Ctrl' : p.length === 1 ? p.toUpperCase() : p)).join('+');
}

/** Shortcut in the notation of `aria-keyshortcuts`: "Control+Alt+ArrowUp" ("Meta" for Mod on macOS). */
export function ariaShortcut(shortcut: string): string {
  return shortcut
    .split('-')
    .map((p) => (p === 'Mod' ? (isMac ? 'Meta' : 'Control') : p.length === 1 ? p.toUpperCase() : p))
    .join('+');
}

/** Title and `aria-keyshortcuts` for a button that does what a command does: its shortcut, from the registry. */
export function shortcutHint(commandId: string, label: string): { title: string; 'aria-keyshortcuts'?: string } {
  const s = getCommand(commandId)?.shortcuts?.[0];
  return s ? { title: `${label} (${displayShortcut(s)})`, 'aria-keyshortcuts': ariaShortcut(s) } : { title: label };
}

/** The command a key event triggers, if any and enabled. */
export function commandFor(e: KeyboardEvent, state: AppState): Command | undefined {
  for (const c of registry.values()) {
    if (c.shortcuts?.some((s) => matches(s, e)) && c.enabled(state)) return c;
  }
  return undefined;
}
