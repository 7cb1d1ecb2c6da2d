import { AGREED_FORMAT, decisionHeading, outcomeSentence, writeDate } from '../../../../../shared/format';
import { decisionWarnings, tallyOf, voteParticipants, warningText } from '../../../../../shared/decisions/tally';
import type { DecisionBlock, VoteList, Voter } from '../../../../../shared/minutes';
import { RichField } from '../../richtext/RichField';
import { Select, TextInput, withOptional } from '../../fields/TextInput';
import { Autocomplete } from '../../../register/Autocomplete';
import { attributionOptions, organisationLabel, organisationOptions } from '../../../register/options';
import { useAppStore } from '../../../state/store';
import { asParas, asRich, changeBlock, editBlock } from '../common';
import { addVoter, mapVoter, removeVoter } from './votes';
import './decision.css';

type DecisionB = DecisionBlock;

const OUTCOMES = [
  { value: 'adopted', label: 'Adopted' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'deferred', label: 'Deferred' },
  { value: 'noted', label: 'Noted' },
] as const;
const METHODS = [
  { value: 'consensus', label: 'By consensus' },
  { value: 'vote', label: 'By vote' },
  { value: 'notation-vote', label: 'By notation vote' },
] as const;
const PRINTS = [
  { value: 'tally', label: 'A tally sentence' },
  { value: 'names', label: '"Voting for this action: …" lines' },
] as const;
const LISTS: { list: VoteList; label: string }[] = [
  { list: 'for', label: 'For' },
  { list: 'against', label: 'Against' },
  { list: 'abstaining', label: 'Abstaining' },
  { list: 'absent', label: 'Absent' },
];

/**
 * A decision: its number, body and date, outcome and method, the adopted text, and for a vote the four
 * lists filled from the register, with the tally (computed, as printed) and the warnings beneath.
 */
