import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, channelOf } from '../shared/ipc/methods';
import type { MinutaApi } from '../shared/ipc/contract';

// One named function per contract method: the page never touches ipcRenderer, and cannot reach a
// channel the contract does not name. Payload validation happens in main, where it cannot be skipped.
// Only the method names are imported (a type import of the contract costs nothing at run time): the
// preload stays a few hundred bytes instead of bundling zod and the minutes model.
const api = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (request: unknown) => ipcRenderer.invoke(channelOf(method), request)]),
) as MinutaApi;

contextBridge.exposeInMainWorld('minuta', api satisfies MinutaApi);
