import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, methods, type MinutaApi } from '../shared/ipc/contract';

// One named function per contract method: the page never touches ipcRenderer, and cannot reach a
// channel the contract does not name. Payload validation happens in main, where it cannot be skipped.
const api = Object.fromEntries(
  methods.map((method) => [method, (request: unknown) => ipcRenderer.invoke(channelOf(method), request)]),
) as MinutaApi;

contextBridge.exposeInMainWorld('minuta', api satisfies MinutaApi);
