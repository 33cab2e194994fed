/**
 * Bulk data for the console benchmark (70-console.ts): a year of orders with their shipments,
 * items, payments, events, refunds and messages, and counterfeit reports, with the spread a
 * national storefront would have: repeat buyers, a few facilities with most of the orders, half
 * the orders cash on delivery, recent orders still open, old ones shipped or cancelled, a few
 * card orders stuck. Deterministic (seeded), inserted with unnest() batches over one client.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { newOrderNumber } from '~/commerce/orders/order-number';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** mulberry32: a small seeded generator, so every run inserts the same data. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index i of n with weight 1/(i+1)^s: a few popular, a long tail. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1) ** s;
    cumulative.push(sum);
  }
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

type Value = string | number | null;
interface Column {
  name: string;
  type: string;
}

/** Inserts rows (one array of values per column) in batches of one unnest() statement each. */
async function insert(client: pg.Client, table: string, columns: Column[], rows: Value[][]): Promise<void> {
  const BATCH = 10_000;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const arrays = columns.map((_, c) => batch.map((row) => row[c] ?? null));
    await client.query(
      `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT * FROM unnest(${columns
        .map((c, i) => `$${i + 1}::${c.type}[]`)
        .join(', ')})`,
      arrays,
    );
  }
}

const cols = (spec: string): Column[] =>
  spec.split(',').map((pair) => {
    const [name, type] = pair.trim().split(':') as [string, string];
    return { name, type };
  });

