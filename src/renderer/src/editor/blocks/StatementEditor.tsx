import type { Statement } from '../../../../shared/minutes';
import { RichField } from '../richtext/RichField';
import { Autocomplete, type Option } from '../../register/Autocomplete';
import { attributionOptions } from '../../register/options';
import { asParas } from './common';

interface Props {
  blockId: string;
  statement: Statement;
  /** "Question", "Answer", "Suggestion": the format prints it around the label. */
  role: string;
  onChange(fn: (s: Statement) => Statement, field: string, typing: boolean): void;
  onRemove?: () => void;
}

function attribution(o: Option): Statement['by'] {
  const key = o.kind === 'person' ? 'personId' : o.kind === 'delegation' ? 'delegationId' : 'organisationId';
  return { label: o.label, [key]: o.id };
}

/** Who said it (from the register, or free text) and what they said. */
export function StatementEditor({ blockId, statement, role, onChange, onRemove }: Props) {
  const field = `${statement.id}.paragraphs`;
  return (
    <div className="statement" data-statement-id={statement.id}>
      <div className="statement-by">
        <span className="statement-role">{role}</span>
        <Autocomplete
          label={`${role} by`}
          field={`${statement.id}.by`}
          text={statement.by.label}
          source={attributionOptions}
          placeholder="Organisation, delegation or person"
          onSelect={(o) => onChange((s) => ({ ...s, by: attribution(o) }), `${statement.id}.by`, false)}
          onText={(label) => onChange((s) => ({ ...s, by: { label } }), `${statement.id}.by`, true)}
        />
        {onRemove && (
          <button type="button" className="icon" tabIndex={-1} aria-label={`Remove this ${role.toLowerCase()}`} onClick={onRemove}>
            ✕
          </button>
        )}
      </div>
      <RichField
        field={field}
        blockId={blockId}
        kind="paragraphs"
        value={statement.paragraphs}
        label={`${role} text`}
        placeholder={`${role}…`}
        onChange={(v) => onChange((s) => ({ ...s, paragraphs: asParas(v) }), field, true)}
      />
    </div>
  );
}
