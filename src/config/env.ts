/**
 * Configuration from environment variables, validated once. Every variable is optional on a
 * developer machine; a feature whose configuration is absent falls back (embedded database,
 * embedded search, outbox instead of SMTP) or is not offered (card payment).
 *
 * Plain process.env rather than astro:env, because the CLIs and tests share this module.
 */
import path from 'node:path';
import { z } from 'zod';
import { trustProxySchema } from './trust-proxy';

const optionalUrl = z.string().url().optional();
const optionalText = z.string().min(1).optional();

const envSchema = z.object({
  /** "production" turns off development conveniences (the sample bank account, STRIPE_API_BASE). */
  NODE_ENV: z.string().optional(),
  PUBLIC_SITE_URL: z.string().url().default('http://localhost:4321'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('data'),
  CONTENT_DIR: z.string().default('content'),
  DATABASE_URL: optionalUrl,
  MEILISEARCH_URL: optionalUrl,
  MEILISEARCH_API_KEY: optionalText,
  MEILISEARCH_INDEX: z.string().default('products'),
  STRIPE_SECRET_KEY: optionalText,
  STRIPE_WEBHOOK_SECRET: optionalText,
  /** Only for tests: point the Stripe SDK at a local fake ("http://127.0.0.1:12111"). */
  STRIPE_API_BASE: optionalUrl,
  SMTP_URL: optionalText,
  MAIL_FROM: z.string().default('Chợ CNNT <no-reply@cho-cnnt.vn>'),
  /** Operators' inbox for new orders of facilities that have no e-mail (they relay them by phone). */
  ORDERS_EMAIL: z.string().email().optional(),
  /** Bank transfer is offered only when all three are set (or in development on the sample data). */
  BANK_BIN: z
    .string()
    .regex(/^\d{6}$/, 'BANK_BIN is the 6-digit NAPAS bank BIN')
    .optional(),
  BANK_ACCOUNT: z
    .string()
    .regex(/^[0-9A-Za-z]{4,19}$/)
    .optional(),
  BANK_ACCOUNT_NAME: optionalText,
  /** Shipping fee per facility shipment, whole đồng. */
  SHIPPING_FLAT_VND: z.coerce.number().int().min(0).default(30000),
  /** A shipment whose goods cost at least this ships free (0: never free). */
  SHIPPING_FREE_FROM_VND: z.coerce.number().int().min(0).default(500000),
  /**
   * Ed25519 private keys for badge codes, as "keyId:base64-pkcs8-der" separated by commas;
   * the first signs, all verify (rotation). Without it a development key is created under DATA_DIR.
   */
  BADGE_SIGNING_KEYS: optionalText,
  /**
   * Retired badge keys that only verify (codes printed before a rotation), as
   * "keyId:base64-spki-der" separated by commas. Their private halves can be destroyed.
   */
  BADGE_VERIFY_KEYS: optionalText,
  /** HMAC secret for facility links (orders, quotes). Without it one is created under DATA_DIR. */
  LINK_SIGNING_SECRET: z.string().min(32, 'LINK_SIGNING_SECRET needs at least 32 characters').optional(),
  /** better-auth's secret (session cookies, encrypted TOTP secrets). Without it one is created under DATA_DIR. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET needs at least 32 characters').optional(),
  /**
   * The proxies believed about the client's address (rate limits key on it): a hop count
   * ("1"; "true" is 1), a list of proxy addresses/CIDRs, or "false" (see ./trust-proxy.ts).
   */
  TRUST_PROXY: trustProxySchema,
  /** Redis for state shared by several server processes (rate limits); without it, DATABASE_URL. */
  REDIS_URL: optionalUrl,
  /** pino level of the server's JSON log lines; tests may set "silent". */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated configuration. Throws naming every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = result.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}