export interface ConsoleData {
  orders: number;
  shipments: number;
  items: number;
  events: number;
  messages: number;
  refunds: number;
  /** Paid orders still owed money back (marked for the refunds queue). */
  refundsDue: number;
  reports: number;
  /** Values the timed searches draw from. */
  orderNumbers: string[];
  phones: string[];
  emails: string[];
  /** Facility ids, most ordered from first. */
  facilityIds: string[];
  stuckCardOrders: number;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const GIVEN = ['Thị Lan', 'Văn Nam', 'Thị Hoa', 'Minh Tuấn', 'Thu Hà', 'Quốc Bảo', 'Ngọc Anh', 'Đức Huy'];
const PROVINCES = ['Hà Nội', 'Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Huế', 'An Giang', 'Lâm Đồng'];

export async function insertConsoleData(
  client: pg.Client,
  options: { orders: number; reports: number; now: Date; progress: (line: string) => void },
): Promise<ConsoleData> {
  const random = seeded(15);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const now = options.now.getTime();

  const facilities = (
    JSON.parse(readFileSync('content/registry/facilities.json', 'utf8')) as { id: string; name: string }[]
  ).slice(0, 300);
  const facilityOf = zipf(facilities.length, 1, random);
  const certificates = (
    JSON.parse(readFileSync('content/registry/certificates.json', 'utf8')) as { id: string }[]
  ).map((c) => c.id);
  const certificateOf = zipf(certificates.length, 0.9, random);

  // 40,000 buyers; a quarter of the orders come from the 2,000 most loyal.
  const buyers = Array.from({ length: 40_000 }, (_, i) => ({
    phone: `0${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    email: random() < 0.7 ? `khach${i}@example.vn` : null,
    name: `${pick(FAMILY)} ${pick(GIVEN)}`,
    province: pick(PROVINCES),
  }));
  const buyerOf = zipf(buyers.length, 0.6, random);

  const times = Array.from({ length: options.orders }, () => now - Math.floor(random() * 365 * DAY)).sort(
    (a, b) => a - b,
  );
  const numbers = new Set<string>();
  const orderRows: Value[][] = [];
  const shipmentRows: Value[][] = [];
  const itemRows: Value[][] = [];
  const paymentRows: Value[][] = [];
  const eventRows: Value[][] = [];
  const messageRows: Value[][] = [];
  const refundRows: Value[][] = [];
  let shipmentId = 0;
  let stuck = 0;
  const iso = (ms: number) => new Date(ms).toISOString();

  const message = (kind: string, ref: string, to: string, at: number) => {
    const roll = random();
    const age = now - at;
    // Delivered within seconds, except the last minute's and a few failures.
    const status = age < MINUTE ? 'pending' : roll < 0.003 ? 'failed' : roll < 0.005 ? 'pending' : 'sent';
    const attempts =
      status === 'failed' ? 12 : status === 'pending' && age >= MINUTE ? 3 : status === 'sent' ? 1 : 0;
    messageRows.push([
      kind,
      ref,
      to,
      `[Chợ CNNT] ${kind} ${ref}`,
      `Xin chào,\n\nĐơn hàng ${ref}: ${kind}.\nXem đơn tại https://cho-cnnt.vn/orders/${ref.split('/')[0]}/\n\nChợ CNNT`,
      status,
      attempts,
      iso(status === 'pending' ? at + attempts * 30_000 : at),
      status === 'sent' ? null : attempts > 0 ? 'connect ECONNREFUSED 10.0.0.25:587' : null,
      iso(at),
      status === 'sent' ? iso(at + 2_000) : null,
    ]);
  };

  for (let i = 0; i < options.orders; i++) {
    const id = i + 1;
    const placed = times[i]!;
    const age = now - placed;
    let orderNumber: string;
    do orderNumber = newOrderNumber(new Date(placed), (max) => Math.floor(random() * max));
    while (numbers.has(orderNumber));
    numbers.add(orderNumber);
    const buyer = buyers[buyerOf()]!;
    const roll = random();
    const method = roll < 0.5 ? 'cod' : roll < 0.75 ? 'bank_transfer' : 'card';

    // The payment and the order's status, by method and age.
    let status: 'pending_payment' | 'placed' | 'cancelled' = 'placed';
    let paymentStatus: 'pending' | 'paid' | 'failed' | 'expired' = 'pending';
    let paidAt: number | null = null;
    let session: string | null = method === 'card' ? `cs_bench_${id}` : null;
    let cancelReason: string | null = null;
    const outcome = random();
    if (method === 'card') {
      if (age < 30 * MINUTE) status = 'pending_payment';
      else if (
        stuck < 30 &&
        ((age < DAY && outcome < 0.4) || (age > DAY + 20 * MINUTE && age < 3 * DAY && outcome < 0.08))
      ) {
        // The card_stuck queue: a crash before the session was made (the last day's), or a
        // session past its expiry that the expiry job missed (it was down).
        status = 'pending_payment';
        if (age < DAY) session = null;
        stuck++;
      } else if (outcome < 0.9) {
        paymentStatus = 'paid';
        paidAt = placed + 3 * MINUTE;
      } else {
        status = 'cancelled';
        paymentStatus = outcome < 0.97 ? 'expired' : 'failed';
        cancelReason = paymentStatus === 'expired' ? 'payment_expired' : 'payment_failed';
      }
    } else if (method === 'bank_transfer') {
      if (outcome < 0.05 && age > 3 * DAY) {
        status = 'cancelled';
        cancelReason = 'Khách không chuyển khoản';
      } else if ((age < 3 * DAY && outcome < 0.5) || outcome < 0.07) paymentStatus = 'pending';
      else {
        paymentStatus = 'paid';
        paidAt = placed + Math.floor(random() * 2 * DAY);
        if (paidAt > now) paidAt = now - MINUTE;
      }
    } else if (outcome < 0.05) {
      status = 'cancelled';
      cancelReason = 'Khách hủy qua điện thoại';
    }

    // One shipment per facility, 1–3 facilities.
    const shipmentCount = random() < 0.7 ? 1 : random() < 0.73 ? 2 : 3;
    const chosen = new Set<number>();
    while (chosen.size < shipmentCount) chosen.add(facilityOf());
    let subtotal = 0;
    let shippingTotal = 0;
    let cancelledShipments = 0;
    const shipmentsOfOrder: { id: number; facilityId: string; total: number; status: string }[] = [];
    for (const f of chosen) {
      const facility = facilities[f]!;
      shipmentId++;
      let goods = 0;
      const lines = 1 + Math.floor(random() * 3);
      for (let l = 0; l < lines; l++) {
        const unit = (30 + Math.floor(random() * 870)) * 1000;
        const quantity = 1 + Math.floor(random() * 5);
        goods += unit * quantity;
        itemRows.push([
          id,
          shipmentId,
          `${facility.id.slice(0, 12).toUpperCase()}-${l}`,
          `${facility.id}-p${l}`,
          `Sản phẩm ${l + 1} của ${facility.name}`,
          'Hộp 500 g',
          'Hộp 500 g',
          unit,
          quantity,
          unit * quantity,
        ]);
      }
      const fee = goods >= 500_000 ? 0 : 30_000;
      // A shipment's progress: cancelled with its order, waiting while unpaid, then by age.
      let sStatus = 'pending';
      const r = random();
      if (status === 'cancelled') sStatus = 'cancelled';
      else if (status === 'pending_payment') sStatus = 'pending';
      else if (age > 10 * DAY) sStatus = r < 0.92 ? 'shipped' : r < 0.96 ? 'cancelled' : 'confirmed';
      else if (age > 2 * DAY)
        sStatus = r < 0.6 ? 'shipped' : r < 0.9 ? 'confirmed' : r < 0.97 ? 'pending' : 'cancelled';
      else sStatus = r < 0.6 ? 'pending' : r < 0.9 ? 'confirmed' : 'shipped';
      const confirmedAt =
        sStatus === 'confirmed' || sStatus === 'shipped' ? Math.min(placed + 4 * 3600_000, now) : null;
      const shippedAt = sStatus === 'shipped' ? Math.min(placed + 30 * 3600_000, now) : null;
      const cancelledAt =
        sStatus === 'cancelled' ? Math.min(placed + (cancelReason ? DAY : 6 * 3600_000), now) : null;
      const reason = sStatus === 'cancelled' ? (cancelReason ?? 'Hết hàng') : null;
      const tracking = shippedAt ? `GHN${String(shipmentId).padStart(9, '0')}` : null;
      shipmentRows.push([
        shipmentId,
        id,
        facility.id,
        facility.name,
        `${facility.id}@example.vn`,
        sStatus,
        goods,
        fee,
        goods + fee,
        tracking,
        reason,
        confirmedAt === null ? null : iso(confirmedAt),
        shippedAt === null ? null : iso(shippedAt),
        cancelledAt === null ? null : iso(cancelledAt),
      ]);
      if (confirmedAt !== null)
        eventRows.push([id, shipmentId, 'shipment_confirmed', iso(confirmedAt), null]);
      if (shippedAt !== null) eventRows.push([id, shipmentId, 'shipment_shipped', iso(shippedAt), tracking]);
      if (cancelledAt !== null)
        eventRows.push([id, shipmentId, 'shipment_cancelled', iso(cancelledAt), reason]);
      if (sStatus === 'cancelled') cancelledShipments++;
      subtotal += goods;
      shippingTotal += fee;
      shipmentsOfOrder.push({ id: shipmentId, facilityId: facility.id, total: goods + fee, status: sStatus });
      // The facility hears once the order is placed (card: once paid).
      if (status === 'placed' || paidAt !== null)
        message(
          'facility-new-order',
          `${orderNumber}/${facility.id}`,
          `${facility.id}@example.vn`,
          paidAt ?? placed,
        );
      if (buyer.email && sStatus !== 'pending')
        message(
          'shipment-update',
          `${orderNumber}/${facility.id}/${sStatus}${tracking ? `/${tracking}` : ''}`,
          buyer.email,
          shippedAt ?? cancelledAt ?? confirmedAt ?? placed,
        );
    }
    if (status !== 'cancelled' && cancelledShipments === shipmentCount) status = 'cancelled';
    const total = subtotal + shippingTotal;
    orderRows.push([
      id,
      orderNumber,
      status,
      method,
      random() < 0.93 ? 'vi' : 'en',
      buyer.name,
      buyer.phone,
      buyer.email,
      `${1 + Math.floor(random() * 300)} Đường số ${1 + Math.floor(random() * 40)}`,
      buyer.province,
      subtotal,
      shippingTotal,
      total,
      iso(placed),
      iso(paidAt ?? placed),
    ]);
    paymentRows.push([
      id,
      method,
      paymentStatus,
      total,
      session,
      session ? `https://checkout.stripe.com/c/pay/${session}` : null,
      paidAt === null ? null : iso(paidAt),
      iso(paidAt ?? placed),
      method === 'bank_transfer' && paidAt !== null ? total : null,
      method === 'bank_transfer' && paidAt !== null ? `FT${String(id).padStart(10, '0')}` : null,
    ]);
    if (paidAt !== null) eventRows.push([id, null, 'paid', iso(paidAt), null]);
    if (paymentStatus === 'expired' || paymentStatus === 'failed')
      eventRows.push([id, null, `payment_${paymentStatus}`, iso(placed + DAY), null]);
    if (status === 'cancelled') eventRows.push([id, null, 'cancelled', iso(placed + DAY), cancelReason]);
    if (buyer.email && (method !== 'card' || paidAt !== null))
      message(
        paidAt !== null && method === 'card' ? 'order-paid' : 'order-confirmation',
        orderNumber,
        buyer.email,
        paidAt ?? placed,
      );
    // Money for cancelled shipments of paid orders goes back (two days on); a few are still due.
    if (paidAt !== null)
      for (const s of shipmentsOfOrder)
        if (s.status === 'cancelled' && random() < 0.9 && age > 2 * DAY)
          refundRows.push([
            id,
            s.id,
            s.total,
            method,
            'succeeded',
            `bench-refund-${s.id}`,
            method === 'card' ? `re_bench_${s.id}` : null,
            method === 'card' ? null : `HT${s.id}`,
            'Cơ sở hủy lô hàng',
            'bench@cho-cnnt.vn',
            iso(placed + 2 * DAY),
            iso(placed + 2 * DAY),
            iso(placed + 2 * DAY),
          ]);
  }

  options.progress(
    `inserting ${orderRows.length} orders, ${shipmentRows.length} shipments, ${itemRows.length} items`,
  );
  await insert(
    client,
    'orders',
    cols(
      'id:bigint, order_number:text, status:text, payment_method:text, locale:text, buyer_name:text, buyer_phone:text, buyer_email:text, address:text, province:text, subtotal:bigint, shipping_total:bigint, total:bigint, created_at:timestamptz, updated_at:timestamptz',
    ),
    orderRows,
  );
  await insert(
    client,
    'shipments',
    cols(
      'id:bigint, order_id:bigint, facility_id:text, facility_name:text, facility_email:text, status:text, subtotal:bigint, shipping_fee:bigint, total:bigint, tracking_number:text, cancel_reason:text, confirmed_at:timestamptz, shipped_at:timestamptz, cancelled_at:timestamptz',
    ),
    shipmentRows,
  );
  await insert(
    client,
    'order_items',
    cols(
      'order_id:bigint, shipment_id:bigint, sku:text, product_id:text, product_name:text, variant_name:text, pack_size:text, unit_price:bigint, quantity:integer, line_total:bigint',
    ),
    itemRows,
  );
  await insert(
    client,
    'payments',
    cols(
      'order_id:bigint, method:text, status:text, amount:bigint, stripe_session_id:text, checkout_url:text, paid_at:timestamptz, updated_at:timestamptz, received_amount:bigint, reference:text',
    ),
    paymentRows,
  );
  options.progress(
    `inserting ${eventRows.length} order events, ${messageRows.length} messages, ${refundRows.length} refunds`,
  );
  await insert(
    client,
    'order_events',
    cols('order_id:bigint, shipment_id:bigint, kind:text, at:timestamptz, detail:text'),
    eventRows,
  );
  await insert(
    client,
    'outbox_messages',
    cols(
      'kind:text, ref:text, to_address:text, subject:text, text_body:text, status:text, attempts:integer, next_attempt_at:timestamptz, last_error:text, created_at:timestamptz, sent_at:timestamptz',
    ),
    messageRows,
  );
  await insert(
    client,
    'refunds',
    cols(
      'order_id:bigint, shipment_id:bigint, amount:bigint, method:text, status:text, idempotency_key:text, stripe_refund_id:text, reference:text, reason:text, requested_by:text, created_at:timestamptz, updated_at:timestamptz, succeeded_at:timestamptz',
    ),
    refundRows,
  );
  // The triggers of 0105 marked every paid order with a cancelled shipment as owing, at insert
  // time; leave the marks as the refund service would (markRefundDue): cleared where the
  // refunds cover what is owed, else dated from the last cancellation, as 0105 backfilled them.
  await client.query(
    `UPDATE payments p SET refund_due_since = CASE WHEN d.owed > d.given THEN d.since END
       FROM (SELECT q.order_id,
                    CASE WHEN o.status = 'cancelled' THEN coalesce(q.received_amount, q.amount)
                         ELSE least(c.total, coalesce(q.received_amount, q.amount)) END AS owed,
                    (SELECT coalesce(sum(r.amount), 0) FROM refunds r
                      WHERE r.order_id = q.order_id AND r.status <> 'failed') AS given,
                    c.since
               FROM payments q
               JOIN orders o ON o.id = q.order_id
               CROSS JOIN LATERAL (SELECT coalesce(sum(s.total), 0) AS total, max(s.cancelled_at) AS since
                                     FROM shipments s
                                    WHERE s.order_id = q.order_id AND s.status = 'cancelled') c
              WHERE q.refund_due_since IS NOT NULL) d
      WHERE p.order_id = d.order_id`,
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT max(id) FROM orders))`);
  await client.query(
    `SELECT setval(pg_get_serial_sequence('shipments', 'id'), (SELECT max(id) FROM shipments))`,
  );

  const reportRows: Value[][] = [];
  for (let i = 0; i < options.reports; i++) {
    const created = now - Math.floor(random() * 365 * DAY);
    const age = now - created;
    const outcomeRoll = random();
    const outcome = outcomeRoll < 0.45 ? 'not_found' : outcomeRoll < 0.7 ? 'bad_signature' : 'genuine_code';
    const r = random();
    // Recent reports wait for a person; older ones were mostly triaged.
    const status =
      age < 7 * DAY
        ? r < 0.6
          ? 'new'
          : r < 0.9
            ? 'investigating'
            : 'confirmed_counterfeit'
        : r < 0.03
          ? 'new'
          : r < 0.08
            ? 'investigating'
            : r < 0.23
              ? 'confirmed_counterfeit'
              : r < 0.68
                ? 'not_counterfeit'
                : 'closed';
    reportRows.push([
      outcome === 'not_found' ? `so ${Math.floor(random() * 900)} gcn` : `b1.cert.${i}`,
      outcome,
      outcome === 'not_found' ? null : certificates[certificateOf()]!,
      pick(['Chợ Đồng Xuân', 'Siêu thị Co.op', 'Shopee', 'Chợ Bến Thành', null]),
      random() < 0.5 ? 'Bao bì khác màu, tem mờ' : null,
      random() < 0.3 ? `0${900000000 + i}` : null,
      random() < 0.9 ? 'vi' : 'en',
      iso(created),
      status,
      iso(status === 'new' ? created : created + DAY),
    ]);
  }
  options.progress(`inserting ${reportRows.length} counterfeit reports`);
  await insert(
    client,
    'counterfeit_reports',
    cols(
      'code:text, outcome:text, certificate_id:text, place:text, details:text, contact:text, locale:text, created_at:timestamptz, status:text, updated_at:timestamptz',
    ),
    reportRows,
  );
  // As autovacuum leaves a settled database: statistics for the planner, visibility for index-only scans.
  await client.query('VACUUM ANALYZE');

  const allNumbers = [...numbers];
  const { rows: due } = await client.query(
    'SELECT count(*)::int AS n FROM payments WHERE refund_due_since IS NOT NULL',
  );
  return {
    orders: orderRows.length,
    shipments: shipmentRows.length,
    items: itemRows.length,
    events: eventRows.length,
    messages: messageRows.length,
    refunds: refundRows.length,
    refundsDue: due[0].n as number,
    reports: reportRows.length,
    orderNumbers: allNumbers,
    phones: [...new Set(orderRows.map((o) => o[6] as string))],
    emails: [...new Set(orderRows.map((o) => o[7]).filter((e): e is string => typeof e === 'string'))],
    facilityIds: facilities.map((f) => f.id),
    stuckCardOrders: stuck,
  };
}
