import type { StateCreator } from 'zustand';
import type { ExportFormat } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { uncoveredCharacters, type UncoveredCharacter } from '../../../shared/format/coverage';
import type { AppState } from './store';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat }
  /** Some characters have no shipped font: shown to the user, who exports anyway or goes back to fix them. */
  | { kind: 'confirm-glyphs'; format: ExportFormat; missing: UncoveredCharacter[] }
  | { kind: 'done'; path: string }
  | { kind: 'error'; message: string };

export interface ExportSlice {
  exportState: ExportState;
  /**
   * Exports the open meeting: pending edits are saved first (the exporter reads the stored document),
   * then main asks where to save, renders and writes the file.
   */
  exportOpenMeeting(format: ExportFormat, options?: { allowMissingGlyphs?: boolean }): Promise<void>;
  /** Leaves the confirmation of missing glyphs without exporting. */
  cancelExport(): void;
}

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set, get) => ({
  exportState: { kind: 'idle' },
  cancelExport() {
    if (get().exportState.kind === 'confirm-glyphs') set({ exportState: { kind: 'idle' } });
  },
  async exportOpenMeeting(format, { allowMissingGlyphs = false } = {}) {
    const doc = get().doc;
    if (!doc || get().exportState.kind === 'busy') return;
    // The same check main makes before printing, made here first so that the user can decide.
    const missing = format === 'json' || allowMissingGlyphs ? [] : uncoveredCharacters(doc.meeting);
    if (missing.length > 0) {
      set({ exportState: { kind: 'confirm-glyphs', format, missing } });
      return;
    }
    set({ exportState: { kind: 'busy', format } });
    try {
      await get().flush();
      const r = await call('exportMeeting', { id: doc.id, format, sealed: false, ...(allowMissingGlyphs ? { allowMissingGlyphs } : {}) });
      set({ exportState: r.saved && r.path ? { kind: 'done', path: r.path } : { kind: 'idle' } });
    } catch (e) {
      set({ exportState: { kind: 'error', message: e instanceof Error ? e.message : String(e) } });
    }
  },
});
