import { BrowserWindow, dialog } from 'electron';
import type { SaveDialogPort } from './export/service';
import type { OpenDialogPort, SignDialogPort, VerifyDialogPort } from './services';

/**
 * The native dialogs of the app (Electron), behind the ports the services define: where an export
 * goes, which minutes file to import. Thin on purpose: tests use the same ports with fixed paths.
 */

const SAVE_TITLES = { pdf: 'Export PDF for signature', docx: 'Export Word document', json: 'Save a copy as a minutes file', csv: 'Export as a table (CSV)' } as const;
const SAVE_FILTERS: Record<keyof typeof SAVE_TITLES, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  docx: { name: 'Word document', extensions: ['docx'] },
  json: { name: 'Minutes (.minuta.json)', extensions: ['json'] },
  csv: { name: 'CSV (Excel, LibreOffice)', extensions: ['csv'] },
};

/** The save dialog of the focused window: where the user wants the export. */
export const electronSaveDialog: SaveDialogPort = {
  async chooseDestination({ defaultName, format }) {
    const options = {
      title: SAVE_TITLES[format],
      defaultPath: defaultName,
      filters: [SAVE_FILTERS[format]],
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

/** The open dialog of "Verify a copy…": a signature copy (PDF or Word) to check against the record. */
export const electronVerifyDialog: VerifyDialogPort = {
  async chooseCopy() {
    const options = {
      title: 'Verify a copy',
      filters: [
        { name: 'Signature copies (PDF, Word)', extensions: ['pdf', 'docx'] },
        { name: 'All files', extensions: ['*'] },
      ],
      properties: ['openFile'] as 'openFile'[],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  },
};

/** The dialogs of "Sign as…": the copy to sign, the signer's key file, where the signed copy goes. */
export const electronSignDialog: SignDialogPort = {
  async chooseCopy() {
    return openOne('Sign a signature copy', [{ name: 'Signature copies (PDF)', extensions: ['pdf'] }]);
  },
  async chooseKey() {
    return openOne('Your signing key (PKCS#12)', [{ name: 'PKCS#12 key files', extensions: ['p12', 'pfx'] }]);
  },
  async chooseDestination(defaultName) {
    const options = {
      title: 'Save the signed copy',
      defaultPath: defaultName,
      filters: [SAVE_FILTERS.pdf],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  },
};

async function openOne(title: string, filters: { name: string; extensions: string[] }[]): Promise<string | undefined> {
  const options = { title, filters: [...filters, { name: 'All files', extensions: ['*'] }], properties: ['openFile'] as 'openFile'[] };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}
