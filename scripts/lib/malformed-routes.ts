/**
 * What the malformed-request generator (./malformed-requests.ts) knows about each API route:
 * a body, query and path parameters the route would accept, and the values of the right type
 * its business rules refuse. The generator only ever sends these broken, so none of them may
 * be stored; a route missing here (added later) gets the generic shape: an empty object,
 * no query, "x" for each parameter.
 */
import { type Catalogue, todayInVietnam } from '~/catalogue';
import { offersOf } from '~/sourcing/offers';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON literal JSON.stringify cannot write (1e309, -0, NaN…), spliced in by toJsonText. */
export function rawLiteral(text: string): string {
  return `@@raw:${text}@@`;
}

export function toJsonText(value: Json): string {
  return JSON.stringify(value).replace(/"@@raw:(.*?)@@"/g, '$1');
}

/** Real identifiers of the catalogue the server runs with, so bodies get past the first checks. */
export interface Samples {
  productId: string;
  /** An in-stock SKU sold online. */
  sku: string;
  /** A SKU with a wholesale offer, and its minimum order quantity. */
  wholesaleSku: string;
  wholesaleMinimum: number;
  certificateId: string;
  /** STRIPE_WEBHOOK_SECRET of the server, for signatures that verify but must still be refused. */
  stripeWebhookSecret?: string | undefined;
  /** Seconds since 1970 for Stripe signature timestamps (the caller's clock: the rest is seeded). */
  unixTime: number;
}

export function samplesFrom(catalogue: Catalogue, now = new Date()): Omit<Samples, 'stripeWebhookSecret'> {
  const retail = [...catalogue.variantBySku.values()].find(
    ({ variant }) => variant.availability === 'in_stock' && variant.price > 0,
  );
  const offer =
    offersOf(catalogue, todayInVietnam(now)).find((o) => o.minOrderQuantity > 1) ??
    offersOf(catalogue, todayInVietnam(now))[0];
  const certificate = catalogue.data.certificates[0];
  if (!retail || !offer || !certificate) throw new Error('the catalogue has no sellable SKU or certificate');
  return {
    productId: retail.product.id,
    sku: retail.variant.sku,
    wholesaleSku: offer.sku,
    wholesaleMinimum: offer.minOrderQuantity,
    certificateId: certificate.id,
    unixTime: Math.floor(now.getTime() / 1000),
  };
}

/** One business rule broken with a value of the right type: [path, value, what it breaks]. */
export type BusinessCase = [path: string, value: Json, note: string];

export interface RouteShape {
  /** A body the route would accept as it is (never sent unbroken). */
  body?: (s: Samples, n: number) => Json;
  /**
   * The body refused by one business rule only (an unknown SKU, an empty code): the base for
   * changes that alone would leave a body acceptable (an unknown field, another content type).
   */
  refuse?: [path: string, value: Json];
  business?: (s: Samples) => BusinessCase[];
  /** Query parameters the route reads, with acceptable values. */
  query?: (s: Samples) => [string, string][];
  /** Acceptable-looking values of the [param] segments. */
  params?: (s: Samples) => Record<string, string>;
  /**
   * Headers the route checks on its own: a bad one is sent with the accepted body, which it alone
   * must get refused. Other routes ignore the header, so they get the refused body with it.
   */
  checksHeaders?: readonly string[];
}

const buyer = {
  name: 'Nguyễn Văn Thử',
  phone: '0912345678',
  email: 'thu@example.vn',
  address: '1 Tràng Tiền, phường Hoàn Kiếm',
  province: 'Hà Nội',
  notes: 'Giao giờ hành chính',
};

/** Stripe's shape of a Checkout Session event (never signed with the right secret unbroken). */
function stripeEvent(n: number): Json {
  return {
    id: `evt_malformed_${n}`,
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: `cs_malformed_${n}`,
        object: 'checkout.session',
        payment_status: 'paid',
        amount_total: 270000,
        currency: 'vnd',
        client_reference_id: 'CNNT-250614-K7QXM',
        metadata: { orderNumber: 'CNNT-250614-K7QXM' },
      },
    },
  };
}

