import type { PresidingB, RemarkB } from '../../model/types';
import { RichField } from '../richtext/RichField';
import { TextInput, withOptional } from '../fields/TextInput';
import { Autocomplete } from '../../register/Autocomplete';
import { personLabel, personOptions } from '../../register/options';
import { peopleTopic } from '../../state/topics';
import { asParas, asRich, changeBlock, editBlock } from './common';

export function RemarkBlockEditor({ block }: { block: RemarkB }) {
  const people = peopleTopic.use((p) => p);
  const id = block.id;
  return (
    <>
      <div className="row">
        <Autocomplete label="Speaker" field={`${id}.speaker`} source={personOptions} placeholder="From the register"
          text={personLabel({ people: people ?? [] }, block.speakerPersonId)}
          onSelect={(o) =>
            changeBlock<RemarkB>(id, (b) => ({ ...b, speakerPersonId: o.id, speakerLabel: b.speakerLabel?.length ? b.speakerLabel : [{ text: o.label, bold: true }] }))
          } />
        <TextInput field={`${id}.role`} blockId={id} label="Role at the meeting" value={block.role ?? ''} placeholder="head of the Lao delegation"
          onChange={(v) => editBlock<RemarkB>(id, (b) => withOptional(b, 'role', v), `${id}.role`)} />
      </div>
      <RichField field={`${id}.speakerLabel`} blockId={id} kind="inline" className="speaker" value={block.speakerLabel ?? []}
        label="Speaker as printed" placeholder="Speaker as the minutes name them (optional)"
        onChange={(v) => editBlock<RemarkB>(id, (b) => {
          const label = asRich(v);
          const { speakerLabel: _drop, ...rest } = b;
          return label.length > 0 ? { ...rest, speakerLabel: label } : rest;
        }, `${id}.speakerLabel`)} />
      <RichField field={`${id}.paragraphs`} blockId={id} kind="paragraphs" value={block.paragraphs} label="Remarks"
        placeholder="What the speaker said…"
        onChange={(v) => editBlock<RemarkB>(id, (b) => ({ ...b, paragraphs: asParas(v) }), `${id}.paragraphs`)} />
    </>
  );
}

export function PresidingBlockEditor({ block }: { block: PresidingB }) {
  const people = peopleTopic.use((p) => p);
  const id = block.id;
  return (
    <>
      <Autocomplete label="Presided by" field={`${id}.person`} source={personOptions} placeholder="From the register"
        text={personLabel({ people: people ?? [] }, block.personId)}
        onSelect={(o) => changeBlock<PresidingB>(id, (b) => ({ ...b, personId: o.id }))} />
      <RichField field={`${id}.paragraphs`} blockId={id} kind="paragraphs" value={block.paragraphs} label="Presiding official"
        placeholder="The meeting was presided over by…"
        onChange={(v) => editBlock<PresidingB>(id, (b) => ({ ...b, paragraphs: asParas(v) }), `${id}.paragraphs`)} />
    </>
  );
}
