import type { Meeting } from '../minutes';
import { documentBlocks } from '../minutes';
import type { ReviewImport } from '../minutes/reviewSuggestions';

/**
 * Who reviewed: a reviewed file's author matched to the meeting's register (a person, their
 * organisation, the delegation they head or belong to), and which delegations have answered. One
 * definition for the import, the panel and the CLI.
 */

/** A reviewed DOCX, however big its pictures: the bound of what the app reads into memory. */
export const MAX_REVIEW_FILE_BYTES = 50 * 1024 * 1024;

export interface DelegationInfo {
  id: string;
  country: string;
  headPersonId?: string;
}

export interface ReviewerMatch {
  personId?: string;
  organisationId?: string;
  delegationId?: string;
}

export interface DelegationAnswer extends DelegationInfo {
  answered: boolean;
  /** The imports that answer for this delegation, oldest first. */
  importIds: string[];
  reviewers: string[];
}

/** Every delegation of the meeting, in document order. */
export function delegationsOf(meeting: Meeting): DelegationInfo[] {
  const out: DelegationInfo[] = [];
  const walk = (blocks: readonly unknown[]) => {
    for (const b of blocks as { type: string; delegations?: DelegationInfo[]; blocks?: unknown[]; items?: unknown[] }[]) {
      if (b.type === 'delegations') for (const d of b.delegations ?? []) out.push({ id: d.id, country: d.country, ...(d.headPersonId ? { headPersonId: d.headPersonId } : {}) });
      if (b.type === 'section') walk(b.blocks ?? []);
      if (b.type === 'session') walk(b.items ?? []);
    }
  };
  walk(documentBlocks(meeting));
  return out;
}

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** "Lao PDR" and "Lao People's Democratic Republic", "Cambodia" and "Kingdom of Cambodia": the same country. */
const sameCountry = (a: string, b: string) => {
  const [x, y] = [norm(a), norm(b)];
  const first = (s: string) => s.replace(/^(the )?(kingdom|republic|union) of (the )?/, '').split(' ')[0] ?? s;
  return x === y || x.includes(y) || y.includes(x) || first(x) === first(y);
};

/**
 * The register's person whose name (with or without honorific, or another spelling) is the file's
 * author, and their organisation and delegation (the one they head, else the one of their country).
 * Nothing when the name matches nobody, or more than one person.
 */
export function matchReviewer(meeting: Meeting, author: string): ReviewerMatch {
  const who = norm(author);
  if (who === '') return {};
  const people = meeting.people.filter((p) => {
    const names = [p.name, ...(p.otherSpellings ?? []), ...(p.honorific ? [`${p.honorific} ${p.name}`] : [])].map(norm);
    return names.some((n) => n === who || (n.length >= 5 && ` ${who} `.includes(` ${n} `)));
  });
  if (people.length !== 1) return {};
  const person = people[0]!;
  const delegations = delegationsOf(meeting);
  const delegation = delegations.find((d) => d.headPersonId === person.id) ?? (person.country ? delegations.find((d) => sameCountry(d.country, person.country!)) : undefined);
  return { personId: person.id, ...(person.organisationId ? { organisationId: person.organisationId } : {}), ...(delegation ? { delegationId: delegation.id } : {}) };
}

/** Which delegations have answered: an import for the delegation (matched or chosen at import). */
export function reviewStatus(meeting: Meeting, imports: readonly ReviewImport[]): DelegationAnswer[] {
  return delegationsOf(meeting).map((d) => {
    const mine = imports.filter((i) => i.delegationId === d.id);
    return { ...d, answered: mine.length > 0, importIds: mine.map((i) => i.id), reviewers: [...new Set(mine.map((i) => i.reviewer))] };
  });
}

/**
 * For every id of the document, the leaf block it belongs to (a bullet → its list, a turn → its Q&A
 * block; a leaf block → itself): the panel groups suggestions by block.
 */
export function leafBlocks(meeting: Meeting): Map<string, string> {
  const out = new Map<string, string>();
  const mark = (v: unknown, leaf: string) => {
    if (Array.isArray(v)) for (const x of v) mark(x, leaf);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['id'] === 'string') out.set(o['id'], leaf);
      for (const x of Object.values(o)) if (x !== null && typeof x === 'object') mark(x, leaf);
    }
  };
  const walk = (blocks: readonly unknown[]) => {
    for (const b of blocks as { id: string; type: string; blocks?: unknown[]; items?: unknown[] }[]) {
      if (b.type === 'section') {
        out.set(b.id, b.id);
        walk(b.blocks ?? []);
      } else if (b.type === 'session') {
        out.set(b.id, b.id);
        walk(b.items ?? []);
      } else mark(b, b.id);
    }
  };
  walk(documentBlocks(meeting));
  return out;
}
