import { useAppStore } from '../state/store';
import { shortcutHint } from '../commands/registry';

/** The preview's zoom: fit page, fit width, and 50–200 % in steps (keys: Ctrl+[ / Ctrl+], Ctrl+9, Ctrl+0). */
export function ZoomControls() {
  const mode = useAppStore((s) => s.previewZoom);
  const scale = useAppStore((s) => s.previewScale);
  const { setPreviewZoom, zoomBy } = useAppStore.getState();
  return (
    <div className="zoom-controls" role="toolbar" aria-label="Preview zoom" data-testid="zoom-controls">
      <button type="button" aria-pressed={mode === 'fit-page'} onClick={() => setPreviewZoom('fit-page')} {...shortcutHint('view.fitPage', 'Fit page')}>Fit page</button>
      <button type="button" aria-pressed={mode === 'fit-width'} onClick={() => setPreviewZoom('fit-width')} {...shortcutHint('view.fitWidth', 'Fit width')}>Fit width</button>
      <button type="button" onClick={() => zoomBy(-1)} disabled={scale <= 0.5} aria-label="Zoom out" {...shortcutHint('view.zoomOut', 'Zoom out')}>−</button>
      <select aria-label="Zoom" value={typeof mode === 'number' ? String(mode) : ''}
        onChange={(e) => e.target.value && setPreviewZoom(Number(e.target.value))}>
        <option value="">{Math.round(scale * 100)} %</option>
        {[0.5, 0.75, 1, 1.25, 1.5, 2].map((z) => (
          <option key={z} value={String(z)}>{z * 100} %</option>
        ))}
      </select>
      <button type="button" onClick={() => zoomBy(1)} disabled={scale >= 2} aria-label="Zoom in" {...shortcutHint('view.zoomIn', 'Zoom in')}>+</button>
    </div>
  );
}
