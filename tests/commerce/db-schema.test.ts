/** The drizzle tables of commerce and the outbox describe exactly the columns the SQL migrations create. */

import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commerce from '~/commerce/db-schema';
import { type DatabaseHandle, openDatabase } from '~/db/client';
import { outboxMessages } from '~/notifications/db-schema';

const tables: PgTable[] = [
  commerce.orders,
  commerce.shipments,
  commerce.orderItems,
  commerce.payments,
  commerce.webhookEvents,
  commerce.idempotencyKeys,
  commerce.stockLevels,
  commerce.stockReservations,
  outboxMessages,
];

describe('commerce tables: drizzle matches SQL', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ pgliteDir: 'memory://' });
  });
  afterAll(() => handle?.close());

  it.each(tables.map((t) => [getTableConfig(t).name, t] as const))('%s', async (name, table) => {
    const result = await handle.db.execute(
      sql`SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = ${name} ORDER BY column_name`,
    );
    const inSql = (result as { rows: { column_name: string; is_nullable: string }[] }).rows.map(
      (r) => `${r.column_name}${r.is_nullable === 'NO' ? '!' : ''}`,
    );
    const inDrizzle = getTableConfig(table)
      .columns.map((c) => `${c.name}${c.notNull ? '!' : ''}`)
      .sort();
    expect(inDrizzle).toEqual(inSql);
  });
});
