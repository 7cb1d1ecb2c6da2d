import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { interchangeJsonSchema } from '../../../src/shared/minutes';

const SCHEMA_FILE = fileURLToPath(new URL('../../../resources/minuta.schema.json', import.meta.url));

/** The committed JSON Schema, exactly as it should be on disk. */
export function generatedSchemaText(): string {
  return `${JSON.stringify(interchangeJsonSchema(), null, 2)}\n`;
}

describe('resources/minuta.schema.json', () => {
  it('matches the zod model (regenerate: UPDATE_SCHEMA=1 npx vitest run tests/unit/minutes/jsonSchema.test.ts)', () => {
    const generated = generatedSchemaText();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // Missing file: the comparison below fails with the regeneration hint in the test name.
    }
    expect(committed, 'resources/minuta.schema.json is out of date; run with UPDATE_SCHEMA=1 to regenerate it').toBe(generated);
  });

  it('describes the envelope and the recursive bullets', () => {
    const schema = interchangeJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(['format', 'version', 'meeting', 'comments']);
    expect(schema.properties.format).toMatchObject({ const: 'minuta' });
    expect(schema.properties.version).toMatchObject({ const: 3 });
    expect(JSON.stringify(schema)).toContain('"additionalProperties":false');
  });
});
