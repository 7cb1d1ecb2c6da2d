import { Menu, type BrowserWindow, type MenuItemConstructorOptions, type Session } from 'electron';
import { contextMenuItems, type ContextMenuItem } from './contextMenu';
import type { SpellcheckLanguage } from '../../shared/settings/settings';

/**
 * Thin Electron wiring of the spell-checker: the languages chosen in settings, and the right-click menu
 * built by contextMenu.ts. Dictionaries are Chromium's hunspell files; they are looked for under
 * `dictionaryDir` (a file: URL), never downloaded from Google's CDN: the app reaches nothing off the
 * machine (see security/network.ts).
 */
export function applySpellcheckLanguages(session: Session, languages: readonly SpellcheckLanguage[]): void {
  const available = new Set(session.availableSpellCheckerLanguages);
  const chosen = languages.filter((l) => available.has(l));
  // Spell-checking is a help, never a reason not to start: Electron throws on a language it lacks.
  try {
    session.setSpellCheckerLanguages(chosen);
  } catch (error) {
    console.warn(`minuta: spell-check languages ${chosen.join(', ')} not applied: ${String(error).slice(0, 200)}`);
  }
}

/** Points Chromium's dictionary download at the app's own folder (a file: URL), never at Google's CDN. */
export function keepDictionariesLocal(session: Session, dictionaryDirUrl: string): void {
  try {
    session.setSpellCheckerDictionaryDownloadURL(dictionaryDirUrl);
  } catch (error) {
    console.warn(`minuta: spell-check dictionaries: ${String(error).slice(0, 200)}`);
  }
}

export function wireSpellcheckMenu(win: BrowserWindow, session: Session): void {
  win.webContents.on('context-menu', (_event, params) => {
    const items = contextMenuItems(params);
    if (items.length === 0) return;
    Menu.buildFromTemplate(items.map((item) => toElectron(item, win, session))).popup({ window: win });
  });
}

function toElectron(item: ContextMenuItem, win: BrowserWindow, session: Session): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'replace':
      return { label: item.label, click: () => win.webContents.replaceMisspelling(item.word) };
    case 'add-to-dictionary':
      return { label: item.label, click: () => void session.addWordToSpellCheckerDictionary(item.word) };
    case 'role':
      return { role: item.role, label: item.label, enabled: item.enabled };
    case 'info':
      return { label: item.label, enabled: false };
    case 'separator':
      return { type: 'separator' };
  }
}
