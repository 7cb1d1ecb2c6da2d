import type { AppState } from '../state/store';
import type { CommandId } from './editorCommands';
import { ariaShortcut as ariaShortcutFor, displayShortcut as displayShortcutFor, matchesShortcut, parseShortcut, type KeyEventLike } from '../../../shared/shortcuts';

/**
 * Commands as data (after Excalidraw's actions): one registry feeds the keyboard shortcuts, the
 * editor's toolbar and the command palette, so a command is named, bound and enabled in one place.
 */
export interface Command {
  id: string;
  label: string;
  group: 'Edit' | 'Format' | 'Insert' | 'Go' | 'File';
  /** "Mod-Alt-P": Mod is Ctrl (Cmd on macOS); letters match the physical key, whatever the layout. */
  shortcuts?: readonly string[];
  enabled(state: AppState): boolean;
  run(state: AppState): void;
}

const registry = new Map<string, Command>();

export function defineCommands(commands: Command[]): void {
  for (const c of commands) {
    // A shortcut outside the grammar fails here, when the app loads, not when someone presses it.
    for (const s of c.shortcuts ?? []) parseShortcut(s);
    registry.set(c.id, c);
  }
}

export function allCommands(): Command[] {
  return [...registry.values()];
}

export function getCommand(id: CommandId): Command | undefined {
  return registry.get(id);
}

/** A command named by an outside caller (the native menu): any string, unknown ones answer undefined. */
export function findCommand(id: string): Command | undefined {
  return registry.get(id);
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** "Mod-Shift-Z" matches Ctrl+Shift+Z (Cmd on macOS); the grammar is src/shared/shortcuts.ts. */
export function matches(shortcut: string, e: KeyEventLike): boolean {
  return matchesShortcut(shortcut, e, isMac);
}

/** Shortcut as shown to the user: "Ctrl+Alt+P" / "⌘⌥P". */
export function displayShortcut(shortcut: string): string {
  return displayShortcutFor(shortcut, isMac);
}

/** Shortcut in the notation of `aria-keyshortcuts`: "Control+Alt+ArrowUp" ("Meta" for Mod on macOS). */
export function ariaShortcut(shortcut: string): string {
  return ariaShortcutFor(shortcut, isMac);
}

/** Title and `aria-keyshortcuts` for a button that does what a command does: its shortcut, from the registry. */
export function shortcutHint(commandId: CommandId, label: string): { title: string; 'aria-keyshortcuts'?: string } {
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
