import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * Proves the layering rules in eslint.config.js bite: each snippet is linted as if it lived at the
 * given path, with the project's real config. Remove a rule and the matching case fails.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rules', () => {
  const violations: Array<[string, string, RegExp]> = [
    ['src/shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", /src\/shared must not import Node/],
    ['src/shared/probe.ts', "import fs from 'fs';\nexport const x = fs;", /src\/shared must not import Node/],
    ['src/shared/probe.ts', "import { app } from 'electron';\nexport const x = app;", /Electron/],
    ['src/shared/probe.ts', "import { createRoot } from 'react-dom/client';\nexport const x = createRoot;", /DOM layer/],
    ['src/shared/probe.ts', "import { openDatabase } from '../main/store/db';\nexport const x = openDatabase;", /src\/shared must not import src\/main/],
    ['src/renderer/src/probe.ts', "import { openDatabase } from '../../main/store/db';\nexport const x = openDatabase;", /src\/renderer must not import src\/main/],
    ['src/renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;", /src\/renderer must not import Electron/],
    ['src/renderer/src/probe.ts', "import { join } from 'node:path';\nexport const x = join;", /src\/renderer must not import Node/],
    ['src/main/probe.ts', "import { App } from '../renderer/src/App';\nexport const x = App;", /src\/main must not import src\/renderer/],
  ];

  it.each(violations)('%s: rejects %j', async (filePath, code, expected) => {
    const messages = await restrictedImports(filePath, code);
    expect(messages.join('\n')).toMatch(expected);
  });

  it('accepts the imports each layer is allowed', async () => {
    expect(await restrictedImports('src/shared/probe.ts', "import { z } from 'zod';\nexport const x = z;")).toEqual([]);
    expect(
      await restrictedImports('src/renderer/src/probe.ts', "import { methods } from '../../shared/ipc/contract';\nexport const x = methods;"),
    ).toEqual([]);
    expect(await restrictedImports('src/main/probe.ts', "import { join } from 'node:path';\nexport const x = join;")).toEqual([]);
  });
});
