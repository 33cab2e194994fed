import { describe, expect, it } from 'vitest';
import { priceOrder, shippingFee, unitPriceFor } from '~/commerce/cart/pricing';
import { orderRequestSchema } from '~/commerce/orders/order-input';
import { fixtureCatalogue, orderRequest, SHIPPING } from '../fixtures';

const catalogue = fixtureCatalogue();

describe('pricing', () => {
  it('splits an order into one shipment per facility with VND totals in whole đồng', () => {
    const result = priceOrder(
      catalogue,
      [
        { sku: 'NM-500', quantity: 2 },
        { sku: 'GOM-CHEN', quantity: 1 },
        { sku: 'NM-1000', quantity: 1 },
      ],
      SHIPPING,
    );
    if (!result.ok) throw new Error('expected a priced order');
    const { shipments, subtotal, shippingTotal, total } = result.order;
    expect(shipments.map((s) => [s.facilityId, s.subtotal, s.shippingFee, s.total])).toEqual([
      ['co-so-nuoc-mam', 480_000, 30_000, 510_000],
      ['htx-gom', 60_000, 30_000, 90_000],
    ]);
    expect([subtotal, shippingTotal, total]).toEqual([540_000, 60_000, 600_000]);
    expect(shipments[0]!.lines.map((l) => [l.sku, l.unitPrice, l.lineTotal, l.tracksStock])).toEqual([
      ['NM-500', 125_000, 250_000, true],
      ['NM-1000', 230_000, 230_000, false],
    ]);
  });

  it('ships free from the threshold, per shipment', () => {
    expect(shippingFee(499_999, SHIPPING)).toBe(30_000);
    expect(shippingFee(500_000, SHIPPING)).toBe(0);
    expect(shippingFee(10_000_000, { flatFee: 25_000, freeFrom: 0 })).toBe(25_000);
  });

  it('applies the best wholesale tier the quantity reaches', () => {
    const v = catalogue.variantBySku.get('NM-500')!.variant;
    expect([1, 19, 20, 99, 100, 500].map((q) => unitPriceFor(v, q))).toEqual([
      125_000, 125_000, 110_000, 110_000, 95_000, 95_000,
    ]);
  });

  it('keeps made-to-order lead times and refuses what cannot be ordered online', () => {
    const made = priceOrder(catalogue, [{ sku: 'GOM-BINH', quantity: 1 }], SHIPPING);
    expect(made.ok && made.order.shipments[0]!.lines[0]!.leadTimeDays).toBe(14);
    const bad = priceOrder(
      catalogue,
      [
        { sku: 'NM-GIFT', quantity: 1 },
        { sku: 'NOPE-1', quantity: 1 },
        { sku: 'NM-GIFT', quantity: 2 },
      ],
      SHIPPING,
    );
    expect(bad).toEqual({
      ok: false,
      problems: [
        { index: 0, sku: 'NM-GIFT', code: 'not_sold_online' },
        { index: 1, sku: 'NOPE-1', code: 'unknown_sku' },
        { index: 2, sku: 'NM-GIFT', code: 'duplicate_sku' },
      ],
    });
  });

  it('ignores any price a client sends', () => {
    const tampered = orderRequestSchema.parse({
      ...orderRequest(),
      items: [{ sku: 'NM-1000', quantity: 1, price: 1, unitPrice: 1, total: 1 }],
    });
    expect(tampered.items).toEqual([{ sku: 'NM-1000', quantity: 1 }]);
    const priced = priceOrder(catalogue, tampered.items, SHIPPING);
    expect(priced.ok && priced.order.total).toBe(260_000);
  });
});

describe('order request validation', () => {
  it('normalises phone, e-mail and province', () => {
    const parsed = orderRequestSchema.parse({
      ...orderRequest(),
      buyer: {
        name: ' Lan ',
        phone: '+84 912 345 678',
        email: ' Lan@Example.VN ',
        address: '12 Lê Lợi',
        province: 'tp ho chi minh',
        notes: '',
      },
    });
    expect(parsed.buyer).toEqual({
      name: 'Lan',
      phone: '0912345678',
      email: 'lan@example.vn',
      address: '12 Lê Lợi',
      province: 'Hồ Chí Minh',
    });
  });

  it('names every bad field', () => {
    const result = orderRequestSchema.safeParse({
      items: [
        { sku: 'NM-500', quantity: 0 },
        { sku: 'NM-1000', quantity: 1001 },
      ],
      buyer: { name: '', phone: '0212345678', email: 'x@', address: '', province: 'Hà Tây' },
      paymentMethod: 'cheque',
    });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'items.0.quantity',
        'items.1.quantity',
        'buyer.name',
        'buyer.phone',
        'buyer.email',
        'buyer.address',
        'buyer.province',
        'paymentMethod',
      ]),
    );
  });
});

describe('priceOrder and sellable products', () => {
  it('refuses the lines of products that may not be sold, and only those', () => {
    const result = priceOrder(
      fixtureCatalogue(),
      [
        { sku: 'NM-500', quantity: 1 },
        { sku: 'GOM-CHEN', quantity: 1 },
      ],
      SHIPPING,
      (productId) => productId !== 'gom-bat-trang',
    );
    expect(result).toEqual({ ok: false, problems: [{ index: 1, sku: 'GOM-CHEN', code: 'not_sellable' }] });
  });
});
