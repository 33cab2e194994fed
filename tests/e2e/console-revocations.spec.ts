/**
 * Revoking a certificate from the console in Chromium on the built site: an operator finds a
 * certificate by the number printed on it, revokes it with a date, reason and decision, and
 * GET /api/verify (what /verify/{id}/'s live status asks) says "revoked" within a second, with
 * no build; the operator then reverses the revocation with a reason and the certificate is
 * valid again. Both changes are in the certificate's history. axe on every page. The
 * certificate's file is left as it was found (a failed run is cleaned up by `npm run revoke`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { axe, npmRun, signInAs } from './back-office-session';

const CONTENT = process.env.CONTENT_DIR ?? 'content';

interface Listed {
  id: string;
  productId: string;
  number?: string;
  validUntil: string;
  issuedOn?: string;
  revocation?: unknown;
}

/** Today in Vietnam (UTC+7), as yyyy-mm-dd. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * A certificate valid today, not revoked, the only one of its product (so nothing supersedes it)
 * and with a printed number no other certificate shares.
 */
function certificateToRevoke(): { id: string; number: string } {
  const certificates = JSON.parse(
    readFileSync(path.join(CONTENT, 'registry/certificates.json'), 'utf8'),
  ) as Listed[];
  const count = <K extends string>(key: (c: Listed) => K | undefined) => {
    const counts = new Map<K, number>();
    for (const c of certificates) {
      const k = key(c);
      if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  const perProduct = count((c) => c.productId);
  const perNumber = count((c) => c.number);
  const found = certificates.find(
    (c) =>
      c.number &&
      !c.revocation &&
      c.validUntil >= today() &&
      (c.issuedOn ?? '') <= today() &&
      perProduct.get(c.productId) === 1 &&
      perNumber.get(c.number) === 1,
  );
  if (!found) throw new Error('the catalogue has no certificate this journey can revoke');
  return { id: found.id, number: found.number! };
}

test('an operator finds a certificate by its number, revokes it (live at once) and reverses it', async ({
  page,
}) => {
  const certificate = certificateToRevoke();
  const reason = `Giả mạo hồ sơ (kiểm thử ${Date.now()})`;
  const statusOf = async () => {
    const res = await page.request.get(`/api/verify?code=${encodeURIComponent(certificate.number)}`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { status: string }).status;
  };
  try {
    await signInAs(page, 'operator');
    await page.getByRole('navigation').getByRole('link', { name: 'Chứng nhận', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chứng nhận trong danh mục');
    await axe(page);

    // Found by the number as printed, in lower case with spaces: the lookup ignores both.
    await page.getByLabel('Mã hoặc số chứng nhận').fill(` ${certificate.number.toLowerCase()} `);
    await page.locator('#main').getByRole('button', { name: 'Tìm' }).click();
    const row = page
      .getByTestId('certificate-matches')
      .locator(`tr[data-certificate-id="${certificate.id}"]`);
    await expect(row).toContainText(certificate.number);
    await expect(row.locator('[data-certificate-status]')).toHaveText('Còn hiệu lực');
    await axe(page);
    await row.getByRole('link', { name: certificate.id }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(certificate.number);
    await expect(page.getByTestId('certificate-verdict')).toHaveAttribute('data-certificate-status', 'valid');
    await expect(page.getByTestId('certificate-revocation')).toHaveText('Chứng nhận này chưa bị thu hồi.');
    await axe(page);

    // Revoked from today, with a reason and the decision's number.
    const revoke = page.getByTestId('revoke-form');
    await revoke.getByLabel('Lý do', { exact: true }).fill(reason);
    await revoke.getByLabel('Số quyết định thu hồi (nếu có)').fill('999/QĐ-BCT');
    await revoke.getByLabel('Có hiệu lực từ ngày').fill(today());
    await revoke.getByRole('button', { name: 'Thu hồi chứng nhận' }).click();
    await expect(page.getByTestId('certificate-notice')).toHaveText(
      'Đã thu hồi chứng nhận. Trang tra cứu hiện trạng thái mới trong vòng một giây.',
    );
    await expect(page.getByTestId('certificate-verdict')).toHaveAttribute(
      'data-certificate-status',
      'revoked',
    );
    await expect(page.getByTestId('certificate-revocation')).toContainText(reason);
    await expect(page.getByTestId('certificate-revocation')).toContainText('999/QĐ-BCT');
    await axe(page);

    // Live without a build: the public API answers "revoked" within the overlay's second.
    await expect.poll(statusOf, { timeout: 5_000 }).toBe('revoked');

    // Reversed with a reason: valid again, and both changes in the history.
    await page.getByLabel('Lý do huỷ thu hồi').fill('Ghi nhầm chứng nhận khi kiểm thử');
    await page.getByRole('button', { name: 'Huỷ việc thu hồi' }).click();
    await expect(page.getByTestId('certificate-notice')).toHaveText(
      'Đã huỷ việc thu hồi. Trang tra cứu hiện trạng thái mới trong vòng một giây.',
    );
    await expect(page.getByTestId('certificate-verdict')).toHaveAttribute('data-certificate-status', 'valid');
    await expect.poll(statusOf, { timeout: 5_000 }).toBe('valid');
    const history = page.getByTestId('certificate-history');
    await expect(history).toContainText('registry.revoke');
    await expect(history).toContainText('registry.unrevoke');
    await expect(history).toContainText('Ghi nhầm chứng nhận khi kiểm thử');
    await axe(page);

    // The same page in English.
    await page.goto(`/en/admin/registry/certificates/?q=${encodeURIComponent(certificate.number)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Certificates in the registry');
    await expect(
      page.getByTestId('certificate-matches').locator(`tr[data-certificate-id="${certificate.id}"]`),
    ).toContainText('Valid');
    await axe(page);
  } finally {
    // Idempotent: "not revoked; nothing changed" when the journey got that far.
    npmRun('revoke', [certificate.id, '--reverse', '--reason', 'Dọn dẹp sau kiểm thử e2e']);
  }
});
