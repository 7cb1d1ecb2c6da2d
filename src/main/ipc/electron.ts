import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelOf, methods } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import type { Dispatch } from './dispatch';

/**
 * Wires every contract method to ipcMain. A call is answered only when it comes from our own
 * renderer's main frame, so that a stray frame or a navigated page cannot reach the services.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of methods) {
    ipcMain.handle(channelOf(method), (event, payload: unknown) => {
      if (!isTrustedSender(event)) return fail('forbidden', `${method}: caller is not the Minuta window`);
      return dispatch(method, payload);
    });
  }
}
