// Unit and integration tests (engine, in Node). Playwright's e2e specs are not vitest's.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'out/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on the 2-core CI machine, which ran
    // the files one after another. Many tests wait on child processes (the CLI tests), fsync and
    // DuckDB I/O. Measured on a CI clone: two workers 753 s (the cores busy 1.64× of the time),
    // three 777 s (more contention than overlap). VITEST_WORKERS overrides.
    maxWorkers: Number(process.env.VITEST_WORKERS ?? 2),
  },
});
