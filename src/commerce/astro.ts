/**
 * Wiring for the server's routes: the database, configuration and Stripe client behind an
 * OrderContext. Routes pass the catalogue they got from astro:content (this file stays free
 * of astro:* so CLIs and benchmarks can use it too).
 */
import type { Catalogue } from '~/catalogue';
import type { ShippingRule } from '~/commerce/cart/pricing';
import type { OrderContext } from '~/commerce/orders/orders-service';
import { bankAccount } from '~/commerce/payments/bank-transfer';
import { expireStuckCardOrders } from '~/commerce/payments/card-expiry';
import { stripeClient, stripeGateway } from '~/commerce/payments/stripe';
import { env } from '~/config/env';
import { log } from '~/config/log';
import { database } from '~/db/client';
import { kickDelivery } from '~/notifications/astro';
import { clientAddress } from '~/security/client-address';
import type { ClientLimit } from '~/security/rate-limit';
import { serverRateLimiter } from '~/security/server-limiter';

export function shippingRule(): ShippingRule {
  const { SHIPPING_FLAT_VND, SHIPPING_FREE_FROM_VND } = env();
  return { flatFee: SHIPPING_FLAT_VND, freeFrom: SHIPPING_FREE_FROM_VND };
}

/** Pass the catalogue with live revocations (verification's liveCatalogue): revoked goods are not sold. */
export async function orderContext(catalogue: Catalogue): Promise<OrderContext> {
  const { db } = await database();
  startCardOrderExpiry();
  const stripe = stripeClient();
  return {
    db,
    catalogue,
    shipping: shippingRule(),
    card: stripe ? stripeGateway(stripe) : undefined,
    bank: bankAccount(catalogue.isSample),
  };
}

const EXPIRY_SWEEP_MS = 60_000;
// One timer per process: the server's own modules and the built site's bundle each hold a copy
// of this module (as with the outbox worker), so the timer lives on globalThis.
const EXPIRY = Symbol.for('cnnt.commerce.card-expiry');
const expiry = (globalThis as Record<symbol, { timer?: ReturnType<typeof setInterval> }>)[EXPIRY] ?? {};
(globalThis as Record<symbol, unknown>)[EXPIRY] = expiry;

/**
 * Starts the background job that expires stuck card orders (./payments/card-expiry.ts): now and
 * every minute, in this process (safe with several instances). Meant to be called at server
 * boot; orderContext also calls it, so the first order request starts it at the latest.
 */
export function startCardOrderExpiry(): void {
  if (expiry.timer) return;
  const sweep = async () => {
    try {
      const { db } = await database();
      const expired = await expireStuckCardOrders(db);
      if (expired.length) {
        log().warn({ orders: expired }, 'expired unpaid card orders');
        kickDelivery();
      }
    } catch (error) {
      log().error({ err: error }, 'card order expiry failed');
    }
  };
  expiry.timer = setInterval(sweep, EXPIRY_SWEEP_MS);
  expiry.timer.unref();
  void sweep();
}

/** Stops the job (graceful shutdown). */
export function stopCardOrderExpiry(): void {
  if (expiry.timer) clearInterval(expiry.timer);
  expiry.timer = undefined;
}

/**
 * The server's limiter (shared by every instance with DATABASE_URL or REDIS_URL) counting order
 * lookups and placements for whoever sent `request` (see clientAddress); API and pages share
 * it, and the rules it applies are in ./limits.ts.
 */
export function orderLimitFor(request: Request, socketAddress: string | undefined): ClientLimit {
  return { limiter: serverRateLimiter(), client: clientAddress(request, socketAddress) };
}
/** For the listings a facility saves (src/listings/): the stock they set, in the save's transaction. */
export { remainingStock, setStock } from './cart/stock-store';
export { ORDER_EVENT_KINDS, SHIPMENT_STATUSES, type ShipmentStatus } from './db-schema';
export { type CommerceQueueCounts, commerceQueueCounts } from './orders/console-queues';
export { orderEventsOf } from './orders/order-events-store';
export {
  nextPageQuery,
  type OrderSearch,
  type ParsedOrderSearch,
  parseOrderSearch,
} from './orders/order-search';
export {
  ORDER_PAGE_SIZE,
  type OrderPage,
  type OrderSummary,
  searchOrders,
} from './orders/order-search-store';
export { loadOrder, type OrderDetails } from './orders/order-store';
export { orderTimeline, type TimelineEntry, type TimelineMessage } from './orders/order-timeline';
export type { Statement, StatementLine, StatementProblem } from './payments/bank-statement';
export { readStatementFile, STATEMENT_MAX_BYTES, type StatementFileError } from './payments/statement-file';
export type { MatchStatus, StatementMatch } from './payments/statement-matching';
export {
  loadStatement,
  type StoredStatement,
  saveStatement,
  statementMatches,
} from './payments/statement-store';
export { parseAmount } from './payments/statement-values';
export {
  type AwaitedTransfer,
  awaitedTransfers,
  TRANSFER_QUEUE_PAGE_SIZE,
} from './payments/transfer-queue-store';
export { markTransferPaid, type TransferOutcome, type TransferReceipt } from './payments/transfer-receipts';
export { type OrderRefunds, orderRefunds } from './refunds/order-refunds';
export type { RefundPlan, RefundScope, ShipmentRefund } from './refunds/refund-amounts';
export { refundDeps } from './refunds/refund-deps';
export {
  type RefundDeps,
  type RefundError,
  type RefundOutcome,
  requestRefund,
  retryRefund,
} from './refunds/refund-service';
export { type RefundQueueRow, type RefundRow, refundQueue } from './refunds/refund-store';
/** For the facility portal's inbox: a facility's shipments, and the signed link's page handling for a person. */
export {
  FACILITY_INBOX_PAGE_SIZE,
  type FacilityShipmentPage,
  type FacilityShipmentQuery,
  type FacilityShipmentRow,
  facilityShipmentCounts,
  listFacilityShipments,
} from './shipments/facility-inbox-store';
export { type ShipmentIdentity, type ShipmentPageState, shipmentPageState } from './shipments/facility-page';
export type { ShipmentActor } from './shipments/shipment-actions';
