import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServices } from './services';
import { registerIpc } from './ipc/electron';
import { createMainWindow } from './window';
import { flushBeforeClose } from './flushOnClose';
import { commandsOf, menuTemplate, runInPage } from './menu';
import { CONTENT_SECURITY_POLICY } from './security/csp';
import { isAppUrl } from './security/urls';
import { resolveDatabasePath } from './paths';
import { ElectronPrinter } from './export/pdf/electronPrinter';
import { electronOpenDialog, electronSaveDialog } from './dialogs';
import { claimSingleInstance, routeLaunches } from './singleInstance';

// The Electron shell stays thin: windows and wiring only. Everything it does lives in ./services.
const rendererRoot = pathToFileURL(join(import.meta.dirname, '../renderer/')).href;
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];

app.enableSandbox();
const primary = claimSingleInstance(app);

void app.whenReady().then(() => {
  if (!primary) return; // another Minuta is running: it has been brought to the front
  const services = createServices({
    databasePath: resolveDatabasePath(process.argv, process.env, app.getPath('userData')),
    version: app.getVersion(),
    export: { dialog: electronSaveDialog, createPrinter: () => new ElectronPrinter() },
    importDialog: electronOpenDialog,
  });

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  registerIpc(ipcMain, services.dispatch, (event) => {
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
    // The application menu lists the renderer's command registry (one source for menu, keys, palette).
    win.webContents.on('did-finish-load', () => {
      void commandsOf(win).then((commands) =>
        Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(commands, (id) => runInPage(win, id)))),
      );
    });
    // The hidden print window would otherwise keep the app alive once the user closes the last window.
    win.on('closed', () => void services.exports?.close());
    return win;
  };
  open();

  routeLaunches(app, { all: () => BrowserWindow.getAllWindows(), open });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => services.close());
});
