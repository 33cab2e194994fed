/**
 * "Are you this facility?" in Chromium on the built site: from a facility page a visitor asks
 * to manage it, is refused a certificate number of another facility, then sends one of its
 * own; an operator finds the claim in /admin/facility-claims/ and approves it (the invitation
 * reaches the outbox), and refuses a second claim with a reason (e-mailed). axe on every page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { axe, signInAs } from './back-office-session';

const CONTENT = process.env.CONTENT_DIR ?? 'content';
const OUTBOX = path.join(process.env.E2E_DATA_DIR ?? '.e2e-data', 'outbox');

interface Certificate {
  id: string;
  facilityId: string;
  number?: string;
  revocation?: unknown;
}

/** A facility with a numbered certificate, and a numbered certificate of another facility. */
function claimable(): { facilityId: string; facilityName: string; number: string; otherNumber: string } {
  const read = <T>(file: string) => JSON.parse(readFileSync(path.join(CONTENT, file), 'utf8')) as T[];
  const certificates = read<Certificate>('registry/certificates.json').filter((c) => c.number);
  const own = certificates.find((c) => !c.revocation)!;
  // A number no certificate of this facility shares (printed numbers can repeat).
  const ownNumbers = new Set(
    certificates.filter((c) => c.facilityId === own.facilityId).map((c) => c.number),
  );
  const other = certificates.find((c) => c.facilityId !== own.facilityId && !ownNumbers.has(c.number))!;
  const facility = read<{ id: string; name: string }>('registry/facilities.json').find(
    (f) => f.id === own.facilityId,
  )!;
  return {
    facilityId: facility.id,
    facilityName: facility.name,
    number: own.number!,
    otherNumber: other.number!,
  };
}

async function mailKinds(to: string): Promise<string[]> {
  return readdirSync(OUTBOX)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(OUTBOX, f), 'utf8')) as { to: string; kind: string })
    .filter((m) => m.to === to)
    .map((m) => m.kind)
    .sort();
}

async function sendClaim(page: Page, email: string, number: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Số giấy chứng nhận').fill(number);
  await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
}

test('a facility asks to manage its page; an operator approves one claim and refuses another', async ({
  page,
  browser,
}) => {
  const facility = claimable();
  const stamp = Date.now();
  const approved = `co-so-${stamp}@example.vn`;
  const refused = `nguoi-khac-${stamp}@example.vn`;

  const visitor = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.57' } });
  const form = await visitor.newPage();
  await form.goto(`/facilities/${facility.facilityId}/`);
  await expect(form.getByRole('heading', { name: 'Bạn là cơ sở này?' })).toBeVisible();
  await form.getByRole('link', { name: `Gửi yêu cầu quản lý ${facility.facilityName}` }).click();
  await expect(form.getByRole('heading', { level: 1 })).toHaveText(`Bạn là ${facility.facilityName}?`);
  await axe(form);

  // Another facility's certificate: refused, with the number kept for correcting.
  await sendClaim(form, approved, facility.otherNumber);
  await expect(form.getByRole('alert')).toContainText(`không phải của ${facility.facilityName}`);
  await expect(form.getByLabel('Số giấy chứng nhận')).toHaveValue(facility.otherNumber);
  await expect(form.getByLabel('Số giấy chứng nhận')).toHaveAttribute('aria-invalid', 'true');
  await axe(form);

  // Its own certificate, typed loosely.
  await form.getByLabel('Số giấy chứng nhận').fill(` ${facility.number.toLowerCase()} `);
  await form.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(form).toHaveURL(/\/claim\/\?sent=1$/);
  await expect(form.getByTestId('claim-sent')).toBeVisible();
  await axe(form);

  // A second person, from another address, for the same facility.
  const other = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.58' } });
  const second = await other.newPage();
  await second.goto(`/en/facilities/${facility.facilityId}/claim/`);
  await second.locator('#main').getByLabel('E-mail').fill(refused);
  await second.locator('#main').getByLabel('Certificate number').fill(facility.number);
  await second.getByRole('button', { name: 'Send the request' }).click();
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Request received');
  await visitor.close();
  await other.close();

  // The operator approves the first claim.
  await signInAs(page, 'operator');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Yêu cầu quản lý cơ sở', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yêu cầu quản lý cơ sở');
  await axe(page);
  const first = page.getByTestId('claims-pending').locator('li.claim').filter({ hasText: approved });
  await expect(first).toContainText(facility.facilityName);
  await expect(first).toContainText(facility.number);
  await first.getByRole('button', { name: 'Chấp nhận và mời' }).click();
  await expect(page.getByRole('status')).toContainText('thư mời đã được gửi');
  await expect(page.getByTestId('claims-decided')).toContainText(approved);
  await expect.poll(() => mailKinds(approved), { timeout: 15_000 }).toEqual(['account-invitation']);

  // Refusing needs a reason; with one, the person is told by e-mail.
  const next = page.getByTestId('claims-pending').locator('li.claim').filter({ hasText: refused });
  await next.getByLabel('Lý do từ chối (gửi cho người yêu cầu)').fill('Cơ sở xác nhận không có người này.');
  await next.getByRole('button', { name: 'Từ chối' }).click();
  await expect(page.getByRole('status')).toContainText('e-mail báo lý do đã được gửi');
  await expect(page.getByTestId('claims-decided')).toContainText('Cơ sở xác nhận không có người này.');
  await expect.poll(() => mailKinds(refused), { timeout: 15_000 }).toEqual(['facility-claim-refused']);
  await axe(page);
});