export function DecisionBlockEditor({ block }: { block: DecisionB }) {
  const meeting = useAppStore((s) => s.doc?.meeting);
  const id = block.id;
  const register = { organisations: meeting?.organisations ?? [] };
  const generated = decisionHeading(block, register, AGREED_FORMAT.decision, (iso) => writeDate(iso));
  const voting = block.method !== 'consensus' || block.vote !== undefined;
  const participants = meeting ? voteParticipants(meeting, block) : [];
  const warnings = decisionWarnings(block, participants);
  const t = tallyOf(block.vote);
  return (
    <div className="decision">
      <div className="row">
        <TextInput field={`${id}.number`} blockId={id} label="Number" value={block.number ?? ''} placeholder="Decision 3/2019"
          onChange={(v) => editBlock<DecisionB>(id, (b) => withOptional(b, 'number', v), `${id}.number`)} />
        <Autocomplete label="Taken by (body)" field={`${id}.organisation`} source={organisationOptions} placeholder="From the register, or a name"
          text={block.organisationId ? organisationLabel(register, block.organisationId) : (block.body ?? '')}
          onText={(v) => editBlock<DecisionB>(id, (b) => { const { organisationId: _o, ...rest } = b; return withOptional(rest, 'body', v); }, `${id}.organisation`)}
          onSelect={(o) => changeBlock<DecisionB>(id, (b) => { const { body: _b, ...rest } = b; return { ...rest, organisationId: o.id }; })} />
        <TextInput field={`${id}.date`} blockId={id} label="Date (if not the meeting's)" type="date" value={block.date ?? ''}
          onChange={(v) => editBlock<DecisionB>(id, (b) => withOptional(b, 'date', v), `${id}.date`)} />
      </div>
      <div className="row">
        <Select label="Outcome" field={`${id}.outcome`} value={block.outcome} options={OUTCOMES} onChange={(outcome) => changeBlock<DecisionB>(id, (b) => ({ ...b, outcome }))} />
        <Select label="How taken" field={`${id}.method`} value={block.method} options={METHODS} onChange={(method) => changeBlock<DecisionB>(id, (b) => ({ ...b, method }))} />
        <Select label="The vote prints as" field={`${id}.votePrint`} value={block.votePrint ?? AGREED_FORMAT.decision.votePrint} options={PRINTS}
          onChange={(votePrint) => changeBlock<DecisionB>(id, (b) => ({ ...b, votePrint }))} />
      </div>
      <RichField field={`${id}.heading`} blockId={id} kind="inline" className="heading" value={block.heading ?? []}
        label="Heading line (optional: replaces the one shown)" placeholder={generated}
        onChange={(v) => editBlock<DecisionB>(id, (b) => { const heading = asRich(v); const { heading: _h, ...rest } = b; return heading.length ? { ...rest, heading } : rest; }, `${id}.heading`)} />
      <RichField field={`${id}.text`} blockId={id} kind="paragraphs" className="adopted" value={block.text} label="Text adopted"
        placeholder="The text of the decision or resolution…"
        onChange={(v) => editBlock<DecisionB>(id, (b) => ({ ...b, text: asParas(v) }), `${id}.text`)} />
      <p className="tally" data-testid="tally">
        {voting ? `For ${t.for} · Against ${t.against} · Abstaining ${t.abstaining} · Absent ${t.absent} — ` : ''}
        {outcomeSentence(block, AGREED_FORMAT.decision)}
      </p>
      {warnings.length > 0 && (
        <ul className="decision-warnings" role="status">
          {warnings.map((w, i) => <li key={i}>{warningText(w)}</li>)}
        </ul>
      )}
      {voting && (
        <div className="votes" aria-label="Roll call">
          {LISTS.map(({ list, label }) => (
            <div className="vote-list" key={list} data-list={list}>
              <div className="vote-head">{label} <span className="count">{t[list]}</span></div>
              <ul>
                {(block.vote?.[list] ?? []).map((v) => <VoterRow key={v.id} blockId={id} voter={v} />)}
              </ul>
              <Autocomplete label={`Add to ${label.toLowerCase()}`} field={`${id}.add.${list}`} source={attributionOptions} placeholder="Name, delegation…"
                text="" onSelect={(o) => changeBlock<DecisionB>(id, (b) => addVoter(b, list, { label: o.label, ...refOf(o) }))} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function refOf(o: { id: string; kind?: 'person' | 'organisation' | 'delegation' }) {
  if (o.kind === 'delegation') return { delegationId: o.id };
  if (o.kind === 'organisation') return { organisationId: o.id };
  return { personId: o.id };
}

function VoterRow({ blockId, voter }: { blockId: string; voter: Voter }) {
  return (
    <li className="voter" data-voter-id={voter.id}>
      <span className="voter-name">{voter.by.label}</span>
      {voter.explanation === undefined ? (
        <button type="button" className="icon" tabIndex={-1} aria-label={`Add an explanation of vote by ${voter.by.label}`} title="Add an explanation of vote"
          onClick={() => changeBlock<DecisionB>(blockId, (b) => mapVoter(b, voter.id, (x) => ({ ...x, explanation: [[]] })), `${voter.id}.explanation`)}>
          ✎
        </button>
      ) : (
        <RichField field={`${voter.id}.explanation`} blockId={blockId} kind="paragraphs" value={voter.explanation} label="Explanation of vote"
          placeholder={`Why ${voter.by.label} voted so…`}
          onChange={(v) => editBlock<DecisionB>(blockId, (b) => mapVoter(b, voter.id, (x) => ({ ...x, explanation: asParas(v) })), `${voter.id}.explanation`)} />
      )}
      <button type="button" className="icon" tabIndex={-1} aria-label={`Remove ${voter.by.label}`}
        onClick={() => changeBlock<DecisionB>(blockId, (b) => removeVoter(b, voter.id))}>✕</button>
    </li>
  );
}
