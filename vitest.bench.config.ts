import { defineConfig } from 'vitest/config';

// `npm run bench`: benchmarks print their figures and never fail on time.
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
  },
});
