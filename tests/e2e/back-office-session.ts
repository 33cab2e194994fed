/**
 * Signing in to the back office from an e2e journey: invitations by the real commands (through
 * the running server's admin socket), codes read from the outbox folder, TOTP computed as an
 * authenticator app would. signInAs() gives a journey a console session in a few seconds.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { totpFromUri } from '../accounts/authenticator';

const DATA_DIR = process.env.E2E_DATA_DIR ?? '.e2e-data';
const OUTBOX = path.join(DATA_DIR, 'outbox');
export const BUILDS_DIR = process.env.E2E_BUILDS_DIR ?? '.e2e-data/builds';

export function npmRun(script: string, args: string[]): void {
  execFileSync('npx', ['tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATA_DIR, BUILDS_DIR, LOG_LEVEL: 'warn' },
    stdio: 'pipe',
  });
}

/** The newest sign-in code e-mailed to `email`, once it is in the outbox folder. */
async function codeFor(email: string, after: number): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      () => {
        const files = readdirSync(OUTBOX, { withFileTypes: true }).filter((f) => f.name.endsWith('.json'));
        const mails = files
          .map(
            (f) =>
              JSON.parse(readFileSync(path.join(OUTBOX, f.name), 'utf8')) as {
                id: number;
                to: string;
                kind: string;
                subject: string;
              },
          )
          .filter((m) => m.to === email && m.kind === 'sign-in-code' && m.id > after)
          .sort((a, b) => b.id - a.id);
        code = /\d{6}/.exec(mails[0]?.subject ?? '')?.[0];
        return code;
      },
      { timeout: 15_000 },
    )
    .toBeTruthy();
  return code!;
}

function lastMailId(): number {
  try {
    return Math.max(
      0,
      ...readdirSync(OUTBOX)
        .map((f) => Number.parseInt(f, 10))
        .filter(Number.isFinite),
    );
  } catch {
    return 0;
  }
}

export async function axe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/**
 * A client address of its own for a journey's sign-in, sent as the proxy the e2e server trusts
 * would (TRUST_PROXY=1): the sign-in limit counts attempts per address (30 per 15 minutes), and
 * the back-office journeys of one run would otherwise all be one address.
 */
function ownClientAddress(): string {
  const n = () => Math.floor(Math.random() * 254) + 1;
  return `10.${n()}.${n()}.${n()}`;
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': ownClientAddress() });
  const before = lastMailId();
  await page.goto(`/account/?email=${encodeURIComponent(email)}`);
  await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
  await expect(page.getByRole('status')).toContainText(email);
  await page.getByLabel('Mã đăng nhập (6 chữ số)').fill(await codeFor(email, before));
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/**
 * A fresh operator or admin, invited, signed in and enrolled in TOTP: the page is on /admin/.
 * Returns the account's e-mail address.
 */
export async function signInAs(page: Page, role: 'admin' | 'operator'): Promise<string> {
  const email = `${role}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.vn`;
  npmRun('operator', ['invite', email, '--role', role]);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/account\/two-factor\/$/);
  await page.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  await page.getByLabel('Mã từ ứng dụng xác thực').fill(totpFromUri(`otpauth://totp/x?secret=${secret}`));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page).toHaveURL(/\/admin\/$/);
  return email;
}
