import { defineConfig } from 'vitest/config';

/**
 * `npm run soak`: the long variants of the reliability tests, with MINUTA_SOAK=1 — the IPC fuzz at
 * 5,000+ cases, the crash test at 200 SIGKILLs, the reviewed-copy round trip over 1,200 meetings. They print their figures; CI runs the short ones.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/ipc-fuzz.test.ts', 'tests/unit/store/crash.test.ts', 'tests/unit/review/from-docx-property.test.ts'],
    environment: 'node',
    env: { MINUTA_SOAK: '1' },
    fileParallelism: false,
    testTimeout: 60 * 60_000,
    hookTimeout: 10 * 60_000,
  },
});