export const ROUTE_SHAPES: Record<string, RouteShape> = {
  '/api/orders': {
    body: (s) => ({ items: [{ sku: s.sku, quantity: 1 }], buyer, paymentMethod: 'cod', locale: 'vi' }),
    refuse: ['items.0.sku', 'KHONG-CO-SKU-NAY'],
    checksHeaders: ['Idempotency-Key'],
    business: (s) => [
      ['items.0.quantity', 0, 'quantity 0'],
      ['items.0.quantity', -1, 'quantity -1'],
      ['items.0.quantity', rawLiteral('1e309'), 'quantity 1e309'],
      ['items.0.quantity', '1', 'quantity "1"'],
      ['items.0.quantity', 1.5, 'quantity 1.5'],
      ['items.0.quantity', 1001, 'quantity over the line maximum'],
      ['items.0.quantity', 2 ** 53 + 2, 'quantity 2^53+2'],
      ['items.0.sku', 'KHONG-CO-SKU-NAY', 'unknown SKU'],
      ['items.0.sku', '', 'empty SKU'],
      ['items.0.sku', 'X'.repeat(61), 'SKU of 61 characters'],
      ['items', [], 'no items'],
      ['items', Array.from({ length: 51 }, (_, i) => ({ sku: `${s.sku}-${i}`, quantity: 1 })), '51 lines'],
      [
        'items',
        [
          { sku: s.sku, quantity: 1 },
          { sku: s.sku, quantity: 1 },
        ],
        'the same SKU twice',
      ],
      ['buyer.phone', '09abcdefgh', 'phone with letters'],
      ['buyer.phone', '024 3825 1234', 'a landline'],
      ['buyer.phone', '+84 912 345 678 999', 'phone too long'],
      ['buyer.email', 'not-an-email', 'e-mail without @'],
      ['buyer.province', 'Atlantis', 'unknown province'],
      ['buyer.province', 'Hà Tây', 'a former province'],
      ['buyer.name', 'A', 'name of one letter'],
      ['buyer.address', 'ab', 'address too short'],
      ['buyer.notes', 'n'.repeat(501), 'notes of 501 characters'],
      ['paymentMethod', 'cash', 'unknown payment method'],
      ['paymentMethod', 'CARD', 'payment method in capitals'],
      ['locale', 'fr', 'unknown locale'],
    ],
  },
  '/api/orders/[orderNumber]': {
    query: () => [['phone', '0912345678']],
    params: () => ({ orderNumber: 'CNNT-250614-K7QXM' }),
  },
  '/api/products/[id]': { params: (s) => ({ id: s.productId }) },
  '/api/quotes': {
    body: (s, n) => ({
      items: [{ sku: s.wholesaleSku, quantity: s.wholesaleMinimum }],
      company: {
        name: 'Công ty TNHH Thử Nghiệm',
        taxCode: '0100109106',
        contactName: 'Trần Thị Thử',
        phone: '024 3825 1234',
        // One address per request: five well-formed requests per address and hour are allowed.
        email: `mua-${n}@example.vn`,
        province: 'Hà Nội',
      },
      targetDate: '2099-12-31',
      message: 'Xin báo giá sỉ',
      locale: 'vi',
    }),
    refuse: ['items.0.sku', 'KHONG-CO-SKU-NAY'],
    business: (s) => [
      ['items.0.quantity', 0, 'quantity 0'],
      ['items.0.quantity', -1, 'quantity -1'],
      ['items.0.quantity', rawLiteral('1e309'), 'quantity 1e309'],
      ['items.0.quantity', String(s.wholesaleMinimum), 'quantity as a string'],
      ['items.0.quantity', 10_000_001, 'quantity over the maximum'],
      ...(s.wholesaleMinimum > 1
        ? [['items.0.quantity', s.wholesaleMinimum - 1, 'under the minimum order'] as BusinessCase]
        : []),
      ['items.0.sku', 'KHONG-CO-SKU-NAY', 'unknown SKU'],
      ['items', [], 'no items'],
      ['company.taxCode', '0100109107', 'tax code with a wrong check digit'],
      ['company.taxCode', '0100109106-000', 'branch 000'],
      ['company.taxCode', 'MST0100109106', 'tax code with letters'],
      ['company.phone', 'goi-cho-toi', 'phone with letters'],
      ['company.phone', '12345', 'phone too short'],
      ['company.email', 'mua@', 'broken e-mail'],
      ['company.province', 'Atlantis', 'unknown province'],
      ['targetDate', '2001-01-01', 'target date in the past'],
      ['targetDate', '2099-02-30', 'February 30th'],
      ['targetDate', '31/12/2099', 'date in another format'],
      ['message', 'm'.repeat(2001), 'message of 2,001 characters'],
      ['homepage', 'http://spam.example', 'the honeypot filled'],
      ['locale', 'xx', 'unknown locale'],
    ],
  },
  '/api/quotes/[reference]': {
    query: () => [['email', 'mua@example.vn']],
    params: () => ({ reference: 'BG-7KQ3MZ2A' }),
  },
  '/api/reports': {
    body: (s) => ({
      code: s.certificateId,
      place: 'Chợ Bến Thành',
      details: 'Tem in mờ, số không khớp',
      contact: '0912345678',
      locale: 'vi',
    }),
    refuse: ['code', ''],
    business: () => [
      ['code', '', 'empty code'],
      ['code', '   ', 'code of spaces'],
      ['code', 'c'.repeat(260), 'code of 260 characters'],
      ['place', 'p'.repeat(201), 'place of 201 characters'],
      ['details', 'd'.repeat(2001), 'details of 2,001 characters'],
      ['contact', 'c'.repeat(201), 'contact of 201 characters'],
      ['locale', 'fr', 'unknown locale'],
    ],
  },
  '/api/search': {
    query: () => [
      ['q', 'nước mắm'],
      ['group', 'food'],
      ['level', 'national'],
      ['sort', 'price-asc'],
      ['page', '1'],
      ['limit', '20'],
      ['priceMin', '1000'],
      ['priceMax', '500000'],
      ['hasListing', 'true'],
    ],
  },
  '/api/verify': { query: (s) => [['code', s.certificateId]] },
  '/api/webhooks/stripe': {
    // Every variant is unsigned or signed so that it must not verify (malformed-http-kinds.ts).
    body: (_, n) => stripeEvent(n),
    checksHeaders: ['Stripe-Signature'],
  },
  '/api/wholesale/export.csv': {
    query: (s) => [
      ['items', `${s.wholesaleSku}:${s.wholesaleMinimum}`],
      ['lang', 'vi'],
    ],
  },
  '/api/wholesale/export.xlsx': {
    query: (s) => [
      ['items', `${s.wholesaleSku}:${s.wholesaleMinimum}`],
      ['lang', 'en'],
    ],
  },
};

/** A route nobody described yet: still fuzzed, with what every route must survive. */
export const GENERIC_SHAPE: RouteShape = { body: () => ({}) };
