#!/usr/bin/env node
// The headless Minuta command line: the same services as the app, built by `npm run build`.
import { existsSync } from 'node:fs';
const entry = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('minuta: the CLI is not built yet; run `npm run build` in the Minuta folder first\n');
  process.exit(1);
}
await import(entry.href);
