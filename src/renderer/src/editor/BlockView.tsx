import { memo, useEffect, useState } from 'react';
import type { AnyBlock } from '../model/tree';
import { moveBlock, removeBlock, renumber } from '../model/tree';
import { BLOCK_LABELS } from '../model/factory';
import { useAppStore } from '../state/store';
import { RichField } from './richtext/RichField';
import { TextBlockEditor } from './blocks/TextBlockEditor';
import { ListBlockEditor } from './blocks/ListBlockEditor';
import { DelegationsBlockEditor } from './blocks/DelegationsBlockEditor';
import { ObserversBlockEditor } from './blocks/ObserversBlockEditor';
import { PresidingBlockEditor, RemarkBlockEditor } from './blocks/RemarkBlockEditor';
import { PresentationBlockEditor } from './blocks/PresentationBlockEditor';
import { QaBlockEditor, SuggestionsBlockEditor } from './blocks/QaBlockEditor';
import { GroupBlockEditor } from './blocks/GroupBlockEditor';
import { SignatoriesBlockEditor } from './blocks/SignatoriesBlockEditor';
import { RoutingBlockEditor } from './blocks/RoutingBlockEditor';
import { asRich, editBlock } from './blocks/common';
import { AddBlock } from './AddBlock';
import { shortcutHint } from '../commands/registry';

function caption(block: AnyBlock): string {
  switch (block.type) {
    case 'paragraph':
      return block.role === 'summary' ? 'Summary' : block.role === 'introduction' ? 'Introduction' : 'Paragraph';
    case 'list':
      return block.role[0]!.toUpperCase() + block.role.slice(1);
    case 'remark':
      return block.occasion === 'opening' ? 'Opening remarks' : block.occasion === 'closing' ? 'Closing remarks' : 'Remarks';
    case 'group':
      return `Group ${block.number}`;
    case 'session':
      return `Session ${block.number}`;
    default:
      return BLOCK_LABELS[block.type];
  }
}

function BlockBody({ block }: { block: AnyBlock }) {
  switch (block.type) {
    case 'section':
      return (
        <>
          <RichField field={`${block.id}.heading`} blockId={block.id} kind="inline" className="heading section-heading"
            value={block.heading} label="Section heading" placeholder="SECTION HEADING"
            onChange={(v) => editBlock<typeof block>(block.id, (b) => ({ ...b, heading: asRich(v) }), `${block.id}.heading`)} />
          <BlockList blocks={block.blocks} containerId={block.id} containerType="section" />
        </>
      );
    case 'session':
      return (
        <>
          <RichField field={`${block.id}.title`} blockId={block.id} kind="inline" className="heading session-title"
            value={block.title} label={`Title of session ${block.number}`} placeholder="Title of the session"
            onChange={(v) => editBlock<typeof block>(block.id, (b) => ({ ...b, title: asRich(v) }), `${block.id}.title`)} />
          <BlockList blocks={block.items} containerId={block.id} containerType="session" />
        </>
      );
    case 'paragraph':
    case 'disclaimer':
    case 'next-meeting':
    case 'signing':
      return <TextBlockEditor block={block} />;
    case 'list':
      return <ListBlockEditor block={block} />;
    case 'delegations':
      return <DelegationsBlockEditor block={block} />;
    case 'observers':
      return <ObserversBlockEditor block={block} />;
    case 'presiding':
      return <PresidingBlockEditor block={block} />;
    case 'remark':
      return <RemarkBlockEditor block={block} />;
    case 'presentation':
      return <PresentationBlockEditor block={block} />;
    case 'qa':
      return <QaBlockEditor block={block} />;
    case 'suggestions':
      return <SuggestionsBlockEditor block={block} />;
    case 'group':
      return <GroupBlockEditor block={block} />;
    case 'signatories':
      return <SignatoriesBlockEditor block={block} />;
    case 'routing':
      return <RoutingBlockEditor block={block} />;
  }
}

/**
 * One block with its caption and move/delete buttons. Memoised on the block object: an edit elsewhere
 * leaves this object unchanged (structural sharing), so React skips it entirely.
 */
export const BlockView = memo(function BlockView({ block }: { block: AnyBlock }) {
  const edit = useAppStore((s) => s.edit);
  // Open comment threads on this block (a marker in its bar; ranges are marked in their fields).
  const comments = useAppStore((s) => s.commentMarks.blocks[block.id] ?? 0);
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
        <span className="blk-caption">{caption(block)}</span>
        {comments > 0 && (
          <span className="blk-comment-marker" title={`${comments} open comment${comments > 1 ? 's' : ''}`} aria-label={`${comments} open comment${comments > 1 ? 's' : ''}`}>
            {comments} comment{comments > 1 ? 's' : ''}
          </span>
        )}
        <span className="blk-actions">
          {/* Out of the Tab order on purpose (Tab indents in the text); the same actions are keyboard commands, named here. */}
          <button type="button" className="icon" tabIndex={-1} aria-label="Move up" {...shortcutHint('block.moveUp', 'Move up')} onClick={() => edit((m) => renumber(moveBlock(m, block.id, -1)))}>↑</button>
          <button type="button" className="icon" tabIndex={-1} aria-label="Move down" {...shortcutHint('block.moveDown', 'Move down')} onClick={() => edit((m) => renumber(moveBlock(m, block.id, 1)))}>↓</button>
          <button type="button" className="icon" tabIndex={-1} aria-label={`Delete ${caption(block)}`} {...shortcutHint('block.delete', 'Delete')} onClick={() => edit((m) => renumber(removeBlock(m, block.id)))}>✕</button>
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
