import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate, toAccelerator } from '../../src/main/menu';
import type { CommandInfo } from '../../src/shared/menu/commandInfo';

const commands: CommandInfo[] = [
  { id: 'edit.undo', label: 'Undo', group: 'Edit', shortcut: 'Mod-Z' },
  { id: 'file.exportPdf', label: 'Export PDF for signature…', group: 'File', shortcut: 'Mod-Shift-E' },
  { id: 'insert.session', label: 'Add a session', group: 'Insert', shortcut: 'Mod-Alt-S' },
  { id: 'insert.routing', label: 'Add a routing chain', group: 'Insert' },
];

const sub = (menu: MenuItemConstructorOptions[], label: string) =>
  menu.find((m) => m.label === label)?.submenu as MenuItemConstructorOptions[];

describe('native application menu', () => {
  it('turns registry shortcuts into Electron accelerators', () => {
    expect(toAccelerator('Mod-Shift-Z')).toBe('CmdOrCtrl+Shift+Z');
    expect(toAccelerator('Mod-Alt-p')).toBe('CmdOrCtrl+Alt+P');
  });

  it('lists every command under its group, in order, showing but not capturing its shortcut', () => {
    const menu = menuTemplate(commands, () => undefined, 'linux');
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'Insert', 'windowMenu']);
    expect(sub(menu, 'Insert').map((i) => [i.id, i.accelerator, i.registerAccelerator])).toEqual([
      ['insert.session', 'CmdOrCtrl+Alt+S', false],
      ['insert.routing', undefined, undefined],
    ]);
    expect(sub(menu, 'Edit').map((i) => i.role ?? i.id)).toEqual(['edit.undo', undefined, 'cut', 'copy', 'paste', 'selectAll']);
    expect(sub(menu, 'File').at(-1)?.role).toBe('quit');
  });

  it('runs the chosen command in the page by id', () => {
    const run = vi.fn();
    const menu = menuTemplate(commands, run, 'darwin');
    expect(menu[0]?.role).toBe('appMenu');
    (sub(menu, 'File')[0]!.click as () => void)();
    expect(run).toHaveBeenCalledWith('file.exportPdf');
  });
});
