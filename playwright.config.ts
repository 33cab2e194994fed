/**
 * End-to-end tests in Debian's Chromium (no browser download). The server is the real built
 * site (`npm start`) on its own port, with its own empty data directory.
 */
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4399);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    },
    locale: 'vi-VN',
    trace: 'off',
  },
  webServer: {
    command: 'npx tsx scripts/start.ts',
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR ?? '.e2e-data',
      // Published builds of the publish journey: inside the project (their server code finds
      // node_modules from there) and removed with .e2e-data before each run (scripts/test.ts).
      BUILDS_DIR: process.env.E2E_BUILDS_DIR ?? '.e2e-data/builds',
      // As behind one proxy that appends: the browser's connection plays the proxy, so a
      // journey that sends X-Forwarded-For (the order-limit journey) is the client written
      // there; the others, without the header, count as 127.0.0.1.
      TRUST_PROXY: '1',
      // One JSON line per request would bury the test report; warnings and errors still show.
      LOG_LEVEL: 'warn',
    },
  },
});
