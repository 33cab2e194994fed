/** Configuration for commerce tests: no files under ./data, a fixed link secret, no SMTP or Stripe. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resetEnvCache } from '~/config/env';

export function useTestEnv(extra: Record<string, string> = {}): void {
  process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'commerce-'));
  process.env.LINK_SIGNING_SECRET = 'test-secret-test-secret-test-secret-1234';
  process.env.PUBLIC_SITE_URL = 'https://cho-cnnt.test';
  delete process.env.SMTP_URL;
  Object.assign(process.env, extra);
  resetEnvCache();
}
