import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { CommandInfo } from '../shared/menu/commandInfo';
import { toAccelerator } from '../shared/shortcuts';

const GROUP_ORDER: CommandInfo['group'][] = ['File', 'Edit', 'Format', 'Insert', 'Go'];

export { toAccelerator };

/**
 * The application menu from the renderer's command registry: one submenu per command group, in the
 * registry's order, plus the standard clipboard and window roles. Accelerators are shown but not
 * registered (`registerAccelerator: false`): the keys stay with the page, whose single keydown handler
 * runs the same commands, so a shortcut never runs twice or away from the focused field.
 */
export function menuTemplate(
  commands: readonly CommandInfo[],
  run: (id: string) => void,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const item = (c: CommandInfo): MenuItemConstructorOptions => ({
    id: c.id,
    label: c.label,
    ...(c.shortcut ? { accelerator: toAccelerator(c.shortcut), registerAccelerator: false } : {}),
    click: () => run(c.id),
  });
  const groups: MenuItemConstructorOptions[] = GROUP_ORDER.map((group) => {
    const items: MenuItemConstructorOptions[] = commands.filter((c) => c.group === group).map(item);
    if (group === 'Edit') {
      items.push({ type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' });
    }
    if (group === 'File' && platform !== 'darwin') items.push({ type: 'separator' }, { role: 'quit' });
    return { label: group, submenu: items };
  }).filter((g) => (g.submenu as MenuItemConstructorOptions[]).length > 0);
  const app: MenuItemConstructorOptions[] = platform === 'darwin' ? [{ role: 'appMenu' }] : [];
  return [...app, ...groups, { role: 'windowMenu' }];
}

/** Asks the page for its commands (after each load) and installs the menu; items run in the page. */
export async function commandsOf(win: BrowserWindow): Promise<CommandInfo[]> {
  const list = (await win.webContents.executeJavaScript(
    'typeof window.minutaCommands === "function" ? window.minutaCommands() : []',
    true,
  )) as unknown;
  return Array.isArray(list) ? (list as CommandInfo[]) : [];
}

export function runInPage(win: BrowserWindow, id: string): void {
  if (win.isDestroyed()) return;
  void win.webContents.executeJavaScript(`window.minutaRunCommand?.(${JSON.stringify(id)})`, true).catch(() => undefined);
}
