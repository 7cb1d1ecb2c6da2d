import type { ListB } from '../../model/types';
import { RichField } from '../richtext/RichField';
import { Select, TextInput, withOptional } from '../fields/TextInput';
import { asBullets, asRich, changeBlock, editBlock } from './common';
import { richTextToString, type DecisionMarker } from '../../../../shared/minutes';
import { mapBullet, markedBullets, toggleMarker } from './list/decisionMarkers';

type List = ListB;

const NUMBERING = [
  { value: 'bullet', label: '– bullets' },
  { value: 'decimal', label: '1. numbers' },
  { value: 'decimal-paren', label: '1) numbers' },
  { value: 'alpha', label: '(a) sub-paragraphs' },
  { value: 'roman', label: '(i) sub-paragraphs' },
  { value: 'none', label: 'plain paragraphs' },
] as const;

const ROLE_PLACEHOLDER: Record<List['role'], string> = {
  objectives: 'An objective of the meeting…',
  challenges: 'A challenge…',
  agreements: 'What the meeting agreed…',
  recommendations: 'A recommendation…',
  findings: 'A finding…',
  points: 'A point…',
};

export function ListBlockEditor({ block }: { block: List }) {
  return (
    <>
      <div className="row row-tools">
        <Select label="Numbering" value={block.numbering} options={NUMBERING}
          onChange={(numbering) => changeBlock<List>(block.id, (b) => ({ ...b, numbering }))} />
        {block.heading === undefined && (
          <button type="button" className="link" onClick={() => changeBlock<List>(block.id, (b) => ({ ...b, heading: [] }), `${block.id}.heading`)}>
            Add a heading
          </button>
        )}
      </div>
      {block.heading !== undefined && (
        <RichField field={`${block.id}.heading`} blockId={block.id} kind="inline" className="heading" value={block.heading}
          label="List heading" placeholder="Heading (e.g. Recommendations)"
          onChange={(v) => editBlock<List>(block.id, (b) => ({ ...b, heading: asRich(v) }), `${block.id}.heading`)} />
      )}
      <RichField field={`${block.id}.items`} blockId={block.id} kind="bullets" className={`numbering-${block.numbering}`}
        value={block.items} label={`${block.role} list`} placeholder={ROLE_PLACEHOLDER[block.role]}
        onChange={(v) => editBlock<List>(block.id, (b) => ({ ...b, items: asBullets(v) }), `${block.id}.items`)} />
      <DecisionMarkers block={block} />
    </>
  );
}

const OUTCOMES = [
  { value: 'adopted', label: 'Adopted' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'deferred', label: 'Deferred' },
  { value: 'noted', label: 'Noted' },
] as const;

/** The items marked as decisions (Ctrl+K "Mark … as a decision"): their number, date and outcome, as data beside the text. */
function DecisionMarkers({ block }: { block: List }) {
  const marked = markedBullets(block.items);
  if (marked.length === 0) return null;
  const set = (bulletId: string, fn: (d: DecisionMarker) => DecisionMarker, field: string, typing = true) =>
    editBlock<List>(block.id, (b) => ({ ...b, items: mapBullet(b.items, bulletId, (x) => (x.decision ? { ...x, decision: fn(x.decision) } : x)) }), field, typing);
  return (
    <div className="decision-markers" aria-label="Marked as decisions">
      {marked.map((item) => (
        <div className="row decision-marker" key={item.id} data-bullet-id={item.id}>
          <span className="marker-text" title={richTextToString(item.text)}>{richTextToString(item.text).slice(0, 60) || '(empty item)'}</span>
          <TextInput field={`${item.id}.decision.number`} blockId={block.id} label="Decision number" value={item.decision!.number ?? ''} placeholder="Decision 1/2019"
            onChange={(v) => set(item.id, (d) => withOptional(d, 'number', v), `${item.id}.decision.number`)} />
          <TextInput field={`${item.id}.decision.date`} blockId={block.id} label="Date (if not the meeting's)" type="date" value={item.decision!.date ?? ''}
            onChange={(v) => set(item.id, (d) => withOptional(d, 'date', v), `${item.id}.decision.date`)} />
          <Select label="Outcome" value={item.decision!.outcome} options={OUTCOMES} onChange={(outcome) => set(item.id, (d) => ({ ...d, outcome }), `${item.id}.decision.outcome`, false)} />
          <button type="button" className="icon" tabIndex={-1} aria-label="Not a decision" title="Not a decision"
            onClick={() => changeBlock<List>(block.id, (b) => ({ ...b, items: toggleMarker(b.items, item.id) }))}>✕</button>
        </div>
      ))}
    </div>
  );
}
