import type { Meeting } from '../../../shared/minutes';
import { personDisplayName } from '../../../shared/minutes';
import type { AnyBlock } from '../model/tree';
import { childrenOf } from '../model/tree';
import type { Option } from './Autocomplete';

/**
 * Where autocomplete options come from: the register of the open meeting. Built only when a box opens
 * (never per keystroke elsewhere), so a long document pays nothing for them while typing.
 */
export type OptionSource = (meeting: Meeting) => Option[];

export const personOptions: OptionSource = (m) =>
  m.people.map((p) => ({ id: p.id, label: personDisplayName(p), detail: p.titleLines[0] ?? p.country ?? '', kind: 'person' }));

export const organisationOptions: OptionSource = (m) =>
  m.organisations.map((o) => ({ id: o.id, label: o.abbreviation ?? o.name, detail: o.name, kind: 'organisation' }));

export function delegationsOf(m: Meeting): { id: string; country: string; headPersonId?: string | undefined }[] {
  const out: { id: string; country: string; headPersonId?: string | undefined }[] = [];
  const walk = (list: readonly AnyBlock[]) => {
    for (const b of list) {
      if (b.type === 'delegations') out.push(...b.delegations);
      const kids = childrenOf(b);
      if (kids) walk(kids);
    }
  };
  walk(m.body as AnyBlock[]);
  return out;
}

/** Who can ask, answer or suggest: organisations (short label), delegations (country), people. */
export const attributionOptions: OptionSource = (m) => [
  ...organisationOptions(m),
  ...delegationsOf(m).map((d) => ({ id: d.id, label: d.country, detail: 'Delegation', kind: 'delegation' as const })),
  ...personOptions(m),
];

export function personLabel(meeting: Pick<Meeting, 'people'>, id: string | undefined): string {
  const p = id ? meeting.people.find((x) => x.id === id) : undefined;
  return p ? personDisplayName(p) : '';
}

export function organisationLabel(meeting: Pick<Meeting, 'organisations'>, id: string | undefined): string {
  const o = id ? meeting.organisations.find((x) => x.id === id) : undefined;
  return o ? (o.abbreviation ?? o.name) : '';
}
