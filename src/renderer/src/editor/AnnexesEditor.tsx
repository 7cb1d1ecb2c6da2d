import { memo } from 'react';
import { type Annex, type Meeting, newId } from '../../../shared/minutes';
import { counterText, fill, templateFor } from '../../../shared/format';
import type { AnyBlock } from '../model/tree';
import { useAppStore } from '../state/store';
import { RichField } from './richtext/RichField';
import { BlockList } from './BlockView';
import { asRich } from './blocks/common';

/** The meeting with annex `id` changed by `fn`; an annex list left empty is removed (a meeting without annexes has none). */
function withAnnex(m: Meeting, id: string, fn: (a: Annex) => Annex | undefined): Meeting {
  const annexes = (m.annexes ?? []).flatMap((a) => {
    if (a.id !== id) return [a];
    const next = fn(a);
    return next ? [next] : [];
  });
  const { annexes: _old, ...rest } = m;
  return annexes.length > 0 ? { ...rest, annexes } : rest;
}

/** The meeting with annex `id` moved one place up or down (the format renumbers annexes by their place). */
function moveAnnex(m: Meeting, id: string, delta: -1 | 1): Meeting {
  const list = (m.annexes ?? []).slice();
  const i = list.findIndex((a) => a.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= list.length) return m;
  [list[i], list[j]] = [list[j]!, list[i]!];
  return { ...m, annexes: list };
}

/**
 * The annexes after the body: each under its label as the format prints it ("Annex II"), with its
 * title and its blocks, edited with the same block editors as the body ("Add…" and the insert
 * commands put blocks into the annex that has the cursor). Annexes are added at the end, moved up or
 * down and removed whole; the format numbers them by their place.
 */
export const AnnexesEditor = memo(function AnnexesEditor({ annexes, format }: { annexes: Meeting['annexes']; format: Meeting['format'] }) {
  const edit = useAppStore((s) => s.edit);
  const t = templateFor(format);
  const label = (i: number) => fill(t.annexes.label, { number: counterText(t.annexes.style, i + 1) });
  return (
    <section className="annexes" aria-label="Annexes">
      {(annexes ?? []).map((a, i) => (
        <div className="annex" key={a.id} data-annex-id={a.id}>
          <div className="annex-head row">
            <span className="annex-label">{label(i)}</span>
            <RichField field={`${a.id}.title`} blockId={a.id} kind="inline" value={a.title} label={`Title of ${label(i)}`} placeholder="List of participants"
              onChange={(v) => edit((m) => withAnnex(m, a.id, (x) => ({ ...x, title: asRich(v) })), { field: `${a.id}.title`, typing: true })} />
            <button type="button" className="icon" tabIndex={-1} aria-label={`Move ${label(i)} up`} onClick={() => edit((m) => moveAnnex(m, a.id, -1))}>
              ↑
            </button>
            <button type="button" className="icon" tabIndex={-1} aria-label={`Move ${label(i)} down`} onClick={() => edit((m) => moveAnnex(m, a.id, 1))}>
              ↓
            </button>
            <button type="button" className="icon" tabIndex={-1} aria-label={`Remove ${label(i)}`} onClick={() => edit((m) => withAnnex(m, a.id, () => undefined))}>
              ✕
            </button>
          </div>
          <BlockList blocks={a.blocks as AnyBlock[]} containerId={a.id} containerType="body" />
        </div>
      ))}
      <button type="button" className="link add-annex"
        onClick={() => {
          const a: Annex = { id: newId('x'), title: [], blocks: [] };
          edit((m) => ({ ...m, annexes: [...(m.annexes ?? []), a] }), { focus: `${a.id}.title` });
        }}>
        + Annex
      </button>
    </section>
  );
});
