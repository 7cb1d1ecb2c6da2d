import { expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedCliDocs } from '../../../src/main/cli/docs';

it('README: the usage and the --json table are those generated from the registry', () => {
  const readme = readFileSync('README.md', 'utf8');
  const generated = withGeneratedCliDocs(readme);
  if (process.env['UPDATE_README']) writeFileSync('README.md', generated);
  else expect(readme).toBe(generated);
});
