import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The import roots: `~/x` is `src/x`, `~scripts/x` is `scripts/x` (the sample generator's tests
  // import it), `~tests/x` is `tests/x` (shared test helpers from deeper folders); tsconfig.json
  // `paths` says the same for tsc, Astro and tsx.
  resolve: {
    alias: [
      { find: /^~\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) },
      { find: /^~scripts\//, replacement: fileURLToPath(new URL('./scripts/', import.meta.url)) },
      { find: /^~tests\//, replacement: fileURLToPath(new URL('./tests/', import.meta.url)) },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration suites share the local PostgreSQL database; files run in parallel, so each
    // suite uses its own schema or tables it truncates itself.
    pool: 'forks',
    // Server code logs JSON lines (src/config/log.ts); tests read them only where they test them.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  },
});
