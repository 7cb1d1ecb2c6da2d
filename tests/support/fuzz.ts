import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../src/main/store/db';

/**
 * Generating IPC payloads from the contract's zod schemas (via their JSON Schema), valid-looking and
 * hostile, so that a new method or field is fuzzed without anyone writing a case for it.
 */

export type Rng = () => number;

/** A small seeded generator (LCG): a failing run is replayed with the same seed. */
export function seeded(seed: number): Rng {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Plausible values the generator draws from: real ids, dates, words of every script we promise. */
export interface Pools {
  /** Plausible strings for a field of this name (ids for `id`, dates for `…On`, words otherwise). */
  strings: (field: string) => string[];
  integers: () => number[];
  /** Whole documents for fields the JSON Schema cannot describe (a transform: the meeting). */
  documents: () => unknown[];
}

type JsonSchema = {
  type?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
};

export function requestSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** A valid-looking value for a JSON Schema: right types and shapes, values from the pools. */
export function generate(schema: JsonSchema, rng: Rng, pools: Pools, depth = 0, field = ''): unknown {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return generate(pick(rng, branches), rng, pools, depth, field);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return pick(rng, schema.enum);
  switch (schema.type) {
    case 'string': {
      const max = schema.maxLength ?? Infinity;
      const fits = pools.strings(field).filter((s) => s.length <= max && s.length >= (schema.minLength ?? 0));
      return fits.length > 0 ? pick(rng, fits) : 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    }
    case 'integer':
    case 'number':
      return pick(rng, pools.integers());
    case 'boolean':
      return rng() < 0.5;
    case 'array':
      return depth > 4 ? [] : Array.from({ length: Math.floor(rng() * 3) }, () => generate(schema.items ?? {}, rng, pools, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || rng() < 0.5) out[key] = generate(sub, rng, pools, depth + 1, key);
      }
      // A document sent with the id of the record it is for (saveMeeting's id and meeting.id) mostly
      // agrees with it, as a real caller's does; the mutations take care of disagreeing.
      const id = out['id'];
      for (const v of Object.values(out)) {
        if (typeof id === 'string' && v !== null && typeof v === 'object' && 'id' in v && rng() < 0.8) (v as { id: unknown }).id = id;
      }
      return out;
    }
    default:
      // No type: `unknown` (the meeting document, behind a transform) or "nothing" (a none request).
      return depth === 0 ? undefined : structuredClone(pick(rng, pools.documents()));
  }
}

/** Deep nesting built iteratively (a recursive builder would itself overflow). */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Strings that have broken parsers, SQL, FTS, dates and encoders. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  'x'.repeat(100_000),
  '0000-01-01',
  '0099-12-31',
  '2019-02-29',
  '2019-10-30T00:00:00Z',
  "'; DROP TABLE meetings; --",
  '"NEAR(a b) * ^ OR :',
  '../../../../etc/passwd',
];
const HOSTILE_NUMBERS = [0, -1, NaN, Infinity, -Infinity, -0, 1e308, 2 ** 53 + 1, 0.5];

/**
 * A hostile value for a leaf that held `current`: half the time one of its own type (a string field
 * gets a hostile string, where it passes the type check and reaches the deeper rules), otherwise any.
 */
export function hostileFor(current: unknown, rng: Rng): unknown {
  if (rng() < 0.5) {
    if (typeof current === 'string') return pick(rng, HOSTILE_STRINGS);
    if (typeof current === 'number') return pick(rng, HOSTILE_NUMBERS);
  }
  return hostileValue(rng);
}

