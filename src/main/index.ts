import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServices } from './services/startup';
import { registerIpc } from './ipc/electron';
import { createMainWindow } from './window';
import { flushBeforeClose } from './flushOnClose';
import { commandsOf, menuTemplate, runInPage } from './menu';
import { CONTENT_SECURITY_POLICY } from './security/csp';
import { isAppUrl } from './security/urls';
import { NO_NETWORK_SWITCHES } from './security/network';
import { resolveDatabasePath } from './paths';
import { ElectronPrinter } from './export/pdf/electronPrinter';
import { electronOpenDialog, electronSaveDialog, electronSignDialog, electronVerifyDialog } from './dialogs';
import { claimSingleInstance, routeLaunches } from './singleInstance';
import { createSettingsStore, settingsPathIn } from './settings/settingsFile';
import { applySpellcheckLanguages, keepDictionariesLocal, wireSpellcheckMenu } from './spellcheck/spellcheckWiring';

// The Electron shell stays thin: windows and wiring only. Everything it does lives in ./services.
const rendererRoot = pathToFileURL(join(import.meta.dirname, '../renderer/')).href;
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];

app.enableSandbox();
const primary = claimSingleInstance(app);

// Before ready, or Chromium has started without them: the printed minutes are confidential, and the
// app's Chromium (the print window included) needs nothing off this machine.
for (const [name, value] of NO_NETWORK_SWITCHES) {
  if (value === undefined) app.commandLine.appendSwitch(name);
  else app.commandLine.appendSwitch(name, value);
}

void app.whenReady().then(() => {
  if (!primary) return; // another Minuta is running: it has been brought to the front
  // A database that cannot be opened (newer, damaged, not ours, no permission) still gets a window:
  // the renderer asks startupState and shows what happened and what to do.
  // "Who am I" and the spell-check languages; a missing or corrupt file gives defaults (and a notice in the app).
  const settings = createSettingsStore(settingsPathIn(app.getPath('userData')));
  if (settings.notice()) console.warn(`minuta: ${settings.notice()}`);
  // Dictionaries come from the app's own folder, never from Google's CDN (the app stays off the network).
  keepDictionariesLocal(session.defaultSession, pathToFileURL(join(import.meta.dirname, '../../resources/dictionaries/')).href);
  applySpellcheckLanguages(session.defaultSession, settings.get().spellcheckLanguages);
  const startup = startServices({
    settings,
    onSettingsSaved: (saved) => applySpellcheckLanguages(session.defaultSession, saved.spellcheckLanguages),
    databasePath: resolveDatabasePath(process.argv, process.env, app.getPath('userData')),
    version: app.getVersion(),
    export: { dialog: electronSaveDialog, createPrinter: () => new ElectronPrinter() },
    importDialog: electronOpenDialog,
    verifyDialog: electronVerifyDialog,
    signDialog: electronSignDialog,
  });
  const services = startup.ok ? startup.services : undefined;
  if (!startup.ok) console.error(`minuta: cannot open ${startup.state.databasePath}: ${startup.state.detail}`);

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  registerIpc(ipcMain, startup.dispatch, (event) => {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppUrl(frame.url, rendererRoot, devServerUrl);
  });

  const open = () => {
    const win = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      rendererRoot,
      ...(devServerUrl ? { devServerUrl } : {}),
    });
    flushBeforeClose(win);
    wireSpellcheckMenu(win, session.defaultSession);
    // The application menu lists the renderer's command registry (one source for menu, keys, palette).
    win.webContents.on('did-finish-load', () => {
      void commandsOf(win).then((commands) =>
        Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(commands, (id) => runInPage(win, id)))),
      );
    });
    // The hidden print window would otherwise keep the app alive once the user closes the last window.
    win.on('closed', () => void services?.exports?.close());
    return win;
  };
  open();

  routeLaunches(app, { all: () => BrowserWindow.getAllWindows(), open });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => services?.close());
});
