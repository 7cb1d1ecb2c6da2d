import type { CommandInfo } from '../../../shared/menu/commandInfo';
import { useAppStore } from '../state/store';
import { allCommands, findCommand } from './registry';

declare global {
  interface Window {
    /** Read by the Electron main process (executeJavaScript) to build the native menu. */
    minutaCommands?: () => CommandInfo[];
    /** Called by the Electron main process when a native menu item is chosen. */
    minutaRunCommand?: (id: string) => boolean;
  }
}

/** What the native menu is built from: every command of the registry, with its first shortcut. */
export function commandInfos(): CommandInfo[] {
  return allCommands().map((c) => ({ id: c.id, label: c.label, group: c.group, ...(c.shortcuts?.[0] ? { shortcut: c.shortcuts[0] } : {}) }));
}

/**
 * The native menu's side of the command registry: the main process asks for the list once the page has
 * loaded and runs a command by id when its item is chosen. A command that is not enabled does nothing,
 * exactly as its shortcut would.
 */
export function installMenuBridge(): () => void {
  window.minutaCommands = commandInfos;
  window.minutaRunCommand = (id) => {
    const state = useAppStore.getState();
    const command = findCommand(id);
    if (!command || !command.enabled(state)) return false;
    command.run(state);
    return true;
  };
  return () => {
    delete window.minutaCommands;
    delete window.minutaRunCommand;
  };
}
