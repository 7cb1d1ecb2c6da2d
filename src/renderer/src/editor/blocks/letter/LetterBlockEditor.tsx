import type { LetterParagraph, RichText, Signatory } from '../../../../../shared/minutes';
import { newId } from '../../../../../shared/minutes';
import type { LetterB } from '../../../model/types';
import { signatory } from '../../../model/factory';
import { RichField } from '../../richtext/RichField';
import { Select, TextInput, withOptional } from '../../fields/TextInput';
import { Autocomplete } from '../../../register/Autocomplete';
import { personLabel, personOptions } from '../../../register/options';
import { useAppStore } from '../../../state/store';
import { SignatureFields } from '../SignatoriesBlockEditor';
import { asParas, asRich, changeBlock, commitBlock, editBlock, mapById, removeAt } from '../common';

export const newLetterParagraph = (): LetterParagraph => ({ id: newId('p'), text: [] });

const KINDS = [
  { value: 'note', label: 'Note' },
  { value: 'letter', label: 'Letter' },
] as const;

const optionalRich = (b: LetterB, key: 'salutation' | 'close', v: RichText): LetterB => {
  const copy = { ...b };
  if (v.length === 0) delete copy[key];
  else copy[key] = v;
  return copy;
};

/**
 * A note or letter, top to bottom as it prints: reference, place and date, the addressee's lines,
 * salutation, paragraphs (each may be marked as quoted), close and the signer (as a signatory).
 */
export function LetterBlockEditor({ block }: { block: LetterB }) {
  const people = useAppStore((s) => s.doc?.meeting.people) ?? [];
  const id = block.id;
  const set = (fn: (b: LetterB) => LetterB, field: string, typing = true) => commitBlock<LetterB>(id, fn, field, typing);
  const setPara = (pid: string, fn: (p: LetterParagraph) => LetterParagraph, field: string, typing = true) =>
    set((b) => ({ ...b, paragraphs: mapById(b.paragraphs, pid, fn) }), field, typing);
  const signer = block.signer;
  const setSigner = (fn: (s: Signatory) => Signatory, field: string, typing = true) => set((b) => (b.signer ? { ...b, signer: fn(b.signer) } : b), field, typing);
  return (
    <div className="letter">
      <div className="row">
        <Select label="Kind" field={`${id}.kind`} value={block.kind} options={KINDS} onChange={(kind) => set((b) => ({ ...b, kind }), `${id}.kind`, false)} />
        <TextInput field={`${id}.reference`} blockId={id} label="Reference" value={block.reference ?? ''} placeholder="No. 123/2024"
          onChange={(v) => set((b) => withOptional(b, 'reference', v), `${id}.reference`)} />
        <TextInput field={`${id}.place`} blockId={id} label="Place" value={block.place ?? ''}
          onChange={(v) => set((b) => withOptional(b, 'place', v), `${id}.place`)} />
        <TextInput field={`${id}.date`} blockId={id} label="Date" type="date" value={block.date ?? ''}
          onChange={(v) => set((b) => withOptional(b, 'date', v), `${id}.date`, false)} />
      </div>
      <RichField field={`${id}.addressee`} blockId={id} kind="paragraphs" value={block.addressee} label="Addressee (one line each)"
        placeholder="His Excellency …"
        onChange={(v) => editBlock<LetterB>(id, (b) => ({ ...b, addressee: asParas(v) }), `${id}.addressee`)} />
      <RichField field={`${id}.salutation`} blockId={id} kind="inline" value={block.salutation ?? []} label="Salutation" placeholder="Excellency,"
        onChange={(v) => editBlock<LetterB>(id, (b) => optionalRich(b, 'salutation', asRich(v)), `${id}.salutation`)} />
      {block.paragraphs.map((p, i) => (
        <div className="row letter-paragraph" key={p.id} data-paragraph-id={p.id}>
          <RichField field={`${p.id}.text`} blockId={id} kind="inline" value={p.text} label={p.quoted ? 'Quoted text' : 'Paragraph'}
            onChange={(v) => editBlock<LetterB>(id, (b) => ({ ...b, paragraphs: mapById(b.paragraphs, p.id, (x) => ({ ...x, text: asRich(v) })) }), `${p.id}.text`)} />
          <label className="ti ti-check">
            <input type="checkbox" checked={p.quoted ?? false}
              onChange={(e) => setPara(p.id, (x) => { const { quoted: _q, ...rest } = x; return e.target.checked ? { ...rest, quoted: true } : rest; }, `${p.id}.quoted`, false)} />
            <span className="ti-label">Quoted</span>
          </label>
          <button type="button" className="icon" aria-label="Remove this paragraph"
            onClick={() => changeBlock<LetterB>(id, (b) => ({ ...b, paragraphs: removeAt(b.paragraphs, i) }))}>✕</button>
        </div>
      ))}
      <button type="button" className="link"
        onClick={() => {
          const p = newLetterParagraph();
          changeBlock<LetterB>(id, (b) => ({ ...b, paragraphs: [...b.paragraphs, p] }), `${p.id}.text`);
        }}>
        + Paragraph
      </button>
      <RichField field={`${id}.close`} blockId={id} kind="inline" value={block.close ?? []} label="Complimentary close"
        placeholder="Accept, Excellency, the assurances…"
        onChange={(v) => editBlock<LetterB>(id, (b) => optionalRich(b, 'close', asRich(v)), `${id}.close`)} />
      {signer ? (
        <div className="signatory" data-signatory-id={signer.id}>
          <div className="row">
            <TextInput field={`${signer.id}.role`} blockId={id} label="Signs as" value={signer.role} placeholder="Minister of Foreign Affairs"
              onChange={(v) => setSigner((x) => ({ ...x, role: v }), `${signer.id}.role`)} />
            <Autocomplete label="Signer" field={`${signer.id}.person`} source={personOptions} placeholder="From the register"
              text={signer.personId ? personLabel({ people }, signer.personId) : (signer.name ?? '')}
              onText={(name) => setSigner((x) => { const { personId: _p, ...rest } = x; return { ...rest, name }; }, `${signer.id}.person`)}
              onSelect={(o) => setSigner((x) => { const { name: _n, ...rest } = x; return { ...rest, personId: o.id }; }, `${signer.id}.person`, false)} />
            <TextInput field={`${signer.id}.party`} blockId={id} label="For (party)" value={signer.party ?? ''}
              onChange={(v) => setSigner((x) => withOptional(x, 'party', v), `${signer.id}.party`)} />
            <button type="button" className="icon" aria-label="Remove the signer"
              onClick={() => changeBlock<LetterB>(id, (b) => { const { signer: _s, ...rest } = b; return rest; })}>✕</button>
          </div>
          <TextInput field={`${signer.id}.titles`} blockId={id} label="Title lines under the signature (one per line)" multiline
            value={signer.titleLines.join('\n')}
            onChange={(v) => setSigner((x) => ({ ...x, titleLines: v === '' ? [] : v.split('\n') }), `${signer.id}.titles`)} />
          <SignatureFields id={signer.id} blockId={id} signature={signer.signature}
            onChange={(signature, typing) => setSigner((x) => ({ ...x, signature }), `${signer.id}.signature`, typing)} />
        </div>
      ) : (
        <button type="button" className="link"
          onClick={() => {
            const s = signatory();
            changeBlock<LetterB>(id, (b) => ({ ...b, signer: s }), `${s.id}.role`);
          }}>
          + Signer
        </button>
      )}
    </div>
  );
}
