import { BrowserWindow, dialog } from 'electron';
import type { SaveDialogPort } from './service';

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
