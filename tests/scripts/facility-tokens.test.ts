/**
 * `npm run facility -- token | tokens | revoke-token | export-listings`: the token printed once and only its hash
 * stored, the list without secrets, revocation, the audit rows, and the exit codes (0 done,
 * 1 unknown facility or token, 2 usage). Run on the embedded database (directly, and through a
 * running server's admin socket) and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, commandActor } from '~/db/audit-log';
import { type Database, openDatabase } from '~/db/client';
import { saveListing } from '~/listings/listing-store';
import { hashSecret, parseToken } from '~/portal/api-tokens';
import { facilityApiTokens } from '~/portal/db-schema';
import { adminSocketPath, listenAdminSocket } from '~/server/admin-socket';
import { bodyA, fixtureCatalogue, PRODUCT_A, targetOf } from '../listings/listing-fixture';
import { openPostgresSchema } from '../notifications/test-databases';
import { writeContentDir } from '../registry/revocation-helpers';

const FACILITY = 'nuoc-mam-hung-thanh';
const root = path.resolve(import.meta.dirname, '../..');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command as npm would (asynchronously: a test may be serving its admin socket). */
function facility(
  args: string[],
  env: { CONTENT_DIR: string; DATA_DIR: string; DATABASE_URL?: string },
): Promise<Run> {
  const { DATABASE_URL: _own, ...rest } = process.env;
  return new Promise((resolve) => {
    const child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'scripts/facility.ts'), ...args],
      {
        cwd: root,
        env: { ...rest, ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const newDataDir = () => mkdtempSync(path.join(tmpdir(), 'facility-tokens-'));
const tokenIn = (stdout: string) => /^(cnnt_fac_\S+)$/m.exec(stdout)?.[1];

/** The token's row holds its hash, not the token; its creation and revocation are audited. */
async function expectStoredAsHash(db: Database, token: string) {
  const { id, secret } = parseToken(token)!;
  const [row] = await db.select().from(facilityApiTokens).where(eq(facilityApiTokens.id, id));
  expect(row).toMatchObject({
    facilityId: FACILITY,
    secretHash: hashSecret(secret),
    createdBy: 'npm run facility',
  });
  expect(JSON.stringify(row)).not.toContain(secret);
  return id;
}

describe('npm run facility -- token, tokens, revoke-token', () => {
  it('makes a token shown once, lists it without its secret, revokes it once, all audited', async () => {
    const env = { CONTENT_DIR: writeContentDir(undefined, 'facility-tokens-'), DATA_DIR: newDataDir() };
    const made = await facility(['token', FACILITY, '--name', 'Phần mềm bán hàng'], env);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const token = tokenIn(made.stdout)!;
    expect(token).toMatch(/^cnnt_fac_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(made.stdout).toContain('"Phần mềm bán hàng"');
    expect(made.stdout).toContain('Công ty TNHH Nước mắm Hưng Thạnh');
    expect(made.stdout).toContain('scopes: listings:read, listings:write, photos:write');
    expect(made.stdout).toContain('shown this once');
    const { id, secret } = parseToken(token)!;

    const listed = await facility(['tokens', FACILITY], env);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`^${id} {2}"Phần mềm bán hàng" .*last used never {2}active$`, 'm'),
    );
    expect(listed.stdout).not.toContain(secret);

    const revoked = await facility(['revoke-token', id], env);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain(`Revoked facility API token ${id}`);
    const again = await facility(['revoke-token', id], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already revoked');
    expect((await facility(['tokens', FACILITY], env)).stdout).toMatch(
      /revoked \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/m,
    );

    const handle = await openDatabase({ pgliteDir: path.join(env.DATA_DIR, 'pglite') });
    try {
      await expectStoredAsHash(handle.db, token);
      const audit = await handle.db.select().from(auditLog).orderBy(auditLog.id);
      expect(audit.map((a) => [a.action, a.actorLabel, a.targetId, a.facilityId])).toEqual([
        ['facility.token.create', 'npm run facility', id, FACILITY],
        ['facility.token.revoke', 'npm run facility', id, FACILITY],
      ]);
      expect(JSON.stringify(audit)).not.toContain(secret);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('exits 1 naming an unknown facility or token, and 2 on wrong usage, creating nothing', async () => {
    const env = { CONTENT_DIR: writeContentDir(undefined, 'facility-tokens-'), DATA_DIR: newDataDir() };
    const usages = [
      [],
      ['token'],
      ['token', FACILITY, 'extra'],
      ['token', FACILITY, '--scope', 'orders:read'],
      ['token', FACILITY, '--name', ' '],
      ['tokens', FACILITY, '--name', 'x'],
      ['tokens', FACILITY, '--out', 'x.json'],
      ['export-listings', 'extra'],
      ['revoke-token'],
      ['token', FACILITY, '--bogus'],
      ['tokenz', FACILITY],
    ];
    const runs = await Promise.all(usages.map((args) => facility(args, env)));
    for (const [i, run] of runs.entries()) {
      expect(run.status, usages[i]!.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage: npm run facility -- invite FACILITY_ID EMAIL');
      expect(run.stdout).toBe('');
    }
    expect(existsSync(path.join(env.DATA_DIR, 'pglite'))).toBe(false);

    const unknownFacility = await facility(['token', 'khong-co'], env);
    expect(unknownFacility.status).toBe(1);
    expect(unknownFacility.stderr.trim()).toBe('No facility "khong-co" in the registry.');
    expect(unknownFacility.stdout).toBe('');
    const unknownList = await facility(['tokens', 'khong-co'], env);
    expect(unknownList.status).toBe(1);
    expect(unknownList.stderr).toContain('No facility "khong-co" in the registry.');
    const unknownToken = await facility(['revoke-token', '0123456789abcdef'], env);
    expect(unknownToken.status).toBe(1);
    expect(unknownToken.stderr).toContain('No facility API token "0123456789abcdef".');

    const handle = await openDatabase({ pgliteDir: path.join(env.DATA_DIR, 'pglite') });
    try {
      expect(await handle.db.select().from(facilityApiTokens)).toEqual([]);
      expect(await handle.db.select().from(auditLog)).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('works through the running server when it holds the embedded database', async () => {
    const env = { CONTENT_DIR: writeContentDir(undefined, 'facility-tokens-'), DATA_DIR: newDataDir() };
    const saved = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = env.CONTENT_DIR;
    const server = await openDatabase({ pgliteDir: path.join(env.DATA_DIR, 'pglite'), role: 'the server' });
    const socket = await listenAdminSocket(adminSocketPath(env.DATA_DIR), async () => server.db);
    try {
      const made = await facility(['token', FACILITY, '--scope', 'listings:read'], env);
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      expect(made.stdout).toContain('scopes: listings:read.');
      const id = await expectStoredAsHash(server.db, tokenIn(made.stdout)!);
      const [row] = await server.db.select().from(facilityApiTokens).where(eq(facilityApiTokens.id, id));
      expect(row!.scopes).toEqual(['listings:read']);
      const unknown = await facility(['token', 'khong-co'], env);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('No facility "khong-co" in the registry.');

      // export-listings: the files' listings with what a facility saved in their place.
      await saveListing(
        server.db,
        commandActor('facility'),
        targetOf(fixtureCatalogue(), PRODUCT_A),
        bodyA(188_000),
      );
      const out = path.join(env.DATA_DIR, 'listings-export.json');
      const exported = await facility(['export-listings', '--out', out], env);
      expect(exported.status).toBe(0);
      expect(exported.stderr).toMatch(/1 of them as facilities saved them, written to /);
      const listings = JSON.parse(readFileSync(out, 'utf8')) as {
        productId: string;
        variants: { price: number }[];
      }[];
      expect(listings.find((l) => l.productId === PRODUCT_A)?.variants[0]?.price).toBe(188_000);
    } finally {
      await socket.close();
      await server.close();
      if (saved === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = saved;
    }
  }, 120_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'stores the token on PostgreSQL when DATABASE_URL is set',
    async () => {
      const schema = await openPostgresSchema(process.env.TEST_DATABASE_URL!);
      try {
        const env = {
          CONTENT_DIR: writeContentDir(undefined, 'facility-tokens-'),
          DATA_DIR: newDataDir(),
          DATABASE_URL: schema.url,
        };
        const made = await facility(['token', FACILITY], env);
        expect(made.status).toBe(0);
        expect(made.stdout).toContain('"API token"');
        const id = await expectStoredAsHash(schema.db, tokenIn(made.stdout)!);
        const listed = await facility(['tokens', FACILITY], env);
        expect(listed.stdout).toContain(id);
        const audit = await schema.db.select().from(auditLog).where(eq(auditLog.targetId, id));
        expect(audit.map((a) => a.action)).toEqual(['facility.token.create']);
        expect(existsSync(path.join(env.DATA_DIR, 'pglite'))).toBe(false);
      } finally {
        await schema.close();
      }
    },
    120_000,
  );
});
