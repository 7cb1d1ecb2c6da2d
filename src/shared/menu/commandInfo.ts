/**
 * What the renderer tells the main process about its commands, so that the native application menu
 * lists the same commands, labels and shortcuts as the palette (one registry, src/renderer/src/commands).
 */
export interface CommandInfo {
  id: string;
  label: string;
  group: 'Edit' | 'Format' | 'Insert' | 'Go' | 'File';
  /** Registry notation: "Mod-Shift-Z" (Mod is Ctrl, Cmd on macOS). */
  shortcut?: string;
}
