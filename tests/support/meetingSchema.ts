import { interchangeJsonSchema } from '../../src/shared/minutes';

/**
 * The minutes model as its JSON Schema (generated from the zod schemas by `interchangeJsonSchema`):
 * the public, plain-data form of the schemas, which the generator of random meetings and the
 * property tests walk. A field, block type or enum value added to the zod schemas appears here
 * without anyone updating the tests, so the tests notice it.
 */

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

const schema = interchangeJsonSchema() as unknown as { $defs: Record<string, JsonSchema> };
export const DEFS: Readonly<Record<string, JsonSchema>> = schema.$defs;

export const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

export function def(name: string): JsonSchema {
  const d = DEFS[name];
  if (!d) throw new Error(`no $defs/${name} in the minutes schema`);
  return d;
}

/**
 * A position in the schema, named for people: "ListBlock.numbering", "Bullet.children[]",
 * "PresentationBlock.recommendations.items[]". Named definitions start a name afresh.
 */
export const site = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);

/** The block option of a `oneOf` whose `type` constant is `type`. */
export function optionFor(oneOf: readonly JsonSchema[], type: unknown): { name: string; schema: JsonSchema } | undefined {
  for (const o of oneOf) {
    const name = o.$ref ? refName(o.$ref) : '(inline)';
    const s = o.$ref ? def(name) : o;
    if (s.properties?.type?.const === type) return { name, schema: s };
  }
  return undefined;
}

/** Strings with a pattern are not typed by a person: ids, ISO dates, the language tag. */
export const ID_PATTERN_SOURCE = def('Meeting').properties!.id!.pattern!;
export const DATE_PATTERN_SOURCE = def('DateRange').properties!.start!.pattern!;

/**
 * Definitions the generator makes with a generator of their own instead of walking their schema, and
 * whose facets are therefore not counted here: a meeting's format choice (MeetingFormat) is a whole
 * template's worth of enums and numbers, of which the generator picks the choices that change what is
 * printed (generateMeeting.ts, `format()`); its presence and absence are still counted.
 */
export const OWN_GENERATORS: ReadonlySet<string> = new Set(['MeetingFormat']);

/**
 * Facets of the schema a generator must produce at least once, as strings:
 * "Meeting.body→SessionBlock" (a block type where blocks may stand), "ListBlock.numbering=none" (an
 * enum value), "Bullet.country?present" / "?absent" (an optional field), "TextRun.bold=true".
 */
export function schemaFacets(): Set<string> {
  const facets = new Set<string>();
  const seen = new Set<string>();
  const visit = (schema: JsonSchema, at: string): void => {
    if (schema.$ref) {
      const name = refName(schema.$ref);
      if (seen.has(name) || OWN_GENERATORS.has(name)) return;
      seen.add(name);
      return visit(def(name), name);
    }
    if (schema.oneOf) {
      for (const o of schema.oneOf) {
        const name = o.$ref ? refName(o.$ref) : '(inline)';
        facets.add(`${at}→${name}`);
        visit(o, at);
      }
      return;
    }
    if (schema.enum) for (const v of schema.enum) facets.add(`${at}=${String(v)}`);
    if (schema.type === 'boolean') for (const v of [true, false]) facets.add(`${at}=${v}`);
    if (schema.type === 'array') return visit(schema.items!, at);
    if (schema.type === 'object') {
      const required = new Set(schema.required ?? []);
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (!required.has(key)) for (const f of ['present', 'absent']) facets.add(`${site(at, key)}?${f}`);
        visit(sub, site(at, key));
      }
    }
  };
  visit(def('Meeting'), 'Meeting');
  return facets;
}

/** The facets (see schemaFacets) that a meeting shows. */
export function valueFacets(meeting: unknown, into = new Set<string>()): Set<string> {
  const visit = (schema: JsonSchema, value: unknown, at: string): void => {
    if (schema.$ref) {
      const name = refName(schema.$ref);
      if (OWN_GENERATORS.has(name)) return;
      return visit(def(name), value, name);
    }
    if (schema.oneOf) {
      const option = optionFor(schema.oneOf, (value as { type?: unknown }).type);
      if (!option) return;
      into.add(`${at}→${option.name}`);
      return visit(option.schema, value, option.name);
    }
    if (schema.enum || schema.type === 'boolean') into.add(`${at}=${String(value)}`);
    if (schema.type === 'array') {
      for (const item of value as unknown[]) visit(schema.items!, item, at);
      return;
    }
    if (schema.type === 'object') {
      const obj = value as Record<string, unknown>;
      const required = new Set(schema.required ?? []);
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (!required.has(key)) into.add(`${site(at, key)}?${key in obj ? 'present' : 'absent'}`);
        if (key in obj) visit(sub, obj[key], site(at, key));
      }
    }
  };
  visit(def('Meeting'), meeting, 'Meeting');
  return into;
}
