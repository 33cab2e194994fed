/**
 * What the journeys need from the sample catalogue and the outbox folder: sellable variants
 * (in stock, untracked so repeat runs never sell out, of a certified product whose facility
 * has e-mail) and a facility's signed link from its new-order e-mail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';

const CONTENT = process.env.CONTENT_DIR ?? 'content';
export const OUTBOX = path.join(process.env.E2E_DATA_DIR ?? '.e2e-data', 'outbox');

export interface Sellable {
  productId: string;
  sku: string;
  facilityId: string;
  facilityName: string;
}

/**
 * `count` sellable variants, each from another facility; from the end of the listings with
 * `fromEnd` (journeys that change a listing keep clear of the ones that buy from the start).
 */
function sellables(count: number, fromEnd = false): Sellable[] {
  const read = (file: string) => JSON.parse(readFileSync(path.join(CONTENT, file), 'utf8')) as never;
  const facilities = new Map(
    (read('registry/facilities.json') as { id: string; name: string; email?: string }[]).map((f) => [
      f.id,
      f,
    ]),
  );
  const products = new Map(
    (read('registry/products.json') as { id: string; facilityId: string }[]).map((p) => [p.id, p]),
  );
  // Products whose every certificate is revoked are not sold (the buy box is hidden).
  const certified = new Set(
    (read('registry/certificates.json') as { productId: string; revocation?: unknown }[])
      .filter((c) => !c.revocation)
      .map((c) => c.productId),
  );
  const picked: Sellable[] = [];
  const listings = read('listings/listings.json') as {
    productId: string;
    variants: { sku: string; availability: string; stock?: number }[];
  }[];
  for (const listing of fromEnd ? listings.reverse() : listings) {
    const facility = facilities.get(products.get(listing.productId)?.facilityId ?? '');
    const variant = listing.variants.find((v) => v.availability === 'in_stock' && v.stock === undefined);
    if (!facility?.email || !variant || !certified.has(listing.productId)) continue;
    if (picked.some((p) => p.facilityId === facility.id)) continue;
    picked.push({
      productId: listing.productId,
      sku: variant.sku,
      facilityId: facility.id,
      facilityName: facility.name,
    });
    if (picked.length === count) return picked;
  }
  throw new Error(`the sample has no ${count} sellable products from as many facilities with e-mail`);
}

export function oneSellable(): Sellable {
  return sellables(1)[0]!;
}

/** A sellable variant from the end of the sample, for a journey that edits its listing. */
export function lastSellable(): Sellable {
  return sellables(1, true)[0]!;
}

/** Two sellable variants of two facilities (an order with two shipments). */
export function twoSellables(): [Sellable, Sellable] {
  const [first, second] = sellables(2);
  return [first!, second!];
}

/** The facility's action link (its path) from its new-order e-mail; delivery is asynchronous. */
export async function facilityLinkFromOutbox(orderNumber: string, facilityId: string): Promise<string> {
  let text = '';
  await expect
    .poll(
      () => {
        for (const f of readdirSync(OUTBOX).filter((name) => name.endsWith('.json'))) {
          const mail = JSON.parse(readFileSync(path.join(OUTBOX, f), 'utf8')) as {
            kind: string;
            ref: string;
            text: string;
          };
          if (mail.kind === 'facility-new-order' && mail.ref === `${orderNumber}/${facilityId}`)
            text = mail.text;
        }
        return text;
      },
      { timeout: 20_000 },
    )
    .not.toBe('');
  const link = /https?:\/\/\S+\/facility\/orders\/[\w.-]+\//.exec(text)?.[0];
  if (!link) throw new Error(`no facility link in the e-mail:\n${text}`);
  // The e-mail carries PUBLIC_SITE_URL; the test server runs elsewhere.
  return new URL(link).pathname;
}

/** The columns the registry-list journeys write (import format, Vietnamese headers). */
export const HEADER = [
  'so_chung_nhan',
  'cap',
  'khu_vuc',
  'nam',
  'ten_san_pham',
  'nhom_san_pham',
  'ten_co_so',
  'tinh_thanh',
];

/** Rows as a CSV list, quoted where a cell needs it. */
export const toCsv = (rows: string[][]) =>
  `${rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n')}\n`;