/** Values no honest renderer sends; each call builds fresh objects. */
export function hostileValue(rng: Rng): unknown {
  const makers: Array<() => unknown> = [
    () => null,
    () => undefined,
    () => true,
    () => 0,
    () => -1,
    () => NaN,
    () => Infinity,
    () => -Infinity,
    () => -0,
    () => 1e308,
    () => 2 ** 53 + 1,
    () => 0.5,
    () => '',
    () => ' ',
    () => '\u0000',
    () => 'a\u0000b',
    () => '\ud800',
    () => 'x\udfffy',
    () => 'x'.repeat(100_000),
    () => 'ក'.repeat(30_000),
    () => '0000-01-01',
    () => '0099-12-31',
    () => '2019-02-29',
    () => '9999-12-31',
    () => '2019-10-30T00:00:00Z',
    () => "'; DROP TABLE meetings; --",
    () => '"NEAR(a b) * ^ OR :',
    () => '../../../../etc/passwd',
    () => 'm_' + 'a'.repeat(62),
    () => [],
    () => ({}),
    () => [1, 'two', null],
    () => nested(5_000, 'array'),
    () => nested(5_000, 'object'),
    () => Array.from({ length: 100_000 }, (_, i) => i),
    () => JSON.parse('{"__proto__": {"polluted": "yes"}}'),
    () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
    () => new Uint8Array([0, 255, 1]),
    () => new Date(NaN),
    () => Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])),
  ];
  return pick(rng, makers)();
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', '\u0000', 'k'.repeat(10_000), 'extra', 'id '];

/** All paths to values inside `value` (objects and arrays), up to `limit` of them. */
function paths(value: unknown, limit = 5_000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0 && out.length < limit) {
    const { v, path } = stack.pop()!;
    if (path.length > 0) out.push(path);
    if (Array.isArray(v)) v.forEach((c, i) => stack.push({ v: c, path: [...path, i] }));
    else if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array) && !(v instanceof Date)) {
      for (const [k, c] of Object.entries(v)) stack.push({ v: c, path: [...path, k] });
    }
  }
  return out;
}

function parentOf(root: unknown, path: (string | number)[]): Record<string | number, unknown> {
  let v = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) v = v[seg] as Record<string | number, unknown>;
  return v;
}

/** One hostile change to a valid-looking payload: a value replaced, a key added or removed, or all of it. */
export function mutate(payload: unknown, rng: Rng): { payload: unknown; how: string } {
  const r = rng();
  const all = paths(payload);
  if (r < 0.1 || all.length === 0) return { payload: hostileValue(rng), how: 'whole payload replaced' };
  const copy = structuredClone(payload);
  if (r < 0.75) {
    const path = pick(rng, paths(copy));
    const parent = parentOf(copy, path);
    parent[path.at(-1)!] = hostileFor(parent[path.at(-1)!], rng);
    return { payload: copy, how: `value at ${path.join('.')} replaced` };
  }
  const containers = [[], ...paths(copy)].filter((p) => {
    const v = p.length === 0 ? copy : parentOf(copy, [...p, 'x'])[p.at(-1)!];
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const path = pick(rng, containers);
  const target = (path.length === 0 ? copy : parentOf(copy, [...path, 'x'])[path.at(-1)!]) as Record<string, unknown>;
  if (r < 0.9 || Object.keys(target).length === 0) {
    const key = pick(rng, HOSTILE_KEYS);
    // defineProperty: a plain assignment to "__proto__" would set the prototype, not add a key.
    Object.defineProperty(target, key, { value: hostileValue(rng), enumerable: true, writable: true, configurable: true });
    return { payload: copy, how: `key "${key.slice(0, 20)}" added at ${path.join('.') || '(root)'}` };
  }
  const key = pick(rng, Object.keys(target));
  delete target[key];
  return { payload: copy, how: `key ${key} removed at ${path.join('.') || '(root)'}` };
}

/**
 * The logical content of the database: every row of every real table (FTS shadow tables included,
 * virtual tables left out since their rows live in those), hashed. Equal digests, unchanged content.
 */
export function digest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    const rows = (db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).raw().all() as unknown[][]).map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
    );
    for (const row of rows.sort()) hash.update(`${row}\n`);
  }
  return hash.digest('hex');
}
