import { BrowserWindow, dialog } from 'electron';
import type { SaveDialogPort } from './export/service';
import type { OpenDialogPort } from './services';

/**
 * The native dialogs of the app (Electron), behind the ports the services define: where an export
 * goes, which minutes file to import. Thin on purpose: tests use the same ports with fixed paths.
 */

/** The save dialog of the focused window: where the user wants the export. */
export const electronSaveDialog: SaveDialogPort = {
  async chooseDestination({ defaultName, format }) {
    const options = {
      title: format === 'pdf' ? 'Export PDF for signature' : 'Export Word document',
      defaultPath: defaultName,
      filters: format === 'pdf' ? [{ name: 'PDF', extensions: ['pdf'] }] : [{ name: 'Word document', extensions: ['docx'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  },
};

/** The open dialog of the focused window: a minutes file (.minuta.json) to import. */
export const electronOpenDialog: OpenDialogPort = {
  async chooseMinutesFile() {
    const options = {
      title: 'Import minutes',
      filters: [
        { name: 'Minutes (.minuta.json)', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] },
      ],
      properties: ['openFile'] as 'openFile'[],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  },
};
