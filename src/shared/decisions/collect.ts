import type { Block, Bullet, LeafBlock, Meeting } from '../minutes';
import { documentBlocks, richTextToString } from '../minutes';
import { decisionBody } from '../format/decision';
import type { DecisionMarker } from '../minutes/blocks';

/**
 * The decisions of one meeting, as the tracker lists them: pure, from the document alone.
 *
 * Each source of decisions is one small function (`DECISION_SOURCES`). Today: the items of lists whose
 * role is `agreements` or `recommendations` (the 2019 agreements, the 2018 recommendations). The
 * decision block (issue 17, point 1) is added as another source when it lands.
 */

export type DecisionKind = 'agreement' | 'recommendation' | 'decision';

export interface DecisionEntry {
  meetingId: string;
  /** The item's or block's id: stable across revisions, so follow-ups and comments can point at it. */
  objectId: string;
  kind: DecisionKind;
  /** "1", "2", … in the order the list prints them (or the decision's own number). */
  number: string;
  /** How a person names it: "Recommendation 3", "Agreement 1", "Decision 3/2019". */
  label: string;
  /** The words, plain; nested items follow their top item's text. */
  text: string;
  /** The body that took it, when bodies meet jointly; null for the meeting's own consensus. */
  body: string | null;
  /** YYYY-MM-DD: the decision's own date, else the meeting's last day (when its conclusions are adopted). */
  date: string;
  /** The delegations concerned, as the minutes name them (a per-country item: that country; else all present). */
  delegations: string[];
}

/** A block with where it sits, as a source sees it. */
export interface Placed {
  block: LeafBlock;
  meeting: Meeting;
}

/** One kind of block that holds decisions: whether a block does (search's "decisions only"), and its entries. */
export interface DecisionSource {
  holds(block: LeafBlock): boolean;
  entries(placed: Placed): DecisionEntry[];
}

const KIND_OF_ROLE: Partial<Record<string, DecisionKind>> = { agreements: 'agreement', recommendations: 'recommendation' };
const LABEL: Record<DecisionKind, string> = { agreement: 'Agreement', recommendation: 'Recommendation', decision: 'Decision' };

/** The delegations of a meeting, by country as the minutes name them. */
function delegationsOf(meeting: Meeting): string[] {
  const out: string[] = [];
  for (const b of leaves(documentBlocks(meeting))) if (b.type === 'delegations') for (const d of b.delegations) out.push(d.country);
  return out;
}

/** An item's text with its nested items after it; the countries its remarks name. */
function flatten(item: Bullet): { text: string; countries: string[] } {
  const parts: string[] = [];
  const countries: string[] = [];
  const stack: Bullet[] = [item];
  while (stack.length > 0) {
    const b = stack.pop()!;
    const words = richTextToString(b.text).trim();
    if (b.country?.trim()) countries.push(b.country.trim());
    if (words) parts.push(b.country?.trim() ? `${b.country.trim()}: ${words}` : words);
    if (b.children) for (let i = b.children.length - 1; i >= 0; i--) stack.push(b.children[i]!);
  }
  return { text: parts.join('\n'), countries };
}

/**
 * A per-country remark concerns that delegation (named as the register names it when one matches:
 * "Lao" → "Lao People's Democratic Republic" stays "Lao" unless a delegation starts with it); an item
 * the meeting agreed as a whole concerns every delegation present.
 */
function concerned(countries: string[], all: string[]): string[] {
  if (countries.length === 0) return all;
  const named = countries.map((c) => all.find((d) => d === c || d.toLowerCase().startsWith(c.toLowerCase())) ?? c);
  return [...new Set(named)];
}

/** Agreements and recommendations: one entry per top item of the list. */
export const listItems: DecisionSource = {
  holds: (block) => block.type === 'list' && KIND_OF_ROLE[block.role] !== undefined,
  entries: ({ block, meeting }) => {
    if (block.type !== 'list') return [];
    const kind = KIND_OF_ROLE[block.role];
    if (!kind) return [];
    const all = delegationsOf(meeting);
    return block.items.map((item, i) => {
      const { text, countries } = flatten(item);
      // An item marked as a decision carries its own number, body and date.
      const marker = item.decision;
      const own = marker?.number?.trim();
      const number = own || String(i + 1);
      return {
        meetingId: meeting.id,
        objectId: item.id,
        kind,
        number,
        label: own || `${LABEL[kind]} ${number}`,
        text,
        body: marker ? bodyOf(marker, meeting) : null,
        date: marker?.date ?? meeting.dates.end,
        delegations: concerned(countries, all),
      };
    });
  },
};

/** The body a decision names (as the format prints it: decisionBody); null when none. */
function bodyOf(d: Pick<DecisionMarker, 'organisationId' | 'body'>, meeting: Meeting): string | null {
  const body = decisionBody(d, meeting).trim();
  return body === '' ? null : body;
}

/** Decision blocks: one entry each, with their own number, body and date. */
export const decisionBlocks: DecisionSource = {
  holds: (block) => block.type === 'decision',
  entries: ({ block, meeting }) => {
    if (block.type !== 'decision') return [];
    const number = block.number?.trim() ?? '';
    const text = block.text.map(richTextToString).join('\n') || richTextToString(block.heading ?? []);
    return [
      {
        meetingId: meeting.id,
        objectId: block.id,
        kind: 'decision',
        number,
        label: number || LABEL.decision,
        text,
        body: bodyOf(block, meeting),
        date: block.date ?? meeting.dates.end,
        delegations: delegationsOf(meeting),
      },
    ];
  },
};

/** Every source of decisions. */
export const DECISION_SOURCES: readonly DecisionSource[] = [listItems, decisionBlocks];

/** Every leaf block of a body in document order (sections and sessions opened). */
export function* leaves(body: readonly Block[]): Generator<LeafBlock> {
  const stack: Block[] = [...body].reverse();
  while (stack.length > 0) {
    const b = stack.pop()!;
    if (b.type === 'section') for (let i = b.blocks.length - 1; i >= 0; i--) stack.push(b.blocks[i]!);
    else if (b.type === 'session') for (let i = b.items.length - 1; i >= 0; i--) stack.push(b.items[i]!);
    else yield b;
  }
}

/** The decisions of a meeting, in document order. */
export function decisionsOf(meeting: Meeting, sources: readonly DecisionSource[] = DECISION_SOURCES): DecisionEntry[] {
  const out: DecisionEntry[] = [];
  for (const block of leaves(documentBlocks(meeting))) for (const source of sources) if (source.holds(block)) out.push(...source.entries({ block, meeting }));
  return out;
}

/** Whether a block (a stored record) holds decisions: what "search decisions only" keeps. */
export function holdsDecisions(block: { type: string }, sources: readonly DecisionSource[] = DECISION_SOURCES): boolean {
  return block.type !== 'section' && block.type !== 'session' && sources.some((s) => s.holds(block as LeafBlock));
}
