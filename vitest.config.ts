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
    // the files one after another (12 min). Many tests wait on child processes, fsync and DuckDB
    // I/O, so two workers overlap that waiting. VITEST_WORKERS overrides.
    maxWorkers: Number(process.env.VITEST_WORKERS ?? 2),
  },
});
