/**
 * How many UTF-8 bytes a part of a document takes in a `.minuta.json` file, which
 * serializeInterchange writes with two-space indentation: the part printed on its own, plus the
 * indentation of each of its lines when it stands `level` containers deep. An upper bound when `level`
 * is the deepest a part can stand, so a store that keeps the sum of its parts under
 * LIMITS.maxDocumentBytes never holds a document that import would refuse as too large.
 */
export function interchangeBytes(value: unknown, level: number): number {
  const pretty = JSON.stringify(value, null, 2);
  let bytes = 0;
  let lines = 1;
  for (let i = 0; i < pretty.length; i++) {
    const c = pretty.charCodeAt(i);
    if (c < 0x80) {
      bytes += 1;
      if (c === 10) lines++;
    } else if (c < 0x800) bytes += 2;
    // A surrogate pair is one 4-byte character: 2 + 2.
    else if (c >= 0xd800 && c <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  // ",\n" after the part in its list.
  return bytes + lines * 2 * level + 2;
}

/** The deepest a block record stands in the file: envelope → meeting → body → section → session → item. */
export const DEEPEST_BLOCK_LEVEL = 7;
/** The head's members stand in the meeting object, inside the envelope. */
export const HEAD_LEVEL = 2;
/** The envelope's own members ("format", "version", an empty "comments") and braces. */
export const ENVELOPE_BYTES = 96;
