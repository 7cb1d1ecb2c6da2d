import type { StatementB } from '../../../model/types';
import { RichField } from '../../richtext/RichField';
import { TextInput, withOptional } from '../../fields/TextInput';
import { Autocomplete, type Option } from '../../../register/Autocomplete';
import { attributionOptions } from '../../../register/options';
import { asParas, editBlock } from '../common';

/** A register pick: the label as the register names it, linked by the option's kind. */
function speakerOf(o: Option): StatementB['speaker'] {
  const key = o.kind === 'person' ? 'personId' : o.kind === 'delegation' ? 'delegationId' : 'organisationId';
  return { label: o.label, [key]: o.id };
}

/**
 * Reported speech: the speaker (from the register, or as typed: typing unlinks the register entry,
 * as in a Q&A), the affiliation as printed in brackets (empty: the register's), and what was said.
 */
export function StatementBlockEditor({ block }: { block: StatementB }) {
  const id = block.id;
  return (
    <>
      <div className="row">
        <Autocomplete label="Speaker" field={`${id}.speaker`} text={block.speaker.label} source={attributionOptions}
          placeholder="Mr. Smith: person, delegation or organisation"
          onSelect={(o) => editBlock<StatementB>(id, (b) => ({ ...b, speaker: speakerOf(o) }), `${id}.speaker`)}
          onText={(label) => editBlock<StatementB>(id, (b) => ({ ...b, speaker: { label } }), `${id}.speaker`)} />
        <TextInput field={`${id}.affiliation`} blockId={id} label="Affiliation as printed" value={block.affiliation ?? ''}
          placeholder="United Kingdom (empty: from the register)"
          onChange={(v) => editBlock<StatementB>(id, (b) => withOptional(b, 'affiliation', v), `${id}.affiliation`)} />
      </div>
      <RichField field={`${id}.paragraphs`} blockId={id} kind="paragraphs" value={block.paragraphs} label="Statement"
        placeholder="said that his delegation…"
        onChange={(v) => editBlock<StatementB>(id, (b) => ({ ...b, paragraphs: asParas(v) }), `${id}.paragraphs`)} />
    </>
  );
}
