import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '~/config/env';
import { acquireFolderLock, lockFileOf, lockHolder } from '~/db/folder-lock';
import { runAdminCommandFromCli } from '~/server/admin-cli';
import { openPostgresSchema } from '../notifications/test-databases';

const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'admin-cli-'));
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  resetEnvCache();
});
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('an admin command run from a CLI', () => {
  it('takes the embedded database itself when no server holds it, and gives it back', async () => {
    await expect(runAdminCommandFromCli('outbox.list')).resolves.toEqual([]);
    expect(lockHolder(path.join(dataDir, 'pglite'))).toBeUndefined();
  }, 120_000);

  it('is refused, touching nothing, while another command holds the embedded database', async () => {
    const folder = path.join(dataDir, 'pglite');
    const lock = acquireFolderLock(folder, 'npm run import-orders');
    // Our own pid holds it here: seen as live because this process holds it.
    await expect(runAdminCommandFromCli('outbox.list')).rejects.toThrow(
      `npm run import-orders (pid ${process.pid}) holds`,
    );
    lock.release();
    expect(lockFileOf(folder)).toMatch(/pglite\.lock$/);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'opens PostgreSQL directly when DATABASE_URL is set',
    async () => {
      const schema = await openPostgresSchema(process.env.TEST_DATABASE_URL!);
      try {
        process.env.DATABASE_URL = schema.url;
        resetEnvCache();
        await expect(runAdminCommandFromCli('outbox.deliver')).resolves.toEqual({
          sent: 0,
          retrying: 0,
          failed: 0,
        });
      } finally {
        await schema.close();
      }
    },
    60_000,
  );
});
