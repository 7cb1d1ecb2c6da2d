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

/**
 * Electron's documented key codes and modifiers (https://www.electronjs.org/docs/latest/api/accelerator,
 * "Available modifiers" and "Available key codes"): an accelerator outside this list is silently
 * ignored by Electron's menu (it shows no shortcut), which is how "ArrowUp" went unnoticed.
 */
const ELECTRON_MODIFIERS = new Set(['Command', 'Cmd', 'Control', 'Ctrl', 'CommandOrControl', 'CmdOrCtrl', 'Alt', 'Option', 'AltGr', 'Shift', 'Super', 'Meta']);
const ELECTRON_KEYS = new Set([
  ...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...Array.from({ length: 24 }, (_, i) => `F${i + 1}`),
  ...')!@#$%^&*(:;:+=<,_-.>/?~`{][|\\}"\'',
  'Plus', 'Space', 'Tab', 'Capslock', 'Numlock', 'Scrolllock', 'Backspace', 'Delete', 'Insert', 'Return', 'Enter',
  'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc',
  'VolumeUp', 'VolumeDown', 'VolumeMute', 'MediaNextTrack', 'MediaPreviousTrack', 'MediaStop', 'MediaPlayPause', 'PrintScreen',
  ...Array.from({ length: 10 }, (_, i) => `num${i}`), 'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
]);

function isElectronAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  return parts.every((p) => ELECTRON_MODIFIERS.has(p)) && ELECTRON_KEYS.has(key);
}

describe('the real command registry in the native menu', () => {
  it('gives every shortcut of every command a valid Electron accelerator (Ctrl+Alt+↑ is "Up", not "ArrowUp")', async () => {
    // The registry as the app loads it (every command module), and the list the menu is built from.
    await import('../../src/renderer/src/commands/editorCommands');
    await import('../../src/renderer/src/find/findCommands'); // registered by useShortcuts.ts, as the app does
    const { allCommands } = await import('../../src/renderer/src/commands/registry');
    const { commandInfos } = await import('../../src/renderer/src/commands/menuBridge');
    const shortcuts = allCommands().flatMap((c) => c.shortcuts ?? []);
    expect(shortcuts.length).toBeGreaterThan(15);
    for (const s of shortcuts) expect(isElectronAccelerator(toAccelerator(s)), `${s} → ${toAccelerator(s)}`).toBe(true);
    expect(toAccelerator('Mod-Alt-ArrowUp')).toBe('CmdOrCtrl+Alt+Up');
    const menu = menuTemplate(commandInfos(), () => undefined, 'linux');
    const items = menu.flatMap((m) => (m.submenu as MenuItemConstructorOptions[] | undefined) ?? []);
    const withKeys = items.filter((i) => i.accelerator !== undefined);
    expect(withKeys.length).toBe(commandInfos().filter((c) => c.shortcut).length);
    for (const i of withKeys) expect(isElectronAccelerator(i.accelerator as string), `${i.id}: ${String(i.accelerator)}`).toBe(true);
    expect(items.find((i) => i.id === 'block.moveUp')?.accelerator).toBe('CmdOrCtrl+Alt+Up');
  });

  it('refuses a shortcut outside the grammar when it is defined', async () => {
    const { defineCommands } = await import('../../src/renderer/src/commands/registry');
    expect(() => defineCommands([{ id: 'x.bad', label: 'Bad', group: 'Edit', shortcuts: ['Mod-Up'], enabled: () => false, run: () => undefined }])).toThrow(/unknown key "Up"/);
    expect(() => toAccelerator('Ctrl-P')).toThrow(/not a modifier/);
  });
});
