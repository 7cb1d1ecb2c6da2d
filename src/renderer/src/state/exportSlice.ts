import type { StateCreator } from 'zustand';
import type { ExportFormat } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import type { AppState } from './store';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat }
  | { kind: 'done'; path: string }
  | { kind: 'error'; message: string };

export interface ExportSlice {
  exportState: ExportState;
  /**
   * Exports the open meeting: pending edits are saved first (the exporter reads the stored document),
   * then main asks where to save, renders and writes the file.
   */
  exportOpenMeeting(format: ExportFormat): Promise<void>;
}

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set, get) => ({
  exportState: { kind: 'idle' },
  async exportOpenMeeting(format) {
    const doc = get().doc;
    if (!doc || get().exportState.kind === 'busy') return;
    set({ exportState: { kind: 'busy', format } });
    try {
      await get().flush();
      const r = await call('exportMeeting', { id: doc.id, format, sealed: false });
      set({ exportState: r.saved && r.path ? { kind: 'done', path: r.path } : { kind: 'idle' } });
    } catch (e) {
      set({ exportState: { kind: 'error', message: e instanceof Error ? e.message : String(e) } });
    }
  },
});
