import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BASKET_LINES } from '~/sourcing/basket-items';
import {
  BASKET_STORAGE_KEY,
  clearBasket,
  type OfferSnapshot,
  onBasketChange,
  putInBasket,
  readBasket,
  removeFromBasket,
  setQuantity,
} from '~/sourcing/client/basket-store';

const offer = (sku: string): OfferSnapshot => ({
  sku,
  productName: 'Nước mắm Phan Thiết',
  variantName: 'Chai 500 ml',
  productPath: '/products/nuoc-mam/',
  facilityId: 'fac-1',
  facilityName: 'Cơ sở Hồng Phát',
  price: 85_000,
  wholesaleTiers: [{ minQuantity: 100, unitPrice: 70_000 }],
  minOrderQuantity: 50,
});

/** A localStorage in memory and a window that only takes listeners: what the store touches. */
function fakeBrowser() {
  const items = new Map<string, string>();
  const storageListeners = new Set<(e: StorageEvent) => void>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  });
  vi.stubGlobal('window', {
    addEventListener: (_: string, l: (e: StorageEvent) => void) => storageListeners.add(l),
    removeEventListener: (_: string, l: (e: StorageEvent) => void) => storageListeners.delete(l),
  });
  return {
    items,
    /** Another tab wrote `key`. */
    storageEvent: (key: string) => {
      for (const l of storageListeners) l({ key } as StorageEvent);
    },
  };
}

describe('quote basket store', () => {
  let browser: ReturnType<typeof fakeBrowser>;
  beforeEach(() => {
    browser = fakeBrowser();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('adds an offer, sets the quantity of one already there, removes and clears', () => {
    putInBasket(offer('A-1'), 50);
    putInBasket(offer('B-1'), 60);
    putInBasket(offer('A-1'), 120);
    expect(readBasket().map((e) => [e.offer.sku, e.quantity])).toEqual([
      ['A-1', 120],
      ['B-1', 60],
    ]);
    setQuantity('B-1', 75);
    removeFromBasket('A-1');
    expect(readBasket().map((e) => [e.offer.sku, e.quantity])).toEqual([['B-1', 75]]);
    clearBasket();
    expect(readBasket()).toEqual([]);
  });

  it('gives the same array while storage is unchanged (a stable snapshot for React)', () => {
    putInBasket(offer('A-1'), 50);
    expect(readBasket()).toBe(readBasket());
  });

  it('reads unreadable or hand-edited storage as empty, and drops malformed lines', () => {
    browser.items.set(BASKET_STORAGE_KEY, '{not json');
    expect(readBasket()).toEqual([]);
    browser.items.set(
      BASKET_STORAGE_KEY,
      JSON.stringify([
        { offer: offer('A-1'), quantity: 0 },
        { offer: { sku: 'X' }, quantity: 5 },
        { offer: offer('B-1'), quantity: 60 },
      ]),
    );
    expect(readBasket().map((e) => e.offer.sku)).toEqual(['B-1']);
  });

  it(`keeps at most ${MAX_BASKET_LINES} lines`, () => {
    for (let i = 0; i <= MAX_BASKET_LINES; i++) putInBasket(offer(`SKU-${i}`), 50);
    expect(readBasket()).toHaveLength(MAX_BASKET_LINES);
    expect(readBasket().some((e) => e.offer.sku === `SKU-${MAX_BASKET_LINES}`)).toBe(false);
  });

  it('tells listeners about changes in this page and in other tabs until they unsubscribe', () => {
    const listener = vi.fn();
    const stop = onBasketChange(listener);
    putInBasket(offer('A-1'), 50);
    browser.storageEvent(BASKET_STORAGE_KEY);
    browser.storageEvent('cho-cnnt:cart:v1');
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    putInBasket(offer('A-1'), 60);
    browser.storageEvent(BASKET_STORAGE_KEY);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
