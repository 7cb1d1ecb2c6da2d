import { memo, useEffect, useState } from 'react';
import {
  FORMAT_TEMPLATE_NAMES,
  type FormatOverrides,
  type FormatTemplateName,
  LABEL_STYLES,
  type LabelStyle,
  type MeetingFormat,
  TITLE_LINES,
  formatLabel,
  templateFor,
} from '../../../shared/format';
import type { Meeting } from '../../../shared/minutes';
import type { Settings } from '../../../shared/settings/settings';
import { call } from '../api/client';
import { useAppStore } from '../state/store';
import { Select, TextInput } from './fields/TextInput';

const FIELD = 'meeting.format';

const TEMPLATE_LABELS: Record<FormatTemplateName, string> = {
  agreed: 'Agreed minutes (the 2018 and 2019 form)',
  bilateral: 'Bilateral agreed minutes, exchange of notes',
  report: 'Report of a consultative meeting',
  'summary-record': 'Summary record (UN style, with a masthead)',
};
const NUMBERING_LABELS = { none: 'Not numbered', continuous: 'Through the document', 'per-section': 'Again in each section', 'per-session': 'Again in each session' } as const;
/** "(a), (b), (c)": a label style as its first labels. */
const styles = (extra: { value: string; label: string }[] = []) => [...extra, ...LABEL_STYLES.map((s) => ({ value: s, label: [1, 2, 3].map((n) => formatLabel(s, n)).join(', ') }))];

/** The groups of overrides the panel sets, each merged field by field into what the meeting already overrides. */
type Group = 'headings' | 'paragraphs' | 'lists' | 'signatures' | 'titleBlock' | 'furniture';

/**
 * The meeting's format: which template it is printed in and its common choices (numbering, signature
 * layout, title block, classification marking), as ordinary edits of the meeting (saved, undoable);
 * the preview beside the editor follows. A format can be kept in the settings under a name and applied
 * to the next meetings.
 */
export const FormatPanel = memo(function FormatPanel({ format }: { format: MeetingFormat | undefined }) {
  const edit = useAppStore((s) => s.edit);
  const t = templateFor(format);
  const [settings, setSettings] = useState<Settings | undefined>();
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(() => {
    call('getSettings', undefined).then((r) => setSettings(r.settings), () => setSettings(undefined));
  }, []);

  const setFormat = (fn: (f: MeetingFormat) => MeetingFormat | undefined, typing = false) =>
    edit(
      (m: Meeting) => {
        const next = fn(m.format ?? { template: 'agreed' });
        const { format: _old, ...rest } = m;
        return next ? { ...rest, format: next } : rest;
      },
      { field: FIELD, typing },
    );
  const override = <K extends Group>(key: K, value: NonNullable<FormatOverrides[K]>, typing = false) =>
    setFormat((f) => ({ ...f, overrides: { ...f.overrides, [key]: { ...(f.overrides?.[key] as object | undefined), ...value } } }), typing);

  async function saveNamed() {
    if (!settings || name.trim() === '') return;
    const current = format ?? { template: 'agreed' as const };
    const formatTemplates = [...settings.formatTemplates.filter((x) => x.name !== name.trim()), { name: name.trim(), format: current }];
    try {
      setSettings(await call('saveSettings', { ...settings, formatTemplates }));
      setNotice(`Saved as “${name.trim()}”.`);
      setName('');
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  }

  const saved = settings?.formatTemplates ?? [];
  return (
    <details className="format-panel blk" data-block-id="format">
      <summary className="blk-bar">
        <span className="blk-caption">Format: {TEMPLATE_LABELS[format?.template ?? 'agreed']}</span>
      </summary>
      <div className="row">
        <Select<FormatTemplateName>
          field={`${FIELD}.template`}
          label="Template"
          value={format?.template ?? 'agreed'}
          options={FORMAT_TEMPLATE_NAMES.map((n) => ({ value: n, label: TEMPLATE_LABELS[n] }))}
          onChange={(v) => setFormat((f) => ({ ...f, template: v }))}
        />
        {saved.length > 0 && (
          <Select<string>
            field={`${FIELD}.saved`}
            label="Apply a saved format"
            value=""
            options={[{ value: '', label: '—' }, ...saved.map((s) => ({ value: s.name, label: s.name }))]}
            onChange={(v) => {
              const chosen = saved.find((s) => s.name === v);
              if (chosen) setFormat(() => chosen.format);
            }}
          />
        )}
      </div>
      <div className="row">
        <Select
          field={`${FIELD}.headings.section`}
          label="Section numbers"
          value={t.headings.section}
          options={styles([{ value: 'none', label: 'None' }])}
          onChange={(v) => override('headings', { section: v as LabelStyle | 'none' })}
        />
        <Select
          field={`${FIELD}.paragraphs.numbering`}
          label="Paragraph numbers"
          value={t.paragraphs.numbering}
          options={Object.entries(NUMBERING_LABELS).map(([value, label]) => ({ value: value as keyof typeof NUMBERING_LABELS, label }))}
          onChange={(v) => override('paragraphs', { numbering: v })}
        />
        <Select
          field={`${FIELD}.lists.decimal`}
          label="Numbered lists"
          value={t.lists.decimal}
          options={styles()}
          onChange={(v) => override('lists', { decimal: v as LabelStyle })}
        />
      </div>
      <div className="row">
        <Select
          field={`${FIELD}.signatures.perRow`}
          label="Signatures per row"
          value={String(t.signatures.perRow)}
          options={['1', '2', '3', '4'].map((n) => ({ value: n, label: n }))}
          onChange={(v) => override('signatures', { perRow: Number(v) })}
        />
        <TextInput
          field={`${FIELD}.signatures.party`}
          label="Above a signature that names its party"
          value={t.signatures.party}
          onChange={(v) => override('signatures', { party: v }, true)}
        />
        <Select
          field={`${FIELD}.titleBlock`}
          label="Title block"
          value={t.titleBlock.lines.length > 0 ? 'printed' : 'none'}
          options={[
            { value: 'printed', label: 'Printed' },
            { value: 'none', label: 'None (the text begins the document)' },
          ]}
          onChange={(v) => override('titleBlock', { lines: v === 'none' ? [] : [...TITLE_LINES] })}
        />
        <TextInput
          field={`${FIELD}.furniture.marking`}
          label="Marking on every page"
          placeholder="e.g. CONFIDENTIAL"
          value={t.furniture.marking}
          onChange={(v) => override('furniture', { marking: v }, true)}
        />
      </div>
      <div className="row">
        <TextInput field={`${FIELD}.saveAs`} label="Save this format as" placeholder="e.g. Joint commission minutes" value={name} onChange={setName} />
        <button type="button" className="btn" disabled={!settings || name.trim() === ''} onClick={() => void saveNamed()}>
          Save format
        </button>
        {format && (
          <button type="button" className="btn" onClick={() => setFormat(() => undefined)}>
            Back to the agreed format
          </button>
        )}
        {notice && <span role="status">{notice}</span>}
      </div>
    </details>
  );
});
