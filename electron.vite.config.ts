import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './src/main/security/csp';
import { readFileSync } from 'node:fs';

const { dependencies } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { dependencies: Record<string, string> };
const FONT_PACKAGES = Object.keys(dependencies).filter((name) => name.startsWith('@fontsource/'));

export default defineConfig({
  main: {
    build: {
      // The fonts' unicode.json files (scripts.ts reads each shipped subset's range from them) are
      // bundled: Node would want an import attribute on an external JSON import, which the bundler drops.
      externalizeDeps: { exclude: FONT_PACKAGES },
      rolldownOptions: {
        // The CLI prints PDF with playwright-core driving an installed Chromium (the app uses Electron's own
        // printToPDF instead). It must stay a real package: bundled, it looks for its package.json
        // relative to the bundle and fails. Loaded only by the CLI, through a dynamic import.
        external: ['playwright-core'],
        input: {
          index: resolve('src/main/index.ts'),
          // The headless CLI shares every service with the app; it is built alongside it.
          cli: resolve('src/main/cli/main.ts'),
          // The export worker (worker_threads): layout and rendering off the main thread. Its own entry,
          // so that it is out/main/exportWorker.js, which worker/client.ts starts by path.
          exportWorker: resolve('src/main/export/worker/exportWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Electron runs a sandboxed preload only as CommonJS, and its `require` then knows nothing but
      // `electron` and a few builtins: so bundle every dependency (zod included) into one .cjs file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [
      react(),
      {
        name: 'minuta-csp',
        // The policy lives in one module; the page gets it as a meta tag so that it holds in every
        // host (Electron, the end-to-end harness, a plain browser opening the built file).
        transformIndexHtml: (html) =>
          html.replace('%MINUTA_CSP%', CONTENT_SECURITY_POLICY),
      },
    ],
  },
});
