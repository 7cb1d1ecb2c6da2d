import { rolldown } from 'rolldown';

/**
 * Bundles a TypeScript entry (and our modules it imports) into one ES module that plain `node` runs,
 * for tests that need a real separate process (crash test, CLI benchmark). Native and npm
 * dependencies stay external so the child loads the same better-sqlite3 as the app.
 */
export async function bundleForNode(entry: string, outFile: string): Promise<string> {
  const bundle = await rolldown({
    input: entry,
    platform: 'node',
    external: [/^node:/, 'better-sqlite3', 'zod'],
    logLevel: 'silent',
  });
  try {
    await bundle.write({ file: outFile, format: 'es' });
  } finally {
    await bundle.close();
  }
  return outFile;
}
