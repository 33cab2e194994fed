import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvCache } from '~/config/env';
import type { DatabaseHandle } from '~/db/client';
import { enqueueMessage } from '~/notifications/outbox';
import { runAdminCommand } from '~/server/admin-commands';
import { adminSocketPath, listenAdminSocket, sendAdminCommand } from '~/server/admin-socket';
import { testEngines } from '../notifications/test-databases';

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`admin commands (${engine.name})`, () => {
    let handle: DatabaseHandle;
    const dir = mkdtempSync(path.join(tmpdir(), 'admin-socket-'));
    const socket = adminSocketPath(dir);
    let admin: { close(): Promise<void> };

    beforeAll(async () => {
      handle = await engine.open();
      await enqueueMessage(handle.db, {
        kind: 'test-mail',
        ref: 'R1',
        to: 'a@example.vn',
        subject: 'S',
        text: 't',
      });
      admin = await listenAdminSocket(socket, async () => handle.db);
    }, 120_000);
    afterAll(async () => {
      await admin?.close();
      await handle?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('run by name with validated arguments, directly or through the socket alike', async () => {
      const direct = await runAdminCommand(handle.db, 'outbox.list', { ref: 'R1' });
      const remote = await sendAdminCommand(socket, 'outbox.list', { ref: 'R1' });
      expect(remote).toEqual(direct);
      expect(remote).toEqual([
        expect.objectContaining({ ref: 'R1', status: 'pending', toAddress: 'a@example.vn' }),
      ]);
    });

    it('deliver what is due through the socket', async () => {
      // The configured transport is the file mailbox under DATA_DIR: a scratch folder here.
      process.env.DATA_DIR = dir;
      delete process.env.SMTP_URL;
      resetEnvCache();
      await expect(sendAdminCommand(socket, 'outbox.deliver')).resolves.toEqual({
        sent: 1,
        retrying: 0,
        failed: 0,
      });
      expect(readdirSync(path.join(dir, 'outbox'))).toHaveLength(1);
      await expect(sendAdminCommand(socket, 'outbox.list', { ref: 'R1' })).resolves.toEqual([
        expect.objectContaining({ status: 'sent', attempts: 1 }),
      ]);
    });

    it('answer an unknown command and bad arguments with a clear error', async () => {
      await expect(sendAdminCommand(socket, 'drop.everything')).rejects.toThrow(
        // The list goes on with the registry's commands (registry.revoke, …).
        'Unknown admin command "drop.everything" (known: outbox.list, outbox.deliver, operator.invite, facility.invite, ',
      );
      await expect(sendAdminCommand(socket, 'outbox.list', { ref: 5 })).rejects.toThrow('outbox.list: ref:');
      await expect(sendAdminCommand(socket, 'outbox.deliver', { force: true })).rejects.toThrow(
        'Unrecognized key',
      );
    });

    it('listen on a socket only its owner can use, removed on close', async () => {
      expect(statSync(socket).mode & 0o777).toBe(0o600);
      const other = adminSocketPath(mkdtempSync(path.join(tmpdir(), 'admin-socket-')));
      const server = await listenAdminSocket(other, async () => handle.db);
      await server.close();
      expect(() => statSync(other)).toThrow();
    });
  });
}
