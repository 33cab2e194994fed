import { describe, expect, it } from 'vitest';
import { buildOffers, offersBySku } from '~/sourcing/offers';
import { planQuote } from '~/sourcing/quote-plan';
import { AS_OF, fixtureCatalogue } from './fixtures';

const offers = offersBySku(buildOffers(fixtureCatalogue(), AS_OF));

describe('planQuote', () => {
  it('splits a basket into one request per facility, in basket order, with tier prices', () => {
    const plan = planQuote(
      [
        { sku: 'NM-CK-500', quantity: 100 },
        { sku: 'GOM-BINH-30', quantity: 20 },
        { sku: 'NM-CK-5L', quantity: 10 },
        { sku: 'DAO-RUA-01', quantity: 150 },
      ],
      offers,
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(
      plan.requests.map((r) => [r.facilityId, r.items.map((i) => [i.index, i.offer.sku, i.line.unitPrice])]),
    ).toEqual([
      [
        'htx-nuoc-mam',
        [
          [0, 'NM-CK-500', 98_000],
          [2, 'NM-CK-5L', 900_000],
        ],
      ],
      ['gom-minh-long', [[1, 'GOM-BINH-30', 450_000]]],
      ['co-khi-son-ha', [[3, 'DAO-RUA-01', 150_000]]],
    ]);
    expect(plan.requests.map((r) => r.facilityEmail)).toEqual([
      'htx@nuocmam.example.vn',
      'banhang@gom.example.vn',
      undefined,
    ]);
  });

  it('names every quantity under its MOQ and every unknown SKU by field', () => {
    const plan = planQuote(
      [
        { sku: 'NM-CK-500', quantity: 47 },
        { sku: 'GOM-BINH-30', quantity: 20 },
        { sku: 'NO-SUCH-SKU', quantity: 5 },
        { sku: 'DAO-THU-HOI', quantity: 5 },
      ],
      offers,
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(Object.keys(plan.fields).sort()).toEqual(['items.0.quantity', 'items.2.sku', 'items.3.sku']);
    expect(plan.fields['items.0.quantity']).toMatch(/minimum order quantity of 48/);
  });
});
