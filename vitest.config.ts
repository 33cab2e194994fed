import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The import root: `~/x` is `src/x` (tsconfig.json `paths`; Astro and tsx read it there).
  resolve: { alias: [{ find: /^~\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }] },
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
