import type { z } from 'zod';
import { proseStrings } from './scalars';

/**
 * The words of a value of the model, read through its zod schema: only strings the schema declares
 * as prose (`longText()`, `label()`: see `proseStrings`) are taken; ids, ISO dates, enumerations,
 * literals, numbers and booleans never are, whatever their key is called. The rule lives in the
 * schema, so a new field is left out of search until it is declared prose, never leaked into it.
 *
 * The schema is compiled once into an extractor (a small tree of closures over the object keys that
 * can hold prose), so reading a block costs a walk of its prose fields only. Object keys are read in
 * the schema's order, so the text is a function of the value, not of the caller's key order.
 */
export type Extractor = (value: unknown, out: string[]) => void;

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  items?: z.ZodType[];
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Kinds that never hold prose: left out whatever their values are. */
const NEVER_PROSE = new Set(['enum', 'literal', 'number', 'int', 'boolean', 'bigint', 'date', 'null', 'undefined', 'nan', 'void', 'never', 'symbol']);
/** Kinds that wrap one schema without changing what it holds. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch', 'success']);

/** The discriminator values an option of a discriminated union answers to (its literal or enum). */
function discriminatorValues(option: z.ZodType, key: string): unknown[] {
  const field = defOf(option).shape?.[key];
  if (!field) return [];
  const d = defOf(field);
  return d.values ?? [];
}

/**
 * Compiles `schema` into an extractor, or null when nothing under it is prose. Throws for a schema
 * kind it does not know (a record, a tuple, a union without discriminator holding prose): a test
 * compiles the whole model, so such a change is noticed before it ships, not guessed at.
 */
export function compileProse(schema: z.ZodType, cache = new Map<z.ZodType, Extractor | null>()): Extractor | null {
  if (cache.has(schema)) return cache.get(schema)!;
  const def = defOf(schema);
  if (def.type === 'string') {
    const e: Extractor | null = proseStrings.has(schema)
      ? (v, out) => {
          if (typeof v === 'string' && v.trim()) out.push(v);
        }
      : null;
    cache.set(schema, e);
    return e;
  }
  if (NEVER_PROSE.has(def.type)) {
    cache.set(schema, null);
    return null;
  }
  if (WRAPPERS.has(def.type)) {
    const inner = compileProse(def.innerType!, cache);
    cache.set(schema, inner);
    return inner;
  }
  if (def.type === 'lazy') {
    // Recursive (bullets): a forward reference, filled once the target is compiled.
    let target: Extractor | null = null;
    const e: Extractor = (v, out) => target?.(v, out);
    cache.set(schema, e);
    target = compileProse(def.getter!(), cache);
    return e;
  }
  if (def.type === 'pipe') {
    const inner = compileProse(def.in!, cache);
    cache.set(schema, inner);
    return inner;
  }
  if (def.type === 'array') {
    const item = compileProse(def.element!, cache);
    const e: Extractor | null = item
      ? (v, out) => {
          if (Array.isArray(v)) for (const x of v) item(x, out);
        }
      : null;
    cache.set(schema, e);
    return e;
  }
  if (def.type === 'record') {
    // Keys are model values (an enum of scripts, of title lines); only the values can hold prose.
    const value = compileProse(def.valueType!, cache);
    const e: Extractor | null = value
      ? (v, out) => {
          if (v !== null && typeof v === 'object') for (const x of Object.values(v)) value(x, out);
        }
      : null;
    cache.set(schema, e);
    return e;
  }
  if (def.type === 'tuple') {
    const items = (def.items ?? []).map((x) => compileProse(x, cache));
    const e: Extractor | null = items.some((x) => x !== null)
      ? (v, out) => {
          if (Array.isArray(v)) items.forEach((item, i) => item?.(v[i], out));
        }
      : null;
    cache.set(schema, e);
    return e;
  }
  if (def.type === 'object') {
    const fields: Array<[string, Extractor]> = [];
    // Set before compiling the fields, in case one refers back here through a lazy schema.
    const e: Extractor = (v, out) => {
      if (v === null || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      // A cross-reference run prints its target's number, not its stored text (a last-known rendering
      // such as "3 (a)"): a number, not prose, and possibly stale, so never a search hit.
      if (typeof o['xref'] === 'string') return;
      for (const [key, field] of fields) if (o[key] !== undefined) field(o[key], out);
    };
    cache.set(schema, e);
    for (const [key, field] of Object.entries(def.shape!)) {
      const fe = compileProse(field, cache);
      if (fe) fields.push([key, fe]);
    }
    if (fields.length === 0) {
      cache.set(schema, null);
      return null;
    }
    return e;
  }
  if (def.type === 'union') {
    const compiled = def.options!.map((o) => compileProse(o, cache));
    if (compiled.every((c) => c === null)) {
      cache.set(schema, null);
      return null;
    }
    const key = def.discriminator;
    if (!key) throw new Error('compileProse: a union without a discriminator holds prose; give it one (z.discriminatedUnion) so its text is read by its type');
    const byValue = new Map<unknown, Extractor>();
    def.options!.forEach((o, i) => {
      const c = compiled[i];
      if (c) for (const value of discriminatorValues(o, key)) byValue.set(value, c);
    });
    const e: Extractor = (v, out) => {
      if (v === null || typeof v !== 'object') return;
      byValue.get((v as Record<string, unknown>)[key])?.(v, out);
    };
    cache.set(schema, e);
    return e;
  }
  throw new Error(`compileProse: schema kind "${def.type}" is not known; say here whether it can hold prose`);
}

/** The prose strings of `value`, in schema order, read through `schema`. */
export function proseOf(schema: z.ZodType, value: unknown): string[] {
  const out: string[] = [];
  compileProse(schema)?.(value, out);
  return out;
}

/** Every enumeration and literal value the schema allows: what must never be searchable as text. */
export function modelValues(schema: z.ZodType): Set<string> {
  const found = new Set<string>();
  const seen = new Set<z.ZodType>();
  const stack: z.ZodType[] = [schema];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    const def = defOf(s);
    if (def.type === 'enum' || def.type === 'literal') {
      const values = def.type === 'enum' ? Object.values((def as unknown as { entries: Record<string, unknown> }).entries) : (def.values ?? []);
      for (const v of values) if (typeof v === 'string') found.add(v);
    }
    if (def.shape) stack.push(...Object.values(def.shape));
    if (def.element) stack.push(def.element);
    if (def.innerType) stack.push(def.innerType);
    if (def.in) stack.push(def.in);
    if (def.options) stack.push(...def.options);
    if (def.type === 'lazy') stack.push(def.getter!());
  }
  return found;
}
