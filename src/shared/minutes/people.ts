import { z } from 'zod';
import { Id, boundedArray, label } from './scalars';

/**
 * The register: the people and organisations a document talks about, each
 * once, referred to by id from speakers, presenters, signatories. One register
 * per meeting keeps the document self-contained (an exported file carries
 * everybody it mentions) while allowing a later app-wide directory to fill it.
 */

export const Person = z.strictObject({
  id: Id,
  /**
   * As the minutes write it, kept verbatim because protocol matters and the
   * seeds are not consistent ("H.E", "H.E.", "H.E. Mrs.", "Pol. Col. Dr.",
   * "Major General", "Samdech Krolahom").
   */
  honorific: label().optional(),
  name: label(),
  /**
   * Other spellings used for the same person in the minutes (the 2018 seed
   * writes both "Oevong" and "Onevong" Keobunnavong). Search uses them.
   */
  otherSpellings: boundedArray(label()).optional(),
  /** Positions, one per line, as printed under a signature. */
  titleLines: boundedArray(label()),
  organisationId: Id.optional(),
  country: label().optional(),
});
export type Person = z.infer<typeof Person>;

export const OrganisationKind = z.enum(['government', 'international', 'civil-society', 'private-sector', 'other']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const Organisation = z.strictObject({
  id: Id,
  name: label(),
  /** "IOM", "MoLVT", "UN-ACT" — what the minutes print in "Question (…)". */
  abbreviation: label().optional(),
  kind: OrganisationKind.optional(),
  country: label().optional(),
});
export type Organisation = z.infer<typeof Organisation>;

/**
 * Who asked, answered or suggested something. The label is printed as the
 * minutes have it ("CHABDAI", "Lao", "UN-ACT"); the optional reference links
 * the label to the register or a delegation so that it can be listed, searched
 * and renamed consistently, without forcing every label to be registered.
 */
export const Attribution = z.strictObject({
  label: label(),
  personId: Id.optional(),
  organisationId: Id.optional(),
  delegationId: Id.optional(),
});
export type Attribution = z.infer<typeof Attribution>;

/** How the minutes name an organisation in short ("Question (IOM)", a presentation heading): its abbreviation when it has one. */
export function organisationShortName(o: Pick<Organisation, 'name' | 'abbreviation'>): string {
  return o.abbreviation !== undefined && o.abbreviation.trim() !== '' ? o.abbreviation : o.name;
}

/** "H.E. Mrs. Chou Bun Eng": honorific and name as one line. */
export function personDisplayName(p: Pick<Person, 'honorific' | 'name'>): string {
  return p.honorific ? `${p.honorific} ${p.name}` : p.name;
}
