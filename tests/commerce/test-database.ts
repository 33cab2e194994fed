/**
 * The database part of the commerce integration suites: call inside a describe per engine. Opens
 * the engine once, and before each test empties the commerce tables and builds a fresh order
 * context (a new catalogue object per test re-seeds stock into the emptied table).
 */

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { OrderContext } from '~/commerce/orders/orders-service';
import type { Database, DatabaseHandle } from '~/db/client';
import type { TestEngine } from '../notifications/test-databases';
import { fixtureCatalogue, SHIPPING, TEST_BANK_ACCOUNT } from './fixtures';

const COMMERCE_TABLES =
  'orders, shipments, order_items, payments, webhook_events, idempotency_keys, stock_levels, stock_reservations, outbox_messages';

export interface CommerceDatabase {
  /** The open database (set in beforeAll). */
  readonly db: Database;
  /** This test's order context (rebuilt before each test). */
  readonly ctx: OrderContext;
}

/** `extra` adds to each test's context, e.g. a card gateway. */
export function useCommerceDatabase(
  engine: TestEngine,
  extra: () => Partial<OrderContext> = () => ({}),
): CommerceDatabase {
  let handle: DatabaseHandle | undefined;
  let ctx: OrderContext | undefined;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle!.db.execute(sql.raw(`TRUNCATE ${COMMERCE_TABLES} CASCADE`));
    ctx = {
      db: handle!.db,
      catalogue: fixtureCatalogue(),
      shipping: SHIPPING,
      bank: TEST_BANK_ACCOUNT,
      ...extra(),
    };
  });
  return {
    get db() {
      return handle!.db;
    },
    get ctx() {
      return ctx!;
    },
  };
}
