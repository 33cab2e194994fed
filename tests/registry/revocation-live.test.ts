/**
 * A revocation made in the console (or by `npm run revoke`) is live at once: the running
 * server's live-revocation overlay re-reads certificates.json within a second, so GET
 * /api/verify (which /verify/{id}/'s live status asks on load) answers "revoked" with no build
 * and no restart; reversing it answers "valid" again. Both databases; the overlay's clock is
 * the test's.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '~/catalogue/content-files';
import type { Actor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { reverseCertificateRevocation, revokeCertificate } from '~/registry/revocations';
import { LiveRevocations } from '~/verification/live-revocations';
import { handleVerify, type VerifyDeps } from '~/verification/verify-api';
import { testEngines } from '../notifications/test-databases';
import { AS_OF, testKeyring } from '../verification/fixtures';
import { certificatesFile, writeContentDir } from './revocation-helpers';

const operator: Actor = { kind: 'user', id: 'u-op', label: 'op@example.vn', role: 'operator' };
const keyring = testKeyring();

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`a console revocation, live on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let dir: string;
    beforeAll(async () => {
      handle = await engine.open();
      dir = writeContentDir();
    });
    afterAll(async () => {
      await handle?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('shows in /api/verify within the overlay’s one-second check, then lifts when reversed', async () => {
      // The server as deployed: the build's catalogue (read before the change) plus the overlay.
      const build = await loadCatalogue(dir);
      let clock = 0;
      const live = new LiveRevocations(certificatesFile(dir), 1000, () => clock);
      const deps: VerifyDeps = {
        catalogue: () => live.apply(build),
        verifiers: () => keyring.verifiers,
        today: () => AS_OF,
      };
      const verify = async (code: string) => {
        const res = await handleVerify(
          new Request(`http://localhost/api/verify?code=${encodeURIComponent(code)}`),
          deps,
        );
        expect(res.status).toBe(200);
        return (await res.json()) as { status: string; revocation: unknown; certificate: { id: string } };
      };
      expect((await verify('qg-2023-nmpq')).status).toBe('valid');

      await revokeCertificate(
        handle.db,
        operator,
        { certificate: '173/GCN-BCT', date: '2025-06-01', reason: 'Giả mạo hồ sơ', decision: '500/QĐ-BCT' },
        { dir },
      );
      clock += 1000;
      const revoked = await verify('173/GCN-BCT');
      expect(revoked).toMatchObject({
        status: 'revoked',
        certificate: { id: 'qg-2023-nmpq' },
        revocation: { date: '2025-06-01', reason: 'Giả mạo hồ sơ', decision: '500/QĐ-BCT' },
      });
      // The province certificate it had superseded is the one to show again.
      expect((await verify('tinh-2022-nmpq')).status).toBe('valid');

      await reverseCertificateRevocation(
        handle.db,
        operator,
        { certificate: 'qg-2023-nmpq', reason: 'Ghi nhầm chứng nhận' },
        { dir },
      );
      clock += 1000;
      expect(await verify('qg-2023-nmpq')).toMatchObject({ status: 'valid', revocation: null });
      expect((await verify('tinh-2022-nmpq')).status).toBe('superseded');
    });
  });
}
