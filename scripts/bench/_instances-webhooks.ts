/**
 * Stripe webhooks across two instances (62-faults-instances): card orders are placed through
 * the proxy (their Checkout Sessions made by the local fake Stripe), then each order's
 * `checkout.session.completed` is delivered six times at once, three copies to each instance,
 * together with two copies of a second event for the same session
 * (`…async_payment_succeeded`). Each event id must be applied once (one answer says
 * duplicate: false, one webhook_events row), each order paid once, with one "paid" message.
 */
import Stripe from 'stripe';
import { type FakeStripe, sessionEvent } from '~tests/commerce/fake-stripe';
import { buyer, type Cluster, call, nextClient, perInstance, statusTally } from './_instances-cluster';

const CARD_ORDERS = 10;
const COMPLETED_COPIES = 6;
const SUCCEEDED_COPIES = 2;

interface Delivery {
  eventId: string;
  orderNumber: string;
  status: number;
  upstream: number;
  duplicate: boolean | undefined;
  outcome: string | undefined;
}

async function placeCardOrders(cluster: Cluster, sku: string): Promise<string[]> {
  const answers = await Promise.all(
    Array.from({ length: CARD_ORDERS }, () =>
      call(cluster, '/api/orders', {
        body: { items: [{ sku, quantity: 1 }], buyer, paymentMethod: 'card' },
        client: nextClient(),
      }),
    ),
  );
  const failed = answers.filter((a) => a.status !== 201);
  if (failed.length)
    throw new Error(`card orders refused: ${statusTally(failed)} ${JSON.stringify(failed[0]!.body)}`);
  return answers.map((a) => (a.body as { orderNumber: string }).orderNumber);
}

async function deliver(
  cluster: Cluster,
  stripe: Stripe,
  secret: string,
  event: ReturnType<typeof sessionEvent>,
  orderNumber: string,
  pin: number,
): Promise<Delivery> {
  const payload = JSON.stringify(event);
  const answer = await call(cluster, '/api/webhooks/stripe', {
    body: payload,
    pin,
    headers: { 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret }) },
  });
  const body = answer.body as { duplicate?: boolean; outcome?: string };
  return {
    eventId: event.id,
    orderNumber,
    status: answer.status,
    upstream: answer.upstream,
    duplicate: body.duplicate,
    outcome: body.outcome,
  };
}

/** Places the card orders, races their events on both instances; returns the order numbers. */
export async function checkWebhooks(
  cluster: Cluster,
  fake: FakeStripe,
  secret: string,
  sku: string,
): Promise<string[]> {
  const orderNumbers = await placeCardOrders(cluster, sku);
  const stripe = new Stripe('sk_test_bench_signing_only');
  const prefix = `evt_bench_${process.pid}_${Date.now()}`;
  const sends: Promise<Delivery>[] = [];
  orderNumbers.forEach((orderNumber, i) => {
    const session = fake.sessions.find((s) => s.client_reference_id === orderNumber);
    if (!session) throw new Error(`no Checkout Session for ${orderNumber}`);
    const paid = { payment_status: 'paid' as const, status: 'complete' as const };
    const completed = sessionEvent(`${prefix}_${i}_c`, 'checkout.session.completed', session, paid);
    const succeeded = sessionEvent(
      `${prefix}_${i}_s`,
      'checkout.session.async_payment_succeeded',
      session,
      paid,
    );
    for (let copy = 0; copy < COMPLETED_COPIES; copy++)
      sends.push(deliver(cluster, stripe, secret, completed, orderNumber, copy % 2));
    for (let copy = 0; copy < SUCCEEDED_COPIES; copy++)
      sends.push(deliver(cluster, stripe, secret, succeeded, orderNumber, copy % 2));
  });
  console.log(`  ${sends.length} webhook deliveries for ${CARD_ORDERS} card orders, both instances at once…`);
  const deliveries = await Promise.all(sends);
  await judge(cluster, orderNumbers, prefix, deliveries);
  return orderNumbers;
}

async function judge(
  cluster: Cluster,
  orderNumbers: string[],
  prefix: string,
  deliveries: Delivery[],
): Promise<void> {
  const problems: string[] = [];
  const events = new Map<string, Delivery[]>();
  for (const d of deliveries) events.set(d.eventId, [...(events.get(d.eventId) ?? []), d]);
  const appliedPerEvent = [...events.values()].map((copies) => copies.filter((c) => c.duplicate === false));
  const notOnce = appliedPerEvent.filter((a) => a.length !== 1).length;
  if (notOnce) problems.push(`${notOnce} events not applied exactly once by the answers`);
  const reachedBoth = [...events.values()].filter((copies) => perInstance(copies).every((n) => n > 0)).length;
  if (reachedBoth !== events.size)
    problems.push(`only ${reachedBoth} of ${events.size} events reached both instances`);
  const non200 = deliveries.filter((d) => d.status !== 200).length;
  if (non200) problems.push(`${non200} deliveries not answered 200`);
  // Per order: one of its two events paid it, the other found it paid already.
  const firstOutcomes = orderNumbers.map((n) =>
    appliedPerEvent
      .flat()
      .filter((d) => d.orderNumber === n)
      .map((d) => d.outcome)
      .sort()
      .join('+'),
  );
  const wrong = firstOutcomes.filter((o) => o !== 'already_paid+paid').length;
  if (wrong) problems.push(`${wrong} orders whose two events did not give paid + already_paid`);

  const { rows: rowCounts } = await cluster.db.query(
    'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS ids FROM webhook_events WHERE event_id LIKE $1',
    [`${prefix}_%`],
  );
  const recorded = rowCounts[0].n as number;
  if (recorded !== events.size) problems.push(`${recorded} webhook_events rows for ${events.size} events`);
  const { rows: paymentRows } = await cluster.db.query(
    `SELECT o.order_number, o.status AS order_status, p.status AS payment_status,
            (SELECT count(*)::int FROM payments q WHERE q.order_id = o.id) AS payments,
            (SELECT count(*)::int FROM outbox_messages m WHERE m.kind = 'order-paid' AND m.ref = o.order_number) AS paid_mails
       FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.order_number = ANY($1)`,
    [orderNumbers],
  );
  const paid = paymentRows.filter((r) => r.payment_status === 'paid' && r.order_status === 'placed').length;
  const onePayment = paymentRows.filter((r) => r.payments === 1).length;
  const onePaidMail = paymentRows.filter((r) => r.paid_mails === 1).length;
  if (paid !== CARD_ORDERS) problems.push(`${paid} of ${CARD_ORDERS} orders paid and placed`);
  if (onePayment !== CARD_ORDERS)
    problems.push(`${CARD_ORDERS - onePayment} orders without exactly one payment row`);
  if (onePaidMail !== CARD_ORDERS)
    problems.push(`${CARD_ORDERS - onePaidMail} orders without exactly one "paid" message`);
  const [toA, toB] = perInstance(deliveries);
  const [appliedA, appliedB] = perInstance(appliedPerEvent.flat());
  cluster.checks.report(
    `Stripe events ×${COMPLETED_COPIES}+${SUCCEEDED_COPIES} on 2 instances`,
    {
      card_orders: CARD_ORDERS,
      events: events.size,
      deliveries: deliveries.length,
      statuses: statusTally(deliveries),
      delivered_to_a: toA,
      delivered_to_b: toB,
      applied_by_a: appliedA,
      applied_by_b: appliedB,
      webhook_event_rows: recorded,
      orders_paid: paid,
      one_payment_row: onePayment,
      one_paid_message: onePaidMail,
    },
    problems,
  );
}
