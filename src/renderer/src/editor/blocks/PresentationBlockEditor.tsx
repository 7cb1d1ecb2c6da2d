import { presentationHeading } from '../../../../shared/format';
import type { PresentationB } from '../../model/types';
import { RichField } from '../richtext/RichField';
import { TextInput, withOptional } from '../fields/TextInput';
import { Autocomplete } from '../../register/Autocomplete';
import { organisationLabel, organisationOptions, personLabel, personOptions } from '../../register/options';
import { organisationsTopic, peopleTopic } from '../../state/topics';
import { asBullets, asRich, changeBlock, editBlock } from './common';

export function PresentationBlockEditor({ block }: { block: PresentationB }) {
  const people = peopleTopic.use((p) => p);
  const orgs = organisationsTopic.use((o) => o);
  const id = block.id;
  // Left empty, the heading line prints as made from the fields above (one source: the register); typed, it overrides.
  const generated = presentationHeading(block, { people: people ?? [], organisations: orgs ?? [] });
  return (
    <>
      <div className="row">
        <Autocomplete label="Presenter" field={`${id}.presenter`} source={personOptions} placeholder="From the register"
          text={personLabel({ people: people ?? [] }, block.presenterPersonId)}
          onSelect={(o) => changeBlock<PresentationB>(id, (b) => ({ ...b, presenterPersonId: o.id }))} />
        <Autocomplete label="Organisation" field={`${id}.organisation`} source={organisationOptions} placeholder="From the register"
          text={organisationLabel({ organisations: orgs ?? [] }, block.organisationId)}
          onSelect={(o) => changeBlock<PresentationB>(id, (b) => ({ ...b, organisationId: o.id }))} />
        <TextInput field={`${id}.title`} blockId={id} label="Title of the talk" value={block.title ?? ''}
          onChange={(v) => editBlock<PresentationB>(id, (b) => withOptional(b, 'title', v), `${id}.title`)} />
      </div>
      <RichField field={`${id}.heading`} blockId={id} kind="inline" className="heading" value={block.heading}
        label="Presentation heading (optional: replaces the one shown)" placeholder={generated}
        onChange={(v) => editBlock<PresentationB>(id, (b) => ({ ...b, heading: asRich(v) }), `${id}.heading`)} />
      <RichField field={`${id}.bullets`} blockId={id} kind="bullets" value={block.bullets} label="Presentation points"
        placeholder="A point of the presentation… (Enter: next point, Tab: indent)"
        onChange={(v) => editBlock<PresentationB>(id, (b) => ({ ...b, bullets: asBullets(v) }), `${id}.bullets`)} />
      {block.recommendations ? (
        <div className="subpart">
          <RichField field={`${id}.rec-heading`} blockId={id} kind="inline" className="heading"
            value={block.recommendations.heading ?? []} label="Recommendations heading" placeholder="Recommendations"
            onChange={(v) => editBlock<PresentationB>(id, (b) => ({ ...b, recommendations: { items: [], ...b.recommendations, heading: asRich(v) } }), `${id}.rec-heading`)} />
          <RichField field={`${id}.rec-items`} blockId={id} kind="bullets" value={block.recommendations.items}
            label="Recommendations" placeholder="A recommendation…"
            onChange={(v) => editBlock<PresentationB>(id, (b) => ({ ...b, recommendations: { ...b.recommendations, items: asBullets(v) } }), `${id}.rec-items`)} />
        </div>
      ) : (
        <button type="button" className="link"
          onClick={() => changeBlock<PresentationB>(id, (b) => ({ ...b, recommendations: { heading: [{ text: 'Recommendations' }], items: [] } }), `${id}.rec-items`)}>
          + Recommendations
        </button>
      )}
    </>
  );
}
