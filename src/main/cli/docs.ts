import { COMMANDS } from './commands';
import { usage } from './help';
import { describeShape, JSON_SHAPES, type ShapeName } from './jsonShapes';
import type { CommandSpec } from './registry';

/**
 * The README's generated parts of "Command line": the usage and the table of --json shapes, both
 * from the registry and JSON_SHAPES. tests/unit/cli/registry.test.ts fails when the README differs
 * (`UPDATE_README=1` rewrites it), so the documentation cannot drift from the CLI.
 */

const USAGE_MARK = 'cli-usage';
const JSON_MARK = 'cli-json';

export function jsonTable(commands: readonly CommandSpec[] = COMMANDS): string {
  const rows = ['| command | prints | shape |', '| --- | --- | --- |'];
  for (const c of commands) {
    const shape = JSON_SHAPES[c.output as ShapeName];
    const shown = describeShape(shape.schema).replace(/\|/g, '\\|');
    rows.push(`| \`${c.name}\` | ${shape.kind === 'lines' ? 'JSON lines' : 'one document'}: ${shape.summary} | \`${shown}\` |`);
  }
  return rows.join('\n');
}

const block = (mark: string, body: string) => `<!-- ${mark}:start (generated: UPDATE_README=1 npx vitest run tests/unit/cli/registry.test.ts) -->\n${body}\n<!-- ${mark}:end -->`;

/** The README with both generated parts brought up to date (unchanged when they already are). */
export function withGeneratedCliDocs(readme: string): string {
  const replace = (text: string, mark: string, body: string) => {
    const re = new RegExp(`<!-- ${mark}:start[^>]*-->[\\s\\S]*?<!-- ${mark}:end -->`);
    if (!re.test(text)) throw new Error(`README has no ${mark} block`);
    return text.replace(re, () => block(mark, body));
  };
  return replace(replace(readme, USAGE_MARK, `\`\`\`text\n${usage(COMMANDS)}\n\`\`\``), JSON_MARK, jsonTable());
}
