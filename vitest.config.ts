import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration suites share the local PostgreSQL database; files run in parallel, so each
    // suite uses its own schema or tables it truncates itself.
    pool: 'forks',
  },
});
