import { memo, useEffect, useState, type ComponentType } from 'react';
import type { AnyBlock } from '../model/tree';
import { moveBlock, removeBlock, renumber } from '../model/tree';
import { useAppStore, type AppState } from '../state/store';
import { commentMarksTopic } from '../state/topics';
import { captionOf, descriptorOf } from './blocks';
import { AddBlock } from './AddBlock';
import { shortcutHint } from '../commands/registry';

function BlockBody({ block }: { block: AnyBlock }) {
  const { Editor } = descriptorOf(block.type) as unknown as { Editor: ComponentType<{ block: AnyBlock }> };
  return <Editor block={block} />;
}

/**
 * One block with its caption and move/delete buttons. Memoised on the block object: an edit elsewhere
 * leaves this object unchanged (structural sharing), so React skips it entirely.
 */
export const BlockView = memo(function BlockView({ block }: { block: AnyBlock }) {
  // The action is read when clicked, not subscribed to: a subscription per block costs every keystroke.
  const edit: AppState['edit'] = (fn, options) => useAppStore.getState().edit(fn, options);
  // Open comment threads on this block (a marker in its bar; ranges are marked in their fields).
  const comments = commentMarksTopic.use((m) => m.blocks[block.id] ?? 0);
  const container = block.type === 'section' || block.type === 'session';
  return (
    <div
      className={`blk blk-${block.type}${container ? ' blk-container' : ''}${comments ? ' blk-commented' : ''}`}
      data-block-id={block.id}
      data-comments={comments || undefined}
      data-block-type={block.type}
      onFocus={(e) => {
        // The innermost block wins: commands insert next to it and the preview follows it.
        e.stopPropagation();
        const field = (e.target as HTMLElement).closest('[data-field]')?.getAttribute('data-field') ?? null;
        useAppStore.getState().setFocus(field, block.id);
      }}
    >
      <div className="blk-bar">
        <span className="blk-caption" title={descriptorOf(block.type).keys}>{captionOf(block)}</span>
        {comments > 0 && (
          <span className="blk-comment-marker" title={`${comments} open comment${comments > 1 ? 's' : ''}`} aria-label={`${comments} open comment${comments > 1 ? 's' : ''}`}>
            {comments} comment{comments > 1 ? 's' : ''}
          </span>
        )}
        <span className="blk-actions">
          {/* Out of the Tab order on purpose (Tab indents in the text); the same actions are keyboard commands, named here. */}
          <button type="button" className="icon" tabIndex={-1} aria-label="Move up" {...shortcutHint('block.moveUp', 'Move up')} onClick={() => edit((m) => renumber(moveBlock(m, block.id, -1)))}>↑</button>
          <button type="button" className="icon" tabIndex={-1} aria-label="Move down" {...shortcutHint('block.moveDown', 'Move down')} onClick={() => edit((m) => renumber(moveBlock(m, block.id, 1)))}>↓</button>
          <button type="button" className="icon" tabIndex={-1} aria-label={`Delete ${captionOf(block)}`} {...shortcutHint('block.delete', 'Delete')} onClick={() => edit((m) => renumber(removeBlock(m, block.id)))}>✕</button>
        </span>
      </div>
      <BlockBody block={block} />
    </div>
  );
});

interface ListProps {
  blocks: readonly AnyBlock[];
  containerId: string | null;
  containerType: 'body' | 'section' | 'session';
}

/** Blocks rendered in the first pass of a list; the rest follow in background chunks. */
const FIRST_PASS = 12;
const CHUNK = 24;

/**
 * A long list (a section of a hundred sessions) renders its first blocks at once and the rest in
 * chunks between frames, so that a 200-page document is typable as soon as its first screen is
 * there. A focus request for a block not rendered yet waits for it (editor/focus.ts).
 */
function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(() => Math.min(total, FIRST_PASS));
  useEffect(() => {
    if (count >= total) return;
    const handle = setTimeout(() => setCount((c) => Math.min(total, c + CHUNK)), 0);
    return () => clearTimeout(handle);
  }, [count, total]);
  return Math.min(total, Math.max(count, Math.min(total, FIRST_PASS)));
}

export const BlockList = memo(function BlockList({ blocks, containerId, containerType }: ListProps) {
  const count = useProgressiveCount(blocks.length);
  const shown = count < blocks.length ? blocks.slice(0, count) : blocks;
  return (
    <div className="blk-children" data-complete={count >= blocks.length ? '' : undefined}>
      {shown.map((b) => (
        <BlockView key={b.id} block={b} />
      ))}
      <AddBlock containerId={containerId} containerType={containerType} />
    </div>
  );
});
