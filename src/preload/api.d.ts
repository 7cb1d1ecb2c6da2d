import type { MinutaApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    /** The typed API the preload exposes (see src/shared/ipc/contract.ts). */
    readonly minuta: MinutaApi;
  }
}
