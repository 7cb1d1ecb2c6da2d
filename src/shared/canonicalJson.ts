/**
 * Canonical JSON (RFC 8785 style): object keys sorted by UTF-16 code units, no whitespace, strings and
 * numbers as ECMAScript's JSON.stringify writes them, `undefined` members left out. Two values that are
 * equal as JSON data always give the same text, so a hash of this text names the content itself: the
 * store addresses block records by it and commits a revision to it, and sign-off will hash it too.
 * The one implementation; never hash JSON written any other way.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

// Recursive: every value that reaches here has passed checkStructure (depth ≤ LIMITS.maxJsonDepth).
function write(value: unknown, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('Canonical JSON has no representation for a non-finite number');
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new TypeError(`Canonical JSON has no representation for a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      // As JSON.stringify does: a hole or undefined inside an array is null.
      write(value[i] === undefined ? null : value[i], out);
    }
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  out.push('{');
  keys.forEach((key, i) => {
    if (i > 0) out.push(',');
    out.push(JSON.stringify(key), ':');
    write(record[key], out);
  });
  out.push('}');
}
