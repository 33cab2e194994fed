/**
 * Turns a buyer's basket into one request per facility: every SKU must be an offered variant
 * and every quantity must reach its minimum order quantity. Errors name the field the buyer
 * must fix ("items.2.quantity"). Pure logic over the offers; nothing is stored here.
 */
import type { BasketLine } from './basket-items';
import type { Offer } from './offers';
import { type IndicativeLine, indicativeLine, meetsMinimum } from './tier-pricing';

export interface PlannedItem {
  /** Index in the buyer's list (the field key of errors). */
  index: number;
  offer: Offer;
  line: IndicativeLine;
}

export interface PlannedRequest {
  facilityId: string;
  facilityName: string;
  facilityEmail: string | undefined;
  facilityPhone: string | undefined;
  items: PlannedItem[];
}

export type QuotePlan =
  | { ok: true; requests: PlannedRequest[] }
  | { ok: false; fields: Record<string, string> };

export function planQuote(lines: readonly BasketLine[], offers: ReadonlyMap<string, Offer>): QuotePlan {
  const fields: Record<string, string> = {};
  const byFacility = new Map<string, PlannedRequest>();
  lines.forEach((line, index) => {
    const offer = offers.get(line.sku);
    if (!offer) {
      fields[`items.${index}.sku`] =
        `unknown SKU "${line.sku}" (not a listed product of a certified facility)`;
      return;
    }
    if (!meetsMinimum(offer, line.quantity)) {
      fields[`items.${index}.quantity`] =
        `below the minimum order quantity of ${offer.minOrderQuantity} for ${offer.sku}`;
      return;
    }
    let request = byFacility.get(offer.facilityId);
    if (!request) {
      request = {
        facilityId: offer.facilityId,
        facilityName: offer.facilityName,
        facilityEmail: offer.email,
        facilityPhone: offer.phone,
        items: [],
      };
      byFacility.set(offer.facilityId, request);
    }
    request.items.push({ index, offer, line: indicativeLine(offer, line.quantity) });
  });
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  // Requests in the order their facility first appears in the basket.
  return { ok: true, requests: [...byFacility.values()] };
}
