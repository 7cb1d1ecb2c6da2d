import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('../../../src/shared/minutes/', import.meta.url));

it('src/shared/minutes imports nothing but zod, its own modules and the shared error model (runs in main, renderer and CLI)', () => {
  const offending: string[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(DIR + file, 'utf8');
    for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1]!;
      // ../errors (the one error model) and ../canonicalJson (the one canonical form) are import-free.
      if (spec !== 'zod' && spec !== '../errors' && spec !== '../canonicalJson' && !/^\.\/[A-Za-z]+$/.test(spec)) offending.push(`${file}: ${spec}`);
    }
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1'); // comments may say "document."
    if (/\brequire\(|\bprocess\.|\bwindow\.|\bdocument\./.test(code)) offending.push(`${file}: uses a Node or DOM global`);
  }
  expect(offending).toEqual([]);
});
