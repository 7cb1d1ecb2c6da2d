import { useEffect } from 'react';
import type { Meeting, Organisation, OrganisationKind, Person } from '../../../shared/minutes';
import { useAppStore } from '../state/store';
import { TextInput, withOptional } from '../editor/fields/TextInput';
import { Autocomplete } from './Autocomplete';
import { organisationLabel, organisationOptions } from './options';
import { DelegationsBlockEditor } from '../editor/blocks/DelegationsBlockEditor';
import { newId } from '../../../shared/minutes';
import { newBlock } from '../editor/blocks';
import { childrenOf, type AnyBlock } from '../model/tree';
import type { DelegationsB } from '../model/types';

const KINDS: { value: OrganisationKind | ''; label: string }[] = [
  { value: '', label: '—' },
  { value: 'government', label: 'Government' },
  { value: 'international', label: 'International organisation' },
  { value: 'civil-society', label: 'Civil society' },
  { value: 'private-sector', label: 'Private sector' },
  { value: 'other', label: 'Other' },
];

function typing(field: string, fn: (m: Meeting) => Meeting) {
  useAppStore.getState().edit(fn, { field, typing: true });
}

function isReferenced(m: Meeting, id: string): boolean {
  // Ids are opaque tokens, so a quoted match is a reference (or the entry itself, excluded here).
  const needle = `"${id}"`;
  return JSON.stringify(m.body).includes(needle) || m.people.some((p) => p.organisationId === id);
}

function PersonRow({ p }: { p: Person }) {
  const orgs = useAppStore((s) => s.doc?.meeting.organisations) ?? [];
  const set = (key: string, fn: (x: Person) => Person) =>
    typing(`${p.id}.${key}`, (m) => ({ ...m, people: m.people.map((x) => (x.id === p.id ? fn(x) : x)) }));
  const remove = () => {
    const s = useAppStore.getState();
    if (s.doc && isReferenced(s.doc.meeting, p.id)) {
      window.alert(`${p.name || 'This person'} is still named in the minutes (speaker, presenter, head of delegation or signatory). Change those first.`);
      return;
    }
    s.edit((m) => ({ ...m, people: m.people.filter((x) => x.id !== p.id) }));
  };
  return (
    <div className="reg-row reg-person" data-person-id={p.id}>
      <TextInput field={`${p.id}.honorific`} label="Honorific" className="narrow" value={p.honorific ?? ''} placeholder="e.g. H.E. Mrs."
        onChange={(v) => set('honorific', (x) => withOptional(x, 'honorific', v))} />
      <TextInput field={`${p.id}.name`} label="Name" value={p.name} placeholder="Full name" onChange={(v) => set('name', (x) => ({ ...x, name: v }))} />
      <TextInput field={`${p.id}.titles`} label="Title lines" multiline className="wide" value={p.titleLines.join('\n')} placeholder="One position per line"
        onChange={(v) => set('titles', (x) => ({ ...x, titleLines: v === '' ? [] : v.split('\n') }))} />
      <Autocomplete label="Organisation" field={`${p.id}.org`} source={organisationOptions} placeholder="—"
        text={organisationLabel({ organisations: orgs }, p.organisationId)}
        onSelect={(o) => set('org', (x) => ({ ...x, organisationId: o.id }))}
        onText={(t) => t === '' && set('org', (x) => withOptional(x, 'organisationId', undefined))} />
      <TextInput field={`${p.id}.country`} label="Country" className="narrow" value={p.country ?? ''} placeholder="e.g. Cambodia"
        onChange={(v) => set('country', (x) => withOptional(x, 'country', v))} />
      <button type="button" className="icon" tabIndex={-1} aria-label={`Remove ${p.name || 'this person'}`} onClick={remove}>✕</button>
    </div>
  );
}

