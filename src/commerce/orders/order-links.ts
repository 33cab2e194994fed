/**
 * Signed links (src/security/signed-links.ts): the facility's link to act on its shipment,
 * and the buyer's link to see the order without typing the phone number again.
 */
import { env } from '~/config/env';
import { type Locale, localePath } from '~/i18n/locales';
import { signToken, verifyToken } from '~/security/signed-links';

const DAY = 24 * 60 * 60;
export const SHIPMENT_LINK_PURPOSE = 'order-shipment';
export const ORDER_VIEW_PURPOSE = 'order-view';
const SHIPMENT_LINK_DAYS = 60;
const ORDER_VIEW_DAYS = 180;

function absolute(path: string): string {
  return new URL(path, env().PUBLIC_SITE_URL).href;
}

function expiry(now: Date, days: number): number {
  return Math.floor(now.getTime() / 1000) + days * DAY;
}

export function shipmentToken(shipmentId: number, now = new Date()): string {
  return signToken({
    purpose: SHIPMENT_LINK_PURPOSE,
    subject: String(shipmentId),
    exp: expiry(now, SHIPMENT_LINK_DAYS),
  });
}

/** The shipment id a facility link grants, or why it does not. */
export function readShipmentToken(
  token: string,
  now = new Date(),
): { ok: true; shipmentId: number; expires: Date } | { ok: false; reason: string } {
  const check = verifyToken(token, { purpose: SHIPMENT_LINK_PURPOSE }, now);
  if (!check.ok) return check;
  const id = Number(check.payload.subject);
  if (!Number.isSafeInteger(id) || id <= 0) return { ok: false, reason: 'malformed' };
  return { ok: true, shipmentId: id, expires: new Date(check.payload.exp * 1000) };
}

export function facilityLink(shipmentId: number, locale: Locale = 'vi', now = new Date()): string {
  return absolute(localePath(locale, `/facility/orders/${shipmentToken(shipmentId, now)}/`));
}

export function orderViewKey(orderNumber: string, now = new Date()): string {
  return signToken({ purpose: ORDER_VIEW_PURPOSE, subject: orderNumber, exp: expiry(now, ORDER_VIEW_DAYS) });
}

export function orderViewKeyIsValid(orderNumber: string, key: string, now = new Date()): boolean {
  return verifyToken(key, { purpose: ORDER_VIEW_PURPOSE, subject: orderNumber }, now).ok;
}

/** The order status page, relative (for redirects) — with the view key when given. */
export function orderPath(orderNumber: string, locale: Locale, key?: string): string {
  const path = localePath(locale, `/orders/${orderNumber}/`);
  return key ? `${path}?key=${encodeURIComponent(key)}` : path;
}

export function orderUrl(orderNumber: string, locale: Locale, key?: string): string {
  return absolute(orderPath(orderNumber, locale, key));
}
