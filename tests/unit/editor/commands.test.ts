import { describe, expect, it } from 'vitest';
import { displayShortcut, matches } from '../../../src/renderer/src/commands/registry';

const key = (code: string, key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  code,
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('command shortcuts', () => {
  it('match by physical key with exact modifiers (Ctrl as Mod off macOS)', () => {
    expect(matches('Mod-Z', key('KeyZ', 'z', { ctrlKey: true }))).toBe(true);
    expect(matches('Mod-Z', key('KeyZ', 'Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matches('Mod-Shift-Z', key('KeyZ', 'Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    // Alt changes the character on many layouts; the physical key still matches.
    expect(matches('Mod-Alt-P', key('KeyP', 'π', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(matches('Mod-1', key('Digit1', '1', { ctrlKey: true }))).toBe(true);
    expect(matches('Mod-K', key('KeyK', 'k'))).toBe(false);
  });

  it('display as the platform writes them', () => {
    expect(displayShortcut('Mod-Alt-P')).toBe('Ctrl+Alt+P');
  });
});
