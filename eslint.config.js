// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/**
 * Layers, as VS Code and Signal Desktop enforce them:
 *  - src/shared runs everywhere: it imports nothing from Node, Electron, React or the DOM side;
 *  - src/renderer is a web page: no Node, no Electron, never src/main;
 *  - src/main never imports src/renderer; src/preload only electron and src/shared.
 * tests/unit/layering.test.ts proves that a violation fails this config.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const forbid = (/** @type {{name: string, message: string}[]} */ paths, /** @type {{group: string[], message: string}[]} */ patterns) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

const noNode = (/** @type {string} */ layer) =>
  nodeBuiltins.map((name) => ({ name, message: `${layer} must not import Node built-ins (${name}).` }));

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tools/**', 'test-results/**', 'tests/lint-fixtures/**'] },
  js.configs.recommended,
  { files: ['bin/**/*.js', 'scripts/**/*.js'], languageOptions: { globals: { process: 'readonly', URL: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: forbid(
      [
        ...noNode('src/shared'),
        { name: 'electron', message: 'src/shared must not import Electron.' },
        { name: 'react', message: 'src/shared must not import React (it is not a UI layer).' },
        { name: 'react-dom', message: 'src/shared must not import the DOM layer.' },
        { name: 'better-sqlite3', message: 'src/shared must not import storage.' },
      ],
      [
        { group: ['**/main/**', '**/main'], message: 'src/shared must not import src/main.' },
        { group: ['**/renderer/**', '**/renderer'], message: 'src/shared must not import src/renderer.' },
        { group: ['**/preload/**', '**/preload'], message: 'src/shared must not import src/preload.' },
        { group: ['react-dom/*'], message: 'src/shared must not import the DOM layer.' },
      ],
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: forbid(
      [
        ...noNode('src/renderer'),
        { name: 'electron', message: 'src/renderer must not import Electron; use window.minuta.' },
        { name: 'better-sqlite3', message: 'src/renderer never gets SQL; use window.minuta.' },
      ],
      [
        { group: ['**/main/**', '**/main'], message: 'src/renderer must not import src/main; use window.minuta.' },
        { group: ['**/preload/**', '!**/preload/api'], message: 'src/renderer must not import src/preload.' },
      ],
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: forbid(
      [],
      [
        { group: ['**/renderer/**', '**/renderer'], message: 'src/main must not import src/renderer.' },
        { group: ['**/preload/**', '**/preload'], message: 'src/main must not import src/preload.' },
      ],
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: forbid(
      [...noNode('src/preload')],
      [
        { group: ['**/main/**', '**/main'], message: 'src/preload must not import src/main.' },
        { group: ['**/renderer/**', '**/renderer'], message: 'src/preload must not import src/renderer.' },
      ],
    ),
  },
);