function OrganisationRow({ o }: { o: Organisation }) {
  const set = (key: string, fn: (x: Organisation) => Organisation) =>
    typing(`${o.id}.${key}`, (m) => ({ ...m, organisations: m.organisations.map((x) => (x.id === o.id ? fn(x) : x)) }));
  const remove = () => {
    const s = useAppStore.getState();
    if (s.doc && isReferenced(s.doc.meeting, o.id)) {
      window.alert(`${o.name || 'This organisation'} is still named in the minutes or the register. Change those first.`);
      return;
    }
    s.edit((m) => ({ ...m, organisations: m.organisations.filter((x) => x.id !== o.id) }));
  };
  return (
    <div className="reg-row reg-org" data-organisation-id={o.id}>
      <TextInput field={`${o.id}.name`} label="Name" className="wide" value={o.name} placeholder="Full name of the organisation"
        onChange={(v) => set('name', (x) => ({ ...x, name: v }))} />
      <TextInput field={`${o.id}.abbreviation`} label="Short label" className="narrow" value={o.abbreviation ?? ''} placeholder="e.g. IOM"
        onChange={(v) => set('abbreviation', (x) => withOptional(x, 'abbreviation', v))} />
      <label className="ti ti-select">
        <span className="ti-label">Kind</span>
        <select data-field={`${o.id}.kind`} value={o.kind ?? ''}
          onChange={(e) => set('kind', (x) => withOptional(x, 'kind', e.target.value) as Organisation)}>
          {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
        </select>
      </label>
      <TextInput field={`${o.id}.country`} label="Country" className="narrow" value={o.country ?? ''}
        onChange={(v) => set('country', (x) => withOptional(x, 'country', v))} />
      <button type="button" className="icon" tabIndex={-1} aria-label={`Remove ${o.name || 'this organisation'}`} onClick={remove}>✕</button>
    </div>
  );
}

function delegationBlocks(body: readonly AnyBlock[]): DelegationsB[] {
  const out: DelegationsB[] = [];
  for (const b of body) {
    if (b.type === 'delegations') out.push(b);
    const kids = childrenOf(b);
    if (kids) out.push(...delegationBlocks(kids));
  }
  return out;
}

/** People, organisations and delegations: who the minutes can name. Feeds every autocomplete. */
export function RegisterScreen({ meetingId }: { meetingId: string }) {
  const openMeeting = useAppStore((s) => s.openMeeting);
  const loadedId = useAppStore((s) => s.doc?.id);
  const people = useAppStore((s) => s.doc?.meeting.people);
  const orgs = useAppStore((s) => s.doc?.meeting.organisations);
  const body = useAppStore((s) => s.doc?.meeting.body);
  const edit = useAppStore((s) => s.edit);
  useEffect(() => {
    void openMeeting(meetingId);
  }, [meetingId, openMeeting]);
  if (loadedId !== meetingId || !people || !orgs || !body) return <p className="loading">Opening…</p>;
  const delegations = delegationBlocks(body as AnyBlock[]);

  const addPerson = () => {
    const id = newId('p');
    edit((m) => ({ ...m, people: [...m.people, { id, name: '', titleLines: [] }] }), { focus: `${id}.honorific` });
  };
  const addOrganisation = () => {
    const id = newId('o');
    edit((m) => ({ ...m, organisations: [...m.organisations, { id, name: '' }] }), { focus: `${id}.name` });
  };

  return (
    <div className="register" data-testid="register">
      <section className="panel reg-panel" aria-labelledby="reg-people">
        <div className="reg-head">
          <h2 id="reg-people">People <span className="count">{people.length}</span></h2>
          <button type="button" className="primary" onClick={addPerson}>Add a person</button>
        </div>
        {people.length === 0 && <p className="empty">Nobody yet. Add the heads of delegation, speakers and presenters: the minutes then name them by choosing.</p>}
        {people.map((p) => <PersonRow key={p.id} p={p} />)}
      </section>
      <section className="panel reg-panel" aria-labelledby="reg-orgs">
        <div className="reg-head">
          <h2 id="reg-orgs">Organisations <span className="count">{orgs.length}</span></h2>
          <button type="button" className="primary" onClick={addOrganisation}>Add an organisation</button>
        </div>
        {orgs.length === 0 && <p className="empty">Ministries, observers and partner organisations; the short label is what “Question (IOM)” prints.</p>}
        {orgs.map((o) => <OrganisationRow key={o.id} o={o} />)}
      </section>
      <section className="panel reg-panel" aria-labelledby="reg-delegations">
        <div className="reg-head">
          <h2 id="reg-delegations">Delegations</h2>
          {delegations.length === 0 && (
            <button type="button" className="primary" onClick={() => edit((m) => ({ ...m, body: [...m.body, newBlock('delegations')] as Meeting['body'] }))}>
              Add delegations to the minutes
            </button>
          )}
        </div>
        {delegations.map((b) => <DelegationsBlockEditor key={b.id} block={b} withDescription={false} />)}
      </section>
    </div>
  );
}
